/**
 * Limits against hostile or broken configs (SPEC 5): far beyond any real survey, far below what would
 * make ic read forever, run out of memory, or overflow a weighted sum.
 */

/** A config of 3,000 departments with their clients_of is under 1 MB. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * Nesting levels of YAML collections. The schema needs four (the config, departments, a department,
 * its clients_of); a few more leave room for flow style ({...}, [...]) and later keys.
 */
export const MAX_NESTING = 8;

/**
 * Weights, scale bounds and thresholds: finite and at most this in size, so that a weighted sum of
 * answers (weight × answer, over every criterion and respondent) stays far inside a double's range.
 */
export const MAX_MAGNITUDE = 1e6;

/** "4 MB", for messages. */
export const MAX_CONFIG_SIZE_TEXT = `${MAX_CONFIG_BYTES / (1024 * 1024)} MB`;
