// A process killed in the middle of a write leaves the previous (or the new) version readable, never a broken file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function startWriter(directory: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/storage-writer.ts', directory], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((ok) =>
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && ok()),
  );
  return { child, ready };
}

describe('atomic writes under SIGKILL', () => {
  it('keeps the document readable after 8 kills at random moments', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gcw-kill-'));
    let lastCounter = -1;
    for (let round = 0; round < 8; round++) {
      const { child, ready } = startWriter(directory);
      await ready;
      await new Promise((ok) => setTimeout(ok, 30 + Math.floor(Math.random() * 120)));
      child.kill('SIGKILL');
      await new Promise((ok) => child.on('exit', ok));
      const text = readFileSync(join(directory, 'stress.json'), 'utf8');
      const data = JSON.parse(text) as { counter: number; payload: string };
      expect(data.payload).toBe(String(data.counter).repeat(40_000));
      expect(data.counter).toBeGreaterThanOrEqual(lastCounter);
      lastCounter = data.counter;
    }
    expect(lastCounter).toBeGreaterThan(0);
    // Temp files of interrupted writes may remain, but never in place of the document.
    expect(readdirSync(directory)).toContain('stress.json');
  }, 120_000);
});
