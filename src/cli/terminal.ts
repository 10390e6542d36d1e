/** What the process is connected to, decided once at the entry point and passed down as plain data. */
import { Chalk, type ChalkInstance } from 'chalk';

export interface Terminal {
  /** stdout is a terminal (tables are the default format there). */
  isTTY: boolean;
  color: ChalkInstance;
  colorEnabled: boolean;
  width: number;
}

export function detectTerminal(options: { color: boolean; out?: string | undefined }): Terminal {
  const isTTY = process.stdout.isTTY === true;
  const noColorEnv = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const forced = process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0';
  const colorEnabled = options.color && !noColorEnv && options.out === undefined && (isTTY || forced);
  return {
    isTTY,
    color: new Chalk({ level: colorEnabled ? 2 : 0 }),
    colorEnabled,
    width: process.stdout.columns ?? 100,
  };
}
