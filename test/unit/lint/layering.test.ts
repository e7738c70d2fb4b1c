// The layering rule is real: one probe file per forbidden crossing is linted with the project's own ESLint config,
// and each must be refused by `layering/allowed-imports`; the allowed crossings must pass.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(layer: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, `src/${layer}/lint-probe.ts`) });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`the probe did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return messages.filter((m) => m.ruleId === 'layering/allowed-imports').map((m) => m.message);
}

// [layer, what crosses, probe source]
const forbidden: [string, string, string][] = [
  // The ten crossings issue 16 found passing the old deny-list.
  ['renderer', "bare 'fs'", "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n"],
  ['renderer', '../main', "import { createWindow } from '../main/window.js';\nexport const w = createWindow;\n"],
  [
    'renderer',
    '../core',
    "import { createHandlers } from '../core/app/handlers.js';\nexport const h = createHandlers;\n",
  ],
  [
    'shared',
    '../core',
    "import { createHandlers } from '../core/app/handlers.js';\nexport const h = createHandlers;\n",
  ],
  ['shared', 'node:fs', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
  ['core', '../main', "import { createWindow } from '../main/window.js';\nexport const w = createWindow;\n"],
  ['core', '../cli', "import { main } from '../cli/main.js';\nexport const m = main;\n"],
  [
    'core',
    "import('electron')",
    "export async function f(): Promise<unknown> {\n  return (await import('electron')).app;\n}\n",
  ],
  [
    'preload',
    '../core',
    "import { createHandlers } from '../core/app/handlers.js';\nexport const h = createHandlers;\n",
  ],
  ['main', '../renderer', "import { App } from '../renderer/app/app.js';\nexport const a = App;\n"],
  // The other forms a module can be named in.
  ['core', "export … from 'electron'", "export { app } from 'electron';\n"],
  ['core', "export * from '../main'", "export * from '../main/window.js';\n"],
  ['core', "import type from 'electron'", "import type { App } from 'electron';\nexport type A = App;\n"],
  ['core', "import('electron').App in a type", "export type A = import('electron').App;\n"],
  [
    'core',
    'a computed import()',
    'export async function f(name: string): Promise<unknown> {\n  return import(name);\n}\n',
  ],
  ['renderer', "require('fs')", "declare const require: (id: string) => unknown;\nexport const fs = require('fs');\n"],
  ['renderer', "bare 'fs/promises'", "export { readFile } from 'fs/promises';\n"],
  ['renderer', 'node:path', "import { join } from 'node:path';\nexport const j = join;\n"],
  ['renderer', '/// <reference types="node" />', '/// <reference types="node" />\nexport const n = 1;\n'],
  ['renderer', 'electron', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
  ['shared', 'react', "import { useState } from 'react';\nexport const s = useState;\n"],
  ['core', 'react', "import { useState } from 'react';\nexport const s = useState;\n"],
  ['cli', 'electron', "import { app } from 'electron';\nexport const a = app;\n"],
  ['cli', 'electron-store', "import Store from 'electron-store';\nexport const s = Store;\n"],
  ['preload', 'node:fs', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
  ['main', 'react', "import { useState } from 'react';\nexport const s = useState;\n"],
  ['web-host', 'electron', "import { app } from 'electron';\nexport const a = app;\n"],
  ['web-host', '../renderer', "import { App } from '../renderer/app/app.js';\nexport const a = App;\n"],
  ['web-host', '../main', "import { createWindow } from '../main/window.js';\nexport const w = createWindow;\n"],
  ['core', '../web-host', "import { serve } from '../web-host/server.js';\nexport const s = serve;\n"],
  ['renderer', 'a file outside src', "import data from '../../package.json';\nexport const d = data;\n"],
  // The gcw ui host (src/web-host) sits beside Electron main; only src/cli composes it.
  ['web-host', '../cli', "import { main } from '../cli/main.js';\nexport const m = main;\n"],
  ['main', '../web-host', "import { startWebHost } from '../web-host/server.js';\nexport const s = startWebHost;\n"],
  ['shared', '../web-host', "export * from '../web-host/server.js';\n"],
  // Its browser scripts (src/web-host/client) run before the renderer: no Node, no core, no zod (the contract index).
  ['web-host/client', 'node:fs', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
  ['web-host/client', '../../core', "import { AppError } from '../../core/errors.js';\nexport const e = AppError;\n"],
  [
    'web-host/client',
    'the contract index (zod)',
    "import * as contract from '../../shared/contract';\nexport const c = contract;\n",
  ],
  [
    'web-host/client',
    '../server (Node)',
    "import { startWebHost } from '../server.js';\nexport const s = startWebHost;\n",
  ],
];

const allowed: [string, string, string][] = [
  ['main', 'electron', "import { app } from 'electron';\nexport const a = app;\n"],
  ['main', '../core', "import { createHandlers } from '../core/app/handlers.js';\nexport const h = createHandlers;\n"],
  [
    'preload',
    'electron and ../shared',
    "import { contextBridge } from 'electron';\nimport type { Result } from '../shared/result.js';\nexport type R = Result<number>;\nexport const c = contextBridge;\n",
  ],
  [
    'renderer',
    'react and ../shared',
    "import { useState } from 'react';\nimport type { Result } from '../shared/result.js';\nexport type R = Result<number>;\nexport const s = useState;\n",
  ],
  ['shared', 'zod', "import { z } from 'zod';\nexport const s = z.string();\n"],
  [
    'core',
    "bare 'fs', import('node:os') and ../shared",
    "import { readFileSync } from 'fs';\nexport type { Result } from '../shared/result.js';\nexport const f = readFileSync;\nexport const os = (): Promise<unknown> => import('node:os');\n",
  ],
  [
    'cli',
    '../core and package.json',
    "import { createHandlers } from '../core/app/handlers.js';\nimport pkg from '../../package.json';\nexport const h = createHandlers;\nexport const v = pkg.version;\n",
  ],
  ['cli', '../web-host', "import { startWebHost } from '../web-host/server.js';\nexport const s = startWebHost;\n"],
  [
    'web-host',
    'its client/ and @napi-rs/keyring',
    "import { REQUEST_KEY_HEADER } from './client/storage-keys.js';\nimport type { Entry } from '@napi-rs/keyring';\nexport type E = Entry;\nexport const k = REQUEST_KEY_HEADER;\n",
  ],
  [
    'web-host/client',
    '../../shared/contract/build-api',
    "import { buildApiObject } from '../../shared/contract/build-api';\nexport const b = buildApiObject;\n",
  ],
  [
    'web-host',
    'node:http and ../core',
    "import { createServer } from 'node:http';\nimport { createHandlers } from '../core/app/handlers.js';\nexport const s = createServer;\nexport const h = createHandlers;\n",
  ],
];

describe('layering lint: the forbidden crossings', () => {
  it.each(forbidden)(
    'src/%s may not import %s',
    async (layer, what, code) => {
      const errors = await layeringErrors(layer, code);
      expect(errors, `src/${layer} → ${what} passed lint`).not.toEqual([]);
      expect(errors[0]).toContain(`src/${layer}`);
    },
    60_000,
  );

  it('says what the layer may import instead', async () => {
    const [message] = await layeringErrors('core', "import { app } from 'electron';\nexport const a = app;\n");
    expect(message).toBe(
      "src/core may not import 'electron' (the package electron). The domain runs under Node in the app, gcw and the tests: no Electron, no React, no DOM. It may import: src/core, src/shared, Node built-ins, the packages zod, @azure/msal-node, node-forge, @microsoft/microsoft-graph-types, conf.",
    );
  }, 60_000);
});

describe('layering lint: the allowed crossings', () => {
  it.each(allowed)(
    'src/%s may import %s',
    async (layer, _what, code) => {
      expect(await layeringErrors(layer, code)).toEqual([]);
    },
    60_000,
  );
});

describe('promises in the Electron shell', () => {
  it('refuses a promise discarded with void in src/main (a rejection there goes unseen)', async () => {
    const [result] = await eslint.lintText('export async function f(): Promise<void> {}\nvoid f();\n', {
      filePath: resolve(root, 'src/main/lint-probe.ts'),
    });
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
  }, 60_000);

  it('accepts the same promise with a .catch', async () => {
    const [result] = await eslint.lintText(
      'export async function f(): Promise<void> {}\nf().catch(() => undefined);\n',
      { filePath: resolve(root, 'src/main/lint-probe.ts') },
    );
    expect((result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-floating-promises')).toEqual([]);
  }, 60_000);
});
