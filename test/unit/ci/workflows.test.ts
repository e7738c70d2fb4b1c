// The GitHub workflows are valid against GitHub's own workflow schema (workflow-v1.0.json, vendored in
// @actions/workflow-parser, the parser of GitHub's Actions language services: offline, no network), and do what the
// README says: CI runs .ci/run; a tag builds installers on three OSes, signing only from named secrets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SIGNING_VARIABLES } from '../../../forge.signing';

const dir = resolve(import.meta.dirname, '../../../.github/workflows');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Every error GitHub's parser reports: schema (unknown or missing keys, wrong types) and expressions (unknown contexts). */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return [...errors, 'no workflow'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...new Set([...errors, ...(template.errors ?? []).map((e) => e.Message)])];
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    { 'runs-on': string; steps: Step[]; env?: Record<string, string>; strategy?: { matrix: { os: string[] } } }
  >;
}
const load = (name: string) => parse(read(name)) as Workflow;

describe('GitHub workflows', () => {
  it('are ci.yml and release.yml', () => {
    expect(readdirSync(dir).sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(['ci.yml', 'release.yml'])('%s is valid against the GitHub workflow schema', async (name) => {
    expect(await workflowErrors(name, read(name))).toEqual([]);
  });

  it('the validator does catch a broken workflow (an unknown key, an unknown context)', async () => {
    const broken = read('ci.yml')
      .replace('timeout-minutes: 90', 'timeout: 90')
      .replace('bash .ci/run', 'bash .ci/run ${{ foo.bar }}');
    const errors = await workflowErrors('ci.yml', broken);
    expect(errors.join('\n')).toMatch(/Unexpected value 'timeout'/);
    expect(errors.join('\n')).toMatch(/Unrecognized named-value: 'foo'/);
  });

  it('no `if:` reads a secret (GitHub refuses secrets there; the workflows map them to env first)', () => {
    for (const name of ['ci.yml', 'release.yml']) {
      for (const job of Object.values(load(name).jobs))
        for (const step of job.steps)
          expect(step.if ?? '', `${name}: ${step.name ?? step.uses ?? step.run}`).not.toMatch(/secrets\./);
    }
  });
});

describe('ci.yml', () => {
  it('runs .ci/run on pushes to main and on pull requests', () => {
    const wf = load('ci.yml');
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(wf.jobs.ci!.steps.some((s) => s.run?.trim() === 'bash .ci/run')).toBe(true);
  });
});

describe('release.yml', () => {
  const wf = load('release.yml');
  const job = wf.jobs.make!;
  const steps = job.steps;

  it('runs on a v* tag, on Windows, macOS and Linux runners', () => {
    expect(wf.on.push).toEqual({ tags: ['v*'] });
    expect(job.strategy?.matrix.os.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
  });

  it('runs npm ci and npm run make, and uploads out/make', () => {
    const runs = steps.map((s) => s.run?.trim());
    expect(runs.indexOf('npm ci')).toBeGreaterThan(-1);
    expect(runs.indexOf('npm run make')).toBeGreaterThan(runs.indexOf('npm ci'));
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ path: 'out/make/', 'if-no-files-found': 'error' });
  });

  it('gives forge.signing.ts every variable it signs with, each from a named secret or a step that reads one', () => {
    const fromSecrets = Object.entries(job.env ?? {})
      .filter(([key, value]) => value === `\${{ secrets.${key} }}`)
      .map(([key]) => key);
    const fromSteps = steps.flatMap((s) =>
      [...(s.run ?? '').matchAll(/^\s*(?:echo|")\s*"?(\w+)=.*GITHUB_ENV/gm)].map((m) => m[1]!),
    );
    for (const variable of Object.values(SIGNING_VARIABLES).flat())
      expect([...fromSecrets, ...fromSteps], variable).toContain(variable);
  });

  it('runs each signing step only when its secret is set', () => {
    const signing = steps.filter((s) => /CERTIFICATE/.test(s.run ?? ''));
    expect(signing).toHaveLength(2);
    expect(signing.map((s) => s.if)).toEqual([
      "runner.os == 'macOS' && env.MACOS_CERTIFICATE != ''",
      "runner.os == 'Windows' && env.WINDOWS_CERTIFICATE != ''",
    ]);
  });
});
