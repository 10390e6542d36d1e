/** Plain data the pure core works on. No I/O anywhere under src/core. */

/**
 * Respondents that the tables keyed by respondent number (validation's and the aggregator's) make room for at
 * once (a few MB, touched only as used): replacing a grown array throws away the engine's optimised code that
 * used it, so they start large enough for SPEC 5's large company (100,000 respondents).
 */
export const EXPECTED_RESPONDENTS = 1 << 17;

/** A validated questionnaire row: one respondent's evaluation of one department. */
export interface QuestionnaireRow {
  /** Interned respondent (distinct respondents = distinct numbers across the whole period). */
  respondent: number;
  /** Department index of the rater (Config.departments[i]). */
  rater: number;
  /** Department index of the evaluated department. */
  target: number;
  /** answers[c] for criterion index c: the value on the scale, or NaN when not answered (blank or N/A). */
  answers: Float64Array;
}
