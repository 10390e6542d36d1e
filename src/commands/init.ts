/** `ic init [DIR]`: a commented sample ic.yaml and an example responses file, so `ic score` works right after. */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, UserError } from '../cli/errors.js';
import { examples } from '../cli/options.js';
import { note } from '../cli/output.js';
import { SAMPLE_CONFIG_YAML, SAMPLE_RESPONSES_CSV } from '../init/sample.js';
import { writeFileAtomic } from '../cli/atomicWrite.js';

interface InitOptions {
  force?: boolean;
  quiet?: boolean;
}

export async function runInit(dir: string, options: InitOptions): Promise<number> {
  const files = [
    { path: join(dir, 'ic.yaml'), text: SAMPLE_CONFIG_YAML },
    { path: join(dir, 'responses.csv'), text: SAMPLE_RESPONSES_CSV },
  ];
  const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length > 0 && !options.force) {
    throw new UserError(`${existing.join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing written. Use --force to overwrite, or choose another folder: ic init DIR`);
  }
  try {
    await mkdir(dir, { recursive: true });
    for (const f of files) await writeFileAtomic(f.path, f.text);
  } catch (error) {
    throw new UserError(`cannot write into ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the folder and its permissions`);
  }
  note(
    [
      `Wrote ${files.map((f) => f.path).join(' and ')}.`,
      'Next:',
      `  ic validate ${join(dir, 'responses.csv')}`,
      `  ic score ${join(dir, 'responses.csv')}`,
      `  ic template${dir === '.' ? '' : ` --config ${join(dir, 'ic.yaml')}`} --out forms/`,
      'Then edit ic.yaml: your departments, who is a client of whom, the agreed criteria.',
    ].join('\n'),
    options.quiet,
  );
  return EXIT.ok;
}

export function initCommand(): Command {
  return new Command('init')
    .summary('write a commented sample ic.yaml and an example responses file')
    .description('Writes ic.yaml (every key explained) and responses.csv (example answers) into DIR (default: the current folder),\nso that `ic validate` and `ic score` work right after. Existing files are kept unless --force.')
    .argument('[dir]', 'folder to write into', '.')
    .option('--force', 'overwrite existing ic.yaml and responses.csv')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText('after', examples(['ic init', 'ic init survey-2026 && cd survey-2026 && ic score responses.csv', 'ic init --force']))
    .action(async (dir: string, options: InitOptions) => {
      process.exitCode = await runInit(dir, options);
    });
}
