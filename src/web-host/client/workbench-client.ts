// window.workbench in a browser tab served by `gcw ui`: the preload's api (buildApiObject), with each call a
// POST /api/<method> and the events read from GET /api/events (server-sent events). Runs before the renderer.
import { buildApiObject, type WorkbenchHost } from '../../shared/contract/build-api';
import { REQUEST_KEY_HEADER, REQUEST_KEY_STORAGE } from './storage-keys';

interface ClientConfig {
  methods: string[];
  events: string[];
  host: WorkbenchHost;
}

type Failure = { ok: false; error: { code: string; message: string } };
const failure = (code: string, message: string): Failure => ({ ok: false, error: { code, message } });

const NOT_RUNNING =
  'The Workbench host (gcw ui) is not running any more. Start it again with npx gcw ui and open the new link; what you saved is kept.';
const NO_SESSION =
  'This tab has no session with gcw ui. Open the link gcw ui printed in the terminal (or start it again for a new one).';

const config = JSON.parse(document.getElementById('gcw-host')?.textContent ?? '{}') as ClientConfig;
// The sign-in page removed the token; a link opened again in a signed-in browser must not reach the renderer as a route.
if (location.hash.startsWith('#gcw-token=')) history.replaceState(null, '', location.pathname + location.search);

const key = () => localStorage.getItem(REQUEST_KEY_STORAGE) ?? '';
let hostGone: string | null = null;

/** A line at the top of the page once the host has stopped (the renderer's calls then fail with the same words). */
function showHostGone(text: string): void {
  hostGone = text;
  const show = () => {
    if (document.getElementById('gcw-host-gone')) return;
    const bar = document.createElement('div');
    bar.id = 'gcw-host-gone';
    bar.setAttribute('role', 'alert');
    bar.textContent = text;
    Object.assign(bar.style, {
      position: 'fixed',
      top: '0',
      left: '0',
      right: '0',
      zIndex: '2147483647',
      padding: '8px 16px',
      background: '#fde7e9',
      color: '#3b0509',
      font: '14px system-ui, sans-serif',
      borderBottom: '1px solid #c50f1f',
    });
    document.body.append(bar);
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}

async function call(name: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REQUEST_KEY_HEADER]: key() },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return failure('host.unreachable', hostGone ?? NOT_RUNNING);
  }
  if (response.status === 401 || response.status === 403) return failure('host.unauthorized', NO_SESSION);
  let envelope: { result?: unknown; clipboard?: string };
  try {
    envelope = (await response.json()) as typeof envelope;
  } catch {
    return failure('host.unreachable', `gcw ui answered ${name} with HTTP ${response.status} and no result.`);
  }
  if (envelope.clipboard !== undefined) {
    try {
      await navigator.clipboard.writeText(envelope.clipboard);
    } catch {
      return failure(
        'clipboard.write_failed',
        'The browser did not let the page copy (the tab must be in front). Click the button again.',
      );
    }
  }
  return envelope.result ?? failure('host.unreachable', `gcw ui answered ${name} without a result.`);
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

function deliver(frame: string): void {
  let name = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event: ')) name = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length === 0) return;
  const payload: unknown = JSON.parse(data.join('\n'));
  if (name === 'gcw.stopped') {
    const reason = (payload as { reason?: string } | null)?.reason;
    showHostGone(
      reason === 'idle'
        ? 'gcw ui stopped after a time without use. Start it again with npx gcw ui and open the new link; what you saved is kept.'
        : NOT_RUNNING,
    );
    return;
  }
  for (const listener of listeners.get(name) ?? []) listener(payload);
}

/** Read the event stream; reconnect after a break while the host is there. */
async function readEvents(retry = 0): Promise<void> {
  if (hostGone) return;
  try {
    const response = await fetch('/api/events', {
      headers: { [REQUEST_KEY_HEADER]: key() },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (response.status === 401 || response.status === 403) return;
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    retry = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        deliver(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // The host went away or the connection broke: try again below.
  }
  if (hostGone) return;
  if (retry >= 5) return showHostGone(NOT_RUNNING);
  setTimeout(() => void readEvents(retry + 1), 500 * 2 ** retry);
}

const workbench = buildApiObject(
  config.methods,
  call,
  (name, listener) => {
    if (!config.events.includes(name)) throw new Error(`Unknown event ${name}`);
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      listeners.get(name)?.delete(listener);
    };
  },
  config.host,
);

Object.defineProperty(window, 'workbench', {
  value: workbench,
  configurable: false,
  writable: false,
  enumerable: true,
});
void readEvents();
