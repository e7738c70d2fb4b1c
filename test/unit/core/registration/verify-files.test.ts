import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../../../src/core/errors';
import { MAX_MANIFEST_BYTES } from '../../../../src/core/registration/manifest-input';
import { verifyManifestFile, verifyManyManifests } from '../../../../src/core/registration/verify-files';
import { fixture, goodSpec, goodTarget, manifestJson } from './manifest-builders';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gcw-manifests-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isWorkbenchError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('verifying a folder', () => {
  it('gives one report per .json file in name order, and an error for files that are not manifests', async () => {
    const broken = goodSpec();
    broken.redirects = [];
    await writeFile(join(dir, 'b-good.json'), manifestJson(goodSpec(), 'graph'));
    await writeFile(join(dir, 'a-broken.JSON'), manifestJson(broken, 'aadgraph'));
    await writeFile(join(dir, 'c-sp.json'), '{"servicePrincipalType":"Application","appId":"x"}');
    await writeFile(join(dir, 'd-invalid.json'), '{"appId": ');
    await writeFile(join(dir, 'notes.txt'), 'not checked');
    await mkdir(join(dir, 'sub.json'));
    await writeFile(join(dir, 'e-huge.json'), Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20));
    const results = await verifyManyManifests(dir, goodTarget('byo-app'));
    expect(results.map((r) => r.fileName)).toEqual([
      'a-broken.JSON',
      'b-good.json',
      'c-sp.json',
      'd-invalid.json',
      'e-huge.json',
    ]);
    const [a, b, c, d, e] = results.map((r) => r.result);
    expect(a?.ok && a.value.format === 'aadgraph' && a.value.counts.error).toBeGreaterThan(0);
    expect(b?.ok && b.value.findings).toEqual([]);
    expect(b?.ok && b.value.fileName).toBe('b-good.json');
    expect(!c?.ok && c?.error.code).toBe('manifest.not_a_manifest');
    expect(!d?.ok && d?.error.code).toBe('manifest.invalid_json');
    expect(!e?.ok && e?.error.code).toBe('manifest.too_large');
  });

  it('says when the folder holds no manifests', async () => {
    await writeFile(join(dir, 'readme.md'), '# nothing');
    expect(await codeOf(verifyManyManifests(dir, goodTarget('byo-app')))).toBe('manifest.no_files');
  });

  it('says when the folder does not exist', async () => {
    expect(await codeOf(verifyManyManifests(join(dir, 'missing'), goodTarget('byo-app')))).toBe('file.not_found');
  });
});

describe('verifying one file', () => {
  it('reads a real manifest from disk', async () => {
    const path = join(dir, 'app.json');
    await writeFile(path, fixture('04_aadgraph-api-1.6_az-cli-recording_create-for-rbac-cert.json'));
    const report = await verifyManifestFile(path, goodTarget(null, { loopbackTest: false }));
    expect(report.format).toBe('aadgraph');
    expect(report.fileName).toBe('app.json');
  });

  it('refuses a missing file, a folder and a huge file', async () => {
    expect(await codeOf(verifyManifestFile(join(dir, 'nope.json'), goodTarget('byo-app')))).toBe('file.not_found');
    expect(await codeOf(verifyManifestFile(dir, goodTarget('byo-app')))).toBe('file.read_failed');
    const huge = join(dir, 'huge.json');
    await writeFile(huge, Buffer.alloc(MAX_MANIFEST_BYTES + 10, 0x20));
    expect(await codeOf(verifyManifestFile(huge, goodTarget('byo-app')))).toBe('manifest.too_large');
  });
});
