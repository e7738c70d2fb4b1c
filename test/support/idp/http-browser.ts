// A plain-HTTP "browser" for sign-in tests: follows redirects, keeps cookies, fills login and consent forms,
// and auto-submits form_post pages, so a flow's browser step runs without Chromium.
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';

/** Who signs in on the identity provider's login form. */
export interface BrowserUser {
  username: string;
  password: string;
}

/** What one browser visit did. */
export interface BrowserVisit {
  startUrl: string;
  steps: Array<{ method: string; url: string; status: number }>;
  finalUrl: string;
  finalStatus: number;
  /** Text of the last page (tags stripped). */
  finalText: string;
  error?: string;
}

/** Options shared by the HTTP and Chromium drivers. */
export interface DriverOptions {
  caPem: string;
  user?: BrowserUser;
  /** What to press on a consent page. */
  consent?: 'accept' | 'decline';
  /** Map production origins (e.g. https://login.microsoftonline.com) to a test identity provider. */
  rewrite?: Record<string, string>;
  maxSteps?: number;
}

interface Form {
  action: string;
  method: string;
  id: string;
  inputs: Array<{ name: string; value: string; type: string }>;
  buttons: Array<{ name: string; value: string; id: string }>;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') : null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Parse the forms of an HTML page (enough for the emulator's and oidc-provider's pages). */
export function parseForms(html: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const open = m[1] ?? '';
    const inner = m[2] ?? '';
    forms.push({
      action: attr(open, 'action') ?? '',
      method: (attr(open, 'method') ?? 'GET').toUpperCase(),
      id: attr(open, 'id') ?? '',
      inputs: [...inner.matchAll(/<input\b[^>]*>/gi)].map((i) => ({
        name: attr(i[0], 'name') ?? '',
        value: attr(i[0], 'value') ?? '',
        type: (attr(i[0], 'type') ?? 'text').toLowerCase(),
      })),
      buttons: [...inner.matchAll(/<button\b[^>]*>/gi)].map((b) => ({
        name: attr(b[0], 'name') ?? '',
        value: attr(b[0], 'value') ?? '',
        id: attr(b[0], 'id') ?? '',
      })),
    });
  }
  return forms;
}

/** Text of a page without tags. */
export function pageText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Map an URL through the rewrite table. */
export function rewriteUrl(url: string, rewrite: Record<string, string> | undefined): string {
  for (const [from, to] of Object.entries(rewrite ?? {})) if (url.startsWith(from)) return to + url.slice(from.length);
  return url;
}

/** The plain-HTTP browser. `open` is the opener a sign-in flow calls; it returns at once, like a real browser launch. */
export class HttpBrowser {
  readonly visits: Array<Promise<BrowserVisit>> = [];
  private readonly cookies = new Map<string, Map<string, string>>();
  // Like a real browser, keep HTTPS connections to the identity provider open between pages.
  private readonly agent: Agent;

  constructor(private readonly options: DriverOptions) {
    this.agent = new Agent({ keepAlive: true, timeout: 2_000, maxFreeSockets: 2, ca: options.caPem });
  }

  /** Drop idle connections. */
  close(): void {
    this.agent.destroy();
  }

  /** The opener to inject into a flow. */
  readonly open = async (url: string): Promise<void> => {
    this.visits.push(this.visit(url));
  };

  /** The most recent visit, once it has finished. */
  async last(): Promise<BrowserVisit> {
    const visit = this.visits.at(-1);
    if (!visit) throw new Error('The browser was never opened.');
    return visit;
  }

  /** Drive one visit to its last page. */
  async visit(startUrl: string): Promise<BrowserVisit> {
    const visit: BrowserVisit = { startUrl, steps: [], finalUrl: startUrl, finalStatus: 0, finalText: '' };
    let method = 'GET';
    let url = rewriteUrl(startUrl, this.options.rewrite);
    let body: string | undefined;
    try {
      for (let step = 0; step < (this.options.maxSteps ?? 20); step += 1) {
        const res = await this.send(method, url, body);
        visit.steps.push({ method, url, status: res.status });
        visit.finalUrl = url;
        visit.finalStatus = res.status;
        visit.finalText = pageText(res.text);
        const location = res.headers.location;
        if (res.status >= 300 && res.status < 400 && typeof location === 'string') {
          url = rewriteUrl(new URL(location, url).toString(), this.options.rewrite);
          method = 'GET';
          body = undefined;
          continue;
        }
        const next = this.nextSubmission(res.text);
        if (!next) break;
        url = new URL(next.action || url, url).toString();
        method = next.method;
        body = next.body;
        if (method === 'GET') {
          url = `${url.split('?')[0]}?${next.body}`;
          body = undefined;
        }
      }
    } catch (err) {
      // Keep the address that failed (e.g. a redirect to a loopback port nobody listens on): it carries the answer.
      visit.steps.push({ method, url, status: 0 });
      visit.finalUrl = url;
      visit.finalStatus = 0;
      visit.error = err instanceof Error ? err.message : String(err);
    }
    return visit;
  }

  private nextSubmission(html: string): { action: string; method: string; body: string } | null {
    const form = parseForms(html)[0];
    if (!form) return null;
    const values = new URLSearchParams();
    for (const input of form.inputs) if (input.name && input.type !== 'submit') values.set(input.name, input.value);
    const names = form.inputs.map((i) => i.name.toLowerCase());
    const userField = names.find((n) => n === 'username' || n === 'login' || n === 'email');
    if (userField && names.includes('password')) {
      if (!this.options.user) return null;
      if (!values.get(userField)) values.set(userField, this.options.user.username);
      values.set('password', this.options.user.password);
    } else if (form.buttons.some((b) => b.name === 'decision')) {
      const wanted = this.options.consent ?? 'accept';
      const button =
        form.buttons.find((b) => b.name === 'decision' && b.value === wanted) ??
        form.buttons.find((b) => b.name === 'decision');
      values.set('decision', button?.value ?? '');
    } else if (!form.inputs.every((i) => i.type === 'hidden' || i.type === 'submit')) {
      return null;
    }
    return { action: form.action, method: form.method === 'POST' ? 'POST' : 'GET', body: values.toString() };
  }

  private send(
    method: string,
    url: string,
    body?: string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    const target = new URL(url);
    const jar = this.cookies.get(target.host) ?? new Map<string, string>();
    this.cookies.set(target.host, jar);
    const headers: Record<string, string> = {
      host: target.host,
      'user-agent': 'gcw-test-browser',
      accept: 'text/html',
    };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const requestFn = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = requestFn(
        {
          // A browser tries 127.0.0.1 for localhost; the loopback listener binds IPv4 only.
          host: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname,
          port: target.port || (target.protocol === 'https:' ? 443 : 80),
          path: target.pathname + target.search,
          method,
          headers,
          servername: target.hostname === 'localhost' || /^[\d.]+$/.test(target.hostname) ? undefined : target.hostname,
          agent: target.protocol === 'https:' ? this.agent : false,
          timeout: 15_000,
        },
        (res) => {
          for (const cookie of res.headers['set-cookie'] ?? []) {
            const [pair] = cookie.split(';');
            const eq = pair?.indexOf('=') ?? -1;
            if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`The page ${target.origin}${target.pathname} did not answer in time.`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}
