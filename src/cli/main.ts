/**
 * The entry point: builds the command line, runs one command, and is the one place that turns
 * errors into exit codes. Users never see a stack trace for something they caused.
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { diffCommand } from '../commands/diff.js';
import { explainCommand } from '../commands/explain.js';
import { initCommand } from '../commands/init.js';
import { scoreCommand } from '../commands/score.js';
import { templateCommand } from '../commands/template.js';
import { trendCommand } from '../commands/trend.js';
import { validateCommand } from '../commands/validate.js';
import { EXIT, UsageError, UserError } from './errors.js';
import { examples } from './options.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('ic')
    .description(
      'Internal Client scoring: departments evaluate the departments they are clients of;\n' +
        'ic validates the questionnaires, scores every department, and shows what changed between periods.',
    )
    .version(version, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ sortSubcommands: false });
  for (const command of [initCommand(), validateCommand(), templateCommand(), scoreCommand(), diffCommand(), trendCommand(), explainCommand()]) program.addCommand(command);
  program.addHelpText(
    'after',
    examples(['ic init                          # sample ic.yaml + responses.csv', 'ic validate responses.csv', 'ic score responses.csv', 'ic <command> --help']),
  );
  // Usage errors exit 2 (commander's default is 1); help and version exit 0.
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

export async function main(argv: readonly string[]): Promise<void> {
  // `ic score … | head`: the reader went away; stop quietly.
  process.stdout.on('error', (error) => {
    if (isClosedPipe(error)) process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander already printed its message
  }
  if (error instanceof UsageError) {
    process.stderr.write(`ic: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof UserError) {
    if (!error.printed || error.message !== '') process.stderr.write(`ic: ${error.message}\n`);
    return EXIT.problems;
  }
  if (isClosedPipe(error)) return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`ic: internal error — this is a bug in ic, not in your data. Please report it with the command you ran.\n${stack}\n`);
  return EXIT.bug;
}
