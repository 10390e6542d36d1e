/**
 * PDF: each HTML page printed by a local Chromium (headless, via playwright-core, loaded only here so no
 * other command pays for it). The page is given as content, not fetched: with every request refused the
 * print is the page exactly as its Content-Security-Policy allows, and nothing leaves the machine.
 */
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser; IC_CHROMIUM overrides it (another build, or a test). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env['IC_CHROMIUM'] !== undefined ? [env['IC_CHROMIUM']] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path !== '' && existsSync(path)) ?? null;
}

/** No Chromium to print with: the command turns this into a message naming the package to install. */
export class ChromiumMissing extends Error {}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** PDF bytes of each page, by the same names with .pdf. */
export async function printPdfs(pages: ReadonlyMap<string, string>): Promise<Map<string, Uint8Array>> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new ChromiumMissing('no Chromium found');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    const out = new Map<string, Uint8Array>();
    for (const [name, html] of pages) {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      out.set(name.replace(/\.html$/, '.pdf'), new Uint8Array(pdf));
    }
    return out;
  } finally {
    await browser.close();
  }
}
