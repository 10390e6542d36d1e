import { chromium } from 'playwright-core';
const [dir, seg, ...names] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const name of names) for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file://${dir}/${name}`);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const n = Math.ceil(h / Number(seg));
  for (let i = 0; i < n; i++) await page.screenshot({ path: `/tmp/shots/${name}-${width}-${i}.png`, fullPage: true, clip: { x: 0, y: i * Number(seg), width, height: Math.min(Number(seg), h - i * Number(seg)) } });
  await page.close();
}
await browser.close();
