import type { Config, Criterion, Department } from '../../src/config/types.js';
import type { RawQuestionnaire, ReadSink, SourceFileInfo, SourceRecord } from '../../src/input/types.js';
import type { Problem } from '../../src/validate/problem.js';

/** A config built by hand: three departments, three criteria (ids in Latin, names in Russian). */
export function makeConfig(overrides: Partial<Config> = {}): Config {
  const departments: Department[] = [
    { id: 'sales', name: 'Отдел продаж', index: 0, clientsOf: undefined },
    { id: 'procurement', name: 'Отдел закупок', index: 1, clientsOf: undefined },
    { id: 'hr', name: 'Отдел кадров', index: 2, clientsOf: undefined },
  ];
  const criteria: Criterion[] = [
    { id: 'speed', name: 'Скорость реакции на запрос', weight: 2, description: undefined, index: 0 },
    { id: 'quality', name: 'Качество', weight: 1, description: undefined, index: 1 },
    { id: 'politeness', name: 'Вежливость', weight: 1, description: undefined, index: 2 },
  ];
  return {
    path: null,
    version: 1,
    title: 'test',
    scale: { min: 1, max: 5 },
    naValues: ['N/A'],
    favorableMin: 4,
    anonymityMin: 3,
    aggregation: 'departments',
    alertBelow: undefined,
    departments,
    criteria,
    evaluates: departments.map((d) => departments.filter((o) => o.index !== d.index).map((o) => o.index)),
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
