/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Headers for every page the loopback listener serves: no caching, nothing loaded from elsewhere, then close. */
export const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  connection: 'close',
} as const;

/** A self-contained page (no scripts, no external resources) that tells the admin what happened. */
export function loopbackPage(kind: 'success' | 'failure' | 'refused', title: string, lines: string[]): string {
  const colour = kind === 'success' ? '#0f7b0f' : kind === 'failure' ? '#c50f1f' : '#8a6d00';
  const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Graph Connection Workbench</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#242424}h1{color:${colour};font-size:1.5rem}p{line-height:1.5}</style></head>
<body><main><h1 id="result" data-result="${kind}">${escapeHtml(title)}</h1>${body}<p>Graph Connection Workbench</p></main></body></html>`;
}
