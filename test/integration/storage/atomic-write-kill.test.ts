// The project's own atomic writer (not the conf library's, which kill-during-write.test.ts covers) killed at random
// moments while it rewrites a 1 MB document: the document always parses, holds one whole version, and never goes back.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const KILLS = 12;

function startWriter(directory: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/atomic-writer.ts', directory], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((ok) =>
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && ok()),
  );
  return { child, ready };
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`keeps the document whole after ${KILLS} kills at random moments`, async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gcw-atomic-kill-'));
    let last = -1;
    for (let round = 0; round < KILLS; round++) {
      const { child, ready } = startWriter(directory);
      await ready;
      await new Promise((ok) => setTimeout(ok, 40 + Math.floor(Math.random() * 160)));
      child.kill('SIGKILL');
      await new Promise((ok) => child.on('exit', ok));
      if (round === 0 && last < 0) {
        // The first writer may be killed before its first rename: then there is no document yet, which is fine.
        try {
          readFileSync(join(directory, 'document.json'));
        } catch {
          continue;
        }
      }
      const data = JSON.parse(readFileSync(join(directory, 'document.json'), 'utf8')) as {
        counter: number;
        payload: string;
      };
      expect(data.payload).toBe(String(data.counter % 10).repeat(1_000_000));
      expect(data.counter).toBeGreaterThanOrEqual(last);
      last = data.counter;
    }
    expect(last).toBeGreaterThan(0);
  }, 180_000);
});
