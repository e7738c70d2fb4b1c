// `gcw` as a user runs it: a real process through bin/gcw.mjs (the compiled CLI in dist/cli).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import meta from '../../../src/core/permissions/graph-permissions.meta.json' with { type: 'json' };

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');

/** Run gcw; returns exit code, stdout and stderr. */
export function gcw(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gcw', () => {
  it('prints its version', () => {
    const r = gcw(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('prints the permission catalogue’s date and size with --version --json', () => {
    const r = gcw(['--version', '--json']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { version: string; permissionCatalog: { date: string; entries: number } };
    expect(printed.version).toBe(pkg.version);
    expect(printed.permissionCatalog).toEqual({ date: meta.date, entries: meta.entries });
    expect(printed.permissionCatalog.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prints help listing its commands', () => {
    const r = gcw(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: gcw <command>');
    expect(r.stdout).toContain('environments');
    expect(r.stdout).toContain('Exit codes');
  });

  it('exits 2 with a JSON error for an unknown command', () => {
    const r = gcw(['frobnicate', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'cli.usage', message: expect.stringContaining('frobnicate') },
    });
    expect(r.stderr).toBe('');
  });

  it('exits 2 for an unknown flag, with the usage on stderr', () => {
    const r = gcw(['environments', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'");
    expect(r.stderr).toContain('Usage: gcw environments');
  });

  it('prints one JSON object and nothing else with --json', () => {
    const r = gcw(['environments', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { environments: Array<{ id: string; graphHost: string }> };
    expect(data.environments.map((e) => e.id)).toEqual(['office365', 'usgov-l4', 'usgov-l5', 'china']);
    expect(data.environments.find((e) => e.id === 'usgov-l5')?.graphHost).toBe('dod-graph.microsoft.us');
  });
});
