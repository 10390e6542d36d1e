/**
 * The one way in: inputs named by the user → questionnaire rows in a sink, each input read exactly once
 * (source → layout, see source/ and layout/). Every problem (missing file, empty folder, skipped entries, the
 * same file twice, unreadable, binary, bad header, ...) goes to the sink too; nothing here throws for bad input.
 */
import type { Config } from '../config/types.js';
import { problem } from '../domain/problem.js';
import { expandInput, openProblem, type ExpandedInput } from './expand.js';
import { sameInputs } from './identity.js';
import { TableReader } from './layout/table.js';
import { readBytes, type InputFile } from './source/bytes.js';
import { CsvSource } from './source/csv/source.js';
import type { ReadSink } from './types.js';

export interface ReadOptions {
  /** False: every CSV line goes through the tokenizer's state machine (tests show the fast lane changes nothing). */
  plainLines?: boolean;
}

/** All inputs expanded, with the same file given twice read once (a warning on the later one). */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInput[]> {
  const expanded: ExpandedInput[] = [];
  for (const input of inputs) expanded.push(await expandInput(input));
  const all = expanded.flatMap((e) => e.files);
  const same = await sameInputs(all);
  if (same.size === 0) return expanded;
  let index = 0;
  return expanded.map(({ files, problems }) => {
    const kept: InputFile[] = [];
    const more = [...problems];
    for (const file of files) {
      const repeat = same.get(index++);
      if (repeat === undefined) {
        kept.push(file);
        continue;
      }
      const first = all[repeat.first] as InputFile;
      const what = repeat.why === 'given twice' ? 'this file is given twice' : `this is ${repeat.why === 'a byte-identical copy' ? 'a byte-identical copy of' : 'the same file as'} ${first.name}`;
      more.push(problem('warning', 'same-file', `${what}; it is read once (as ${first.name}), so that nobody's answers count twice`, { file: file.name }));
    }
    return { files: kept, problems: more };
  });
}

/** Reads every input in order and pushes its rows into `sink`. */
export async function readResponses(inputs: readonly string[], config: Config, sink: ReadSink, options: ReadOptions = {}): Promise<void> {
  for (const { files, problems } of await expandInputs(inputs)) {
    for (const p of problems) sink.fileProblem(p, []);
    for (const file of files) await readResponseFile(file, config, sink, options);
  }
}

/** Reads one input (not a folder) into `sink`. */
export async function readResponseFile(file: InputFile | string, config: Config, sink: ReadSink, options: ReadOptions = {}): Promise<void> {
  const input: InputFile = typeof file === 'string' ? { name: file, path: file, stdin: false } : file;
  const table = new TableReader(input.name, config, sink);
  const source = new CsvSource(input.name, table, options.plainLines ?? true);
  try {
    await readBytes(input, source, (regular) => sink.fileStart?.(input, regular));
  } catch (error) {
    sink.fileProblem(await openProblem(input.name, error), []);
  }
}
