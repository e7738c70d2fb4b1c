// The Electron bundles build without the Electron binary and are self-contained: only electron and Node built-ins stay external.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('Electron bundles', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  }, 200_000);

  it.each(['main.cjs', 'preload.cjs'])('%s requires only electron and Node built-ins', (file) => {
    const code = readFileSync(resolve(root, '.vite/build', file), 'utf8');
    const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    // ajv's "require" strings are code-generation templates inside electron-store's schema support, not real requires.
    // Bundled libraries may name built-ins without the node: prefix (node-forge's require("crypto")).
    const external = requires.filter((r) => r !== 'electron' && !isBuiltin(r) && !r.startsWith('ajv'));
    expect(external).toEqual([]);
  });

  it('main.cjs resolves paths with __dirname (import.meta does not exist in CommonJS)', () => {
    const code = readFileSync(resolve(root, '.vite/build/main.cjs'), 'utf8');
    expect(code).not.toMatch(/\{\}\.dirname|import\.meta/);
  });

  it('the renderer carries the strict Content-Security-Policy', () => {
    const html = readFileSync(resolve(root, '.vite/renderer/main_window/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the CSP allows nothing remote, no plugins, no frames, no base or form targets, and inline code only for styles', () => {
    const html = readFileSync(resolve(root, '.vite/renderer/main_window/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-src', 'worker-src'])
      expect(directives.get(name), name).toEqual(["'none'"]);
    for (const [name, sources] of directives) {
      expect(
        sources.filter(
          (s) =>
            s === '*' ||
            /^(https?|wss?|blob|filesystem):/.test(s) ||
            s === "'unsafe-eval'" ||
            s === "'wasm-unsafe-eval'",
        ),
        name,
      ).toEqual([]);
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    // Every script the page loads comes from the app itself.
    for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) expect(src).toMatch(/^\.?\/?[\w./-]+$/);
  });
});
