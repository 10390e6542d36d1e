/**
 * The entry point: builds the command line, runs one command, and is the one place that turns
 * errors into exit codes. Users never see a stack trace for something they caused.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError, UserError } from './cli/errors.js';
import { examples } from './cli/options.js';

import packageJson from '../package.json' with { type: 'json' };

const { version } = packageJson;

/**
 * The commands, in help order. Each one's module (and what only it uses) is loaded when the command line
 * needs it: on a small file, start-up is most of the run.
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<Command>])[] = [
  ['init', async () => (await import('./commands/init.js')).initCommand()],
  ['validate', async () => (await import('./commands/validate.js')).validateCommand()],
  ['template', async () => (await import('./commands/template.js')).templateCommand()],
  ['score', async () => (await import('./commands/score.js')).scoreCommand()],
  ['diff', async () => (await import('./commands/diff.js')).diffCommand()],
  ['trend', async () => (await import('./commands/trend.js')).trendCommand()],
  ['explain', async () => (await import('./commands/explain.js')).explainCommand()],
  ['report', async () => (await import('./commands/report.js')).reportCommand()],
];

/** The program with the command that `argv` names, or with all of them (help, version, a typo, ...). */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('ic')
    .description(
      'Internal Client scoring: departments evaluate the departments they are clients of;\n' +
        'ic validates the questionnaires, scores every department, and shows what changed between periods.',
    )
    .version(version, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ sortSubcommands: false });
  const named = COMMANDS.find(([name]) => name === argv[2]);
  for (const [, load] of named === undefined ? COMMANDS : [named]) program.addCommand(await load());
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
    await (await buildProgram(argv)).parseAsync([...argv]);
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
