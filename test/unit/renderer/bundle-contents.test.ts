// What the renderer and the preload load: no zod (main parses every input; the schemas live in src/shared/*-schema.ts
// and src/shared/contract/*), and the preload none of the contract's schemas. Proven on esbuild's module graph of the
// real entry points, so an import that brings zod back by any path (a label module that grew a schema, a value import
// from the contract) fails here with the chain that brought it.
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

async function moduleGraph(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    outdir: resolve(root, 'test-results/bundle-contents'),
    external: ['electron'],
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Each project file that imports zod, with the chain of importers back to the entry. */
function zodChains(graph: Metafile): string[] {
  const importers = new Map<string, string>();
  for (const [file, info] of Object.entries(graph.inputs))
    for (const item of info.imports) if (!importers.has(item.path)) importers.set(item.path, file);
  const chains: string[] = [];
  for (const [file, info] of Object.entries(graph.inputs)) {
    if (file.includes('node_modules/') || !info.imports.some((item) => item.path.includes('node_modules/zod/')))
      continue;
    const chain = [file];
    for (let at = importers.get(file); at && !chain.includes(at); at = importers.get(at)) chain.push(at);
    chains.push(chain.join(' ← '));
  }
  return chains;
}

describe('what the renderer and preload bundle', () => {
  it('the renderer loads no zod', async () => {
    const graph = await moduleGraph('src/renderer/main.tsx');
    expect(zodChains(graph)).toEqual([]);
    expect(Object.keys(graph.inputs).filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
    // The graph is the real app's: the pages are in it (loaded lazily, each its own chunk).
    expect(Object.keys(graph.inputs)).toContain('src/renderer/pages/connections/connections-page.tsx');
  }, 60_000);

  it('the preload loads no zod and no contract schema: names only', async () => {
    const graph = await moduleGraph('src/preload/preload.ts');
    const files = Object.keys(graph.inputs);
    expect(zodChains(graph)).toEqual([]);
    expect(files.filter((file) => file.includes('node_modules/'))).toEqual([]);
    expect(files.sort()).toEqual([
      'src/preload/preload.ts',
      'src/shared/contract/build-api.ts',
      'src/shared/contract/names.ts',
    ]);
  }, 60_000);
});
