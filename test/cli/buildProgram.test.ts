/**
 * The command line of src/main.ts: each command's options parsed into the values the command receives
 * (its action replaced, so nothing runs), and wrong usage stopping with exit 2 (from the built CLI).
 */
import { CommanderError, type Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/main.js';
import { ic } from '../helpers/cli.js';

interface Parsed {
  args: unknown[];
  options: Record<string, unknown>;
}

/** Parses `ic ARGS` with the real program, capturing what the command's action would get. */
async function parse(...args: string[]): Promise<Parsed> {
  const argv = ['node', 'ic', ...args];
  const program = await buildProgram(argv);
  let parsed: Parsed | undefined;
  for (const command of program.commands) {
    silence(command);
    command.action((...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      parsed = { args: received.slice(0, self.registeredArguments.length), options: self.opts() };
    });
  }
  silence(program);
  await program.parseAsync(argv);
  if (parsed === undefined) throw new Error(`no command ran for: ${args.join(' ')}`);
  return parsed;
}

function silence(command: Command): void {
  command.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
}

/** The CommanderError that parsing `ic ARGS` stops with. */
async function usageError(...args: string[]): Promise<CommanderError> {
  try {
    await parse(...args);
  } catch (error) {
    if (error instanceof CommanderError) return error;
    throw error;
  }
  throw new Error(`ic ${args.join(' ')} parsed without error`);
}

describe('buildProgram: options parsed into values', () => {
  it('score: files, --by, numbers as numbers, flags as booleans, colour on by default', async () => {
    const { args, options } = await parse('score', 'a.csv', 'b/', '--by', 'pair', '--max-problems', '3', '--skip-invalid', '--format', 'md', '-o', 'r.md');
    expect(args).toEqual([['a.csv', 'b/']]);
    expect(options).toEqual({ by: 'pair', maxProblems: 3, skipInvalid: true, format: 'md', out: 'r.md', color: true });
  });

  it('score: defaults when nothing is given', async () => {
    const { options } = await parse('score', 'a.csv');
    expect(options).toEqual({ by: 'department', maxProblems: 10, color: true });
  });

  it('--no-color, --quiet, --excel, --rejects, --config', async () => {
    const { options } = await parse('score', 'a.csv', '--no-color', '-q', '--excel', '--rejects', 'left.csv', '-c', 'x/ic.yaml');
    expect(options).toMatchObject({ color: false, quiet: true, excel: true, rejects: 'left.csv', config: 'x/ic.yaml' });
  });

  it('diff: positionals, --a/--b lists, --labels, --by', async () => {
    expect((await parse('diff', 'q1.csv', 'q2.csv', '--labels', 'I,II')).args).toEqual([['q1.csv', 'q2.csv']]);
    const { args, options } = await parse('diff', '--a', 'x.csv', 'y.csv', '--b', 'z.csv', '--by', 'criterion');
    expect(args).toEqual([[]]);
    expect(options).toMatchObject({ a: ['x.csv', 'y.csv'], b: ['z.csv'], by: 'criterion' });
  });

  it('trend: the periods in order and --labels as given', async () => {
    const { args, options } = await parse('trend', 'p1', 'p2', 'p3', '--labels', 'A,B,C');
    expect(args).toEqual([['p1', 'p2', 'p3']]);
    expect(options).toMatchObject({ labels: 'A,B,C', maxProblems: 10 });
  });

  it('validate: --strict and --max-problems', async () => {
    const { args, options } = await parse('validate', '--strict', '--max-problems', '50');
    expect(args).toEqual([[]]);
    expect(options).toMatchObject({ strict: true, maxProblems: 50 });
  });

  it('explain: --lang and --format md', async () => {
    expect((await parse('explain', '--lang', 'en', '--format', 'md')).options).toMatchObject({ lang: 'en', format: 'md' });
  });

  it('template: --department, --out, --force', async () => {
    expect((await parse('template', '-d', 'sales', '--out', 'forms/', '--force')).options).toMatchObject({ department: 'sales', out: 'forms/', force: true });
  });
});

describe('buildProgram: wrong usage stops parsing', () => {
  it.each([
    [['score', 'a.csv', '--by', 'team'], 'commander.invalidArgument'],
    [['score', 'a.csv', '--format', 'xml'], 'commander.invalidArgument'],
    [['score', 'a.csv', '--max-problems', '0'], 'commander.invalidArgument'],
    [['score', 'a.csv', '--max-problems', '2.5'], 'commander.invalidArgument'],
    [['score', 'a.csv', '--colour'], 'commander.unknownOption'],
    [['diff', '--by', 'rater'], 'commander.invalidArgument'],
    [['explain', '--format', 'csv'], 'commander.invalidArgument'],
    [['explain', '--lang', 'de'], 'commander.invalidArgument'],
    [['score', 'a.csv', '--out'], 'commander.optionMissingArgument'],
    [['scroe'], 'commander.unknownCommand'],
  ])('ic %j: %s', async (args, code) => {
    expect((await usageError(...args)).code).toBe(code);
  });
});

describe('the built CLI: usage errors exit 2 with a message, help and version exit 0', () => {
  it.each([
    [['score', 'a.csv', '--by', 'team'], /--by/u],
    [['score'], /ic score needs the responses/u],
    [['score', 'a.csv', '--excel', '--format', 'json'], /--excel makes CSV for Excel/u],
    [['diff', 'only-one.csv'], /ic diff compares two periods/u],
    [['trend', 'only-one.csv'], /at least two periods/u],
    [['scroe', 'a.csv'], /unknown command/u],
  ])('ic %j exits 2', (args, message) => {
    const run = ic(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('--help and --version exit 0', () => {
    expect(ic(['--help']).code).toBe(0);
    expect(ic(['score', '--help']).code).toBe(0);
    expect(ic(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });
});
