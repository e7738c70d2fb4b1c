// The two HTML documents of a `gcw ui` host: the sign-in page (for a browser without the session) and the app's own
// index.html with the client script that provides window.workbench.
import type { WorkbenchHost } from '../shared/contract/build-api';

/** What the client script reads from the page: the contract's names and where it runs. */
export interface ClientConfig {
  methods: readonly string[];
  events: readonly string[];
  host: WorkbenchHost;
}

/** JSON safe inside a <script type="application/json"> element (no `</script>`, no HTML comment). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * index.html with the client: a JSON data block (never executed, so the CSP has nothing to refuse) and a classic
 * same-origin script, which runs before the renderer's module scripts (those are deferred) and defines window.workbench.
 */
export function injectClient(indexHtml: string, config: ClientConfig): string {
  const tags = `<script type="application/json" id="gcw-host">${scriptJson(config)}</script>\n    <script src="/gcw/client.js"></script>\n  `;
  const at = indexHtml.search(/<\/head>/i);
  if (at < 0) throw new Error('The built index.html has no </head>.');
  return `${indexHtml.slice(0, at)}${tags}${indexHtml.slice(at)}`;
}

/** The page a browser without the session gets: its script exchanges the link's token and loads the app. */
export function signInPage(csp: string): string {
  const escaped = csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${escaped}" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Graph Connection Workbench</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 40rem; padding: 0 1rem; line-height: 1.5; }
      @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #f0f0f0; } }
    </style>
    <script src="/gcw/login.js" defer></script>
  </head>
  <body>
    <main>
      <h1>Graph Connection Workbench</h1>
      <p id="status" role="status">Opening the Workbench…</p>
    </main>
  </body>
</html>
`;
}
