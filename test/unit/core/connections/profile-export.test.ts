import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProfile, importProfileText, profileJsonSchema } from '../../../../src/core/connections';
import { PROFILE_FILE_FORMAT } from '../../../../src/shared/connections';
import { checkJsonSchema } from './json-schema-check';
import { CLIENT_SECRET, drafts, NOW, PFX_BASE64, PFX_PASSWORD } from './fixtures';
import { openStore } from './store-host';

const schemaFile = join(import.meta.dirname, '../../../../docs/profile.schema.json');
const documented = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;

function storeWithAllThree() {
  const host = openStore();
  const ids = [
    host.store.create({ ...drafts.certificate(), secrets: { pfx: PFX_BASE64, pfxPassword: PFX_PASSWORD } }).entry.id,
    host.store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } }).entry.id,
    host.store.create({ ...drafts['byo-app'](), secrets: { clientSecret: CLIENT_SECRET } }).entry.id,
  ];
  return { host, ids };
}

describe('profile export and import', () => {
  it('docs/profile.schema.json is the schema the code generates', () => {
    expect(documented).toEqual(JSON.parse(JSON.stringify(profileJsonSchema())));
    expect(documented.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('exports each option as JSON that matches the documented schema and holds none of the secret bytes', () => {
    const { host, ids } = storeWithAllThree();
    const forbidden = [
      CLIENT_SECRET,
      Buffer.from(CLIENT_SECRET).toString('base64'),
      PFX_PASSWORD,
      Buffer.from(PFX_PASSWORD).toString('base64'),
      PFX_BASE64,
      PFX_BASE64.slice(8, 40),
      Buffer.from(PFX_BASE64, 'base64').toString('latin1'),
      Buffer.from(PFX_BASE64, 'base64').toString('hex'),
    ];
    for (const id of ids) {
      const text = host.store.exportText(id);
      const data = JSON.parse(text) as Record<string, unknown>;
      expect(checkJsonSchema(documented, data)).toEqual([]);
      expect(data).toMatchObject({ format: PROFILE_FILE_FORMAT, schemaVersion: 1 });
      expect(data).not.toHaveProperty('id');
      for (const secret of forbidden) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/PRIVATE KEY/);
    }
    const byo = JSON.parse(host.store.exportText(ids[2] as string)) as Record<string, unknown>;
    expect(byo).toMatchObject({
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
      secretsNotIncluded: ['clientSecret'],
    });
  });

  it('the schema refuses what is not a profile file', () => {
    expect(checkJsonSchema(documented, { format: 'gcw-profile', schemaVersion: 1, auth: 'password' })).not.toEqual([]);
    expect(
      checkJsonSchema(documented, {
        format: 'gcw-profile',
        schemaVersion: 1,
        auth: 'client-credentials',
        clientSecret: CLIENT_SECRET,
      }),
    ).not.toEqual([]);
    expect(
      checkJsonSchema(documented, { format: 'gcw-profile', schemaVersion: 1, auth: 'client-credentials' }),
    ).toEqual([]);
  });

  it('imports an export back as a new profile with the same fields', () => {
    const { host, ids } = storeWithAllThree();
    for (const id of ids) {
      const before = host.store.get(id).profile;
      const imported = host.store.importText(host.store.exportText(id));
      expect(imported.entry.id).not.toBe(id);
      const { id: _a, createdAt: _b, updatedAt: _c, ...same } = before as NonNullable<typeof before>;
      expect(imported.entry.profile).toMatchObject(same);
      expect(imported.findings.map((f) => f.code)).not.toContain('file.unknown_field');
    }
    const cert = host.store.list().at(-3);
    expect(cert?.secrets).toEqual({ pfx: 'missing', pfxPassword: 'missing' });
  });

  it('reports unknown fields on import and leaves them out', () => {
    const text = JSON.stringify({
      ...exportProfile(openStore().store.create(drafts['byo-app']()).entry.profile!, { now: NOW }),
      favouriteColour: 'green',
    });
    const imported = importProfileText(text, { now: NOW });
    expect(imported.findings).toContainEqual(
      expect.objectContaining({ code: 'file.unknown_field', field: 'favouriteColour', severity: 'warning' }),
    );
    expect(imported.profile).not.toHaveProperty('favouriteColour');
  });

  it('keeps a readable profile from a newer version with a message, refuses an unreadable one', () => {
    const file = {
      ...exportProfile(openStore().store.create(drafts['client-credentials']()).entry.profile!, { now: NOW }),
      schemaVersion: 3,
      futureField: true,
    };
    const kept = importProfileText(JSON.stringify(file), { now: NOW });
    expect(kept.profile.schemaVersion).toBe(1);
    expect(kept.findings).toContainEqual(expect.objectContaining({ code: 'file.newer_version', severity: 'warning' }));
    expect(() => importProfileText(JSON.stringify({ ...file, auth: 'managed-identity' }))).toThrow(
      expect.objectContaining({ code: 'profile.newer_version' }),
    );
    expect(() => importProfileText(JSON.stringify({ ...file, schemaVersion: 1, auth: 'managed-identity' }))).toThrow(
      expect.objectContaining({ code: 'profile.invalid' }),
    );
    expect(() => importProfileText(JSON.stringify({ ...file, schemaVersion: 3, createdAt: 42 }))).not.toThrow();
    expect(() =>
      importProfileText(
        JSON.stringify({ ...file, schemaVersion: 3, format: 'gcw-profile', tenant: 1, scopes: 'x', name: 5 }),
      ),
    ).not.toThrow();
  });

  it('refuses a newer version it cannot read (profile.newer_version) and files that are not profiles (profile.not_a_profile)', () => {
    const file = { format: 'gcw-profile', schemaVersion: 2 } as Record<string, unknown>;
    expect(() => importProfileText(JSON.stringify(file))).toThrow(
      expect.objectContaining({ code: 'profile.newer_version' }),
    );
    expect(() => importProfileText('not json')).toThrow(expect.objectContaining({ code: 'profile.not_a_profile' }));
  });
});
