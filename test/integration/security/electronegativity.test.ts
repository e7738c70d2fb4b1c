// Electronegativity over the sources: nothing above LOW except reviewed exceptions (security/electronegativity-exceptions.json).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

interface Issue {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number | null;
  description: string;
}

describe('Electronegativity', () => {
  const run = spawnSync(process.execPath, ['scripts/electronegativity.cjs'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const json = run.stdout.split('@@electronegativity@@\n')[1] ?? '';
  const report = JSON.parse(json || '{"issues":[],"errors":["no output"]}') as {
    issues: Issue[];
    errors: unknown[];
    atomicChecks: number;
    globalChecks: number;
  };
  const { exceptions } = JSON.parse(
    readFileSync(resolve(root, 'security/electronegativity-exceptions.json'), 'utf8'),
  ) as { exceptions: Array<{ id: string; file: string; reason: string }> };
  const isException = (i: Issue) => exceptions.some((e) => e.id === i.id && e.file === i.file);

  it('ran every check over the sources without parse errors', () => {
    expect(run.status).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.atomicChecks + report.globalChecks).toBeGreaterThan(30);
  });

  it('finds nothing above LOW that is not a reviewed exception', () => {
    const serious = report.issues.filter(
      (i) => i.severity !== 'LOW' && i.severity !== 'INFORMATIONAL' && !isException(i),
    );
    expect(serious).toEqual([]);
  });

  it('has no stale exceptions, and each has a reason', () => {
    for (const e of exceptions) {
      expect(e.reason.length).toBeGreaterThan(40);
      expect(report.issues.some((i) => i.id === e.id && i.file === e.file)).toBe(true);
    }
  });
});
