// The layering rule is real: ESLint refuses electron outside src/main and src/preload.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('layering lint', () => {
  it.each(['src/core/lint-probe.ts', 'src/shared/lint-probe.ts', 'src/cli/lint-probe.ts', 'src/renderer/lint-probe.ts'])('refuses an electron import in %s', async (file) => {
    const errors = await restrictedImportErrors("import { app } from 'electron';\nexport const n = app.getName();\n", file);
    expect(errors.join('\n')).toContain('Electron belongs in src/main and src/preload only');
  }, 60_000);

  it('allows electron in src/main', async () => {
    expect(await restrictedImportErrors("import { app } from 'electron';\nexport const n = app.getName();\n", 'src/main/lint-probe.ts')).toEqual([]);
  }, 60_000);

  it('keeps core modules and Node built-ins out of the renderer', async () => {
    const errors = await restrictedImportErrors("import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'src/renderer/lint-probe.ts');
    expect(errors.join('\n')).toContain('window.workbench only');
  }, 60_000);

  it('keeps react out of core', async () => {
    const errors = await restrictedImportErrors("import { useState } from 'react';\nexport const s = useState;\n", 'src/core/lint-probe.ts');
    expect(errors.join('\n')).toContain('React belongs in src/renderer only');
  }, 60_000);
});

describe('promises in the Electron shell', () => {
  it('refuses a promise discarded with void in src/main (a rejection there goes unseen)', async () => {
    const [result] = await eslint.lintText('export async function f(): Promise<void> {}\nvoid f();\n', { filePath: resolve(root, 'src/main/lint-probe.ts') });
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
  }, 60_000);

  it('accepts the same promise with a .catch', async () => {
    const [result] = await eslint.lintText('export async function f(): Promise<void> {}\nf().catch(() => undefined);\n', { filePath: resolve(root, 'src/main/lint-probe.ts') });
    expect((result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-floating-promises')).toEqual([]);
  }, 60_000);
});
