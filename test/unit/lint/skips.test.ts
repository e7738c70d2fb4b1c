// No silent skips: a missing reference tool fails under CI=true naming its Debian package, every skip in the suite
// says why, and the skip report lists each skipped test with that reason.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ReferenceTool, toolDecision } from '../../support/reference-tools';
import SkipReport, { NO_REASON, type SkippedTest } from '../../support/skip-report';

const root = resolve(import.meta.dirname, '../../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('reference tools', () => {
  const packages: Array<[ReferenceTool, string]> = [
    ['openssl', 'openssl'],
    ['pyca', 'python3-cryptography-vectors'],
    ['chromium', 'chromium'],
    ['pdftotext', 'poppler-utils'],
    ['dbus', 'dbus-daemon'],
    ['gnome-keyring', 'gnome-keyring'],
    ['dpkg', 'dpkg'],
    ['rpm', 'rpm'],
  ];

  it.each(packages)('under CI=true a missing %s is a failure naming the package %s', (tool, pkg) => {
    expect(() => toolDecision(tool, 'the checks', false, { CI: 'true' })).toThrow(`install the Debian package ${pkg}`);
  });

  it.each(packages)('outside CI a missing %s is a skip whose reason names the package %s', (tool, pkg) => {
    expect(toolDecision(tool, 'the checks', false, {})).toEqual(
      expect.stringContaining(`(Debian package ${pkg}): skipping the checks.`),
    );
  });

  it('a present tool is neither a skip nor a failure, in CI or not', () => {
    expect(toolDecision('openssl', 'the checks', true, { CI: 'true' })).toBeNull();
    expect(toolDecision('openssl', 'the checks', true, {})).toBeNull();
  });
});

describe('every skip in the suite says why', () => {
  const files = testFiles(resolve(root, 'test')).map((f) => ({
    file: relative(root, f),
    text: readFileSync(f, 'utf8'),
  }));

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it('a file that skips tests gets its reason from skipWithout, a printed [skipped] line or ctx.skip(…, reason)', () => {
    const silent = files
      .filter(({ text }) => /\.(skipIf|runIf|skip)\(/.test(text))
      .filter(({ text }) => {
        const reasoned = /skipWithout\(|\[skipped\]|chromiumMissing\(|\bskip\([^)]*,\s*['"`]/.test(text);
        const bareCtxSkip = /\bskip\(\s*\)/.test(text);
        return !reasoned || bareCtxSkip;
      });
    expect(silent.map((f) => f.file)).toEqual([]);
  });

  it('no test returns early when a tool is missing (that counts as passed)', () => {
    const early = files.filter(({ text }) =>
      /if \(!?\s*(opensslVersion|present|pdftotext|chromium)\w*(\(\))?\)\s*return/.test(text),
    );
    expect(early.map((f) => f.file)).toEqual([]);
  });
});

describe('the skip report', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** The parts of Vitest's reported module the report reads. */
  const fakeModule = (id: string, tests: Array<{ id: string; name: string; note?: string }>) =>
    ({
      id,
      moduleId: join(process.cwd(), `test/${id}.test.ts`),
      children: {
        *allTests(state?: string) {
          if (state !== 'skipped') return;
          for (const t of tests)
            yield { id: t.id, fullName: t.name, result: () => ({ state: 'skipped', note: t.note, errors: undefined }) };
        },
      },
    }) as never;

  it('lists every skipped test with the reason its file printed or its ctx.skip note, and writes them for npm test', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gcw-skips-')), 'skipped.json');
    vi.stubEnv('GCW_SKIP_REPORT', out);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    const report = new SkipReport();
    report.onUserConsoleLog({
      content: '[skipped] the openssl command is missing (Debian package openssl): skipping the matrix.\n',
      taskId: 'm1',
      type: 'stderr',
      time: 0,
      size: 0,
    });
    report.onTestRunEnd([
      fakeModule('m1', [{ id: 'm1_1', name: 'matrix > opens every file' }]),
      fakeModule('m2', [
        { id: 'm2_1', name: 'listener > other addresses', note: 'this machine has no non-loopback address' },
        { id: 'm2_2', name: 'listener > no reason' },
      ]),
    ]);
    const written = JSON.parse(readFileSync(out, 'utf8')) as SkippedTest[];
    expect(written).toEqual([
      {
        file: 'test/m1.test.ts',
        test: 'matrix > opens every file',
        reason: 'the openssl command is missing (Debian package openssl): skipping the matrix.',
      },
      {
        file: 'test/m2.test.ts',
        test: 'listener > other addresses',
        reason: 'this machine has no non-loopback address',
      },
      { file: 'test/m2.test.ts', test: 'listener > no reason', reason: NO_REASON },
    ]);
    expect(printed.join('\n')).toContain('Skipped tests (3):');
  });
});
