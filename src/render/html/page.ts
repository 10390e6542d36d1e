/**
 * The page shell: one self-contained HTML file. Inline CSS and inline SVG only, no script, no font or image
 * fetched — the Content-Security-Policy forbids everything else, so a page mailed around or opened from a
 * shared drive can neither call home nor break. Phone first; print CSS puts each card on its own page.
 */
import type { Language } from '../../domain/language.js';
import { escapeXml } from './charts/svg.js';
import { PHONE_HIDDEN_COLUMNS } from './cells.js';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS = `
:root{--ink:#1d2430;--muted:#5b6472;--line:#d5dae1;--bg:#fff;--accent:#2f5fa7;--bad:#b3261e;--good:#1b7f3b;--warn:#9a6700}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}
h2{font-size:1.15rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2em 0 .4em}
p.sub,.note,figcaption{color:var(--muted);font-size:.9rem}
nav.top{font-size:.9rem;margin-bottom:8px}
a{color:var(--accent)}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px;margin:12px 0}
.kpi{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.kpi .k{font-size:.8rem;color:var(--muted)}
.kpi .v{font-size:1.35rem;font-weight:600}
.kpi .v.small{font-size:1rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;background:#f4f6f8}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.hidden{color:var(--muted);font-style:italic}
.flag{color:var(--bad);font-weight:600}
.up{color:var(--good)} .down{color:var(--bad)}
ul.cards{columns:2 220px;padding-left:1.2em}
ul.comments{padding-left:1.2em}
ul.comments li{margin:.3em 0}
figure{margin:8px 0 16px}
svg.chart{display:block;max-width:100%;height:auto;font-size:11px;font-family:inherit}
svg.chart.intervals,svg.chart.dumbbell,svg.chart.criteria{width:100%;max-width:560px}
svg.chart.heatmap{width:100%;max-width:820px;min-width:540px}
svg .label{fill:var(--ink);font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg .value{fill:var(--ink);font-size:11px;font-variant-numeric:tabular-nums}
svg .note,svg .tick,svg .legend{fill:var(--muted);font-size:10px}
svg .grid{stroke:#eceff3;stroke-width:1}
svg .whisker{stroke:var(--accent);stroke-width:2}
svg .dot{fill:var(--accent)}
svg .flagged .dot,svg .flagged .whisker{fill:var(--bad);stroke:var(--bad)}
svg .threshold{stroke:var(--bad);stroke-dasharray:4 3;stroke-width:1.2}
svg .threshold-label{fill:var(--bad);font-size:10px}
svg .move .span{stroke:#b8bec7;stroke-width:2}
svg .move .before{fill:#fff;stroke:#8a929c;stroke-width:1.5}
svg .move .after{fill:#8a929c}
svg .move.up .span{stroke:var(--good);stroke-width:3.5} svg .move.up .after{fill:var(--good)} svg .move.up .value{fill:var(--good);font-weight:600}
svg .move.down .span{stroke:var(--bad);stroke-width:3.5} svg .move.down .after{fill:var(--bad)} svg .move.down .value{fill:var(--bad);font-weight:600}
svg .bar{fill:#8fb0dd}
svg .company{stroke:var(--ink);stroke-width:2}
svg .trend{fill:none;stroke:var(--accent);stroke-width:1.5}
svg .point,svg .last{fill:var(--accent)}
svg .cell rect{stroke:#fff}
svg .cell.h0 rect{fill:#e06666} svg .cell.h1 rect{fill:#f3a86b} svg .cell.h2 rect{fill:#f6dc7a} svg .cell.h3 rect{fill:#b6d98a} svg .cell.h4 rect{fill:#69b36e}
svg .cell.hidden rect{fill:#f1f1f1;stroke:#9aa1aa;stroke-dasharray:3 2}
svg .cell.empty rect{fill:#fafafa}
svg .cell-value{fill:#1d2430;font-size:10px}
ol.legend{columns:2 200px;font-size:.85rem;color:var(--muted);padding-left:1.8em}
footer{margin-top:32px;color:var(--muted);font-size:.8rem}
@media (max-width:480px){${PHONE_HIDDEN_COLUMNS.map((n) => `table.ph${n} tr>:nth-child(${n})`).join(',')}{display:none}main{padding:10px}h1{font-size:1.25rem}th,td{padding:4px 5px}.kpi .v{font-size:1.15rem}}
@media print{
  @page{size:A4;margin:14mm}
  body{font-size:11pt}
  main{max-width:none;padding:0}
  nav.top,footer{display:none}
  a{color:inherit;text-decoration:none}
  section.card{break-before:page}
  section.card:first-of-type{break-before:auto}
  figure,tr,.kpi{break-inside:avoid}
  h2,h3{break-after:avoid}
  .scroll{overflow:visible}
}
`;

export function htmlPage(page: { lang: Language; title: string; body: string }): string {
  return (
    `<!doctype html>\n<html lang="${page.lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="ic">\n<title>${escapeXml(page.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${page.body}\n</main>\n</body>\n</html>\n`
  );
}
