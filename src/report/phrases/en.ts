/** The English phrasebook of the reports. */
import { plural } from '../language.js';
import type { ReportPhrases, Where } from './types.js';

const where = (w: Where): string => (w.both ? 'both periods' : w.label);

export const ENGLISH: ReportPhrases = {
  language: 'en',
  leftOut: 'left out to fit the terminal (--wide shows every column):',
  rows: (n) => plural(n, 'row'),
  markers: { fewerThanK: (k) => `n<${k}`, secondary: 'hidden', noResponses: '—' },
  legend: {
    fewerThanK: (k) => `n<${k}: fewer than ${k} respondents, not shown (anonymity)`,
    secondary: 'hidden: not shown so that a value under the anonymity threshold cannot be worked out from the others',
    noResponses: '—: no responses',
  },
  number: (value, digits) => value.toFixed(digits),
  hidden: (c, k, period) => {
    const total = c.fewer_than_k + c.secondary + c.no_responses;
    const parts = [
      ...(c.fewer_than_k > 0 ? [`fewer than ${k} respondents: ${c.fewer_than_k}`] : []),
      ...(c.secondary > 0 ? [`secondary, so that those cannot be worked out: ${c.secondary}`] : []),
      ...(c.no_responses > 0 ? [`no responses: ${c.no_responses}`] : []),
    ];
    return `${period === undefined ? '' : `${period}: `}values not shown: ${total}${parts.length === 0 ? '' : ` (${parts.join('; ')})`}`;
  },
  aggregation: (mode) => (mode === 'departments' ? 'aggregation by departments (each client department counts equally)' : 'aggregation by respondents (every answer counts equally)'),

  score: {
    viewTitle: {
      department: 'Departments, best first',
      criterion: 'Criteria, company-wide',
      pair: 'Client department (rater) × evaluated department',
      rater: 'How each department rates others, against the company mean (harshest first)',
    },
    meta: (used, read, aggregation, k) =>
      `${plural(used, 'row')} used of ${read} · ${
        aggregation === 'departments' ? 'aggregation by departments (each client department counts equally)' : 'aggregation by respondents (every answer counts equally)'
      } · values from fewer than ${k} respondents are hidden`,
    noScore: (department, why) => `No score: ${department} — ${why === 'no_answers' ? 'its client departments sent no answers' : 'no department is its client'}`,
    needsAttention: 'Needs attention',
    attentionDepartment: (department, score, alertBelow, weakest) => `${department}: ${score}, under ${alertBelow}${weakest === '' ? '' : `; weakest: ${weakest}`}`,
    lowestPairs: (pairs) => `Lowest pairs (client → department): ${pairs}`,
    columns: {
      rank: '#',
      department: 'Department',
      id: 'id',
      score: 'Score',
      ci95: '95% CI',
      favorable: 'Fav.',
      respondents: 'Resp.',
      raters: 'Raters',
      flags: 'Flags',
      criterion: 'Criterion',
      weight: 'Weight',
      mean: 'Mean',
      answers: 'Answers',
      pairCorner: 'Department ↓ / rater →',
      rater: 'Rater department',
      gives: 'Gives',
      company: 'Company',
      difference: 'Difference',
      rows: 'Rows',
      headcount: 'Headcount',
      responseRate: 'Response rate',
    },
    flags: { below_alert: 'below alert', suppressed: 'suppressed', no_responses: 'no responses' },
    harsher: 'harsher',
    moreLenient: 'more lenient',
  },

  diff: {
    viewTitle: {
      department: 'Change by department, biggest significant drops first',
      criterion: 'Change of each criterion mean (Δ; no significance test per criterion: there is no per-criterion SE)',
      pair: 'Change by pair, client → department, biggest drop first (Δ; no significance test per pair)',
    },
    periodLine: (label, inputs, used, read) => `${label}: ${inputs} (${plural(used, 'row')} used of ${read})`,
    meta: (aggregation, k) =>
      `${aggregation === 'departments' ? 'aggregation by departments' : 'aggregation by respondents'} · values from fewer than ${k} respondents are hidden, and no change is computed from them`,
    significance: 'significant: |z| ≥ 1.96 (p < 0.05, two-sided), z = Δ / √(SE_A² + SE_B²)',
    byChance: (expected, tested) => `where nothing really changed, 1 test in 20 still passes by chance (${expected} expected among ${tested})`,
    newGone: (a, b) => `new: evaluated in ${b} only; gone: evaluated in ${a} only`,
    summary: (s) => {
      const parts = [`${plural(s.improved, 'department')} improved significantly`, `${s.declined} declined`, `${s.notSignificant} no significant change`];
      if (s.notTestable > 0) parts.push(`${s.notTestable} not testable`);
      if (s.new > 0) parts.push(`${s.new} new`);
      if (s.gone > 0) parts.push(`${s.gone} gone`);
      return parts.join(', ');
    },
    periods: (a, b, summary) => `${a} → ${b}: ${summary}`,
    notEvaluated: (department, when, why) =>
      `No score in ${when === 'either' ? 'either period' : 'any period'}: ${department} — ${why === 'no_clients' ? 'no department is its client' : 'nobody evaluated it'}`,
    columns: { department: 'Department', id: 'id', change: 'Change', rank: 'Rank', favorableDelta: 'Fav. Δ', respondents: 'Resp.', scoreDelta: 'Score Δ', client: 'Client (rater)' },
    declined: '▼ declined',
    improved: '▲ improved',
    notSignificant: 'not significant',
    newIn: (label) => `new in ${label}`,
    goneIn: (label) => `gone in ${label}`,
    notTestable: (why) => `not testable: ${why}`,
    hiddenIn: (w) => `hidden in ${where(w)}`,
    noScoreIn: (w) => `no score in ${where(w)}`,
    seUndefinedIn: (w) => `SE undefined in ${where(w)} (fewer than 2 rows)`,
    seZero: 'no spread in either period (SE 0)',
  },

  trend: {
    title: 'Score by period; departments that fell significantly in the latest period first',
    latest: (lastTwo, summary) => `Latest change, ${lastTwo}: ${summary}`,
    sparkNote: (min, max) => `trend: one block per period on the scale ${min}–${max} (▁ low, █ high); · no score shown`,
    columns: { trend: 'Trend', lastDelta: 'Last Δ' },
    notIn: (a, b) => `not in ${a} or ${b}`,
  },

  periods: {
    sameConfig: (file) => `config: ${file} (every period)`,
    configOf: (label, file) => `${label}: config ${file}`,
    methodChanged: (a, b, changes) =>
      `the method changed from ${a} to ${b}: ${changes}. Scores are still compared; per-criterion changes are shown only for the criteria both periods have`,
    criteriaAdded: (list) => `criteria added: ${list}`,
    criteriaRemoved: (list) => `criteria removed: ${list}`,
    weightChanged: (criterion, a, b) => `weight of ${criterion} ${a} → ${b}`,
    scaleChanged: (a, b) => `scale ${a} → ${b}`,
    aggregationChanged: (a, b) => `aggregation by ${a} → by ${b}`,
    favorableMinChanged: (a, b) => `favorable from ${a} → from ${b}`,
    matched: (department, label, earlier, earlierLabel, merged) =>
      `${department} in ${label} is matched to ${earlier} of ${earlierLabel} (${merged ? 'merged' : 'renamed'}: renamed_from in the config)`,
  },

  run: {
    periodProblems: (errors, warnings) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    refused: (failing, errors, rows, rejectsGiven) =>
      `${failing.length === 0 ? 'the data' : `the data of ${failing.length === 1 ? 'period' : 'periods'} ${failing.join(', ')}`} has ${plural(errors, 'error')} in ${plural(rows, 'row')}; nothing was computed. ` +
      'Fix the rows listed above, or run again with --skip-invalid to compute on the valid rows only' +
      (rejectsGiven ? '' : ' (add --rejects FILE to keep the left-out rows)'),
    leftOut: (rejected, read, reasons, used, rejectsFile) =>
      `left out ${plural(rejected, 'row')} of ${read}: ${reasons}; computed on ${used}${rejectsFile === undefined ? '' : `; written to ${rejectsFile}`}`,
    withErrors: (rows, errors, codes) => `${rows} with errors (${plural(errors, 'error')}: ${codes})`,
    withNoAnswers: (rows, superseded) => `${rows} with no answers (empty-row)${superseded ? ' or from an earlier submission (duplicates: latest)' : ''}`,
    nothingFound: (inputs) =>
      `nothing was computed: ${inputs.join(', ')} ${inputs.length === 1 ? 'gives' : 'give'} no responses file to read (see above); check the path${inputs.length === 1 ? '' : 's'}`,
    noRows: (inputs) => `nothing was computed: no data row was read from ${inputs.join(', ')}; a report needs at least one row`,
    noValidRow: (periods) =>
      `no valid row is left in the data${periods.length === 0 ? '' : ` of ${periods.join(', ')}`}; nothing was computed. Fix the problems listed above`,
  },

  validate: {
    title: 'Validation',
    file: (encoding, delimiter, shape, rows) => `${encoding}, ${delimiter}-separated, ${shape} shape, ${plural(rows, 'row')}`,
    workbook: (sheet, shape, rows) => `workbook, sheet ${JSON.stringify(sheet)}, ${shape} shape, ${plural(rows, 'row')}`,
    sheetRow: (sheet, line) => `(${JSON.stringify(sheet)}${line === null ? '' : `, row ${line}`})`,
    fileLabel: 'file',
    rowsLine: (read, valid, withErrors, withWarnings) => `Rows read: ${read} · valid: ${valid} · with errors: ${withErrors} · with warnings: ${withWarnings}`,
    missingPairs: (n, shown, more) => `Coverage: ${plural(n, 'expected client → department pair')} got no answer: ${shown}${more > 0 ? `, … and ${more} more` : ''}`,
    fullCoverage: 'Coverage: every expected client → department pair got answers',
    noProblems: 'No problems found.',
    usable: (errors, warnings) => `Usable: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
    notUsable: (errors, warnings, strictOnly) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${strictOnly ? ' (--strict: warnings count as errors)' : ''}.`,
    problemColumns: { severity: 'severity', code: 'code', where: 'where', message: 'message' },
    severity: { error: 'error', warning: 'warning' },
    problemTitles: {
      'config-not-found': 'config not found',
      'config-unreadable': 'config not readable',
      'config-syntax': 'config is not valid YAML',
      'config-invalid': 'config problem',
      'file-not-found': 'file not found',
      'file-unreadable': 'file not readable',
      'file-empty': 'empty file',
      'file-binary': 'not a text file',
      'file-undecodable': 'text cannot be decoded',
      'no-input': 'no responses files',
      'missing-column': 'required column missing',
      'unknown-column': 'unknown column',
      'duplicate-column': 'column given twice',
      'field-count': 'wrong number of fields',
      'bad-quote': 'quote opened and never closed',
      'unknown-department': 'unknown department',
      'unknown-criterion': 'unknown criterion',
      'self-evaluation': 'department evaluates itself',
      'not-a-number': 'answer is not a number',
      'out-of-scale': 'answer outside the scale',
      'duplicate-response': 'same respondent evaluates a department twice',
      'duplicate-criterion': 'criterion answered twice in one questionnaire',
      'inconsistent-rater': 'one questionnaire with two rater departments',
      'not-a-client': 'department evaluates one it is not a client of',
      'empty-row': 'row with no answers',
      'no-responses': 'department expected to be evaluated got no rows',
    },
    moreOfKind: (n) => `… and ${n} more of this kind (--max-problems to see more)`,
    delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab' },
  },
};
