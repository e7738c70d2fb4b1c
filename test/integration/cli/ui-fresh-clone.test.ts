// `npm install && npx gcw ui` on a fresh clone: the files git tracks (no dist/), the installed packages, then the
// `prepare` script npm install runs — which builds gcw and the browser app — and gcw ui serves the whole app.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../../support/raw-http';

const root = resolve(import.meta.dirname, '../../..');

describe('a fresh clone', () => {
  it('npm install’s prepare builds what gcw ui serves, and gcw ui serves the app with its client', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'gcw-clone-'));
    const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .stdout.split('\0')
      .filter(Boolean);
    for (const file of tracked) {
      if (!existsSync(join(root, file))) continue;
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(root, file), join(clone, file));
    }
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    // The packages `npm install` would fetch: this project's own, linked.
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
    const prepare = spawnSync('npm', ['run', 'prepare', '--silent'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(prepare.status, prepare.stderr).toBe(0);
    expect(existsSync(join(clone, 'dist/ui/renderer/index.html'))).toBe(true);

    const child = spawn(
      process.execPath,
      [join(clone, 'bin/gcw.mjs'), 'ui', '--no-open', '--json', '--data-dir', join(clone, '.data')],
      {
        cwd: clone,
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gcw-test-bus' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    let started: { link: string; origin: string } | null = null;
    for (let i = 0; i < 600 && !started; i++) {
      try {
        started = JSON.parse(out) as { link: string; origin: string };
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    try {
      expect(started).not.toBeNull();
      const port = Number(new URL(started!.origin).port);
      const token = new URL(started!.link).hash.replace('#gcw-token=', '');
      const session = await rawRequest(port, {
        method: 'POST',
        path: '/gcw/session',
        headers: { origin: started!.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      const cookie = String(session.headers['set-cookie']).split(';')[0]!;
      const app = await rawRequest(port, { headers: { cookie } });
      expect(app.body).toContain('<script src="/gcw/client.js"></script>');
      const assets = [...app.body.matchAll(/(?:src|href)="\.?(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length).toBeGreaterThan(0);
      for (const path of ['/gcw/client.js', ...assets])
        expect((await rawRequest(port, { path, headers: { cookie } })).status, path).toBe(200);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  }, 300_000);
});
