/**
 * The HTML file of `convene report`: one self-contained page, readable offline. The data goes in
 * as JSON inside `<script type="application/json">` (with `<` escaped, so no value can close the
 * element), the charts' code (viz/report-page.ts, D3 included) as one inline script, the styles
 * inline. A Content-Security-Policy allows that one script, by its hash, and no network at all.
 */
import { createHash } from 'node:crypto';
import type { AnyReportData } from '../analysis/index.ts';
import pageScript from '../viz/report-page.ts?iife';

/** The charts' code, bundled into the command at build time (scripts/iife-import.ts). */
export { pageScript };

/** JSON that is safe inside a `<script>` element: no `<` (so no `</script>`), no U+2028/2029. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function reportHtml(data: AnyReportData, script: string = pageScript): string {
  // Inside the script element, "</script" anywhere (a string in D3) would end it early.
  const code = script.replace(/<\/(script)/gi, '<\\/$1');
  const hash = createHash('sha256').update(code, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Convene report</title>
<style>${STYLE}</style>
</head>
<body>
<noscript><p>This report draws its charts with JavaScript; allow scripts for this file to see them.</p></noscript>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${code}</script>
</body>
</html>
`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2230; --muted: #5b6272; --rule: #d9dce3; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0; }
main { max-width: 940px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 0 0 4px; }
section { border-top: 1px solid var(--rule); margin-top: 28px; padding-top: 16px; }
.file { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.95rem; margin: 0 0 8px; word-break: break-all; }
.lede { font-size: 1.05rem; margin: 0 0 8px; }
.note, .caption, .small { color: var(--muted); }
.note { max-width: 70ch; font-size: 0.92rem; border-left: 3px solid var(--rule); padding-left: 10px; }
.caption { margin: 0 0 10px; max-width: 75ch; }
.small { font-size: 0.85rem; margin: 4px 0 0; }
.parameters { margin: 0 0 8px; padding-left: 20px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.92em; word-break: break-all; }
svg { display: block; max-width: 100%; height: auto; overflow: visible; }
svg text { font-size: 12px; fill: var(--ink); }
.axis text, .grid text { font-size: 11.5px; }
.axis-title { font-size: 12.5px; fill: var(--muted); }
.grid line { stroke: #eceef2; }
.grid text { fill: var(--ink); }
.interval line { stroke: var(--ink); stroke-width: 1.5; }
.share-label { font-variant-numeric: tabular-nums; }
.share-label .share { font-weight: 600; }
.share-label .muted { fill: var(--muted); }
.band { fill-opacity: 0.14; stroke: none; }
.line { fill: none; stroke-width: 2.2; }
#rounds .bar, #legitimacy .bar { fill: #0072B2; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 16px 24px; }
.panel { margin: 0; }
.panel figcaption { font-weight: 600; margin-bottom: 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 0 0 12px; font-size: 0.92rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 16px 4px 0; border-bottom: 1px solid var(--rule); }
td:nth-child(n+2), th:nth-child(n+2) { text-align: right; }
tr.none td { color: var(--muted); }
.values code { background: #eef0f4; color: var(--ink); padding: 0 4px; border-radius: 3px; }
`;
