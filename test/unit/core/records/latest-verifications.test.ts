// The last verification of each profile survives a restart, keeps only what needs action, and a damaged entry is dropped alone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LatestVerifications, summarizeReport } from '../../../../src/core/records/latest-verifications';
import { confBackendFactory } from '../../../../src/core/storage/conf-backend';
import type { VerifyReport } from '../../../../src/shared/registration';

function report(findings: Array<[VerifyReport['findings'][number]['severity'], string]>): VerifyReport {
  return {
    format: 'graph',
    apps: [{ displayName: 'Contoso robot' } as VerifyReport['apps'][number]],
    findings: findings.map(([severity, code]) => ({
      code: code as never,
      severity,
      message: `Message of ${code}`,
      fix: `Fix of ${code}`,
      link: 'https://entra.microsoft.com/',
      appId: null,
      appName: 'Contoso robot',
    })),
    counts: {
      error: findings.filter(([s]) => s === 'error').length,
      warning: findings.filter(([s]) => s === 'warning').length,
      info: findings.filter(([s]) => s === 'info').length,
    },
    target: {
      auth: 'certificate',
      clientId: null,
      tenant: null,
      environment: 'office365',
      domain: null,
      delegatedScopes: [],
      applicationPermissions: [],
      certificateThumbprintSha1: null,
      loopbackTest: false,
    },
    checkedAt: '2026-01-14T09:30:00.000Z',
    fileName: 'manifest.json',
  };
}

const open = (directory: string) => new LatestVerifications({ directory, backend: confBackendFactory(directory) });

describe('last verifications', () => {
  it('keeps errors and warnings with their fix, counts all, and drops notes', () => {
    const summary = summarizeReport(
      report([
        ['error', 'client_id.mismatch'],
        ['info', 'permission.not_needed'],
        ['warning', 'secret.expiring'],
      ]),
    );
    expect(summary).toEqual({
      checkedAt: '2026-01-14T09:30:00.000Z',
      fileName: 'manifest.json',
      appName: 'Contoso robot',
      counts: { error: 1, warning: 1, info: 1 },
      openFindings: [
        {
          severity: 'error',
          code: 'client_id.mismatch',
          message: 'Message of client_id.mismatch',
          fix: 'Fix of client_id.mismatch',
        },
        {
          severity: 'warning',
          code: 'secret.expiring',
          message: 'Message of secret.expiring',
          fix: 'Fix of secret.expiring',
        },
      ],
    });
  });

  it('remembers the newest verification per profile across a restart and forgets on request', () => {
    const directory = mkdtempSync(join(tmpdir(), 'gcw-verifications-'));
    const store = open(directory);
    expect(store.get('a')).toBeNull();
    store.remember('a', report([['error', 'client_id.mismatch']]));
    store.remember('a', report([['warning', 'secret.expiring']]));
    store.remember('b', report([]));
    const again = open(directory);
    expect(again.get('a')?.openFindings.map((f) => f.code)).toEqual(['secret.expiring']);
    expect(again.get('b')?.openFindings).toEqual([]);
    again.forget('a');
    expect(open(directory).get('a')).toBeNull();
    expect(open(directory).get('b')).not.toBeNull();
  });

  it('a damaged entry is dropped with a notice; the others are kept', () => {
    const directory = mkdtempSync(join(tmpdir(), 'gcw-verifications-'));
    open(directory).remember('good', report([['error', 'client_id.mismatch']]));
    const path = join(directory, 'verifications.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { profiles: Record<string, unknown> };
    file.profiles.bad = { checkedAt: 42 };
    writeFileSync(path, JSON.stringify(file));
    const store = open(directory);
    expect(store.get('good')?.counts.error).toBe(1);
    expect(store.get('bad')).toBeNull();
    expect(store.notices.map((n) => n.id)).toEqual(['storage.repaired.verifications']);
  });
});
