/**
 * Every human string of the score, diff, trend and validate reports, one phrasebook per language (en.ts,
 * ru.ts). Builders take the words from here; the member names are the language-independent keys.
 */
import type { Language } from '../../domain/language.js';
import type { ProblemCode } from '../../domain/problem.js';

export type Aggregation = 'departments' | 'respondents';
export type Flag = 'below_alert' | 'suppressed' | 'no_responses';
export type ScoreView = 'department' | 'criterion' | 'pair' | 'rater';
export type DiffViewName = 'department' | 'criterion' | 'pair';
/** Where something holds: both periods, or the one named. */
export type Where = { both: true } | { both: false; label: string };

/** What a list of problems needs besides the problems. */
export type ProblemWords = Pick<ReportPhrases['validate'], 'problemTitles' | 'severity' | 'moreOfKind' | 'problemColumns' | 'sheetRow'>;

export interface ReportPhrases {
  language: Language;
  /** Under a table on a narrow terminal, before the titles of the columns left out. */
  leftOut: string;
  /** "12 rows" — a count of questionnaire rows. */
  rows(n: number): string;
  /** The short markers of hidden values in tables (fewer_than_k shows the threshold). */
  markers: { fewerThanK(k: number): string; secondary: string; noResponses: string };
  /** What the markers used in a table mean. */
  legend: { fewerThanK(k: number): string; secondary: string; noResponses: string };
  /** "hidden values: 3 (fewer than 3 respondents: 2, secondary: 1)"; `period` names it when there are several. */
  hidden(counts: Record<'fewer_than_k' | 'secondary' | 'no_responses', number>, k: number, period?: string): string;
  /** The aggregation mode, for reports that do not say it elsewhere. */
  aggregation(mode: Aggregation): string;
  /** A score in a sentence ("4.25" / "4,25"). */
  number(value: number, digits: number): string;

  score: {
    viewTitle: Record<ScoreView, string>;
    meta(used: number, read: number, aggregation: Aggregation, k: number): string;
    noScore(department: string, why: 'no_answers' | 'no_clients'): string;
    needsAttention: string;
    attentionDepartment(department: string, score: string, alertBelow: number, weakest: string): string;
    lowestPairs(pairs: string): string;
    columns: {
      rank: string;
      department: string;
      id: string;
      score: string;
      ci95: string;
      favorable: string;
      respondents: string;
      raters: string;
      flags: string;
      criterion: string;
      weight: string;
      mean: string;
      answers: string;
      pairCorner: string;
      rater: string;
      gives: string;
      company: string;
      difference: string;
      rows: string;
      headcount: string;
      responseRate: string;
    };
    flags: Record<Flag, string>;
    harsher: string;
    moreLenient: string;
  };

  diff: {
    viewTitle: Record<DiffViewName, string>;
    periodLine(label: string, inputs: string, used: number, read: number): string;
    meta(aggregation: Aggregation, k: number): string;
    significance: string;
    byChance(expected: string, tested: number): string;
    newGone(a: string, b: string): string;
    summary(s: { improved: number; declined: number; notSignificant: number; notTestable: number; new: number; gone: number }): string;
    periods(a: string, b: string, summary: string): string;
    notEvaluated(department: string, when: 'either' | 'any', why: 'no_clients' | 'nobody'): string;
    columns: { department: string; id: string; change: string; rank: string; favorableDelta: string; respondents: string; scoreDelta: string; client: string };
    declined: string;
    improved: string;
    notSignificant: string;
    newIn(label: string): string;
    goneIn(label: string): string;
    notTestable(why: string): string;
    hiddenIn(where: Where): string;
    noScoreIn(where: Where): string;
    seUndefinedIn(where: Where): string;
    seZero: string;
  };

  trend: {
    title: string;
    latest(lastTwo: string, summary: string): string;
    sparkNote(min: number, max: number): string;
    columns: { trend: string; lastDelta: string };
    notIn(a: string, b: string): string;
  };

  /** What reports of several periods say about how each was read (SPEC 2.5). */
  periods: {
    /** Every period read with the same config. */
    sameConfig(file: string): string;
    /** Each period's config, when they differ. */
    configOf(label: string, file: string): string;
    /** "the method changed from q1 to q2: <changes>; ..." — `changes` joined from the lines below. */
    methodChanged(a: string, b: string, changes: string): string;
    criteriaAdded(list: string): string;
    criteriaRemoved(list: string): string;
    weightChanged(criterion: string, a: number, b: number): string;
    scaleChanged(a: string, b: string): string;
    aggregationChanged(a: Aggregation, b: Aggregation): string;
    favorableMinChanged(a: number, b: number): string;
    /** "Логистика (logistics) in q2 is matched to Доставка (delivery), Склад (warehouse) of q1". */
    matched(department: string, label: string, earlier: string, earlierLabel: string, merged: boolean): string;
  };

  /** What score, diff and trend say on stderr about the data before the report. */
  run: {
    periodProblems(errors: number, warnings: number): string;
    refused(failingPeriods: readonly string[], errors: number, rows: number, rejectsGiven: boolean): string;
    leftOut(rejected: number, read: number, reasons: string, used: number, rejectsFile: string | undefined): string;
    withErrors(rows: number, errors: number, codes: string): string;
    withNoAnswers(rows: number, superseded: boolean): string;
    /** A named input gives no responses file to read (missing path, folder with nothing ic reads). */
    nothingFound(inputs: readonly string[]): string;
    /** The inputs hold no data row at all. */
    noRows(inputs: readonly string[]): string;
    /** --skip-invalid left no valid row (in the periods named, when there are several). */
    noValidRow(periods: readonly string[]): string;
  };

  validate: {
    title: string;
    file(encoding: string, delimiter: string, shape: string, rows: number): string;
    /** A workbook read: its sheet (no encoding or delimiter to speak of). */
    workbook(sheet: string, shape: string, rows: number): string;
    /** Where a problem is on a workbook: its sheet and row ("Ответы на форму (1)", row 12). */
    sheetRow(sheet: string, line: number | null): string;
    fileLabel: string;
    rowsLine(read: number, valid: number, withErrors: number, withWarnings: number): string;
    missingPairs(n: number, shown: string, more: number): string;
    fullCoverage: string;
    noProblems: string;
    usable(errors: number, warnings: number): string;
    notUsable(errors: number, warnings: number, strictOnly: boolean): string;
    problemColumns: { severity: string; code: string; where: string; message: string };
    severity: { error: string; warning: string };
    problemTitles: Partial<Record<ProblemCode, string>>;
    moreOfKind(n: number): string;
    delimiters: Record<string, string>;
  };
}
