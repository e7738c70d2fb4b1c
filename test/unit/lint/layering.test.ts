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
  it.each(['src/core/lint-probe.ts', 'src/shared/lint-probe.ts', 'src/cli/lint-probe.ts', 'src/renderer/lint-probe.ts', 'src/web-host/lint-probe.ts', 'src/web-host/client/lint-probe.ts'])('refuses an electron import in %s', async (file) => {
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

  it('keeps the gcw ui host beside Electron main: no main, renderer or cli in src/web-host, and no web-host in core or main', async () => {
    for (const [from, file] of [
      ['../main/protocol', 'src/web-host/lint-probe.ts'],
      ['../renderer/lib/workbench', 'src/web-host/lint-probe.ts'],
      ['../cli/open-browser', 'src/web-host/lint-probe.ts'],
    ]) {
      expect((await restrictedImportErrors(`import * as m from '${from}';\nexport const x = m;\n`, file!)).join('\n')).toContain('host beside Electron main');
    }
    for (const file of ['src/core/lint-probe.ts', 'src/main/lint-probe.ts']) {
      expect((await restrictedImportErrors("import * as m from '../web-host/server';\nexport const x = m;\n", file)).join('\n')).toContain('composed by src/cli');
    }
    expect(await restrictedImportErrors("import * as m from '../web-host/server';\nexport const x = m;\n", 'src/cli/lint-probe.ts')).toEqual([]);
  }, 120_000);

  it('keeps Node, core and zod out of the gcw ui client script (it runs in the browser before the renderer)', async () => {
    for (const from of ['node:fs', '../../core/errors', '../../shared/contract']) {
      const errors = await restrictedImportErrors(`import * as m from '${from}';\nexport const x = m;\n`, 'src/web-host/client/lint-probe.ts');
      expect(errors.join('\n')).toContain('runs in the browser before the renderer');
    }
    expect(await restrictedImportErrors("import * as m from '../../shared/contract/build-api';\nexport const x = m;\n", 'src/web-host/client/lint-probe.ts')).toEqual([]);
  }, 120_000);

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
