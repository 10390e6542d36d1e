/**
 * The language of everything ic writes for a person, chosen one way for every command, and what depends
 * on it besides the words: plural forms and the decimal separator.
 */
import type { Config } from '../config/types.js';
import type { Language } from '../domain/language.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * `--lang` when given, else `language:` of the config, else Russian when the config's title or any
 * department name is written in Cyrillic (the names people will read), else English.
 */
export function reportLanguage(config: Pick<Config, 'language' | 'title' | 'departments'>, chosen?: Language): Language {
  if (chosen !== undefined) return chosen;
  if (config.language !== undefined) return config.language;
  return CYRILLIC.test(config.title) || config.departments.some((d) => CYRILLIC.test(d.name)) ? 'ru' : 'en';
}

/** A noun's forms: English [one, other]; Russian [one, few, many] — строка, строки, строк. */
export type PluralForms = readonly [one: string, other: string] | readonly [one: string, few: string, many: string];

/**
 * The form of a noun that goes with a whole number `n`. Russian: 1, 21, 101 take "one" (but 11 does not),
 * 2–4, 22–24 take "few" (but 12–14 do not), everything else "many": 1 строка, 2 строки, 5 строк, 11 строк, 21 строка.
 */
export function pluralForm(n: number, lang: Language, forms: PluralForms): string {
  const many = forms[forms.length - 1]!;
  if (lang === 'en' || forms.length === 2) return Math.abs(n) === 1 ? forms[0] : many;
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return forms[0];
  if (units >= 2 && units <= 4) return forms[1]!;
  return many;
}

/** "1 row", "3 rows": an English count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${pluralForm(n, 'en', [one, many])}`;
}

/** A number as the config has it (no rounding), with the decimal separator the reader expects. */
export function formatConfigNumber(value: number, lang: Language): string {
  const text = String(value);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A rounded number with a fixed number of decimals, decimal comma in Russian. */
export function formatFixed(value: number, decimals: number, lang: Language): string {
  const text = value.toFixed(decimals);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A share 0–100 as a percentage to 1 decimal: "28.6%" in English, "28,6 %" (no-break space) in Russian. */
export function formatPercent(value: number, lang: Language): string {
  return lang === 'ru' ? `${formatFixed(value, 1, lang)}\u00A0%` : `${formatFixed(value, 1, lang)}%`;
}
