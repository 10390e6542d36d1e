/**
 * PDF: each HTML page printed by a local Chromium (headless, via playwright-core, loaded only here so no
 * other command pays for it). The page is given as content, not fetched: with every request refused the
 * print is the page exactly as its Content-Security-Policy allows, and nothing leaves the machine.
 */
import { createRequire } from 'node:module';
import { ChromiumMissing, chromiumPath } from './chromium.js';

export { ChromiumMissing };

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** PDF bytes of each page, by the same names with .pdf. */
export async function printPdfs(pages: ReadonlyMap<string, string>): Promise<Map<string, Uint8Array>> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new ChromiumMissing('no Chromium found');
  // require, not import(): the CLI runs as one CommonJS bundle in a vm.Script (scripts/build.mjs), where a
  // dynamic import() of a package left outside the bundle has no loader; playwright-core is CommonJS.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
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
