/** Finding the local Chromium that prints PDFs: cheap, so a command can check before any work. */
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser; IC_CHROMIUM overrides it (another build, or a test). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env['IC_CHROMIUM'] !== undefined ? [env['IC_CHROMIUM']] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path !== '' && existsSync(path)) ?? null;
}

/** No Chromium to print with: the command turns this into a message naming the package to install. */
export class ChromiumMissing extends Error {}
