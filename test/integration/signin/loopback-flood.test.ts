// A local flood against the loopback listener: another program opens hundreds of idle connections to the redirect
// port while the admin signs in. The listener runs in a child process with 128 file handles (ulimit -n), as a process
// with a modest limit would; without a connection cap the flood used them up and the browser's real answer failed
// with ECONNRESET.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackListener, type LoopbackRefusal } from '../../../src/core/signin/loopback-listener';
import { httpSend } from '../../support/idp';

const state = 'flood-state-1';
const child = join(import.meta.dirname, '../../support/loopback-child.ts');
const root = join(import.meta.dirname, '../../..');
const open: Socket[] = [];
let proc: ChildProcess | null = null;

afterEach(() => {
  for (const s of open.splice(0)) s.destroy();
  proc?.kill();
  proc = null;
});

/** Open idle connections (they connect and then send nothing); resolves when each has connected or failed. */
function flood(port: number, count: number): Promise<void> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const s = connect({ host: '127.0.0.1', port });
          open.push(s);
          s.once('connect', () => resolve());
          s.once('error', () => resolve());
        }),
    ),
  ).then(() => undefined);
}

describe('loopback listener under a local connection flood', () => {
  it('in a process limited to 128 file handles, 400 idle connections do not stop the real answer', async () => {
    proc = spawn('bash', ['-c', 'ulimit -n 128 && exec "$0" "$@"', process.execPath, '--import', 'tsx', child, state], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
    const first = JSON.parse(String((await lines.next()).value)) as { port: number };
    await flood(first.port, 400);
    await new Promise((r) => setTimeout(r, 200));
    const still = open.filter((sock) => !sock.destroyed && sock.readyState === 'open').length;
    expect(still).toBeLessThanOrEqual(32);
    const started = performance.now();
    const answer = await httpSend(first.port, {
      method: 'POST',
      body: new URLSearchParams({ code: 'real-code', state }).toString(),
    }).catch((e: NodeJS.ErrnoException) => ({ status: e.code ?? String(e), body: '' }));
    expect(answer.status).toBe(200);
    const settled = JSON.parse(String((await lines.next()).value)) as { result?: { params: Record<string, string> } };
    expect(settled.result?.params.code).toBe('real-code');
    console.log(
      `loopback flood (ulimit -n 128): 400 idle connections, ${still} kept open by the listener, real answer HTTP ${answer.status} in ${Math.round(performance.now() - started)} ms`,
    );
  }, 60_000);

  it('keeps at most maxConnections open: the oldest idle ones are closed, a request in progress is not', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await startLoopbackListener({
      state,
      maxConnections: 8,
      onRefused: (r) => refusals.push(r),
      addresses: ['127.0.0.1'],
    });
    try {
      // The browser's answer, half sent when the flood starts.
      const body = new URLSearchParams({ code: 'slow-but-real', state }).toString();
      const browser = connect({ host: '127.0.0.1', port: l.port });
      let reply = '';
      browser.on('data', (d: Buffer) => (reply += d.toString('utf8')));
      await new Promise<void>((r) => browser.once('connect', () => r()));
      browser.write(
        `POST / HTTP/1.1\r\nHost: localhost:${l.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((r) => setTimeout(r, 50));
      await flood(l.port, 50);
      await new Promise((r) => setTimeout(r, 100));
      const alive = open.filter((s) => !s.destroyed && s.readyState === 'open');
      expect(alive.length).toBeLessThanOrEqual(8);
      expect(refusals.filter((r) => r.reason === 'too_many_connections').length).toBeGreaterThanOrEqual(42);
      // The oldest idle connections went first; the newest are kept.
      expect(open.slice(0, 10).every((s) => s.destroyed || s.readyState !== 'open')).toBe(true);
      browser.end(body.slice(10));
      expect((await l.result).params.code).toBe('slow-but-real');
      await expect.poll(() => reply).toContain('HTTP/1.1 200');
      browser.destroy();
    } finally {
      await l.close();
    }
  });
});
