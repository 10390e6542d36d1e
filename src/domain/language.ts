/** The languages of everything `ic` writes for a person (`--lang`, `language:` in the config). */
export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
