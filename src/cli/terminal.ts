/** What the process is connected to, decided once at the entry point and passed down as plain data. */
import { Chalk, type ChalkInstance } from 'chalk';

export interface Terminal {
  /** stdout is a terminal (tables are the default format there). */
  isTTY: boolean;
  color: ChalkInstance;
  colorEnabled: boolean;
  width: number;
}

/** What colour depends on besides the options; the process's own unless a test gives others. */
export interface Surroundings {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { isTTY?: boolean; columns?: number };
}

/**
 * Colour only where a person sees it and nothing asks otherwise: --no-color, a non-empty NO_COLOR,
 * FORCE_COLOR=0 (or false) and a dumb terminal (TERM=dumb: it shows escape codes as text) turn it off;
 * FORCE_COLOR=1..3 turns it on even when piped; a file (--out) never gets colour.
 */
export function detectTerminal(
  options: { color: boolean; out?: string | undefined },
  surroundings: Surroundings = { env: process.env, stdout: process.stdout },
): Terminal {
  const { env, stdout } = surroundings;
  const isTTY = stdout.isTTY === true;
  const noColorEnv = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const force = env['FORCE_COLOR'];
  const forcedOff = force === '0' || force?.toLowerCase() === 'false';
  const forcedOn = force !== undefined && force !== '' && !forcedOff;
  const dumb = env['TERM'] === 'dumb';
  const colorEnabled = options.color && !noColorEnv && !forcedOff && options.out === undefined && (forcedOn || (isTTY && !dumb));
  return {
    isTTY,
    color: new Chalk({ level: colorEnabled ? 2 : 0 }),
    colorEnabled,
    width: stdout.columns ?? 100,
  };
}
