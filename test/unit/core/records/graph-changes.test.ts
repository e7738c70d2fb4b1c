// The connection record lists what was changed through Microsoft Graph: each run's requests (method, URL, status),
// what changed, when, who signed in, and how it ended from the evidence (read-back, rotation test, partial failure
// with how to finish and undo). A secret never appears, and the change log still reads entries written before.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphChangeLog } from '../../../../src/core/graph-apply/change-log';
import { buildConnectionRecord } from '../../../../src/core/records/build-record';
import { renderRecordHtml } from '../../../../src/core/records/render-html';
import { renderRecordMarkdown } from '../../../../src/core/records/render-markdown';
import { confBackendFactory } from '../../../../src/core/storage/conf-backend';
import type { GraphChangeEntry } from '../../../../src/shared/contract/graph';
import { CLIENT_SECRET, drafts, NOW } from '../connections/fixtures';
import { openStore } from '../connections/store-host';

const APP = '5b0f8a5e-3c1d-4f7e-9a2b-1c2d3e4f5a6b';
const GRAPH = 'https://graph.microsoft.com/v1.0';
const ok = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, status: number) => ({
  method,
  url,
  status,
  ok: true,
  graphCode: null,
});

const created: GraphChangeEntry = {
  at: '2026-01-14T09:00:00.000Z',
  action: 'create',
  appId: APP,
  account: 'admin@contoso.onmicrosoft.com',
  changes: [
    { field: 'web.redirectUris', added: ['http://localhost'], removed: [], kept: [], findings: [] },
    { field: 'passwordCredentials', added: ['new client secret (6 months)'], removed: [], kept: [], findings: [] },
  ],
  created: [{ kind: 'application', id: 'obj-1', label: 'App registration “Robot”' }],
  failed: false,
  requests: [
    ok('POST', `${GRAPH}/applications`, 201),
    ok('POST', `${GRAPH}/applications/obj-1/addPassword`, 200),
    ok('POST', `${GRAPH}/servicePrincipals`, 201),
  ],
  readBack: { error: 0, warning: 1 },
  test: null,
  finish: null,
  undo: [],
};

const rotated: GraphChangeEntry = {
  ...created,
  at: '2026-03-01T10:00:00.000Z',
  action: 'rotate',
  changes: [
    {
      field: 'passwordCredentials',
      added: ['new client secret (12 months)'],
      removed: [],
      kept: ['abc… (keyId k-1)'],
      findings: [],
    },
  ],
  created: [{ kind: 'passwordCredential', id: 'k-2', label: 'Client secret k-2' }],
  requests: [ok('POST', `${GRAPH}/applications/obj-1/addPassword`, 200)],
  readBack: { error: 0, warning: 0 },
  test: { ok: true, summary: 'App-only sign-in with the new secret worked.' },
};

const failedCreate: GraphChangeEntry = {
  ...created,
  at: '2026-01-13T08:00:00.000Z',
  appId: null,
  requests: [
    ok('POST', `${GRAPH}/applications`, 201),
    {
      method: 'POST',
      url: `${GRAPH}/servicePrincipals`,
      status: 403,
      ok: false,
      graphCode: 'Authorization_RequestDenied',
    },
  ],
  readBack: null,
  failed: true,
  finish: 'Not done: POST /servicePrincipals. Fix the cause, then run Repair on the profile.',
  undo: [`App registration “Robot”: DELETE ${GRAPH}/applications/obj-0`],
};

function recordWith(graphChanges: GraphChangeEntry[] | null) {
  const { store } = openStore();
  const entry = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } }).entry;
  return buildConnectionRecord({
    entry,
    history: [],
    verification: null,
    graphChanges,
    now: NOW,
    generator: 'Graph Connection Workbench 1.2.3',
  });
}

describe('the record’s changes through Microsoft Graph', () => {
  it('lists each run newest first: what, when, who, the requests with their statuses, and the evidence of how it ended', () => {
    const record = recordWith([rotated, created]);
    expect(record.graphChanges).toHaveLength(2);
    const [rotation, creation] = record.graphChanges ?? [];
    expect(rotation).toMatchObject({
      at: rotated.at,
      action: 'Added a new credential (rotation)',
      account: 'admin@contoso.onmicrosoft.com',
      appId: APP,
      failed: false,
    });
    expect(rotation?.result).toBe(
      '1 request answered with success. Read back afterwards: 0 errors, 0 warnings. Sign-in test with the new credential passed: App-only sign-in with the new secret worked.',
    );
    expect(creation?.requests).toEqual([
      `POST ${GRAPH}/applications → 201`,
      `POST ${GRAPH}/applications/obj-1/addPassword → 200`,
      `POST ${GRAPH}/servicePrincipals → 201`,
    ]);
    expect(creation?.changes).toEqual([
      'web.redirectUris: added http://localhost',
      'passwordCredentials: added new client secret (6 months)',
    ]);
    expect(creation?.result).toBe('3 requests answered with success. Read back afterwards: 0 errors, 1 warning.');

    const md = renderRecordMarkdown(record);
    expect(md).toContain('## Changes through Microsoft Graph');
    expect(md).toContain('### 2026-03-01 10:00 UTC: Added a new credential (rotation)');
    expect(md).toContain(`- POST ${GRAPH}/applications → 201`);
    expect(md).toContain('| Signed in as | admin@contoso.onmicrosoft.com |');
    expect(md.indexOf('2026-03-01 10:00 UTC')).toBeLessThan(md.indexOf('2026-01-14 09:00 UTC: Created'));
    const html = renderRecordHtml(record);
    expect(html).toContain('<h2>Changes through Microsoft Graph</h2>');
    expect(html).toContain('<h3>2026-01-14 09:00 UTC: Created the app registration</h3>');
    expect(html).toContain(`<li>POST ${GRAPH}/applications/obj-1/addPassword → 200</li>`);
    for (const text of [JSON.stringify(record), md, html]) expect(text).not.toContain(CLIENT_SECRET);
  });

  it('a run that stopped part-way says where it failed, what it created, how to finish and how to undo; its changes were only planned', () => {
    const [entry] = recordWith([failedCreate]).graphChanges ?? [];
    expect(entry?.action).toBe('Creating the app registration stopped part-way');
    expect(entry?.result).toBe(
      `Failed at POST ${GRAPH}/servicePrincipals (403 Authorization_RequestDenied). It created: App registration “Robot” (obj-1). To finish: Not done: POST /servicePrincipals. Fix the cause, then run Repair on the profile. Not read back afterwards, so not verified.`,
    );
    expect(entry?.changes[0]).toBe('web.redirectUris: planned to add http://localhost');
    expect(entry?.undo).toEqual([`App registration “Robot”: DELETE ${GRAPH}/applications/obj-0`]);
    const md = renderRecordMarkdown(recordWith([failedCreate]));
    expect(md).toContain('To undo what it created:');
    const section = md.slice(md.indexOf('## Changes through Microsoft Graph'));
    expect(section).not.toMatch(/(?<!not )verified|Created the app registration/);
  });

  it('says “none” when nothing was changed, and “not known” when the record was made without the app’s change log', () => {
    expect(renderRecordMarkdown(recordWith([]))).toContain(
      '## Changes through Microsoft Graph\n\nNone: the Workbench has not changed',
    );
    expect(recordWith(null).graphChanges).toBeNull();
    expect(renderRecordHtml(recordWith(null))).toContain(
      '<p>Not known: this record was made without the Workbench app’s change log',
    );
  });

  it('the change log reads entries written before requests and results were logged, and keeps new ones', () => {
    const directory = mkdtempSync(join(tmpdir(), 'gcw-graph-changes-'));
    const { requests: _r, readBack: _b, test: _t, finish: _f, undo: _u, ...old } = created;
    void [_r, _b, _t, _f, _u];
    writeFileSync(join(directory, 'graph-changes.json'), JSON.stringify({ version: 1, profiles: { p1: [old] } }));
    const log = new GraphChangeLog({ directory, backend: confBackendFactory(directory) });
    expect(log.notices).toEqual([]);
    const [read] = log.list('p1');
    expect(read).toMatchObject({ action: 'create', requests: [], readBack: null, test: null, finish: null, undo: [] });
    expect(recordWith(log.list('p1')).graphChanges?.[0]?.result).toBe(
      'Completed (the requests were not logged by this version).',
    );
    log.add('p1', rotated);
    expect(
      new GraphChangeLog({ directory, backend: confBackendFactory(directory) }).list('p1').map((e) => e.action),
    ).toEqual(['rotate', 'create']);
  });
});
