/**
 * --lang on the reports of the built CLI: Russian by default for the Russian examples (headings, columns,
 * flags, notes, decimal comma), English with --lang en or `language: en`, the JSON the same in both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ic, REPO, workdir } from '../helpers/cli.js';

const Q1 = join(REPO, 'examples/2026-q1.csv');
const Q2 = join(REPO, 'examples/2026-q2.csv');

describe('ic score / diff / trend / validate --lang', () => {
  it('score: Russian by default for Cyrillic department names, with a decimal comma', () => {
    const run = ic(['score', Q1]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('использовано 295 строк из 295 · усреднение по подразделениям');
    expect(run.stdout).toContain('Подразделения, лучшие сверху');
    expect(run.stdout).toMatch(/^ №  Подразделение +id +Оценка  95% ДИ/mu);
    expect(run.stdout).toMatch(/^ 1 {2}Бухгалтерия +accounting +4,46 +4,18 {2}4,73 +93,8%/mu);
    expect(run.stdout).toContain('ниже порога');
    expect(run.stdout).toContain('Требует внимания\n  Служба доставки (delivery): 3,18, ниже 3,5; слабее всего: Качество результата 2,56');
    expect(run.stdout).toContain('Нет оценки: Генеральная дирекция (directorate) — ни одно подразделение не является его клиентом');
    expect(run.stdout).not.toMatch(/Departments|Needs attention|rows used/u);
  });

  it('score --lang en: English, decimal point; the JSON is the same whatever the language', () => {
    const run = ic(['score', Q1, '--lang', 'en']);
    expect(run.stdout).toContain('295 rows used of 295 · aggregation by departments');
    expect(run.stdout).toMatch(/^ 1 {2}Бухгалтерия +accounting +4\.46 +4\.18 {2}4\.73 +93\.8%/mu);
    expect(ic(['score', Q1, '--format', 'json', '--lang', 'en']).stdout).toBe(ic(['score', Q1, '--format', 'json']).stdout);
  });

  it('language: en in the config wins over the names; --lang over the config', () => {
    const dir = workdir();
    const yaml = readFileSync(join(REPO, 'examples/ic.yaml'), 'utf8');
    writeFileSync(join(dir, 'ic.yaml'), `language: en\n${yaml}`);
    expect(ic(['score', Q1, '--config', join(dir, 'ic.yaml')]).stdout).toContain('Departments, best first');
    expect(ic(['score', Q1, '--config', join(dir, 'ic.yaml'), '--lang', 'ru']).stdout).toContain('Подразделения, лучшие сверху');
  });

  it('diff and trend in Russian: change words, percentage points, the test note', () => {
    const diff = ic(['diff', Q1, Q2]).stdout;
    expect(diff).toMatch(/Отдел закупок +procurement +4,05 +3,29 +−0,76 +−7,60 +<0,001 +▼ ухудшилось +4 → 14 +−42,5 п\. п\./u);
    expect(diff).toContain('значимо: |z| ≥ 1,96 (p < 0,05, двусторонний)');
    expect(diff).toContain('(ожидается 0,7 из 14)');
    const trend = ic(['trend', Q1, Q2, '--labels', 'I,II']).stdout;
    expect(trend).toContain('Последнее изменение, I → II: значимо улучшилось 3 подразделения, ухудшилось 2, без значимых изменений 9');
    expect(trend).toContain('динамика: по блоку на период на шкале 1–5');
    expect(ic(['trend', Q1, Q2, '--labels', 'I,II', '--format', 'md']).stdout).not.toContain('динамика');
  });

  it('validate and the notes on stderr in Russian', () => {
    const run = ic(['validate', Q1, Q2, '--max-problems', '1']);
    expect(run.stdout).toContain('✖ ошибка один респондент дважды оценивает подразделение (duplicate-response): 522');
    expect(run.stdout).toContain('… и ещё 521 такого же вида');
    expect(run.stdout).toContain('Прочитано строк: 589 · годных: 67 · с ошибками: 522 · с предупреждениями: 0');
    expect(run.stdout).toContain('✖ 522 ошибки, 1 предупреждение.');
    const refused = ic(['score', Q1, Q2, '--max-problems', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ic: в данных 522 ошибки в 522 строках; ничего не посчитано.');
    const skipped = ic(['score', Q1, Q2, '--skip-invalid', '--quiet', '--max-problems', '1']);
    expect(skipped.code).toBe(0);
  });

  it('a usage error for an unknown language', () => {
    const run = ic(['score', Q1, '--lang', 'de']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--lang/u);
  });
});
