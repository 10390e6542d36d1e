/**
 * `ic explain`: the methodology of SPEC section 3 in plain words, with this config's numbers, to hand to
 * the participants. Pure: Config + language in, text out. The wording must follow the computation
 * exactly; when the scoring changes, this page changes with it.
 *
 * One document model (sections of paragraphs, lists, formulas, tables) is built once per language and
 * rendered as plain text (terminal) or Markdown (to print or send).
 */
import type { Config } from '../../config/types.js';
import { ENGLISH } from './en.js';
import { collectFacts } from './facts.js';
import type { Language } from '../../domain/language.js';
import type { ExplainDocument } from './model.js';
import type { Phrasebook } from './phrasebook.js';
import { RUSSIAN } from './ru.js';

const PHRASEBOOKS: Record<Language, Phrasebook> = { en: ENGLISH, ru: RUSSIAN };

export function explainDocument(config: Config, lang: Language): ExplainDocument {
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
