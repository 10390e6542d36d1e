/** The Russian phrasebook of the reports. */
import { formatConfigNumber, formatFixed, pluralForm } from '../language.js';
import type { ReportPhrases, Where } from './types.js';

const count = (n: number, forms: readonly [string, string, string]): string => `${n} ${pluralForm(n, 'ru', forms)}`;
const ROWS = ['строка', 'строки', 'строк'] as const;
const ERRORS = ['ошибка', 'ошибки', 'ошибок'] as const;
const WARNINGS = ['предупреждение', 'предупреждения', 'предупреждений'] as const;
const where = (w: Where): string => (w.both ? 'обоих периодах' : w.label);
/** "менее чем 3 респондентов": the genitive after "менее чем" is "респондента" only for 1. */
const respondentsAfterLess = (k: number): string => `${k} ${pluralForm(k, 'ru', ['респондента', 'респондентов', 'респондентов'])}`;

export const RUSSIAN: ReportPhrases = {
  language: 'ru',
  leftOut: 'не показаны, чтобы таблица поместилась в терминал (--wide покажет все колонки):',
  rows: (n) => count(n, ROWS),
  markers: { fewerThanK: (k) => `n<${k}`, secondary: 'скрыто', noResponses: '—' },
  legend: {
    fewerThanK: (k) => `n<${k}: меньше ${respondentsAfterLess(k)}, не показывается (анонимность)`,
    secondary: 'скрыто: не показывается, чтобы значение ниже порога анонимности нельзя было вычислить по остальным',
    noResponses: '—: нет ответов',
  },
  number: (value, digits) => formatFixed(value, digits, 'ru'),
  hidden: (c, k, period) => {
    const total = c.fewer_than_k + c.secondary + c.no_responses;
    const parts = [
      ...(c.fewer_than_k > 0 ? [`меньше ${respondentsAfterLess(k)}: ${c.fewer_than_k}`] : []),
      ...(c.secondary > 0 ? [`вторично, чтобы их нельзя было вычислить: ${c.secondary}`] : []),
      ...(c.no_responses > 0 ? [`нет ответов: ${c.no_responses}`] : []),
    ];
    return `${period === undefined ? '' : `${period}: `}не показано значений: ${total}${parts.length === 0 ? '' : ` (${parts.join('; ')})`}`;
  },
  aggregation: (mode) => (mode === 'departments' ? 'усреднение по подразделениям (каждое подразделение-клиент весит одинаково)' : 'усреднение по респондентам (каждый ответ весит одинаково)'),

  score: {
    viewTitle: {
      department: 'Подразделения, лучшие сверху',
      criterion: 'Критерии по всей компании',
      pair: 'Подразделение-клиент (оценивающее) × оцениваемое подразделение',
      rater: 'Как каждое подразделение оценивает других, по сравнению со средним по компании (самые строгие сверху)',
    },
    meta: (used, read, aggregation, k) =>
      `использовано ${count(used, ROWS)} из ${read} · ${
        aggregation === 'departments' ? 'усреднение по подразделениям (каждое подразделение-клиент весит одинаково)' : 'усреднение по респондентам (каждый ответ весит одинаково)'
      } · значения по ответам менее чем ${respondentsAfterLess(k)} скрыты`,
    noScore: (department, why) => `Нет оценки: ${department} — ${why === 'no_answers' ? 'его подразделения-клиенты не прислали ответов' : 'ни одно подразделение не является его клиентом'}`,
    needsAttention: 'Требует внимания',
    attentionDepartment: (department, score, alertBelow, weakest) =>
      `${department}: ${score}, ниже ${formatConfigNumber(alertBelow, 'ru')}${weakest === '' ? '' : `; слабее всего: ${weakest}`}`,
    lowestPairs: (pairs) => `Самые низкие пары (клиент → подразделение): ${pairs}`,
    columns: {
      rank: '№',
      department: 'Подразделение',
      id: 'id',
      score: 'Оценка',
      ci95: '95% ДИ',
      favorable: 'Благопр.',
      respondents: 'Респ.',
      raters: 'Клиенты',
      flags: 'Отметки',
      criterion: 'Критерий',
      weight: 'Вес',
      mean: 'Среднее',
      answers: 'Ответы',
      pairCorner: 'Подразделение ↓ / клиент →',
      rater: 'Оценивающее подразделение',
      gives: 'Ставит',
      company: 'Компания',
      difference: 'Разница',
      rows: 'Строки',
      headcount: 'Численность',
      responseRate: 'Доля ответивших',
    },
    flags: { below_alert: 'ниже порога', suppressed: 'скрыто', no_responses: 'нет ответов' },
    harsher: 'строже',
    moreLenient: 'мягче',
  },

  diff: {
    viewTitle: {
      department: 'Изменения по подразделениям, сначала самые большие значимые падения',
      criterion: 'Изменение среднего по каждому критерию (Δ; без проверки значимости: у критерия нет своей SE)',
      pair: 'Изменения по парам клиент → подразделение, сначала самые большие падения (Δ; без проверки значимости)',
    },
    periodLine: (label, inputs, used, read) => `${label}: ${inputs} (использовано ${count(used, ROWS)} из ${read})`,
    meta: (aggregation, k) =>
      `${aggregation === 'departments' ? 'усреднение по подразделениям' : 'усреднение по респондентам'} · значения по ответам менее чем ${respondentsAfterLess(k)} скрыты, и изменения по ним не считаются`,
    significance: 'значимо: |z| ≥ 1,96 (p < 0,05, двусторонний), z = Δ / √(SE_A² + SE_B²)',
    byChance: (expected, tested) => `даже если ничего не изменилось, 1 проверка из 20 проходит случайно (ожидается ${expected} из ${tested})`,
    newGone: (a, b) => `новое: оценивалось только в ${b}; выбыло: оценивалось только в ${a}`,
    summary: (s) => {
      const parts = [
        `значимо улучшилось ${count(s.improved, ['подразделение', 'подразделения', 'подразделений'])}`,
        `ухудшилось ${s.declined}`,
        `без значимых изменений ${s.notSignificant}`,
      ];
      if (s.notTestable > 0) parts.push(`нельзя проверить ${s.notTestable}`);
      if (s.new > 0) parts.push(`новых ${s.new}`);
      if (s.gone > 0) parts.push(`выбывших ${s.gone}`);
      return parts.join(', ');
    },
    periods: (a, b, summary) => `${a} → ${b}: ${summary}`,
    notEvaluated: (department, when, why) =>
      `Нет оценки ${when === 'either' ? 'ни в одном из двух периодов' : 'ни в одном периоде'}: ${department} — ${why === 'no_clients' ? 'ни одно подразделение не является его клиентом' : 'его никто не оценивал'}`,
    columns: { department: 'Подразделение', id: 'id', change: 'Изменение', rank: 'Место', favorableDelta: 'Благопр. Δ', respondents: 'Респ.', scoreDelta: 'Оценка Δ', client: 'Клиент (оценивающий)' },
    declined: '▼ ухудшилось',
    improved: '▲ улучшилось',
    notSignificant: 'незначимо',
    newIn: (label) => `новое в ${label}`,
    goneIn: (label) => `выбыло в ${label}`,
    notTestable: (why) => `нельзя проверить: ${why}`,
    hiddenIn: (w) => `скрыто в ${where(w)}`,
    noScoreIn: (w) => `нет оценки в ${where(w)}`,
    seUndefinedIn: (w) => `SE не определена в ${where(w)} (меньше 2 строк)`,
    seZero: 'нет разброса ни в одном периоде (SE 0)',
  },

  trend: {
    title: 'Оценка по периодам; сначала подразделения, значимо упавшие в последнем периоде',
    latest: (lastTwo, summary) => `Последнее изменение, ${lastTwo}: ${summary}`,
    sparkNote: (min, max) => `динамика: по блоку на период на шкале ${min}–${max} (▁ низко, █ высоко); · оценка не показана`,
    columns: { trend: 'Динамика', lastDelta: 'Посл. Δ' },
    notIn: (a, b) => `нет ни в ${a}, ни в ${b}`,
  },

  periods: {
    sameConfig: (file) => `конфигурация: ${file} (для всех периодов)`,
    configOf: (label, file) => `${label}: конфигурация ${file}`,
    methodChanged: (a, b, changes) =>
      `методика изменилась между ${a} и ${b}: ${changes}. Оценки всё равно сравниваются; изменения по критериям показаны только для критериев, которые есть в обоих периодах`,
    criteriaAdded: (list) => `добавлены критерии: ${list}`,
    criteriaRemoved: (list) => `убраны критерии: ${list}`,
    weightChanged: (criterion, a, b) => `вес критерия ${criterion} ${a} → ${b}`,
    scaleChanged: (a, b) => `шкала ${a} → ${b}`,
    aggregationChanged: (a, b) =>
      `усреднение ${a === 'departments' ? 'по подразделениям' : 'по респондентам'} → ${b === 'departments' ? 'по подразделениям' : 'по респондентам'}`,
    favorableMinChanged: (a, b) => `благоприятный ответ от ${a} → от ${b}`,
    matched: (department, label, earlier, earlierLabel, merged) =>
      `${department} в ${label} сопоставлено с ${earlier} в ${earlierLabel} (${merged ? 'слияние' : 'переименование'}: renamed_from в конфигурации)`,
  },

  run: {
    periodProblems: (errors, warnings) => `${count(errors, ERRORS)}, ${count(warnings, WARNINGS)}`,
    refused: (failing, errors, rows, rejectsGiven) =>
      `${failing.length === 0 ? 'в данных' : `в данных ${failing.length === 1 ? 'периода' : 'периодов'} ${failing.join(', ')}`} ${count(errors, ERRORS)} в ${rows} ${pluralForm(rows, 'ru', ['строке', 'строках', 'строках'])}; ничего не посчитано. ` +
      'Исправьте строки, перечисленные выше, или запустите снова с --skip-invalid, чтобы считать только по годным строкам' +
      (rejectsGiven ? '' : ' (добавьте --rejects FILE, чтобы сохранить отброшенные строки)'),
    leftOut: (rejected, read, reasons, used, rejectsFile) =>
      `отброшено ${count(rejected, ROWS)} из ${read}: ${reasons}; посчитано по ${used}${rejectsFile === undefined ? '' : `; записаны в ${rejectsFile}`}`,
    withErrors: (rows, errors, codes) => `${rows} с ошибками (${count(errors, ERRORS)}: ${codes})`,
    withNoAnswers: (rows, superseded) => `${rows} без ответов (empty-row)${superseded ? ' или из более ранней отправки формы (duplicates: latest)' : ''}`,
    nothingFound: (inputs) =>
      `ничего не посчитано: ${inputs.length === 1 ? `в ${inputs[0]} нет файла ответов` : `в ${inputs.join(', ')} нет файлов ответов`}, который можно прочитать (см. выше); проверьте ${inputs.length === 1 ? 'путь' : 'пути'}`,
    noRows: (inputs) => `ничего не посчитано: в ${inputs.join(', ')} нет ни одной строки данных; для отчёта нужна хотя бы одна`,
    noValidRow: (periods) =>
      `в данных${periods.length === 0 ? '' : ` ${periods.length === 1 ? 'периода' : 'периодов'} ${periods.join(', ')}`} не осталось ни одной годной строки; ничего не посчитано. Исправьте проблемы, перечисленные выше`,
  },

  validate: {
    title: 'Проверка',
    file: (encoding, delimiter, shape, rows) => `${encoding}, разделитель — ${delimiter}, форма ${shape}, ${count(rows, ROWS)}`,
    workbook: (sheet, shape, rows) => `книга Excel, лист ${JSON.stringify(sheet)}, форма ${shape}, ${count(rows, ROWS)}`,
    sheetRow: (sheet, line) => `(лист ${JSON.stringify(sheet)}${line === null ? '' : `, строка ${line}`})`,
    fileLabel: 'файл',
    rowsLine: (read, valid, withErrors, withWarnings) => `Прочитано строк: ${read} · годных: ${valid} · с ошибками: ${withErrors} · с предупреждениями: ${withWarnings}`,
    missingPairs: (n, shown, more) =>
      `Охват: ${n} ${pluralForm(n, 'ru', ['ожидаемая пара', 'ожидаемые пары', 'ожидаемых пар'])} клиент → подразделение без ответов: ${shown}${more > 0 ? `, … и ещё ${more}` : ''}`,
    fullCoverage: 'Охват: на каждую ожидаемую пару клиент → подразделение есть ответы',
    noProblems: 'Проблем не найдено.',
    usable: (errors, warnings) => `Можно использовать: ${count(errors, ERRORS)}, ${count(warnings, WARNINGS)}.`,
    notUsable: (errors, warnings, strictOnly) =>
      `${count(errors, ERRORS)}, ${count(warnings, WARNINGS)}${strictOnly ? ' (--strict: предупреждения считаются ошибками)' : ''}.`,
    problemColumns: { severity: 'важность', code: 'код', where: 'где', message: 'сообщение' },
    severity: { error: 'ошибка', warning: 'предупреждение' },
    problemTitles: {
      'config-not-found': 'конфигурация не найдена',
      'config-unreadable': 'конфигурацию не удаётся прочитать',
      'config-syntax': 'конфигурация — не корректный YAML',
      'config-invalid': 'ошибка в конфигурации',
      'file-not-found': 'файл не найден',
      'file-unreadable': 'файл не удаётся прочитать',
      'file-empty': 'пустой файл',
      'file-binary': 'не текстовый файл',
      'file-undecodable': 'текст не удаётся раскодировать',
      'no-input': 'нет файлов с ответами',
      'missing-column': 'нет обязательной колонки',
      'unknown-column': 'неизвестная колонка',
      'duplicate-column': 'колонка повторяется',
      'field-count': 'неверное число полей',
      'bad-quote': 'кавычка открыта и не закрыта',
      'unknown-department': 'неизвестное подразделение',
      'unknown-criterion': 'неизвестный критерий',
      'self-evaluation': 'подразделение оценивает само себя',
      'not-a-number': 'ответ — не число',
      'out-of-scale': 'ответ вне шкалы',
      'duplicate-response': 'один респондент дважды оценивает подразделение',
      'duplicate-criterion': 'критерий дважды в одной анкете',
      'inconsistent-rater': 'в одной анкете два оценивающих подразделения',
      'not-a-client': 'подразделение оценивает того, чьим клиентом не является',
      'empty-row': 'строка без ответов',
      'no-responses': 'ожидаемое подразделение не получило ни одной строки',
    },
    moreOfKind: (n) => `… и ещё ${n} такого же вида (--max-problems, чтобы увидеть больше)`,
    delimiters: { ',': 'запятая', ';': 'точка с запятой', '\t': 'табуляция' },
  },
};
