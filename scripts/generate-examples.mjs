#!/usr/bin/env node
// @ts-check
/**
 * Generates the bundled example company in `examples/`: `ic.yaml`, two periods of
 * responses (`2026-q1.csv`, `2026-q2.csv`) and `README.md`.
 *
 *   node scripts/generate-examples.mjs [OUT_DIR]      (default: examples/ beside this script)
 *
 * Seeded and reproducible byte for byte (no Math.random, no clock): the committed files are
 * checked against a fresh run by test/examples/examples.test.ts. To change the example,
 * change this script and run it again — never edit the generated files by hand.
 *
 * The data tell a story on purpose (see STORY below): every target department has a true
 * quality per criterion; every rater department a leniency; every respondent a small offset;
 * answers are those plus noise, rounded and clipped to the scale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Picked among a few seeds so that sampling noise does not blur the designed story (the stable
// departments also measure as stable, under 0.15 apart).
const SEED = 'ic-examples-2026-53';
const PERIODS = /** @type {const} */ (['2026-q1', '2026-q2']);

const TITLE = 'Внутренний клиент — 2026';
const SCALE = { min: 1, max: 5 };
const NA_VALUES = ['N/A', 'н/о', '-'];
const FAVORABLE_MIN = 4;
const ANONYMITY_MIN = 3;
const ALERT_BELOW = 3.5;

/** Spread of the per-answer noise, the respondent offsets and the rater-department leniency. */
const ANSWER_SD = 0.6;
const RESPONDENT_SD = 0.3;
const LENIENCY_SD = 0.2;
/** Share of answers left "not applicable" (one of NA_VALUES) and left blank. */
const NA_RATE = 0.015;
const BLANK_RATE = 0.02;
/** Share of respondents of q1 who are gone in q2 (replaced by new people). */
const TURNOVER = 0.15;
const COMMENT_RATE = 0.1;
const STORY_COMMENT_RATE = 0.3;

/**
 * @typedef {'improves' | 'declines' | 'stable'} Story
 * @typedef {{
 *   id: string,
 *   name: string,
 *   clientsOf: string[],
 *   sizes: [number, number],
 *   truth: [number, number] | null,
 *   story: Story,
 *   leniency?: number,
 *   note?: string,
 * }} DepartmentDef
 * `sizes`: respondents in q1 and q2. `truth`: the designed true score (weighted mean of the
 * true criterion qualities) in q1 and q2, null for a department nobody evaluates.
 * `leniency`: fixed instead of drawn. `note`: a comment for ic.yaml.
 */

/** @type {DepartmentDef[]} */
const DEPARTMENTS = [
  {
    id: 'directorate',
    name: 'Генеральная дирекция',
    clientsOf: ['finance', 'sales', 'marketing', 'hr', 'legal'],
    sizes: [3, 3],
    truth: null,
    story: 'stable',
    leniency: -0.35,
    note: 'evaluates others, nobody evaluates it: no score',
  },
  {
    id: 'sales',
    name: 'Отдел продаж',
    clientsOf: ['procurement', 'delivery', 'marketing', 'production', 'legal'],
    sizes: [9, 9],
    truth: [4.0, 4.05],
    story: 'stable',
  },
  {
    id: 'procurement',
    name: 'Отдел закупок',
    clientsOf: ['hr', 'it', 'finance', 'legal'],
    sizes: [6, 6],
    truth: [3.95, 3.2],
    story: 'declines',
  },
  {
    id: 'delivery',
    name: 'Служба доставки',
    clientsOf: ['warehouse', 'it', 'admin'],
    sizes: [7, 7],
    truth: [3.3, 4.1],
    story: 'improves',
  },
  {
    id: 'marketing',
    name: 'Маркетинг',
    clientsOf: ['sales', 'it', 'finance'],
    sizes: [5, 5],
    truth: [3.8, 3.85],
    story: 'stable',
  },
  {
    id: 'accounting',
    name: 'Бухгалтерия',
    clientsOf: ['sales', 'procurement', 'hr', 'it'],
    sizes: [6, 6],
    truth: [4.45, 3.75],
    story: 'declines',
  },
  {
    id: 'hr',
    name: 'Отдел кадров',
    clientsOf: ['accounting', 'legal', 'admin'],
    sizes: [4, 5],
    truth: [3.45, 4.15],
    story: 'improves',
  },
  {
    id: 'it',
    name: 'ИТ-отдел',
    clientsOf: ['procurement', 'accounting', 'security'],
    sizes: [8, 8],
    truth: [3.6, 4.25],
    story: 'improves',
  },
  {
    id: 'legal',
    name: 'Юридический отдел',
    clientsOf: ['accounting', 'hr'],
    sizes: [2, 2],
    truth: [4.1, 4.0],
    story: 'stable',
    note: 'only 2 people: its pairs fall under anonymity_min',
  },
  {
    id: 'warehouse',
    name: 'Склад',
    clientsOf: ['procurement', 'delivery', 'it', 'security'],
    sizes: [7, 7],
    truth: [3.7, 3.75],
    story: 'stable',
  },
  {
    id: 'production',
    name: 'Производство',
    clientsOf: ['procurement', 'warehouse', 'quality', 'it'],
    sizes: [9, 8],
    truth: [3.9, 3.85],
    story: 'stable',
  },
  {
    id: 'quality',
    name: 'Контроль качества',
    clientsOf: ['production', 'procurement', 'warehouse'],
    sizes: [5, 5],
    truth: [4.2, 4.2],
    story: 'stable',
  },
  {
    id: 'finance',
    name: 'Финансовый отдел',
    clientsOf: ['accounting', 'sales', 'it'],
    sizes: [5, 5],
    truth: [3.85, 3.95],
    story: 'stable',
  },
  {
    id: 'admin',
    name: 'Административно-хозяйственный отдел',
    clientsOf: ['procurement', 'accounting'],
    sizes: [4, 4],
    truth: [3.75, 3.7],
    story: 'stable',
  },
  {
    id: 'security',
    name: 'Служба безопасности',
    clientsOf: ['hr', 'it', 'admin'],
    sizes: [3, 3],
    truth: [3.4, 3.45],
    story: 'stable',
    note: 'stays under alert_below in both periods',
  },
];

/** @typedef {{ id: string, name: string, weight: number, description: string }} CriterionDef */

/** @type {CriterionDef[]} */
const CRITERIA = [
  {
    id: 'speed',
    name: 'Скорость реакции',
    weight: 2,
    description: 'Как быстро заявку берут в работу и дают ответ',
  },
  {
    id: 'quality',
    name: 'Качество результата',
    weight: 2,
    description: 'Результатом можно пользоваться без доработок и повторных обращений',
  },
  {
    id: 'competence',
    name: 'Компетентность',
    weight: 1,
    description: 'Сотрудники знают свою область и дают точные ответы',
  },
  {
    id: 'politeness',
    name: 'Вежливость',
    weight: 1,
    description: 'Корректный тон, готовность выслушать и объяснить',
  },
  {
    id: 'proactivity',
    name: 'Инициативность',
    weight: 1,
    description: 'Сами предупреждают о сроках и рисках, предлагают решения',
  },
];

/** Comments by the tone of the row; some contain commas and quotes on purpose (CSV quoting). */
const COMMENTS = {
  positive: [
    'Всегда помогают, спасибо!',
    'Отвечают в тот же день',
    'Быстро, чётко, по делу',
    'Спасибо коллегам за оперативность',
    'Объясняют понятно, без канцелярита',
  ],
  neutral: [
    'Быстро, но без деталей',
    'В целом нормально, но иногда приходится напоминать',
    'По-разному: зависит от того, кто отвечает',
    'Хотелось бы видеть статус заявки, а не ждать',
    '+1 к коллегам: нужен единый контакт',
  ],
  negative: [
    'Заявки теряются, приходится звонить и напоминать',
    'Ответ "в работе" висит неделями',
    'Сроки срываются, особенно в конце месяца',
    'Нет единого контакта, каждый раз объясняем заново',
    'Отписки вместо решений',
  ],
};

/** Comments that go with the story of a target department in a period. */
/** @type {Record<string, Partial<Record<(typeof PERIODS)[number], string[]>>>} */
const STORY_COMMENTS = {
  delivery: {
    '2026-q1': ['Сроки доставки "плавают", клиенты жалуются', 'Не знаем, где груз, пока не позвоним'],
    '2026-q2': ['После запуска трекинга стало намного лучше', 'Теперь видно, где груз, и не надо звонить'],
  },
  hr: {
    '2026-q2': ['Подбор ускорился: кандидаты приходят уже через неделю', 'Справки готовят за день, спасибо'],
  },
  it: {
    '2026-q1': ['Заявку в ИТ "потеряли" дважды', 'Ноутбук новому сотруднику ждали три недели'],
    '2026-q2': ['С новым сервис-деском заявки закрывают быстро', 'Наконец-то есть портал заявок, удобно'],
  },
  procurement: {
    '2026-q2': [
      'После смены поставщика всё затянулось, ждём по 2–3 недели',
      'Закупки "не успевают", материалы приходят с опозданием',
    ],
  },
  accounting: {
    '2026-q2': [
      'Переход на новую систему, закрывающие документы задерживаются',
      'Ответа по счетам приходится ждать, "все на закрытии"',
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32 seeded from a label, so that each part of the data has its own stream
// and a change in one part does not reshuffle the others.

/** FNV-1a, 32 bits: a label to a seed. @param {string} text */
function hashSeed(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** @param {number} seed @returns {() => number} uniform in [0, 1) */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  /** @param {string} label */
  constructor(label) {
    this.next = mulberry32(hashSeed(`${SEED}/${label}`));
  }
  uniform() {
    return this.next();
  }
  /** Box–Muller. @param {number} mean @param {number} sd */
  normal(mean = 0, sd = 1) {
    const u1 = 1 - this.next(); // (0, 1]: log is finite
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  /** Integer in [lo, hi]. @param {number} lo @param {number} hi */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// The model.

const totalWeight = CRITERIA.reduce((sum, c) => sum + c.weight, 0);

/** @param {readonly number[]} values weighted by CRITERIA */
function weightedMean(values) {
  return values.reduce((sum, v, i) => sum + v * (CRITERIA[i]?.weight ?? 0), 0) / totalWeight;
}

/**
 * True quality of a department on each criterion in each period: its designed score plus a
 * per-criterion profile (a department is faster than it is proactive, say), re-centred so that
 * the weighted mean is exactly the designed score. The profile moves a little between periods.
 * @param {DepartmentDef} dept
 * @returns {number[][] | null} [period][criterion]
 */
function trueQualities(dept) {
  if (dept.truth === null) return null;
  const rng = new Rng(`quality/${dept.id}`);
  const profile = CRITERIA.map(() => rng.normal(0, 0.3));
  return dept.truth.map((score) => {
    const raw = profile.map((p) => score + p + rng.normal(0, 0.08));
    const shift = score - weightedMean(raw);
    return raw.map((q) => q + shift);
  });
}

/** @typedef {{ id: string, offset: number }} Respondent */

/**
 * Respondents of every department in every period: stable ids, some people leave after q1 and
 * new ones join.
 * @returns {Map<string, Respondent[][]>} department id -> [period] -> respondents
 */
function rosters() {
  const rng = new Rng('rosters');
  /** @type {Set<string>} */
  const used = new Set();
  const newRespondent = () => {
    for (;;) {
      const id = `r${String(rng.int(1, 1999)).padStart(4, '0')}`;
      if (used.has(id)) continue;
      used.add(id);
      return { id, offset: rng.normal(0, RESPONDENT_SD) };
    }
  };
  /** @type {Map<string, Respondent[][]>} */
  const result = new Map();
  for (const dept of DEPARTMENTS) {
    const [sizeA, sizeB] = dept.sizes;
    const first = Array.from({ length: sizeA }, newRespondent);
    const second = first.filter(() => !rng.chance(TURNOVER)).slice(0, sizeB);
    while (second.length < sizeB) second.push(newRespondent());
    const byId = (/** @type {Respondent} */ a, /** @type {Respondent} */ b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    result.set(dept.id, [first.sort(byId), second.sort(byId)]);
  }
  return result;
}

/** @returns {Map<string, number>} rater department id -> leniency */
function leniencies() {
  const rng = new Rng('leniency');
  return new Map(DEPARTMENTS.map((d) => [d.id, d.leniency ?? rng.normal(0, LENIENCY_SD)]));
}

/**
 * @typedef {{ respondent: string, rater: string, target: string, answers: string[], comment: string }} Row
 */

/**
 * @param {number} period index into PERIODS
 * @param {Map<string, Respondent[][]>} people
 * @param {Map<string, number>} leniency
 * @param {Map<string, number[][] | null>} truth
 * @returns {Row[]}
 */
function responses(period, people, leniency, truth) {
  const label = PERIODS[period] ?? '';
  const rng = new Rng(`answers/${label}`);
  /** @type {Row[]} */
  const rows = [];
  for (const rater of DEPARTMENTS) {
    for (const person of people.get(rater.id)?.[period] ?? []) {
      for (const target of rater.clientsOf) {
        const quality = truth.get(target)?.[period];
        if (!quality) throw new Error(`${target} is evaluated but has no true quality`);
        const bias = (leniency.get(rater.id) ?? 0) + person.offset;
        const scores = quality.map((q) => clip(Math.round(q + bias + rng.normal(0, ANSWER_SD))));
        const answers = scores.map((s) => {
          const u = rng.uniform();
          if (u < NA_RATE) return rng.pick(NA_VALUES);
          if (u < NA_RATE + BLANK_RATE) return '';
          return String(s);
        });
        // A row with no answer at all is a warning in `ic`; the example stays clean.
        if (answers.every((a) => !/^\d+$/.test(a))) answers[0] = String(scores[0]);
        rows.push({
          respondent: person.id,
          rater: rater.id,
          target,
          answers,
          comment: comment(rng, target, label, weightedMean(scores)),
        });
      }
    }
  }
  return rows;
}

/** @param {number} score */
function clip(score) {
  return Math.min(SCALE.max, Math.max(SCALE.min, score));
}

/** @param {Rng} rng @param {string} target @param {string} period @param {number} rowScore */
function comment(rng, target, period, rowScore) {
  const story = STORY_COMMENTS[target]?.[/** @type {(typeof PERIODS)[number]} */ (period)];
  const rate = story ? STORY_COMMENT_RATE : COMMENT_RATE;
  if (!rng.chance(rate)) return '';
  if (story && rng.chance(0.7)) return rng.pick(story);
  const tone = rowScore >= 4.2 ? 'positive' : rowScore <= 2.8 ? 'negative' : 'neutral';
  return rng.pick(COMMENTS[tone]);
}

// ---------------------------------------------------------------------------------------------
// Output.

/** @param {string} cell */
function csvCell(cell) {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** @param {Row[]} rows */
function renderCsv(rows) {
  const header = ['respondent_id', 'rater_department', 'target_department', ...CRITERIA.map((c) => c.id), 'comment'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push([r.respondent, r.rater, r.target, ...r.answers, r.comment].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). @param {string} text */
function yamlString(text) {
  return JSON.stringify(text);
}

function renderConfig() {
  const lines = [
    '# Example company for `ic`, the Internal Client scoring tool.',
    '# Generated by scripts/generate-examples.mjs (seeded): change the script, not this file.',
    '# Try:  ic score examples/2026-q1.csv   ic diff examples/2026-q1.csv examples/2026-q2.csv',
    'version: 1',
    `title: ${yamlString(TITLE)}`,
    `scale: { min: ${SCALE.min}, max: ${SCALE.max} }`,
    `na_values: [${NA_VALUES.map(yamlString).join(', ')}]    # "not applicable"; a blank cell always is`,
    `favorable_min: ${FAVORABLE_MIN}                    # answers >= 4 count as favorable`,
    `anonymity_min: ${ANONYMITY_MIN}                    # fewer distinct respondents: value suppressed`,
    'aggregation: departments            # every client department counts equally, whatever its size',
    `alert_below: ${ALERT_BELOW}                    # scores under this are flagged`,
    '',
    '# clients_of: the departments this one sends requests to, and so evaluates.',
    'departments:',
  ];
  for (const d of DEPARTMENTS) {
    lines.push(`  - id: ${d.id}`);
    lines.push(`    name: ${d.name}`);
    const clients = `    clients_of: [${d.clientsOf.join(', ')}]`;
    lines.push(d.note ? `${clients.padEnd(62)} # ${d.note}` : clients);
  }
  lines.push('', '# weight: how much a criterion counts in the score (speed and quality count double).', 'criteria:');
  for (const c of CRITERIA) {
    lines.push(`  - id: ${c.id}`);
    lines.push(`    name: ${c.name}`);
    lines.push(`    weight: ${c.weight}`);
    lines.push(`    description: ${yamlString(c.description)}`);
  }
  return lines.join('\n') + '\n';
}

/** @param {number} x */
const fmt = (x) => x.toFixed(2);

/**
 * @param {Map<string, number[][] | null>} truth
 * @param {Row[][]} periods
 */
function summaryRows(truth, periods) {
  return DEPARTMENTS.map((d) => {
    const measured = periods.map((rows) => methodScore(rows.filter((r) => r.target === d.id)));
    const about = periods.map((rows) => rows.filter((r) => r.target === d.id));
    const observed = about.map((rows) => {
      const values = rows.flatMap((r) => r.answers.filter((a) => /^\d+$/.test(a)).map(Number));
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    });
    const respondents = about.map((rows) => new Set(rows.map((r) => r.respondent)).size);
    const t = truth.get(d.id);
    const scores = t ? t.map(weightedMean) : null;
    return { dept: d, scores, observed, respondents, measured };
  });
}

/**
 * The score and standard error that `ic score` should report for one target (SPEC 3.2,
 * aggregation: departments), computed here independently so the lead can cross-check.
 * @param {Row[]} rows the rows about one target
 * @returns {{ score: number, se: number } | null}
 */
function methodScore(rows) {
  if (rows.length === 0) return null;
  /** @param {string} a */
  const valid = (a) => (/^\d+$/.test(a) ? Number(a) : null);
  /** @type {Map<string, Row[]>} */
  const byRater = new Map();
  for (const r of rows) byRater.set(r.rater, [...(byRater.get(r.rater) ?? []), r]);
  const criterionMeans = CRITERIA.map((_, c) => {
    const pairMeans = [...byRater.values()].flatMap((rs) => {
      const v = rs.map((r) => valid(r.answers[c] ?? '')).filter((x) => x !== null);
      return v.length ? [v.reduce((a, b) => a + b, 0) / v.length] : [];
    });
    return pairMeans.length ? pairMeans.reduce((a, b) => a + b, 0) / pairMeans.length : null;
  });
  let num = 0;
  let den = 0;
  criterionMeans.forEach((m, c) => {
    if (m === null) return;
    num += (CRITERIA[c]?.weight ?? 0) * m;
    den += CRITERIA[c]?.weight ?? 0;
  });
  /** @param {Row} r */
  const rowScore = (r) => {
    let n = 0;
    let d = 0;
    r.answers.forEach((a, c) => {
      const v = valid(a);
      if (v === null) return;
      n += (CRITERIA[c]?.weight ?? 0) * v;
      d += CRITERIA[c]?.weight ?? 0;
    });
    return n / d;
  };
  const groups = [...byRater.values()].map((rs) => rs.map(rowScore));
  const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ss = (/** @type {number[]} */ xs) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0);
  const total = groups.reduce((a, g) => a + g.length, 0);
  const pooled = groups.reduce((a, g) => a + ss(g), 0) / (total - groups.length);
  const sum = groups.reduce((a, g) => a + (g.length < 2 ? pooled : ss(g) / (g.length - 1)) / g.length, 0);
  return { score: num / den, se: Math.sqrt(sum) / groups.length };
}

/** @param {ReturnType<typeof summaryRows>} summary */
function renderReadme(summary) {
  const table = summary.map(({ dept, scores, measured }) => {
    const story = dept.truth === null ? 'not evaluated by anyone: no score' : dept.story;
    const [a, b] = scores ?? [];
    const cells =
      a === undefined || b === undefined ? ['—', '—', '—'] : [fmt(a), fmt(b), `${b - a >= 0 ? '+' : ''}${fmt(b - a)}`];
    const [ma, mb] = measured;
    const shown = ma && mb ? [fmt(ma.score), fmt(mb.score)] : ['—', '—'];
    return `| ${dept.id} | ${dept.name} | ${dept.clientsOf.join(', ')} | ${cells.join(' | ')} | ${shown.join(' | ')} | ${story} |`;
  });
  /** @param {Story} story */
  const moving = (story) => {
    const depts = DEPARTMENTS.filter((d) => d.story === story && d.truth !== null);
    const changes = depts.map((d) => (d.truth ? d.truth[1] - d.truth[0] : 0)).map((x) => Math.abs(x).toFixed(2));
    const sign = story === 'improves' ? '+' : '−';
    const range = [...new Set([Math.min(...changes.map(Number)), Math.max(...changes.map(Number))])];
    return { ids: depts.map((d) => `\`${d.id}\``).join(', '), range: range.map((x) => `${sign}${x.toFixed(2)}`).join(' to ') };
  };
  const improve = moving('improves');
  const decline = moving('declines');
  const underAlert = DEPARTMENTS.filter((d) => d.story === 'declines' && d.truth && d.truth[1] < ALERT_BELOW);
  return [
    '# Example company',
    '',
    'A made-up company of 15 departments that evaluate each other on 5 criteria, over two',
    'quarters. Try:',
    '',
    '```sh',
    'ic score examples/2026-q1.csv',
    'ic score examples/2026-q2.csv --by pair',
    'ic diff examples/2026-q1.csv examples/2026-q2.csv',
    '```',
    '',
    '- `ic.yaml` — departments, who is a client of whom (`clients_of`), criteria and weights;',
    '- `2026-q1.csv`, `2026-q2.csv` — one row per respondent and department evaluated (wide shape).',
    '',
    'What the data show, by design:',
    '',
    `- ${improve.ids} clearly improve (${improve.range} points): significant in \`ic diff\`;`,
    `- ${decline.ids} clearly decline (${decline.range}); ${underAlert.map((d) => `\`${d.id}\``).join(', ')} falls under`,
    `  \`alert_below\` (${ALERT_BELOW}) in q2;`,
    '- the others stay about the same (true change under 0.15); `security` stays under the alert line;',
    '- `directorate` evaluates others and is evaluated by nobody: it gets no score;',
    '- `legal` has only 2 people, so its pairs (legal → accounting, legal → hr) are suppressed',
    `  (\`anonymity_min: ${ANONYMITY_MIN}\`); \`directorate\` is a harsh rater;`,
    '- about 1.5% of answers are "not applicable" (`N/A`, `н/о`, `-`) and 2% blank; some rows',
    '  have comments with commas and quotes; some people leave after q1 and new ones join.',
    '',
    'True scores are the weighted mean of each department\'s true quality per criterion — what a',
    'perfect survey would measure; the files add rater leniency, personal bias and noise. Score q1',
    'and q2 are what the files give with the method of `ic explain` (aggregation: departments):',
    '',
    '| id | department | clients_of | true q1 | true q2 | change | score q1 | score q2 | story |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table,
    '',
    'The files are generated, seeded and reproducible byte for byte:',
    '',
    '```sh',
    'node scripts/generate-examples.mjs            # rewrites examples/',
    'node scripts/generate-examples.mjs /tmp/out   # or any other folder',
    '```',
    '',
    'Do not edit them by hand: `test/examples` checks that they match a fresh run.',
    '',
  ].join('\n');
}

/** @param {ReturnType<typeof summaryRows>} summary @param {Row[][]} periods */
function renderSummary(summary, periods) {
  const lines = [
    `rows: ${PERIODS.map((p, i) => `${p} ${periods[i]?.length}`).join(', ')}`,
    'department      true q1  true q2  change | score q1    q2  change      z | answers q1    q2 | people q1  q2 | story',
  ];
  for (const { dept, scores, observed, respondents, measured } of summary) {
    const [a, b] = scores ?? [];
    const [oa, ob] = observed;
    const [ma, mb] = measured;
    const z = ma && mb ? (mb.score - ma.score) / Math.hypot(ma.se, mb.se) : null;
    lines.push(
      [
        dept.id.padEnd(14),
        (a === undefined ? '—' : fmt(a)).padStart(8),
        (b === undefined ? '—' : fmt(b)).padStart(8),
        (a === undefined || b === undefined ? '—' : fmt(b - a)).padStart(7),
        '|',
        (ma ? fmt(ma.score) : '—').padStart(8),
        (mb ? fmt(mb.score) : '—').padStart(5),
        (ma && mb ? fmt(mb.score - ma.score) : '—').padStart(7),
        (z === null ? '—' : z.toFixed(1)).padStart(6),
        '|',
        (oa == null ? '—' : fmt(oa)).padStart(10),
        (ob == null ? '—' : fmt(ob)).padStart(5),
        '|',
        String(respondents[0]).padStart(9),
        String(respondents[1]).padStart(3),
        ' |',
        dept.truth === null ? 'no score' : dept.story,
      ].join(' '),
    );
  }
  return lines.join('\n') + '\n';
}

/** Fails loudly if the definitions above would make invalid data. */
function checkDefinitions() {
  const ids = new Set(DEPARTMENTS.map((d) => d.id));
  const evaluated = new Set(DEPARTMENTS.flatMap((d) => d.clientsOf));
  for (const d of DEPARTMENTS) {
    for (const t of d.clientsOf) {
      if (!ids.has(t)) throw new Error(`${d.id}: unknown client_of ${t}`);
      if (t === d.id) throw new Error(`${d.id} evaluates itself`);
    }
    if (evaluated.has(d.id) !== (d.truth !== null)) throw new Error(`${d.id}: truth must be null exactly when nobody evaluates it`);
  }
}

function main() {
  checkDefinitions();
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = process.argv[2] ? resolve(process.argv[2]) : resolve(here, '..', 'examples');
  mkdirSync(outDir, { recursive: true });

  const truth = new Map(DEPARTMENTS.map((d) => [d.id, trueQualities(d)]));
  const people = rosters();
  const leniency = leniencies();
  const periods = PERIODS.map((_, i) => responses(i, people, leniency, truth));
  const summary = summaryRows(truth, periods);

  writeFileSync(join(outDir, 'ic.yaml'), renderConfig());
  PERIODS.forEach((p, i) => writeFileSync(join(outDir, `${p}.csv`), renderCsv(periods[i] ?? [])));
  writeFileSync(join(outDir, 'README.md'), renderReadme(summary));
  process.stdout.write(`wrote ${outDir}\n` + renderSummary(summary, periods));
}

main();
