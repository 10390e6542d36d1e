/** Plain data the pure core works on. No I/O anywhere under src/core. */

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
