/**
 * `ic init [DIR]`: a commented sample ic.yaml, an example responses file and the same survey one period earlier,
 * so that `ic score`, `ic diff` and `ic report` work right after, as every command's --help shows.
 */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, UserError, writeFailed } from '../cli/errors.js';
import { examples } from '../cli/options.js';
import { note } from '../cli/output.js';
import { SAMPLE_CONFIG_YAML, SAMPLE_RESPONSES_CSV } from '../init/sample.js';
import { SAMPLE_PREVIOUS_CSV } from '../init/previous.js';
import { writeFileAtomic } from '../cli/atomicWrite.js';

interface InitOptions {
  force?: boolean;
  quiet?: boolean;
}

export async function runInit(dir: string, options: InitOptions): Promise<number> {
  const files = [
    { path: join(dir, 'ic.yaml'), text: SAMPLE_CONFIG_YAML },
    { path: join(dir, 'responses.csv'), text: SAMPLE_RESPONSES_CSV },
    { path: join(dir, 'previous.csv'), text: SAMPLE_PREVIOUS_CSV },
  ];
  const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length > 0 && !options.force) {
    throw new UserError(`${listed(existing)} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing written. Use --force to overwrite, or choose another folder: ic init DIR`);
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path and its permissions`);
  }
  for (const f of files) {
    try {
      await writeFileAtomic(f.path, f.text);
    } catch (error) {
      throw writeFailed(f.path, error);
    }
  }
  note(
    [
      `Wrote ${listed(files.map((f) => f.path))}.`,
      `${join(dir, 'previous.csv')} is the same survey one period earlier, to try ic diff and ic report.`,
      'Next:',
      `  ic validate ${join(dir, 'responses.csv')}`,
      `  ic score ${join(dir, 'responses.csv')}`,
      `  ic diff ${join(dir, 'previous.csv')} ${join(dir, 'responses.csv')}`,
      `  ic template${dir === '.' ? '' : ` --config ${join(dir, 'ic.yaml')}`} --out forms/`,
      'Then edit ic.yaml: your departments, who is a client of whom, the agreed criteria; delete the two sample files.',
    ].join('\n'),
    options.quiet,
  );
  return EXIT.ok;
}

function listed(paths: readonly string[]): string {
  return paths.length <= 1 ? paths.join('') : `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
}

export function initCommand(): Command {
  return new Command('init')
    .summary('write a commented sample ic.yaml and example responses of two periods')
    .description(
      'Writes ic.yaml (every key explained), responses.csv (example answers) and previous.csv (the same survey one period\n' +
        'earlier) into DIR (default: the current folder), so that `ic validate`, `ic score`, `ic diff` and `ic report` work\n' +
        'right after. Existing files are kept unless --force.',
    )
    .argument('[dir]', 'folder to write into', '.')
    .option('--force', 'overwrite existing ic.yaml, responses.csv and previous.csv')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText('after', examples(['ic init', 'ic init survey-2026 && cd survey-2026 && ic score responses.csv', 'ic init --force']))
    .action(async (dir: string, options: InitOptions) => {
      process.exitCode = await runInit(dir, options);
    });
}
