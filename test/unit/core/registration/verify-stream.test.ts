// The streamed folder run: name order, read-ahead, an export split into its apps, errors per file, nothing kept.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  verifyExportFile,
  verifyFolderStream,
  type StreamedResult,
} from '../../../../src/core/registration/verify-stream';
import { goodSpec, goodTarget, manifestJson, toGraph } from './manifest-builders';

async function all(results: AsyncIterable<StreamedResult>): Promise<StreamedResult[]> {
  const out: StreamedResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

describe('verifyFolderStream', () => {
  it('checks the .json files in name order, splits an export into its apps, and reports what is not a manifest per file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-stream-'));
    writeFileSync(join(dir, 'b.json'), manifestJson(goodSpec(), 'aadgraph'));
    writeFileSync(join(dir, 'a.json'), manifestJson(goodSpec(), 'graph'));
    writeFileSync(
      join(dir, 'c-export.json'),
      JSON.stringify({
        '@odata.context': 'x',
        value: [toGraph(goodSpec()), toGraph({ ...goodSpec(), displayName: 'Second' })],
      }),
    );
    writeFileSync(join(dir, 'd-notes.txt'), 'not json');
    writeFileSync(join(dir, 'e-broken.json'), '{ "appId": ');
    writeFileSync(join(dir, 'f-empty.json'), '');
    mkdirSync(join(dir, 'sub.json'));
    const results = await all(verifyFolderStream(dir, goodTarget('byo-app'), { readAhead: 2 }));
    expect(results.map((r) => [r.fileName, r.result.ok])).toEqual([
      ['a.json', true],
      ['b.json', true],
      ['c-export.json[0]', true],
      ['c-export.json[1]', true],
      ['e-broken.json', false],
      ['f-empty.json', false],
    ]);
    expect(results.map((r) => (r.result.ok ? r.result.value.apps[0]?.displayName : r.result.error.code))).toEqual([
      'Contoso automation',
      'Contoso automation',
      'Contoso automation',
      'Second',
      'manifest.invalid_json',
      'manifest.empty',
    ]);
  });

  it('refuses a folder that cannot be read or holds no .json file (before any result)', async () => {
    expect(
      await errorOfAsync(() => all(verifyFolderStream(join(tmpdir(), 'no-such-gcw-folder'), goodTarget()))),
    ).toMatchObject({ code: 'file.not_found' });
    expect(
      await errorOfAsync(() => all(verifyFolderStream(mkdtempSync(join(tmpdir(), 'gcw-empty-')), goodTarget()))),
    ).toMatchObject({ code: 'manifest.no_files' });
  });

  it('verifyExportFile streams a UTF-16 export written by Windows PowerShell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-utf16-'));
    const text = JSON.stringify([toGraph(goodSpec()), toGraph({ ...goodSpec(), displayName: 'Zweite – ü' })]);
    writeFileSync(join(dir, 'apps.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const results = await all(verifyExportFile(join(dir, 'apps.json'), goodTarget('byo-app')));
    expect(results.map((r) => (r.result.ok ? r.result.value.apps[0]?.displayName : r.result.error.code))).toEqual([
      'Contoso automation',
      'Zweite – ü',
    ]);
  });
});

async function errorOfAsync(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
