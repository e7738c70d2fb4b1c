// The connection record from a profile, its test history and its last verification: every field, the consent logic,
// and never a secret (client secret, PFX bytes, PFX password, tokens) in the record or its Markdown and HTML.
import { describe, expect, it } from 'vitest';
import { buildConnectionRecord } from '../../../../src/core/records/build-record';
import { renderRecordHtml } from '../../../../src/core/records/render-html';
import { renderRecordMarkdown } from '../../../../src/core/records/render-markdown';
import type { SigninHistoryEntry } from '../../../../src/shared/contract/signin';
import type { RecordVerification } from '../../../../src/shared/records';
import {
  CERTIFICATE,
  CLIENT_ID,
  CLIENT_SECRET,
  drafts,
  NOW,
  PFX_BASE64,
  PFX_PASSWORD,
  TENANT_ID,
} from '../connections/fixtures';
import { openStore } from '../connections/store-host';
import { reportStyle } from '../../../../src/core/report-html';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl';

function entry(
  at: string,
  flow: SigninHistoryEntry['flow'],
  ok: boolean,
  extra: Partial<SigninHistoryEntry> = {},
): SigninHistoryEntry {
  return {
    runId: `run-${at}`,
    at,
    flow,
    client: 'secret',
    ok,
    code: ok ? null : 'aadsts.7000215',
    aadsts: ok ? null : 7000215,
    summary: ok ? 'It worked.' : 'It failed.',
    user: null,
    granted: [],
    missing: [],
    extra: [],
    durationMs: 120,
    ...extra,
  };
}

const verification: RecordVerification = {
  checkedAt: '2026-01-14T09:30:00.000Z',
  fileName: 'contoso-manifest.json',
  appName: 'Contoso robot',
  counts: { error: 1, warning: 1, info: 2 },
  openFindings: [
    {
      severity: 'error',
      code: 'redirect.byo_callback_missing',
      message: 'The connector’s redirect URI is not registered.',
      fix: 'Add it under Authentication → Web.',
    },
    {
      severity: 'warning',
      code: 'public_client.enabled_for_confidential',
      message: 'Public client flows are on <b>here</b>.',
      fix: 'Set them to No.',
    },
  ],
};

function storeWith() {
  const host = openStore();
  const cert = host.store.create({
    ...drafts.certificate(),
    appOnlyPermissions: ['Files.Read.All'],
    secrets: { pfx: PFX_BASE64, pfxPassword: PFX_PASSWORD },
  });
  const secret = host.store.create({
    ...drafts['client-credentials'](),
    secretExpiresAt: '2026-02-01',
    appOnlyPermissions: ['Sites.Read.All'],
    secrets: { clientSecret: CLIENT_SECRET },
  });
  const byo = host.store.create({
    ...drafts['byo-app'](),
    notes: 'Owner: <team> | ops',
    secrets: { clientSecret: CLIENT_SECRET },
  });
  return { host, cert: cert.entry, secret: secret.entry, byo: byo.entry };
}

const generator = 'Graph Connection Workbench 1.2.3';

describe('connection record', () => {
  it('a certificate profile: identity, cloud, UPN, thumbprints and expiry, where the PFX is, scopes by kind, tests and findings', () => {
    const { cert } = storeWith();
    const history = [
      entry('2026-01-14T10:05:00.000Z', 'client-credentials', true, {
        client: 'certificate',
        granted: ['Files.Read.All'],
        summary: 'App-only token with the certificate.',
      }),
      entry('2026-01-14T10:00:00.000Z', 'interactive', true, {
        client: 'certificate',
        granted: ['User.Read', 'Files.Read'],
        user: 'robot@contoso.com',
        summary: 'Signed in as robot@contoso.com.',
      }),
    ];
    const record = buildConnectionRecord({ entry: cert, history, verification, now: NOW, generator });
    expect(record).toMatchObject({
      generatedAt: NOW.toISOString(),
      generator,
      profileId: cert.id,
      profileName: 'Contoso certificate',
      auth: 'certificate',
      authLabel: 'Client certificate',
      clientId: CLIENT_ID,
      tenant: 'contoso.onmicrosoft.com',
      environment: {
        id: 'office365',
        label: 'Office 365 (global)',
        connectorLabel: 'Office 365',
        loginHost: 'login.microsoftonline.com',
        graphHost: 'graph.microsoft.com',
      },
      upn: 'robot@contoso.com',
      domain: null,
      redirectUri: null,
      audience: null,
      certificate: {
        subject: CERTIFICATE.subject,
        thumbprintSha1: CERTIFICATE.thumbprintSha1,
        thumbprintSha256: CERTIFICATE.thumbprintSha256,
        expiry: { expiresAt: CERTIFICATE.notAfter, daysLeft: 365, status: 'ok' },
        fileName: 'robot.pfx',
      },
      secrets: [
        { name: 'pfx', state: 'stored' },
        { name: 'pfxPassword', state: 'stored' },
      ],
      secretExpiry: null,
      lastSuccessfulTest: {
        at: '2026-01-14T10:05:00.000Z',
        test: 'App-only test',
        ok: true,
        summary: 'App-only token with the certificate.',
        user: null,
      },
      lastTest: { at: '2026-01-14T10:05:00.000Z', test: 'App-only test' },
      verification,
    });
    expect(record.permissions).toEqual([
      {
        value: 'offline_access',
        kind: 'delegated',
        adminConsentRequired: false,
        consent: 'granted',
        seenIn: 'Delegated sign-in, 2026-01-14 10:00 UTC',
      },
      {
        value: 'User.Read',
        kind: 'delegated',
        adminConsentRequired: false,
        consent: 'granted',
        seenIn: 'Delegated sign-in, 2026-01-14 10:00 UTC',
      },
      {
        value: 'Files.Read',
        kind: 'delegated',
        adminConsentRequired: false,
        consent: 'granted',
        seenIn: 'Delegated sign-in, 2026-01-14 10:00 UTC',
      },
      {
        value: 'Files.Read.All',
        kind: 'application',
        adminConsentRequired: true,
        consent: 'granted',
        seenIn: 'App-only test, 2026-01-14 10:05 UTC',
      },
    ]);
    expect(record.consent.state).toBe('granted');
    expect(record.consent.summary).toBe(
      'Granted: 4 of 4 permissions (seen in: Delegated sign-in, 2026-01-14 10:00 UTC; App-only test, 2026-01-14 10:05 UTC).',
    );
  });

  it('a client-credentials profile: secret expiry with its warning, a missing application permission, the last failed test after the last good one', () => {
    const { secret } = storeWith();
    const history = [
      entry('2026-01-14T12:00:00.000Z', 'client-credentials', false, { summary: 'Invalid client secret.' }),
      entry('2026-01-14T11:00:00.000Z', 'client-credentials', true, {
        granted: [],
        missing: ['Sites.Read.All'],
        summary: '0 of 1 required application permission(s) granted; missing: Sites.Read.All.',
      }),
    ];
    const record = buildConnectionRecord({ entry: secret, history, verification: null, now: NOW, generator });
    expect(record.certificate).toBeNull();
    expect(record.upn).toBeNull();
    expect(record.secrets).toEqual([{ name: 'clientSecret', state: 'stored' }]);
    expect(record.secretExpiry).toEqual({
      expiresAt: '2026-02-01T00:00:00.000Z',
      daysLeft: 17,
      status: 'within-30-days',
    });
    expect(record.permissions).toEqual([
      {
        value: 'offline_access',
        kind: 'delegated',
        adminConsentRequired: false,
        consent: 'not-verified',
        seenIn: null,
      },
      { value: 'Files.Read', kind: 'delegated', adminConsentRequired: false, consent: 'not-verified', seenIn: null },
      {
        value: 'Sites.Read.All',
        kind: 'application',
        adminConsentRequired: true,
        consent: 'missing',
        seenIn: 'App-only test, 2026-01-14 11:00 UTC',
      },
    ]);
    expect(record.consent).toEqual({
      state: 'partly-granted',
      summary:
        'Granted: 0 of 3 permissions. Missing from the token: Sites.Read.All. Not verified: offline_access, Files.Read.',
    });
    expect(record.lastSuccessfulTest?.at).toBe('2026-01-14T11:00:00.000Z');
    expect(record.lastTest).toMatchObject({ at: '2026-01-14T12:00:00.000Z', ok: false });
    expect(record.verification).toBeNull();
  });

  it('a bring-your-own app: domain, redirect URI and audience; admin consent counts as granted; nothing tested says “not verified”', () => {
    const { byo } = storeWith();
    const untested = buildConnectionRecord({ entry: byo, history: [], verification: null, now: NOW, generator });
    expect(untested).toMatchObject({
      domain: 'cloud.example.com',
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
      audience: 'single-tenant',
      upn: null,
      lastSuccessfulTest: null,
      lastTest: null,
    });
    expect(untested.consent).toEqual({
      state: 'not-verified',
      summary: 'Not verified: no sign-in, app-only or admin consent test has succeeded for this profile yet.',
    });
    expect(untested.permissions.every((p) => p.consent === 'not-verified')).toBe(true);
    const consented = buildConnectionRecord({
      entry: byo,
      history: [entry('2026-01-14T08:00:00.000Z', 'admin-consent', true)],
      verification: null,
      now: NOW,
      generator,
    });
    expect(consented.consent.state).toBe('granted');
    expect(consented.permissions.map((p) => p.seenIn)).toEqual(Array(4).fill('Admin consent, 2026-01-14 08:00 UTC'));
  });

  it('says what was not proven: no verification and no test, a failed test, an edit after the test; and when all is proven', () => {
    const { byo } = storeWith();
    const untested = buildConnectionRecord({ entry: byo, history: [], verification: null, now: NOW, generator });
    expect(untested.notProven).toEqual([
      'The app registration was not verified: no manifest check was run against this profile.',
      'No sign-in test has run: nothing proves the connection signs in.',
    ]);
    const markdown = renderRecordMarkdown(untested);
    expect(markdown).toContain('## Not proven yet\n\n- The app registration was not verified');
    expect(renderRecordHtml(untested)).toContain('<h2>Not proven yet</h2>');
    const failed = buildConnectionRecord({
      entry: byo,
      history: [entry('2026-01-16T08:00:00.000Z', 'interactive', false)],
      verification: {
        ...verification,
        checkedAt: '2026-01-16T07:00:00.000Z',
        counts: { error: 0, warning: 0, info: 0 },
      },
      now: NOW,
      generator,
    });
    expect(failed.notProven).toEqual(['The last test (Delegated sign-in) failed.']);
    const edited = buildConnectionRecord({
      entry: byo,
      history: [entry('2026-01-14T08:00:00.000Z', 'interactive', true)],
      verification: null,
      now: NOW,
      generator,
    });
    expect(edited.notProven).toContain('The profile was edited after the last successful test.');
    const proven = buildConnectionRecord({
      entry: byo,
      history: [entry('2026-01-16T08:00:00.000Z', 'interactive', true)],
      verification: {
        ...verification,
        checkedAt: '2026-01-16T07:00:00.000Z',
        counts: { error: 0, warning: 1, info: 0 },
      },
      now: NOW,
      generator,
    });
    expect(proven.notProven).toEqual([]);
    expect(renderRecordMarkdown(proven)).toContain(
      '## Proven\n\n- The last test passed after the last edit, and the last manifest check found no errors.',
    );
  });

  it('an expired certificate and a custom cloud are named as such', () => {
    const host = openStore();
    const saved = host.store.create({
      ...drafts.certificate(),
      environment: 'custom',
      customHosts: { loginHost: 'login.example.net', graphHost: 'graph.example.net' },
      certificate: { ...CERTIFICATE, notAfter: '2026-01-10T00:00:00.000Z' },
    });
    const record = buildConnectionRecord({ entry: saved.entry, history: [], verification: null, now: NOW, generator });
    expect(record.environment).toEqual({
      id: 'custom',
      label: 'Custom',
      connectorLabel: null,
      loginHost: 'login.example.net',
      graphHost: 'graph.example.net',
    });
    expect(record.certificate?.expiry).toEqual({
      expiresAt: '2026-01-10T00:00:00.000Z',
      daysLeft: -5,
      status: 'expired',
    });
    expect(renderRecordMarkdown(record)).toContain('| Certificate expires | 2026-01-10 (expired 5 days ago) |');
    expect(record.secrets).toEqual([
      { name: 'pfx', state: 'missing' },
      { name: 'pfxPassword', state: 'missing' },
    ]);
  });

  it('Markdown and HTML hold every field, escape what the admin typed, and hold no secret', () => {
    const { host, cert, secret, byo } = storeWith();
    const history = [
      entry('2026-01-14T10:00:00.000Z', 'interactive', true, { granted: ['User.Read'], summary: 'Signed in.' }),
    ];
    for (const e of [cert, secret, byo]) {
      const record = buildConnectionRecord({ entry: e, history, verification, now: NOW, generator });
      const md = renderRecordMarkdown(record);
      const html = renderRecordHtml(record);
      for (const text of [
        record.profileName,
        record.authLabel,
        record.clientId,
        record.tenant,
        'Office 365 (global)',
        'Consent status',
        'Last successful test',
        'redirect.byo_callback_missing',
        'public_client.enabled_for_confidential',
      ]) {
        expect(md).toContain(text);
        expect(html).toContain(text);
      }
      for (const p of record.permissions)
        expect(md).toContain(`| ${p.value} | ${p.kind === 'delegated' ? 'Delegated' : 'Application'} |`);
      const stored = Object.keys(e.secrets).map((name) => host.store.readSecret(e.id, name as 'clientSecret'));
      for (const value of [...stored, CLIENT_SECRET, PFX_BASE64, PFX_PASSWORD, TOKEN]) {
        expect(JSON.stringify(record)).not.toContain(value);
        expect(md).not.toContain(value);
        expect(html).not.toContain(value);
      }
    }
    const byoRecord = buildConnectionRecord({ entry: byo, history, verification, now: NOW, generator });
    const md = renderRecordMarkdown(byoRecord);
    const html = renderRecordHtml(byoRecord);
    // What the admin typed cannot break the table or inject markup.
    expect(md).toContain('Owner: \\<team\\> \\| ops');
    expect(html).toContain('Owner: &lt;team&gt; | ops');
    expect(html).toContain('Public client flows are on &lt;b&gt;here&lt;/b&gt;.');
    expect(html).not.toContain('<b>here</b>');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('@media print');
    // One stylesheet for every report (the verify report uses the same).
    expect(html).toContain(`<style>${reportStyle}</style>`);
    expect(md).toContain('| Redirect URI (Web) | https://cloud.example.com/provisioning\\_/callback |');
    expect(md).toContain('| Who may sign in | Single-tenant |');
    expect(md).toContain('| Client secret expires | Not recorded: add it to the profile for reminders |');
    expect(md).toContain(`| Tenant | ${TENANT_ID} |`);
  });
});
