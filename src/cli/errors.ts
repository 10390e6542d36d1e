/**
 * Typed errors and the exit codes they map to. Only src/main.ts turns them into an exit:
 * 0 ok; 1 data or config problems; 2 wrong usage; 70 a bug in ic (shown with its stack).
 */

export const EXIT = { ok: 0, problems: 1, usage: 2, bug: 70 } as const;

/** The command line is wrong: unknown option, missing argument, bad option value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Something in the user's files or surroundings stops the command (config errors, data errors, a file
 * that would be overwritten). The message is complete and already says what to do.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** Already printed (e.g. a list of problems): main only sets the exit code. */
  constructor(
    message: string,
    readonly printed = false,
  ) {
    super(message);
  }
}
