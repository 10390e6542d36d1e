/**
 * `ic explain`: the methodology of SPEC section 3 in plain words, with this config's numbers, to hand to
 * the participants. Pure: Config + language in, text out. The wording must follow the computation
 * exactly; when the scoring changes, this page changes with it.
 *
 * One document model (sections of paragraphs, lists, formulas, tables) is built once per language and
 * rendered as plain text (terminal) or Markdown (to print or send).
 */
import type { ChalkInstance } from 'chalk';
import type { Config, Criterion, Department } from '../config/types.js';

export const EXPLAIN_LANGUAGES = ['en', 'ru'] as const;
export type ExplainLanguage = (typeof EXPLAIN_LANGUAGES)[number];

/** The two-sided 95% quantile used for intervals and for the significance of changes. */
const Z95 = 1.96;

// ---------------------------------------------------------------------------------------------
// Language and numbers

const CYRILLIC = /[\u0400-\u04FF]/;

/** Russian when the config's title or any department name is written in Cyrillic, else English. */
export function detectLanguage(config: Config): ExplainLanguage {
  if (CYRILLIC.test(config.title)) return 'ru';
  return config.departments.some((d) => CYRILLIC.test(d.name)) ? 'ru' : 'en';
}

/** A number as the config has it (no rounding), with the decimal separator the reader expects. */
export function formatNumber(value: number, lang: ExplainLanguage): string {
  const text = String(value);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A rounded number with a fixed number of decimals, decimal comma in Russian. */
export function formatFixed(value: number, decimals: number, lang: ExplainLanguage): string {
  const text = value.toFixed(decimals);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A share 0–100 as a percentage to 1 decimal: "28.6%" in English, "28,6 %" (no-break space) in Russian. */
export function formatPercent(value: number, lang: ExplainLanguage): string {
  return lang === 'ru' ? `${formatFixed(value, 1, lang)}\u00A0%` : `${formatFixed(value, 1, lang)}%`;
}

/** Each criterion's share of the score: weight / total weight × 100. */
export function weightShares(config: Config): { criterion: Criterion; share: number }[] {
  const total = config.criteria.reduce((sum, c) => sum + c.weight, 0);
  return config.criteria.map((criterion) => ({ criterion, share: total > 0 ? (criterion.weight / total) * 100 : 0 }));
}

// ---------------------------------------------------------------------------------------------
// Document model

type Inline = string | { code: string } | { strong: string } | { user: string };
type Text = readonly Inline[];

type Block =
  | { kind: 'paragraph'; text: Text }
  | { kind: 'list'; items: readonly Text[] }
  | { kind: 'formula'; text: string }
  | { kind: 'table'; header: readonly string[]; align: readonly ('left' | 'right')[]; rows: readonly (readonly Text[])[] };

interface Section {
  heading: string;
  blocks: readonly Block[];
}

export interface ExplainDocument {
  title: Text;
  intro: readonly Block[];
  sections: readonly Section[];
}

const code = (text: string): Inline => ({ code: text });
const strong = (text: string): Inline => ({ strong: text });
const user = (text: string): Inline => ({ user: text });
const para = (...text: Inline[]): Block => ({ kind: 'paragraph', text });
const formula = (text: string): Block => ({ kind: 'formula', text });
const list = (items: readonly Text[]): Block => ({ kind: 'list', items });

/** Everything the text needs from the config, computed once for both languages. */
interface Facts {
  config: Config;
  /** Numbers as in the config, in the reader's notation. */
  n: (value: number) => string;
  pct: (value: number) => string;
  fixed: (value: number, decimals: number) => string;
  totalWeight: number;
  shares: { criterion: Criterion; share: number }[];
  equalWeights: boolean;
  /** undefined: no department has clients_of, so every department evaluates every other. */
  raters: { department: Department; targets: Department[] }[] | undefined;
  /** Departments that nobody evaluates (they get no score). */
  unevaluated: Department[];
  /** A decimal answer on the scale, to show that decimals are accepted. */
  decimalAnswer: number;
  example: WeightExample | undefined;
}

/** A worked example of the weighted mean with this config's weights. */
interface WeightExample {
  criterion: Criterion;
  high: number;
  low: number;
  restWeight: number;
  score: number;
}

function collectFacts(config: Config, lang: ExplainLanguage): Facts {
  const shares = weightShares(config);
  const totalWeight = config.criteria.reduce((sum, c) => sum + c.weight, 0);
  const evaluated = new Set(config.evaluates.flat());
  const usesClientsOf = config.departments.some((d) => d.clientsOf !== undefined);
  const raters = usesClientsOf
    ? config.departments.map((department) => ({
        department,
        targets: (config.evaluates[department.index] ?? []).map((i) => config.departments[i]).filter((d): d is Department => d !== undefined),
      }))
    : undefined;
  const { min, max } = config.scale;
  return {
    config,
    n: (value) => formatNumber(value, lang),
    pct: (value) => formatPercent(value, lang),
    fixed: (value, decimals) => formatFixed(value, decimals, lang),
    totalWeight,
    shares,
    equalWeights: config.criteria.every((c) => c.weight === config.criteria[0]?.weight),
    raters,
    unevaluated: config.departments.filter((d) => !evaluated.has(d.index)),
    decimalAnswer: max - 0.5 >= min ? max - 0.5 : (min + max) / 2,
    example: weightExample(config, totalWeight),
  };
}

function weightExample(config: Config, totalWeight: number): WeightExample | undefined {
  const first = config.criteria[0];
  if (first === undefined || config.criteria.length < 2 || totalWeight <= 0) return undefined;
  const { min, max } = config.scale;
  const high = max - 1 > min ? max - 1 : max;
  const low = high - 1 >= min ? high - 1 : min;
  if (high === low) return undefined;
  const restWeight = totalWeight - first.weight;
  return { criterion: first, high, low, restWeight, score: (first.weight * high + restWeight * low) / totalWeight };
}

/** "= 3.50" when the rounded value is exact, else "≈ 3.29". */
function approx(f: Facts, value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return `${Math.abs(rounded - value) < 1e-12 ? '=' : '≈'} ${f.fixed(value, decimals)}`;
}

function departmentLabel(d: Department): Inline[] {
  return d.name === d.id ? [code(d.id)] : [user(d.name), ' (', code(d.id), ')'];
}

function joinInlines(parts: readonly Inline[][], separator: string): Inline[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}

function names(departments: readonly Department[]): Inline[] {
  return joinInlines(
    departments.map((d) => [user(d.name)]),
    ', ',
  );
}

function quotedNaValues(f: Facts, open: string, close: string): Inline[] {
  return joinInlines(
    f.config.naValues.map((v) => [open, user(v), close]),
    ', ',
  );
}

// ---------------------------------------------------------------------------------------------
// The text, one phrasebook per language. Both follow the same sections in the same order.

interface Phrasebook {
  title(f: Facts): Text;
  intro(f: Facts): Block[];
  glance(f: Facts): Section;
  whoEvaluatesWhom(f: Facts): Section;
  answers(f: Facts): Section;
  criteria(f: Facts): Section;
  score(f: Facts): Section;
  favorable(f: Facts): Section;
  uncertainty(f: Facts): Section;
  rank(f: Facts): Section;
  anonymity(f: Facts): Section;
  pairs(f: Facts): Section;
  raterView(f: Facts): Section;
  alerts(f: Facts): Section;
  periods(f: Facts): Section;
}

const ENGLISH: Phrasebook = {
  title: (f) => [user(f.config.title), ': how the scores are computed'],
  intro: () => [
    para(
      'This page explains how every number in the Internal Client reports is computed from the questionnaires, ' +
        'with the settings of this survey. The method and the settings are the same for every department and are agreed before the survey starts.',
    ),
  ],
  glance: (f) => {
    const c = f.config;
    return {
      heading: 'Settings at a glance',
      blocks: [
        list([
          ['Scale: answers from ', f.n(c.scale.min), ' to ', f.n(c.scale.max), ' (', code('scale'), ')'],
          ['"Not answered": a blank cell', ...(c.naValues.length > 0 ? [', or ', ...quotedNaValues(f, '"', '"')] : []), ' (', code('na_values'), ')'],
          ['Criteria: ', String(c.criteria.length), ', total weight ', f.n(f.totalWeight), ' (section 3)'],
          ['Favorable answer: ', f.n(c.favorableMin), ' or higher (', code('favorable_min'), ')'],
          c.anonymityMin > 1
            ? ['Anonymity: a value is shown only when it comes from at least ', f.n(c.anonymityMin), ' different people (', code('anonymity_min'), ')']
            : ['Anonymity: every value is shown, even one from a single person (', code('anonymity_min: 1'), ')'],
          c.aggregation === 'departments'
            ? ['Aggregation: by client department, each client department counts equally (', code('aggregation: departments'), ')']
            : ['Aggregation: by respondent, each answer counts equally (', code('aggregation: respondents'), ')'],
          c.alertBelow !== undefined
            ? ['Alert: scores under ', f.n(c.alertBelow), ' are flagged (', code('alert_below'), ')']
            : ['Alert: none set (', code('alert_below'), ' is not in the config)'],
        ]),
      ],
    };
  },
  whoEvaluatesWhom: (f) => {
    const blocks: Block[] = [
      para(
        'A department evaluates the departments it is a client of: those it sends requests to in order to do its own work. ' +
          "One questionnaire row is one person's evaluation of one department.",
      ),
    ];
    if (f.raters === undefined) {
      blocks.push(para('Every department evaluates every other department (', code('clients_of'), ' is not used): ', ...names(f.config.departments), '.'));
    } else {
      blocks.push(
        list(
          f.raters.map(({ department, targets }) =>
            targets.length > 0 ? [...departmentLabel(department), ' evaluates: ', ...names(targets)] : [...departmentLabel(department), ' evaluates nobody'],
          ),
        ),
      );
    }
    if (f.unevaluated.length > 0) {
      blocks.push(
        f.unevaluated.length === 1
          ? para('Nobody evaluates ', user(f.unevaluated[0]?.name ?? ''), ': it gets no score.')
          : para('Nobody evaluates these departments, so they get no score: ', ...names(f.unevaluated), '.'),
      );
    }
    return { heading: 'Who evaluates whom', blocks };
  },
  answers: (f) => {
    const c = f.config;
    const decimalPoint = formatNumber(f.decimalAnswer, 'en');
    return {
      heading: 'Answers',
      blocks: [
        para(
          'Each criterion is answered with a number from ',
          f.n(c.scale.min),
          ' to ',
          f.n(c.scale.max),
          `; decimals may be written with a point or a comma (${decimalPoint} or ${formatNumber(f.decimalAnswer, 'ru')}). `,
          'A blank cell',
          ...(c.naValues.length > 0 ? [', or ', ...quotedNaValues(f, '"', '"'), ','] : []),
          ' means "not answered": it is left out of every mean and every share below, and does not count as a low mark.',
        ),
      ],
    };
  },
  criteria: (f) => {
    const blocks: Block[] = [
      para('The score is a weighted mean: each criterion counts with its share of the total weight (', f.n(f.totalWeight), ').'),
      {
        kind: 'table',
        header: ['Criterion', 'Weight', 'Share of the score'],
        align: ['left', 'right', 'right'],
        rows: f.shares.map(({ criterion, share }) => [[user(criterion.name)], [`${f.n(criterion.weight)} of ${f.n(f.totalWeight)}`], [f.pct(share)]]),
      },
    ];
    if (f.equalWeights && f.config.criteria.length > 1) {
      blocks.push(para('All criteria weigh the same: the score is the plain mean of the criterion means.'));
    }
    const described = f.config.criteria.filter((c) => c.description !== undefined && c.description.trim() !== '');
    if (described.length > 0) {
      blocks.push(para('What the criteria mean:'), list(described.map((c) => [strong(c.name), ': ', user(c.description ?? '')])));
    }
    return { heading: 'Criteria and weights', blocks };
  },
  score: (f) => {
    const blocks: Block[] = [];
    if (f.config.aggregation === 'departments') {
      blocks.push(
        para(
          strong('Step 1, criterion means.'),
          " First, for each client department and criterion, the mean of the answers of that client department's people. " +
            "The department's criterion mean is then the mean of these over the client departments that answered the criterion: " +
            'every client department counts equally, however many people it has (a client department of 3 people weighs as much as one of 30).',
        ),
      );
    } else {
      blocks.push(
        para(
          strong('Step 1, criterion means.'),
          " The department's criterion mean is the mean of all the answers about it on that criterion: " +
            'every answer counts equally, so a client department with more people weighs more.',
        ),
      );
    }
    blocks.push(
      para(strong('Step 2, the score:'), ' the weighted mean of the criterion means, with the weights of section 3:'),
      formula('S = Σ w·M / Σ w'),
      para("Criteria that nobody answered about the department are left out, and the remaining weights are re-normalised so that they again make 100%."),
    );
    const e = f.example;
    if (e !== undefined) {
      blocks.push(
        para(
          'Example: if ',
          user(e.criterion.name),
          ' has a mean of ',
          f.n(e.high),
          ' and every other criterion ',
          f.n(e.low),
          `, the score is (${f.n(e.criterion.weight)}·${f.n(e.high)} + ${f.n(e.restWeight)}·${f.n(e.low)}) / ${f.n(f.totalWeight)} ${approx(f, e.score, 2)}.`,
        ),
      );
    }
    return { heading: "A department's score", blocks };
  },
  favorable: (f) => ({
    heading: 'Favorable share',
    blocks: [para('Favorable % is the share of the answers about a department (all criteria together) that are ', f.n(f.config.favorableMin), ' or higher.')],
  }),
  uncertainty: (f) => {
    const z = f.n(Z95);
    const blocks: Block[] = [
      para(
        'A score from a few questionnaires is less certain than one from many. Each questionnaire row gets a ',
        strong('row score'),
        ': the weighted mean of its answers, with the weights of section 3.',
      ),
    ];
    if (f.config.aggregation === 'respondents') {
      blocks.push(
        para('The standard error of the score is'),
        formula('SE = sd / √n'),
        para('where ', code('sd'), ' is the sample standard deviation of the row scores about the department and ', code('n'), ' the number of those rows.'),
      );
    } else {
      blocks.push(
        para('As every client department counts equally in the score, it does in the standard error too:'),
        formula('SE = √(Σ s_r² / n_r) / R'),
        para(
          'where ',
          code('R'),
          ' is the number of client departments that evaluated the department, ',
          code('n_r'),
          ' the number of rows from client department ',
          code('r'),
          ' and ',
          code('s_r²'),
          ' the sample variance of their row scores. For a client department with fewer than 2 rows, ',
          code('s_r²'),
          ' is replaced by the pooled within-department variance ',
          code('Σ(n_r − 1)·s_r² / Σ(n_r − 1)'),
          " of the department's rows; if no client department has 2 rows, by the variance of all the department's row scores.",
        ),
      );
    }
    blocks.push(
      para('With fewer than 2 rows in all, the precision cannot be estimated: the score has no interval and its changes are "not testable".'),
      para(
        'The 95% confidence interval is ',
        code(`S ± ${z}·SE`),
        '. The narrower the interval, the more precise the score; do not read much into the gap between two departments whose intervals largely overlap.',
      ),
    );
    return { heading: 'How precise a score is', blocks };
  },
  rank: () => ({
    heading: 'Rank',
    blocks: [
      para(
        'Rank 1 is the highest shown score; equal scores share a rank (1,\u00A02,\u00A02,\u00A04). ' +
          'A department whose score is not shown, or that nobody evaluates, gets no rank.',
      ),
    ],
  }),
  anonymity: (f) => {
    const k = f.config.anonymityMin;
    if (k <= 1) {
      return {
        heading: 'Anonymity',
        blocks: [para(code('anonymity_min'), ' is ', f.n(k), ': every value is shown, even one that comes from a single person.')],
      };
    }
    return {
      heading: 'Anonymity',
      blocks: [
        para(
          'No value computed from fewer than ',
          strong(`${f.n(k)} different people`),
          ' is shown: it appears as "suppressed", with the reason, in every report and file. This applies to ' +
            "a department's score (shown when at least ",
          f.n(k),
          " different people answered at least one question about it), its criterion means, each cell of the client × department view " +
            '(counting the people of that client department who evaluated that department) and the rater view.',
        ),
        para(
          strong('Secondary suppression.'),
          ' When exactly one client × department pair of a department is hidden, the smallest other pair of that department ' +
            '(the one with the fewest people) is hidden too, so that the hidden value cannot be worked out by subtraction from the ' +
            "values that are shown. The same rule protects a department's criterion means; a company-wide criterion mean that " +
            'would give a single hidden criterion mean away is hidden too, and the rater view leaves the rows of hidden pairs out.',
        ),
      ],
    };
  },
  pairs: () => ({
    heading: 'Client × department view',
    blocks: [
      para(
        "The score a client department r gives a department t is the weighted mean of r's criterion means about t, " + 'over the criteria r answered:',
      ),
      formula('P = Σ w·m / Σ w'),
    ],
  }),
  raterView: () => ({
    heading: 'Harsh and lenient raters',
    blocks: [
      para(
        'Some departments mark everyone lower than others do. For each department as a rater: ',
        strong('given'),
        ' is the mean row score of all the rows its people filled in; the ',
        strong('company mean'),
        ' is the mean row score of all rows; ',
        strong('difference'),
        ' = given − company mean. Negative: harsher than the company; positive: more lenient. ' +
          'Read the scores of the departments a rater evaluates with this in mind.',
      ),
      para(
        'Both means leave out the rows of hidden client × department pairs (see Anonymity): computed over every row, ' +
          'they could be combined with a department\'s score to work a hidden pair out.',
      ),
    ],
  }),
  alerts: (f) => ({
    heading: 'Alerts',
    blocks: [
      f.config.alertBelow !== undefined
        ? para('Scores under ', strong(f.n(f.config.alertBelow)), ' are flagged as needing attention.')
        : para('No alert threshold (', code('alert_below'), ') is set: no score is flagged.'),
    ],
  }),
  periods: (f) => {
    const z = f.n(Z95);
    return {
      heading: 'Comparing two periods',
      blocks: [
        para('Departments are matched between the two periods by their id. For each department, the change and its test statistic are'),
        formula('Δ = S_B − S_A        z = Δ / √(SE_A² + SE_B²)'),
        para(
          'where A is the earlier period and B the later one. The change is significant when ',
          code(`|z| ≥ ${z}`),
          `, that is p < ${f.n(0.05)} (two-sided): ` +
            'a change that large rarely comes from the random spread of answers alone. When either period has no SE, the change is ' +
            '"not testable", never reported as significant. A department present in only one period is listed as new or gone. ' +
            'The latest change in a trend over many periods is tested the same way.',
        ),
      ],
    };
  },
};

const RUSSIAN: Phrasebook = {
  title: (f) => [user(f.config.title), ': как считаются оценки'],
  intro: () => [
    para(
      'Эта памятка объясняет, как каждое число в отчётах «Внутреннего клиента» получается из анкет, с настройками этого опроса. ' +
        'Методика и настройки одинаковы для всех отделов и согласуются до начала опроса.',
    ),
  ],
  glance: (f) => {
    const c = f.config;
    return {
      heading: 'Настройки коротко',
      blocks: [
        list([
          ['Шкала: ответы от ', f.n(c.scale.min), ' до ', f.n(c.scale.max), ' (', code('scale'), ')'],
          ['«Нет ответа»: пустая ячейка', ...(c.naValues.length > 0 ? [', а также ', ...quotedNaValues(f, '«', '»')] : []), ' (', code('na_values'), ')'],
          ['Критериев: ', String(c.criteria.length), ', сумма весов ', f.n(f.totalWeight), ' (раздел 3)'],
          ['Положительный ответ: ', f.n(c.favorableMin), ' и выше (', code('favorable_min'), ')'],
          c.anonymityMin > 1
            ? ['Анонимность: значение показывается, только если число разных респондентов, от которых оно получено, не меньше ', f.n(c.anonymityMin), ' (', code('anonymity_min'), ')']
            : ['Анонимность: показываются все значения, даже полученные от одного человека (', code('anonymity_min: 1'), ')'],
          c.aggregation === 'departments'
            ? ['Усреднение: по отделам-клиентам, каждый отдел-клиент весит одинаково (', code('aggregation: departments'), ')']
            : ['Усреднение: по респондентам, каждый ответ весит одинаково (', code('aggregation: respondents'), ')'],
          c.alertBelow !== undefined
            ? ['Сигнал: оценки ниже ', f.n(c.alertBelow), ' отмечаются (', code('alert_below'), ')']
            : ['Сигнал: не задан (', code('alert_below'), ' в конфигурации нет)'],
        ]),
      ],
    };
  },
  whoEvaluatesWhom: (f) => {
    const blocks: Block[] = [
      para(
        'Отдел оценивает те отделы, клиентом которых он является: тех, к кому он обращается с запросами, чтобы делать свою работу. ' +
          'Одна строка анкеты — оценка одного отдела одним человеком.',
      ),
    ];
    if (f.raters === undefined) {
      blocks.push(para('Каждый отдел оценивает все остальные (', code('clients_of'), ' не задан): ', ...names(f.config.departments), '.'));
    } else {
      blocks.push(
        list(
          f.raters.map(({ department, targets }) =>
            targets.length > 0 ? [...departmentLabel(department), ' оценивает: ', ...names(targets)] : [...departmentLabel(department), ' никого не оценивает'],
          ),
        ),
      );
    }
    if (f.unevaluated.length > 0) {
      blocks.push(
        f.unevaluated.length === 1
          ? para('«', user(f.unevaluated[0]?.name ?? ''), '» никто не оценивает, поэтому оценки у этого отдела нет.')
          : para('Эти отделы никто не оценивает, поэтому оценок у них нет: ', ...names(f.unevaluated), '.'),
      );
    }
    return { heading: 'Кто кого оценивает', blocks };
  },
  answers: (f) => {
    const c = f.config;
    return {
      heading: 'Ответы',
      blocks: [
        para(
          'По каждому критерию ставится число от ',
          f.n(c.scale.min),
          ' до ',
          f.n(c.scale.max),
          `; дробные значения можно писать с запятой или с точкой (${formatNumber(f.decimalAnswer, 'ru')} или ${formatNumber(f.decimalAnswer, 'en')}). `,
          'Пустая ячейка',
          ...(c.naValues.length > 0 ? [', а также ', ...quotedNaValues(f, '«', '»'), ', означают'] : [' означает']),
          ' «нет ответа»: такой ответ не входит ни в одно среднее и ни в одну долю ниже и не считается низкой оценкой.',
        ),
      ],
    };
  },
  criteria: (f) => {
    const blocks: Block[] = [
      para('Итоговая оценка — взвешенное среднее: каждый критерий входит в неё со своей долей от суммы весов (', f.n(f.totalWeight), ').'),
      {
        kind: 'table',
        header: ['Критерий', 'Вес', 'Доля в оценке'],
        align: ['left', 'right', 'right'],
        rows: f.shares.map(({ criterion, share }) => [[user(criterion.name)], [`${f.n(criterion.weight)} из ${f.n(f.totalWeight)}`], [f.pct(share)]]),
      },
    ];
    if (f.equalWeights && f.config.criteria.length > 1) {
      blocks.push(para('Все критерии весят одинаково: итоговая оценка — простое среднее средних по критериям.'));
    }
    const described = f.config.criteria.filter((c) => c.description !== undefined && c.description.trim() !== '');
    if (described.length > 0) {
      blocks.push(para('Что означают критерии:'), list(described.map((c) => [strong(c.name), ': ', user(c.description ?? '')])));
    }
    return { heading: 'Критерии и их веса', blocks };
  },
  score: (f) => {
    const blocks: Block[] = [];
    if (f.config.aggregation === 'departments') {
      blocks.push(
        para(
          strong('Шаг 1, средние по критериям.'),
          ' Сначала для каждого отдела-клиента и каждого критерия считается среднее ответов его сотрудников. ' +
            'Затем средняя отдела по критерию — это среднее этих значений по отделам-клиентам, ответившим на этот критерий: ' +
            'каждый отдел-клиент весит одинаково, сколько бы в нём ни было людей (отдел из 3 человек весит столько же, сколько отдел из 30).',
        ),
      );
    } else {
      blocks.push(
        para(
          strong('Шаг 1, средние по критериям.'),
          ' Средняя отдела по критерию — это среднее всех ответов о нём по этому критерию: ' +
            'каждый ответ весит одинаково, поэтому отделы-клиенты, в которых больше людей, весят больше.',
        ),
      );
    }
    blocks.push(
      para(strong('Шаг 2, итоговая оценка:'), ' взвешенное среднее средних по критериям, с весами из раздела 3:'),
      formula('S = Σ w·M / Σ w'),
      para('Критерии, по которым об отделе никто не ответил, пропускаются, а веса остальных пересчитываются так, чтобы в сумме снова дать 100\u00A0%.'),
    );
    const e = f.example;
    if (e !== undefined) {
      blocks.push(
        para(
          'Пример: если средняя по критерию «',
          user(e.criterion.name),
          '» равна ',
          f.n(e.high),
          ', а по всем остальным — ',
          f.n(e.low),
          `, итоговая оценка = (${f.n(e.criterion.weight)}·${f.n(e.high)} + ${f.n(e.restWeight)}·${f.n(e.low)}) / ${f.n(f.totalWeight)} ${approx(f, e.score, 2)}.`,
        ),
      );
    }
    return { heading: 'Итоговая оценка отдела', blocks };
  },
  favorable: (f) => ({
    heading: 'Доля положительных ответов',
    blocks: [para('Доля положительных ответов — это доля ответов об отделе (по всем критериям вместе), равных ', f.n(f.config.favorableMin), ' или выше.')],
  }),
  uncertainty: (f) => {
    const z = f.n(Z95);
    const blocks: Block[] = [
      para(
        'Оценка по нескольким анкетам менее надёжна, чем по многим. Каждая строка анкеты получает ',
        strong('оценку строки'),
        ' — взвешенное среднее её ответов с весами из раздела 3.',
      ),
    ];
    if (f.config.aggregation === 'respondents') {
      blocks.push(
        para('Стандартная ошибка оценки:'),
        formula('SE = sd / √n'),
        para('где ', code('sd'), ' — выборочное стандартное отклонение оценок строк об отделе, а ', code('n'), ' — число этих строк.'),
      );
    } else {
      blocks.push(
        para('Раз каждый отдел-клиент весит в оценке одинаково, так же он входит и в стандартную ошибку:'),
        formula('SE = √(Σ s_r² / n_r) / R'),
        para(
          'где ',
          code('R'),
          ' — число отделов-клиентов, оценивших отдел, ',
          code('n_r'),
          ' — число строк от отдела-клиента ',
          code('r'),
          ', ',
          code('s_r²'),
          ' — выборочная дисперсия оценок этих строк. Если у отдела-клиента меньше 2 строк, вместо ',
          code('s_r²'),
          ' берётся объединённая внутригрупповая дисперсия ',
          code('Σ(n_r − 1)·s_r² / Σ(n_r − 1)'),
          ' по строкам об отделе; если ни у одного отдела-клиента нет 2 строк — дисперсия оценок всех строк об отделе.',
        ),
      );
    }
    blocks.push(
      para('Если строк об отделе меньше 2, точность оценить нельзя: у оценки нет интервала, а её изменение «не проверяется».'),
      para(
        '95-процентный доверительный интервал: ',
        code(`S ± ${z}·SE`),
        '. Чем уже интервал, тем точнее оценка; ' +
          'разницу между двумя отделами, чьи интервалы сильно перекрываются, не стоит считать существенной.',
      ),
    );
    return { heading: 'Насколько точна оценка', blocks };
  },
  rank: () => ({
    heading: 'Место',
    blocks: [
      para(
        'Место 1 — самая высокая из показанных оценок; при равных оценках место общее (1,\u00A02,\u00A02,\u00A04). ' +
          'Отдел, чья оценка не показана или которого никто не оценивает, места не получает.',
      ),
    ],
  }),
  anonymity: (f) => {
    const k = f.config.anonymityMin;
    if (k <= 1) {
      return {
        heading: 'Анонимность',
        blocks: [para(code('anonymity_min'), ' = ', f.n(k), ': показываются все значения, даже полученные от одного человека.')],
      };
    }
    return {
      heading: 'Анонимность',
      blocks: [
        para(
          'Значение не показывается, если число разных респондентов, от которых оно получено, ',
          strong(`меньше ${f.n(k)}`),
          ': вместо него во всех отчётах и файлах стоит пометка «скрыто» с причиной. Это касается ' +
            'итоговой оценки отдела (она показывается, если число разных людей, ответивших хотя бы на один вопрос о нём, не меньше ',
          f.n(k),
          '), его средних по критериям, каждой клетки таблицы «отдел-клиент × отдел» (считаются люди этого ' +
            'отдела-клиента, оценившие этот отдел) и оценок в разрезе оценивающих отделов.',
        ),
        para(
          strong('Вторичное скрытие.'),
          ' Если у отдела скрыта ровно одна пара «отдел-клиент × отдел», скрывается и самая маленькая (по числу людей) из его ' +
            'остальных пар — иначе скрытое значение можно было бы вычислить вычитанием из показанных. То же правило защищает ' +
            'средние отдела по критериям; средняя по компании по критерию, выдающая единственную скрытую среднюю, тоже скрывается, ' +
            'а разрез по оценивающим отделам не учитывает строки скрытых пар.',
        ),
      ],
    };
  },
  pairs: () => ({
    heading: 'Таблица «отдел-клиент × отдел»',
    blocks: [
      para('Оценка, которую отдел-клиент r даёт отделу t, — взвешенное среднее средних r по критериям об t, по тем критериям, на которые r ответил:'),
      formula('P = Σ w·m / Σ w'),
    ],
  }),
  raterView: () => ({
    heading: 'Строгие и мягкие оценщики',
    blocks: [
      para(
        'Одни отделы оценивают всех строже, другие мягче. Для каждого отдела как оценщика: ',
        strong('выставлено'),
        ' — средняя оценка строк, заполненных его сотрудниками; ',
        strong('средняя по компании'),
        ' — средняя оценка всех строк; ',
        strong('разница'),
        ' = выставлено − средняя по компании. Отрицательная разница — отдел строже остальных, положительная — мягче. ' +
          'Это помогает читать оценки тех отделов, которых он оценивает.',
      ),
      para(
        'Обе средние не учитывают строки скрытых пар «отдел-клиент × отдел» (см. «Анонимность»): посчитанные по всем строкам, ' +
          'вместе с оценкой отдела они позволили бы вычислить скрытую пару.',
      ),
    ],
  }),
  alerts: (f) => ({
    heading: 'Сигналы',
    blocks: [
      f.config.alertBelow !== undefined
        ? para('Оценки ниже ', strong(f.n(f.config.alertBelow)), ' отмечаются как требующие внимания.')
        : para('Порог сигнала (', code('alert_below'), ') не задан: оценки не отмечаются.'),
    ],
  }),
  periods: (f) => {
    const z = f.n(Z95);
    return {
      heading: 'Сравнение двух периодов',
      blocks: [
        para('Отделы двух периодов сопоставляются по идентификатору (id). Для каждого отдела изменение и его проверка:'),
        formula('Δ = S_B − S_A        z = Δ / √(SE_A² + SE_B²)'),
        para(
          'где A — более ранний период, B — более поздний. Изменение значимо, если ',
          code(`|z| ≥ ${z}`),
          `, то есть p < ${f.n(0.05)} ` +
            '(двусторонний критерий): такое изменение редко возникает только из-за случайного разброса ответов. Если хотя бы ' +
            'в одном периоде SE нет, изменение «не проверяется» и никогда не считается значимым. Отдел, который есть только ' +
            'в одном периоде, отмечается как новый или выбывший. Последнее изменение в динамике за много периодов проверяется так же.',
        ),
      ],
    };
  },
};

const PHRASEBOOKS: Record<ExplainLanguage, Phrasebook> = { en: ENGLISH, ru: RUSSIAN };

export function explainDocument(config: Config, lang: ExplainLanguage): ExplainDocument {
  const f = collectFacts(config, lang);
  const p = PHRASEBOOKS[lang];
  const glance = p.glance(f);
  const numbered = [
    p.whoEvaluatesWhom(f),
    p.answers(f),
    p.criteria(f),
    p.score(f),
    p.favorable(f),
    p.uncertainty(f),
    p.rank(f),
    p.anonymity(f),
    p.pairs(f),
    p.raterView(f),
    p.alerts(f),
    p.periods(f),
  ].map((s, i) => ({ ...s, heading: `${i + 1}. ${s.heading}` }));
  return { title: p.title(f), intro: p.intro(f), sections: [glance, ...numbered] };
}

// ---------------------------------------------------------------------------------------------
// Plain text (terminal)

export interface ExplainTextOptions {
  /** Wrap paragraphs at this many characters (default 80). */
  width?: number;
  /** Headings in bold when colours are on. */
  color?: ChalkInstance;
}

/** User text on one line, without control characters. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
}

function plain(text: Text): string {
  return text.map((part) => (typeof part === 'string' ? part : 'code' in part ? part.code : 'strong' in part ? oneLine(part.strong) : oneLine(part.user))).join('');
}

/** Stands for a space that must not break a line while wrapping; becomes a plain space again after. */
const GLUE = '\uE000';

/** Like plain(), but formulas stay on one line and a dash never starts one. */
function wrappable(text: Text): string {
  return text
    .map((part) => (typeof part === 'object' && 'code' in part ? part.code.replace(/ /g, GLUE) : plain([part])))
    .join('')
    .replace(/ (?=[—–])/g, GLUE);
}

/** Greedy word wrap; words longer than the line stay whole. No-break spaces never split. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  return wrapWords(text, width, first, rest).map((line) => line.replaceAll(GLUE, ' '));
}

function wrapWords(text: string, width: number, first: string, rest: string): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function textTable(block: Extract<Block, { kind: 'table' }>): string[] {
  const cells = [block.header.map((h) => h), ...block.rows.map((row) => row.map(plain))];
  const widths = block.header.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const render = (row: readonly string[]): string =>
    `  ${row
      .map((cell, col) => (block.align[col] === 'right' ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join('   ')
      .trimEnd()}`;
  const [header, ...body] = cells;
  return [render(header ?? []), `  ${widths.map((w) => '-'.repeat(w)).join('   ')}`, ...body.map(render)];
}

function textBlock(block: Block, width: number): string[] {
  switch (block.kind) {
    case 'paragraph':
      return wrap(wrappable(block.text), width, '', '');
    case 'formula':
      return [`    ${block.text}`];
    case 'list':
      return block.items.flatMap((item) => wrap(wrappable(item), width, '  - ', '    '));
    case 'table':
      return textTable(block);
  }
}

export function renderExplainText(config: Config, lang: ExplainLanguage, options: ExplainTextOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const bold = (s: string): string => (options.color ? options.color.bold(s) : s);
  const doc = explainDocument(config, lang);
  const title = plain(doc.title);
  const out: string[] = [bold(title), '='.repeat(Math.min(title.length, width)), ''];
  for (const block of doc.intro) out.push(...textBlock(block, width), '');
  for (const section of doc.sections) {
    out.push(bold(section.heading), '-'.repeat(Math.min(section.heading.length, width)), '');
    for (const block of section.blocks) out.push(...textBlock(block, width), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown (to print or send)

/** User text can hold any character: nothing in it may turn into Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function markdown(text: Text): string {
  return text
    .map((part) => (typeof part === 'string' ? part : 'code' in part ? codeSpan(part.code) : 'strong' in part ? `**${escapeMarkdown(part.strong)}**` : escapeMarkdown(part.user)))
    .join('');
}

function markdownBlock(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [markdown(block.text)];
    case 'formula':
      return [codeSpan(block.text)];
    case 'list':
      return block.items.map((item) => `- ${markdown(item)}`);
    case 'table':
      return [
        `| ${block.header.join(' | ')} |`,
        `|${block.align.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((cell) => markdown(cell)).join(' | ')} |`),
      ];
  }
}

export function renderExplainMarkdown(config: Config, lang: ExplainLanguage): string {
  const doc = explainDocument(config, lang);
  const out: string[] = [`# ${markdown(doc.title)}`, ''];
  for (const block of doc.intro) out.push(...markdownBlock(block), '');
  for (const section of doc.sections) {
    out.push(`## ${section.heading}`, '');
    for (const block of section.blocks) out.push(...markdownBlock(block), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
