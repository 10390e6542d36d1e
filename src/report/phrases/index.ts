/** The phrasebook of a language. */
import type { Language } from '../../domain/language.js';
import { ENGLISH } from './en.js';
import { RUSSIAN } from './ru.js';
import type { ReportPhrases } from './types.js';

const PHRASEBOOKS: Record<Language, ReportPhrases> = { en: ENGLISH, ru: RUSSIAN };

export function phrasesFor(language: Language): ReportPhrases {
  return PHRASEBOOKS[language];
}
