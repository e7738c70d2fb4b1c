// The second layering guard: `npm run typecheck` also checks the renderer (+ shared) without Node's types and the
// Node layers (+ shared) without the DOM. A probe file, held in memory inside the layer's folder, is compiled with
// each layer's tsconfig options: what the other side's globals would give must not compile.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function layerConfig(name: string): ts.ParsedCommandLine {
  const file = resolve(root, name);
  const { config, error } = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file);
}

/** The compiler's errors for `code` as the file `path` (relative to the root) under `config`'s options. */
function errorsOf(config: ts.ParsedCommandLine, path: string, code: string): string[] {
  const probe = resolve(root, path);
  const host = ts.createCompilerHost(config.options);
  const [getSourceFile, fileExists, readFile] = [
    host.getSourceFile.bind(host),
    host.fileExists.bind(host),
    host.readFile.bind(host),
  ];
  host.fileExists = (f) => f === probe || fileExists(f);
  host.readFile = (f) => (f === probe ? code : readFile(f));
  host.getSourceFile = (f, v, ...rest) =>
    f === probe ? ts.createSourceFile(f, code, v) : getSourceFile(f, v, ...rest);
  const program = ts.createProgram([probe], config.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('tsconfig.web.json (src/renderer, src/web-host/client and src/shared)', () => {
  const web = layerConfig('tsconfig.web.json');

  it('covers the renderer, the gcw ui browser scripts and shared, and nothing of core, main or gcw', () => {
    const files = web.fileNames.map((f) => f.slice(root.length + 1));
    for (const layer of ['src/renderer/', 'src/web-host/client/', 'src/shared/'])
      expect(files.some((f) => f.startsWith(layer))).toBe(true);
    expect(files.filter((f) => !/^src\/(renderer|web-host\/client|shared)\//.test(f))).toEqual([]);
  });

  it("refuses Node's globals", () => {
    const errors = errorsOf(
      web,
      'src/renderer/probe.ts',
      "export const b = Buffer.from('x');\nexport const p = process.env;\n",
    );
    expect(errors.join('\n')).toContain("Cannot find name 'Buffer'");
    expect(errors.join('\n')).toContain("Cannot find name 'process'");
  }, 60_000);

  it('compiles DOM code', () => {
    expect(errorsOf(web, 'src/renderer/probe.ts', 'export const t = document.title;\n')).toEqual([]);
  }, 60_000);
});

describe('tsconfig.node.json (src/core, src/cli, src/web-host and src/shared)', () => {
  const node = layerConfig('tsconfig.node.json');

  it('covers core, gcw and shared, and nothing of the renderer, main or preload', () => {
    const files = node.fileNames.map((f) => f.slice(root.length + 1));
    for (const layer of ['src/core/', 'src/cli/', 'src/shared/'])
      expect(files.some((f) => f.startsWith(layer))).toBe(true);
    expect(
      files.filter((f) => !/^src\/(core|cli|web-host|shared)\//.test(f) || f.startsWith('src/web-host/client/')),
    ).toEqual([]);
  });

  it('refuses the DOM', () => {
    const errors = errorsOf(
      node,
      'src/core/probe.ts',
      'export const t = document.title;\nexport const w = window.name;\n',
    );
    expect(errors.join('\n')).toContain("Cannot find name 'document'");
    expect(errors.join('\n')).toContain("Cannot find name 'window'");
  }, 60_000);

  it('compiles Node code', () => {
    expect(
      errorsOf(node, 'src/core/probe.ts', "export const b = Buffer.from('x');\nexport const p = process.pid;\n"),
    ).toEqual([]);
  }, 60_000);
});
