// The connection record through the dispatcher: built from the profile, its test history and its last verification
// (kept across a restart), exported as Markdown, HTML or PDF to an owner-only file through the save dialog — never a secret.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadFile } from '../../../../src/shared/download';
import { describe, expect, it } from 'vitest';
import { renderRecordHtml } from '../../../../src/core/records/render-html';
import type { SavedProfileResult } from '../../../../src/shared/contract/profiles';
import type { ConnectionRecord } from '../../../../src/shared/records';
import { CLIENT_SECRET, drafts, NOW } from '../connections/fixtures';
import { APP_ID, goodSpec, manifestJson, TENANT_ID } from '../registration/manifest-builders';
import { openContractHost, type ContractHost } from './contract-host';

const FAKE_PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% a printed record\n%%EOF\n', 'latin1'));

async function byoProfile(h: ContractHost): Promise<string> {
  const saved = await h.ok<SavedProfileResult>('profiles.create', {
    ...drafts['byo-app'](),
    clientId: APP_ID,
    tenant: TENANT_ID,
    domain: 'contoso.com',
    secretExpiresAt: '2026-06-30',
    secrets: { clientSecret: CLIENT_SECRET },
  });
  return saved.entry.id;
}

function printerDouble(answer: () => Promise<Uint8Array>) {
  const printed: string[] = [];
  return { printed, print: (html: string) => (printed.push(html), answer()) };
}

describe('records contract', () => {
  it('builds the record from the profile, its history and the last verification, which survives a restart', async () => {
    const h = openContractHost();
    const id = await byoProfile(h);
    const empty = await h.ok<ConnectionRecord>('records.get', { profileId: id });
    expect(empty).toMatchObject({
      profileId: id,
      authLabel: 'Bring your own OAuth 2.0 app',
      clientId: APP_ID,
      tenant: TENANT_ID,
      redirectUri: 'https://contoso.com/provisioning_/callback',
      verification: null,
      lastSuccessfulTest: null,
      generatedAt: NOW.toISOString(),
      generator: 'Graph Connection Workbench 0.0.0-test',
    });
    expect(empty.secretExpiry).toMatchObject({ expiresAt: '2026-06-30T00:00:00.000Z', status: 'ok' });

    const spec = goodSpec();
    spec.redirects = [{ uri: 'https://contoso.com/provisioning_/callback/', platform: 'web' }];
    await h.ok('verify.run', { profileId: id, manifest: { fileName: 'app.json', text: manifestJson(spec, 'graph') } });
    h.ctx.signin.store.record(id, {
      runId: 'r1',
      at: '2026-01-14T10:00:00.000Z',
      flow: 'interactive',
      client: 'secret',
      ok: true,
      code: null,
      aadsts: null,
      summary: 'Signed in as robot@contoso.com.',
      user: 'robot@contoso.com',
      granted: ['User.Read', 'Files.Read'],
      missing: [],
      extra: [],
      durationMs: 900,
    });
    const later = h.restart();
    const record = await later.ok<ConnectionRecord>('records.get', { profileId: id });
    expect(record.verification?.fileName).toBe('app.json');
    expect(record.verification?.openFindings.map((f) => f.code)).toContain('redirect.trailing_slash');
    expect(record.lastSuccessfulTest).toMatchObject({
      test: 'Delegated sign-in',
      at: '2026-01-14T10:00:00.000Z',
      user: 'robot@contoso.com',
    });
    expect(record.permissions.find((p) => p.value === 'Files.Read')).toMatchObject({
      consent: 'granted',
      kind: 'delegated',
      adminConsentRequired: false,
    });
    expect(JSON.stringify(later.calls.map((c) => c.result))).not.toContain(CLIENT_SECRET);
  });

  it('exports Markdown and HTML to owner-only files where the dialog says, and PDF through the printer', async () => {
    const h = openContractHost();
    const id = await byoProfile(h);
    const printer = printerDouble(async () => FAKE_PDF);
    h.ctx.pdf = printer;
    const files = {
      markdown: join(h.dataDirectory, 'r.md'),
      html: join(h.dataDirectory, 'r.html'),
      pdf: join(h.dataDirectory, 'r.pdf'),
    };
    for (const format of ['markdown', 'html', 'pdf'] as const) {
      h.dialogs.saveQueue.push(files[format]);
      const out = await h.ok<{ path: string; format: string; bytes: number }>('records.export', {
        profileId: id,
        format,
      });
      expect(out).toEqual({ path: files[format], format, bytes: statSync(files[format]).size });
      expect(statSync(files[format]).mode & 0o777).toBe(0o600);
    }
    const md = readFileSync(files.markdown, 'utf8');
    expect(md).toMatch(/^# Connection record: Contoso own app\n/);
    expect(md).toContain(
      '| Client secret | Stored in the OS keychain of the computer that made this record (not in this record) |',
    );
    const html = readFileSync(files.html, 'utf8');
    expect(printer.printed).toEqual([html]);
    expect(html).toBe(renderRecordHtml(await h.ok<ConnectionRecord>('records.get', { profileId: id })));
    expect(readFileSync(files.pdf)).toEqual(Buffer.from(FAKE_PDF));
    for (const f of Object.values(files)) expect(readFileSync(f, 'utf8')).not.toContain(CLIENT_SECRET);
  });

  it('renders Markdown and HTML for the browser to download (gcw ui): the same text the save dialog path writes, no dialog', async () => {
    const h = openContractHost();
    const id = await byoProfile(h);
    const md = join(h.dataDirectory, 'r.md');
    h.dialogs.saveQueue.push(md);
    await h.ok('records.export', { profileId: id, format: 'markdown' });
    const markdown = await h.ok<DownloadFile>('records.render', { profileId: id, format: 'markdown' });
    expect(markdown).toEqual({
      fileName: 'Contoso-own-app-connection-record.md',
      mediaType: 'text/markdown',
      text: readFileSync(md, 'utf8'),
    });
    const html = await h.ok<DownloadFile>('records.render', { profileId: id, format: 'html' });
    expect(html).toEqual({
      fileName: 'Contoso-own-app-connection-record.html',
      mediaType: 'text/html',
      text: renderRecordHtml(await h.ok<ConnectionRecord>('records.get', { profileId: id })),
    });
    expect(JSON.stringify([markdown, html])).not.toContain(CLIENT_SECRET);
    // PDF has no browser rendering: the page prints the HTML record instead.
    expect(await h.call('records.render', { profileId: id, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_input' },
    });
    expect(h.dialogs.saveQueue).toEqual([]);
  });

  it('without a printer (the CLI host) PDF says what to do instead, before any dialog opens', async () => {
    const h = openContractHost();
    const id = await byoProfile(h);
    h.dialogs.saveQueue.push(join(h.dataDirectory, 'never.pdf'));
    const result = await h.call('records.export', { profileId: id, format: 'pdf' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'record.pdf_unavailable', message: expect.stringContaining('Export the record as HTML') },
    });
    expect(h.dialogs.saveQueue).toHaveLength(1);
  });

  it('a printer that fails or answers with something else than a PDF is record.pdf_failed', async () => {
    const h = openContractHost();
    const id = await byoProfile(h);
    h.ctx.pdf = printerDouble(() => Promise.reject(new Error('renderer crashed')));
    expect(await h.call('records.export', { profileId: id, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'record.pdf_failed' },
    });
    h.ctx.pdf = printerDouble(async () => new Uint8Array(Buffer.from('<html>not a pdf</html>')));
    expect(await h.call('records.export', { profileId: id, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'record.pdf_failed' },
    });
  });

  it('a cancelled dialog writes nothing; an unknown profile is profile.not_found', async () => {
    const h = openContractHost();
    const id = await byoProfile(h);
    expect(await h.call('records.export', { profileId: id, format: 'markdown' })).toMatchObject({
      ok: false,
      error: { code: 'dialog.cancelled' },
    });
    expect(await h.call('records.get', { profileId: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'profile.not_found' },
    });
    expect(await h.call('records.export', { profileId: id, format: 'docx' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_input' },
    });
  });

  it('names the file after the profile', async () => {
    const h = openContractHost();
    const saved = await h.ok<SavedProfileResult>('profiles.create', {
      ...drafts.certificate(),
      name: 'Contoso / robot: “prod”',
    });
    const seen: string[] = [];
    h.ctx.dialogs.saveFile = async (options) => (seen.push(options.defaultPath), null);
    await h.call('records.export', { profileId: saved.entry.id, format: 'html' });
    expect(seen[0]).toMatch(/Contoso-robot-prod-connection-record\.html$/);
  });
});
