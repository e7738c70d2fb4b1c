// The one HTML page shell and stylesheet of every report the Workbench writes (verify reports, connection records;
// records are also printed to PDF from it). Inline only, with a CSP that forbids every fetch: the file opens the same
// offline, in a ticket, printed, or as a PDF.

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The report stylesheet: page, tables, findings and badges, consent states, print and PDF layout. */
export const reportStyle = `
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.2rem 0 .3rem}
.preamble{color:#444}
table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;word-break:normal;overflow-wrap:break-word}
th{background:#f3f3f3}th[scope=row]{width:14rem}caption.visually-hidden{position:absolute;left:-10000px}
.mono,.code{font-family:Consolas,"Courier New",monospace}.mono{overflow-wrap:anywhere}.code{font-size:.9em}
.verdict,.consent{font-weight:600}.notes{white-space:pre-wrap}.change{break-inside:avoid-page}.fix{margin:.3rem 0}
.granted{color:#0e700e;font-weight:600}.missing{color:#c50f1f;font-weight:600}.not-verified{color:#8a5300}
.finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.6rem 0;break-inside:avoid}.error{border-color:#c50f1f}.warning{border-color:#bc4b09}.info{border-color:#0f6cbd}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4rem;border-radius:.2rem;color:#fff;margin-right:.4rem}
.badge.error{background:#c50f1f}.badge.warning{background:#bc4b09}.badge.info{background:#0f6cbd}
footer{margin-top:2rem;color:#555;font-size:.85rem}
@page{size:A4;margin:16mm}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,.finding{break-inside:avoid}a{color:inherit}a[href]::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}}
`;

/** A whole self-contained page: `title` (escaped here) and the body's HTML (escaped by the caller). */
export function reportPage(title: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${reportStyle}</style></head><body>`,
    ...body,
    '</body></html>',
  ].join('\n');
}
