import type { Config } from '../../src/config/types.js';
import { makeConfig as makeTestConfig } from '../helpers/config.js';
import type { RawQuestionnaire, ReadSink, SourceFileInfo, SourceRecord } from '../../src/input/types.js';
import type { Problem } from '../../src/domain/problem.js';

/** A config built by hand: three departments, three criteria (ids in Latin, names in Russian). */
export function makeConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...makeTestConfig({
      title: 'test',
      departments: [
        { id: 'sales', name: 'Отдел продаж' },
        { id: 'procurement', name: 'Отдел закупок' },
        { id: 'hr', name: 'Отдел кадров' },
      ],
      criteria: [
        { id: 'speed', name: 'Скорость реакции на запрос', weight: 2 },
        { id: 'quality', name: 'Качество' },
        { id: 'politeness', name: 'Вежливость' },
      ],
      naValues: ['N/A'],
      favorableMin: 4,
      anonymityMin: 3,
    }),
    ...overrides,
  };
}

export interface Collected {
  rows: RawQuestionnaire[];
  fileProblems: { problem: Problem; records: SourceRecord[] }[];
  files: SourceFileInfo[];
  /** Every call in order, to check that fileDone comes after a file's rows. */
  events: string[];
}

export function collectingSink(): ReadSink & Collected {
  const rows: RawQuestionnaire[] = [];
  const fileProblems: Collected['fileProblems'] = [];
  const files: SourceFileInfo[] = [];
  const events: string[] = [];
  return {
    rows,
    fileProblems,
    files,
    events,
    row(row) {
      rows.push(row);
      events.push(`row ${row.file}:${row.line}`);
    },
    fileProblem(problem, records) {
      fileProblems.push({ problem, records });
      events.push(`problem ${problem.code} ${problem.file ?? ''}`);
    },
    fileDone(info) {
      files.push(info);
      events.push(`done ${info.file}`);
    },
  };
}

/** Data records accounted for: in rows plus in file problems. */
export function recordsAccounted(sink: Collected): number {
  return sink.rows.reduce((n, r) => n + r.records.length, 0) + sink.fileProblems.reduce((n, p) => n + p.records.length, 0);
}

/** Every problem, of rows and of files. */
export function allProblems(sink: Collected): Problem[] {
  return [...sink.fileProblems.map((p) => p.problem), ...sink.rows.flatMap((r) => r.problems)];
}
