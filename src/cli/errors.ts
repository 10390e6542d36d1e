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

/**
 * The one message for a file ic could not write, whatever the command: what went wrong in words and what to do.
 * A refusal already decided (a FIFO as target, an input as --out: UsageError/UserError) passes through unchanged.
 */
export function writeFailed(path: string, error: unknown): UsageError | UserError {
  if (error instanceof UsageError || error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
  const folder = parentOf(path);
  switch (code) {
    case 'ENOENT':
      return new UserError(`cannot write ${path}: the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or write elsewhere`);
    case 'ENOTDIR':
      return new UserError(`cannot write ${path}: a part of ${folder} is a file, not a folder; write elsewhere`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`cannot write ${path}: the disk is full (${code}); free some space or write elsewhere`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(`cannot write ${path}: no permission to write in ${folder} (${code}); write elsewhere or change the folder's permissions`);
    default:
      return new UserError(`cannot write ${path} (${code}); check that the folder ${folder} exists and is writable`);
  }
}

function parentOf(path: string): string {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut < 0 ? '.' : cut === 0 ? '/' : path.slice(0, cut);
}
