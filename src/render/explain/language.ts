/** The languages of `ic explain`: which one a config is written in, and numbers in the reader's notation. */
import type { Config } from '../../config/types.js';

export const EXPLAIN_LANGUAGES = ['en', 'ru'] as const;
export type ExplainLanguage = (typeof EXPLAIN_LANGUAGES)[number];

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
