/**
 * The entry point: builds the command line, runs one command, and is the one place that turns
 * errors into exit codes. Users never see a stack trace for something they caused.
 */
import { Command, CommanderError } from 'commander';
import { removeTemporaryFiles } from './cli/atomicWrite.js';
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
  ['inspect', async () => (await import('./commands/inspect.js')).inspectCommand()],
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
    examples(['ic init                          # sample ic.yaml + responses of two periods', 'ic validate responses.csv', 'ic score responses.csv', 'ic diff previous.csv responses.csv', 'ic score --help                  # every command explains itself']),
  );
  // Usage errors exit 2 (commander's default is 1); help and version exit 0.
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  program.hook('preAction', (_program, command) => refuseEmptyPaths(command));
  return program;
}

/** Options that name a file: given as '' (an unset shell variable, say), they are wrong before any work starts. */
const PATH_OPTIONS = [
  ['out', '--out'],
  ['rejects', '--rejects'],
  ['config', '--config'],
] as const;

function refuseEmptyPaths(command: Command): void {
  const options = command.opts<Record<string, unknown>>();
  for (const [key, flag] of PATH_OPTIONS) {
    const value = options[key];
    if (typeof value === 'string' && value.trim() === '') {
      throw new UsageError(`${flag} needs a file name, and was given an empty one${value === '' ? '' : ' (only spaces)'}`);
    }
  }
}

/** Exit codes of a process ended by a signal, as shells report them: 128 + the signal's number. */
const SIGNAL_EXITS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

/** A message for a failed write to stdout, in plain words. */
function writeFailure(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') return `the disk is full (${error.code})`;
  return error.code ?? error.message;
}

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

export async function main(argv: readonly string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `ic score … | head`: the reader went away; stop quietly.
    if (isClosedPipe(error)) process.exit(process.exitCode ?? 0);
    // `ic score … > /dev/full`: the result is lost; one line says why, no stack trace.
    process.stderr.write(`ic: cannot write the output: ${writeFailure(error)}\n`);
    process.exit(EXIT.problems);
  });
  // Interrupted (Ctrl-C, kill): no half-written temporary file stays behind.
  for (const [signal, code] of SIGNAL_EXITS) {
    process.once(signal, () => {
      removeTemporaryFiles();
      process.exit(code);
    });
  }
  process.exitCode = await run(argv);
}

/**
 * Runs one command line in this process and returns its exit code; what a user caused is printed, never
 * thrown. Unlike `main`, it installs no process-wide handlers, so tests may call it many times.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const outer = process.exitCode;
  process.exitCode = undefined;
  try {
    await (await buildProgram(argv)).parseAsync([...argv]);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    return exitCodeFor(error);
  } finally {
    process.exitCode = outer;
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
