import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Notice } from '../../shared/contract/app';
import {
  PROFILE_SCHEMA_VERSION,
  redirectUriFor,
  secretNamesFor,
  type Profile,
  type ProfileEntry,
  type ProfileFinding,
  type ProfileInput,
  type ProfileInputDraft,
  type SecretHostChange,
  type SecretName,
  type SecretState,
} from '../../shared/connections';
import { profileInputSchema } from '../../shared/connections-schema';
import { WorkbenchError } from '../errors';
import type { ConfirmQuestion } from '../os/ports';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';
import type { ConnectionSheet, ExpiryRow } from '../../shared/connections';
import { buildConnectionSheet } from './connection-sheet';
import { expiryRows } from './expiry-view';
import { buildProfile, normalizeInput } from './profile-build';
import { exportProfileText, importProfileText } from './profile-export';
import { changesSecrets, isSameProfile } from './profile-change';
import { readRecord, toRecord, type RecordReading } from './profile-records';
import { matchesQuery } from './profile-search';
import { ProfileSecrets, type ProfileVault } from './profile-secrets';
import { hostChangeOutcome, hostChangeQuestion, hostMismatchMessage, profileHostsKey } from './secret-hosts';
import { validateProfile } from './validation/validate-profile';

const documentSchema = z.object({
  version: z.literal(1),
  profiles: z.array(z.unknown()),
  /** Ids deleted in a session that ended without undo: their vault secrets are removed at the next start. */
  pendingPurge: z.array(z.string()).default([]),
});
type ProfilesDocument = z.infer<typeof documentSchema>;

interface StoredRecord {
  key: string;
  raw: unknown;
  reading: RecordReading;
}

/** A saved profile and the validation of what was saved. */
export interface SavedProfile {
  entry: ProfileEntry;
  findings: ProfileFinding[];
  /** Set when an update changed the sign-in or Graph host. */
  hostChange?: SecretHostChange;
}

/** A stored secret an update would keep although it was saved for other hosts; `value` is null when it cannot be decrypted now. */
interface SecretElsewhere {
  name: SecretName;
  value: string | null;
  from: string;
}

/** Connection profiles in `profiles.json` (no secrets) with their secrets in the vault. */
export class ProfileStore {
  private readonly doc: JsonDocument<ProfilesDocument>;
  private readonly secrets: ProfileSecrets;
  private records: StoredRecord[] = [];
  private readonly trash = new Map<string, { record: StoredRecord; index: number; deletedAt: string }>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private unreadableCount = 0;
  /** Notices from opening the store: recovered file, damaged entries, purged secrets. */
  readonly notices: Notice[] = [];

  constructor(options: {
    directory: string;
    backend: StoreBackendFactory;
    vault: ProfileVault;
    now?: () => Date;
    newId?: () => string;
  }) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.secrets = new ProfileSecrets(options.vault);
    this.doc = openJsonDocument(
      {
        name: 'profiles',
        label: 'connection profiles',
        schema: documentSchema,
        currentVersion: 1,
        defaults: () => ({ version: 1, profiles: [], pendingPurge: [] }),
        repair: (raw) => {
          const profiles = Array.isArray(raw.profiles) ? raw.profiles : [];
          const purge = z.array(z.string()).safeParse(raw.pendingPurge);
          return {
            value: { version: 1, profiles, pendingPurge: purge.success ? purge.data : [] },
            reset: Array.isArray(raw.profiles) ? [] : ['profiles'],
          };
        },
      },
      { directory: options.directory, backend: options.backend, now: this.now },
    );
    this.notices.push(...this.doc.notices);
    this.records = this.doc.get().profiles.map((raw) => this.wrap(raw));
    this.purgePending();
    for (const r of this.records)
      if (r.reading.profile)
        this.secrets.bindLegacy(r.reading.profile.id, r.reading.profile.auth, profileHostsKey(r.reading.profile));
    const troubled = this.records.filter((r) => r.reading.status !== 'ok' || r.reading.problems.length > 0);
    if (troubled.length > 0) {
      this.notices.push({
        id: 'profiles.attention',
        severity: 'warning',
        title: 'Some connection profiles need attention',
        message: `${troubled.map((r) => r.reading.name).join(', ')}: see the Connections page. Nothing was removed from profiles.json.`,
      });
    }
    const unreadable = this.unreadableSecretsNotice();
    if (unreadable) this.notices.push(unreadable);
  }

  /** Profiles in file order, filtered by words (name, notes, client ID, tenant, UPN, domain, option, environment). */
  list(query = ''): ProfileEntry[] {
    return this.records.filter((r) => matchesQuery(r.reading, query)).map((r) => this.entry(r));
  }

  /** One profile; `profile.not_found` when there is none with this id. */
  get(id: string): ProfileEntry {
    return this.entry(this.find(id));
  }

  /** Create a profile from the form; secrets go to the vault. Saved even with errors, which come back as findings. */
  create(input: ProfileInputDraft): SavedProfile {
    const parsed = normalizeInput(parse(input));
    const now = this.now().toISOString();
    const profile = buildProfile(parsed, { id: this.newId(), createdAt: now, updatedAt: now });
    this.secrets.apply(profile.id, parsed.secrets, profileHostsKey(profile));
    const record = this.wrap(toRecord(profile, {}));
    this.records.push(record);
    this.save();
    return this.saved(record, parsed.secrets);
  }

  /**
   * Replace a profile's fields; unknown fields it had are kept. `profile.not_editable` for newer-version or damaged entries.
   * Stored secrets saved for other sign-in or Graph hosts than the profile now uses are removed, unless
   * `keepSecretsForNewHosts` (the admin's answer to `hostChangeQuestion`, asked by main) binds them to the new hosts.
   */
  update(id: string, input: ProfileInputDraft, options: { keepSecretsForNewHosts?: boolean } = {}): SavedProfile {
    const record = this.editable(id);
    const parsed = normalizeInput(parse(input));
    const old = record.reading.profile as Profile;
    const kept = buildProfile(parsed, { id: old.id, createdAt: old.createdAt, updatedAt: old.updatedAt });
    // A save that changes nothing keeps the edit time: the status model reads it as "changed since the test".
    const profile =
      isSameProfile(old, kept) && !changesSecrets(parsed.secrets)
        ? kept
        : { ...kept, updatedAt: this.now().toISOString() };
    const hosts = profileHostsKey(profile);
    const elsewhere = this.secretsElsewhere(old, parsed, hosts);
    const keep = options.keepSecretsForNewHosts === true;
    this.secrets.apply(profile.id, parsed.secrets, hosts);
    if (old.auth !== profile.auth) this.secrets.removeUnused(profile.id, profile.auth);
    for (const secret of elsewhere) {
      if (!keep) this.secrets.remove(profile.id, secret.name);
      else if (secret.value !== null) this.secrets.put(profile.id, secret.name, secret.value, hosts);
    }
    const index = this.records.indexOf(record);
    const next = this.wrap(toRecord(profile, record.reading.extras), record.key);
    this.records[index] = next;
    this.save();
    const saved = this.saved(next, parsed.secrets);
    const oldHosts = profileHostsKey(old);
    if (oldHosts !== hosts || elsewhere.length > 0) {
      saved.hostChange = hostChangeOutcome(
        elsewhere.map((s) => s.name),
        keep,
        elsewhere[0]?.from ?? oldHosts,
        hosts,
      );
    }
    return saved;
  }

  /** The native question to ask before `update` when it would keep stored secrets saved for other hosts; null when there is nothing to ask. */
  hostChangeQuestion(id: string, input: ProfileInputDraft): ConfirmQuestion | null {
    const record = this.editable(id);
    const parsed = normalizeInput(parse(input));
    const old = record.reading.profile as Profile;
    const elsewhere = this.secretsElsewhere(old, parsed, profileHostsKey(parsed));
    if (elsewhere.length === 0) return null;
    return hostChangeQuestion(
      parsed.name || old.name,
      elsewhere.map((s) => s.name),
      elsewhere[0]?.from ?? profileHostsKey(old),
      profileHostsKey(parsed),
    );
  }

  /** Copy a profile (and its readable secrets) under a new id; works for newer-version and readable damaged entries too. */
  duplicate(id: string, name?: string): SavedProfile & { skippedSecrets: SecretName[] } {
    const source = this.find(id);
    const from = source.reading.profile;
    if (!from)
      throw new WorkbenchError(
        'profile.not_editable',
        'This profile cannot be read well enough to copy. Correct profiles.json by hand or delete the entry.',
      );
    const now = this.now().toISOString();
    const profile: Profile = {
      ...from,
      id: this.newId(),
      schemaVersion: PROFILE_SCHEMA_VERSION,
      name: name ?? `${from.name} (copy)`,
      createdAt: now,
      updatedAt: now,
    };
    const skippedSecrets: SecretName[] = [];
    for (const secret of secretNamesFor[profile.auth]) {
      if (this.secrets.state(from.id, secret) !== 'stored') {
        if (this.secrets.state(from.id, secret) === 'unreadable') skippedSecrets.push(secret);
        continue;
      }
      const copy = this.secrets.bound(from.id, secret);
      this.secrets.put(profile.id, secret, copy.value, copy.hosts ?? profileHostsKey(from));
    }
    const record = this.wrap(toRecord(profile, {}));
    this.records.push(record);
    this.save();
    return { ...this.saved(record, {}), skippedSecrets };
  }

  /** Delete with undo: the profile leaves the list and the file; its secrets stay until `purgeDeleted`, the next start, or `restore`. */
  delete(id: string): { id: string; name: string } {
    const record = this.find(id);
    const index = this.records.indexOf(record);
    this.records.splice(index, 1);
    this.trash.set(record.key, { record, index, deletedAt: this.now().toISOString() });
    this.save();
    return { id: record.key, name: record.reading.name };
  }

  /** Undo a delete made in this session; `profile.not_deleted` when there is nothing to undo. */
  restore(id: string): ProfileEntry {
    const item = this.trash.get(id);
    if (!item)
      throw new WorkbenchError(
        'profile.not_deleted',
        'There is no deleted profile with this id to restore: it was never deleted, or the app was restarted since.',
      );
    if (this.records.some((r) => r.key === id))
      throw new WorkbenchError(
        'profile.not_deleted',
        'A profile with this id exists already, so the deleted one cannot come back.',
      );
    this.trash.delete(id);
    this.records.splice(Math.min(item.index, this.records.length), 0, item.record);
    this.save();
    return this.entry(item.record);
  }

  /** Profiles deleted in this session that can still be restored. */
  deleted(): Array<{ id: string; name: string; deletedAt: string }> {
    return [...this.trash.values()].map((t) => ({
      id: t.record.key,
      name: t.record.reading.name,
      deletedAt: t.deletedAt,
    }));
  }

  /** Make this session's deletes final now: their secrets leave the vault. */
  purgeDeleted(): void {
    const live = new Set(this.records.map((r) => r.reading.id));
    for (const { record } of this.trash.values())
      if (record.reading.id && !live.has(record.reading.id)) this.secrets.removeAll(record.reading.id);
    this.trash.clear();
    this.save();
  }

  /** A profile's secret, for copy, reveal or sign-in: `vault.not_found`, `vault.unavailable` or `vault.decrypt_failed` when it cannot be read. */
  readSecret(id: string, name: SecretName): string {
    const record = this.find(id);
    const profile = record.reading.profile;
    if (!profile || !secretNamesFor[profile.auth].includes(name)) {
      throw new WorkbenchError(
        'vault.not_found',
        `This profile has no ${name}: the ${profile?.auth ?? 'unknown'} option does not use it.`,
      );
    }
    return this.secrets.read(profile.id, name);
  }

  /**
   * A profile's secret for a sign-in test that sends it to `hosts` (see `secretHostsKey`): `profile.secret_host_changed`
   * when it was saved for other hosts (profiles.json changed outside the app), besides the errors of `readSecret`.
   */
  readSecretFor(id: string, name: SecretName, hosts: string): string {
    const value = this.readSecret(id, name);
    const profile = this.find(id).reading.profile as Profile;
    const bound = this.secrets.bound(profile.id, name).hosts ?? profileHostsKey(profile);
    if (bound !== hosts) {
      const { message, hint } = hostMismatchMessage(name, bound, hosts);
      throw new WorkbenchError('profile.secret_host_changed', message, { hint, details: { secret: name } });
    }
    return value;
  }

  /** Validate a stored profile with what the vault holds (stored secrets are checked for shape only). */
  validate(id: string, options: { appOnlyTest?: boolean } = {}): ProfileFinding[] {
    const record = this.find(id);
    const profile = record.reading.profile;
    if (!profile) return [];
    const storedSecrets = this.secrets.statesFor(profile.id, profile.auth);
    const secretInputs: Partial<Record<SecretName, string>> = {};
    if (storedSecrets.clientSecret === 'stored')
      secretInputs.clientSecret = this.secrets.read(profile.id, 'clientSecret');
    return validateProfile(profile, { now: this.now(), storedSecrets, secretInputs, appOnlyTest: options.appOnlyTest });
  }

  /**
   * Validate a form draft without saving it: typed secrets are checked for shape, and when `id` names a stored
   * profile the vault's state (and the stored client secret's shape) stands in for secret fields left empty.
   */
  validateDraft(
    input: ProfileInputDraft,
    options: { id?: string | null; appOnlyTest?: boolean } = {},
  ): ProfileFinding[] {
    const parsed = normalizeInput(parse(input));
    const { secrets: typed, ...fields } = parsed;
    const stored = options.id ? this.find(options.id).reading.profile : null;
    const storedSecrets: Partial<Record<SecretName, SecretState>> = stored
      ? this.secrets.statesFor(stored.id, parsed.auth)
      : { clientSecret: 'missing', pfx: 'missing', pfxPassword: 'missing' };
    const secretInputs: Partial<Record<SecretName, string | null>> = {};
    for (const [name, value] of Object.entries(typed) as Array<[SecretName, string | null | undefined]>) {
      if (typeof value === 'string' && value !== '') secretInputs[name] = value;
      else if (value === null) secretInputs[name] = null;
    }
    if (stored && secretInputs.clientSecret === undefined && storedSecrets.clientSecret === 'stored') {
      secretInputs.clientSecret = this.secrets.read(stored.id, 'clientSecret');
    }
    return validateProfile(
      { ...fields, ...(fields.auth === 'byo-app' ? { redirectUri: redirectUriFor(fields.domain) } : {}) },
      {
        now: this.now(),
        storedSecrets,
        secretInputs,
        appOnlyTest: options.appOnlyTest,
      },
    );
  }

  /** The redacted export of a profile (no secrets, no private key, no PFX bytes). */
  exportText(id: string): string {
    const profile = this.find(id).reading.profile;
    if (!profile)
      throw new WorkbenchError(
        'profile.not_editable',
        'This profile cannot be read well enough to export. Correct profiles.json by hand or delete the entry.',
      );
    return exportProfileText(profile, { now: this.now() });
  }

  /** Import a profile file as a new profile (new id); its findings include unknown fields and a newer version. */
  importText(text: string): SavedProfile {
    // A new profile has no secrets yet: say which ones to enter.
    const storedSecrets = { clientSecret: 'missing', pfx: 'missing', pfxPassword: 'missing' } as const;
    const imported = importProfileText(text, { now: this.now(), newId: this.newId, context: { storedSecrets } });
    const record = this.wrap(toRecord(imported.profile, {}));
    this.records.push(record);
    this.save();
    return { entry: this.entry(record), findings: imported.findings };
  }

  /** The expiry view: certificate and secret dates of every readable profile, soonest first. */
  expiry(): ExpiryRow[] {
    return expiryRows(
      this.records.map((r) => r.reading.profile).filter((p): p is Profile => p !== null),
      this.now(),
    );
  }

  /** The connection sheet of a profile: the connection page's fields in its order, secrets as vault references. */
  connectionSheet(id: string): ConnectionSheet {
    const entry = this.get(id);
    if (!entry.profile)
      throw new WorkbenchError(
        'profile.not_editable',
        'This profile cannot be read well enough for a connection sheet. Correct profiles.json by hand or delete the entry.',
      );
    return buildConnectionSheet(entry);
  }

  /** Stored secrets the new option uses, not replaced or removed by this save, that were saved for other hosts than `hosts`. */
  private secretsElsewhere(old: Profile, parsed: ProfileInput, hosts: string): SecretElsewhere[] {
    const out: SecretElsewhere[] = [];
    const inputs = parsed.secrets as Partial<Record<SecretName, string | null | undefined>>;
    for (const name of secretNamesFor[parsed.auth]) {
      const input = inputs[name];
      if ((typeof input === 'string' && input !== '') || input === null) continue;
      const state = this.secrets.state(old.id, name);
      if (state === 'missing') continue;
      const bound = state === 'stored' ? this.secrets.bound(old.id, name) : null;
      const from = bound?.hosts ?? profileHostsKey(old);
      if (from !== hosts) out.push({ name, value: bound?.value ?? null, from });
    }
    return out;
  }

  private saved(record: StoredRecord, inputs: Partial<Record<SecretName, string | null | undefined>>): SavedProfile {
    const profile = record.reading.profile as Profile;
    const secretInputs = Object.fromEntries(
      Object.entries(inputs).filter(([, v]) => typeof v === 'string' && v !== ''),
    ) as Partial<Record<SecretName, string>>;
    const storedSecrets = this.secrets.statesFor(profile.id, profile.auth);
    return {
      entry: this.entry(record),
      findings: validateProfile(profile, { now: this.now(), storedSecrets, secretInputs }),
    };
  }

  private wrap(raw: unknown, key?: string): StoredRecord {
    const reading = readRecord(raw);
    let assigned = key ?? reading.id ?? `unreadable-${++this.unreadableCount}`;
    if (!key && this.records.some((r) => r.key === assigned)) {
      reading.status = 'damaged';
      reading.problems.push(
        'Another profile has the same id, so this copy is shown separately and cannot be edited. Duplicate it for an editable copy.',
      );
      assigned = `unreadable-${++this.unreadableCount}`;
    }
    return { key: assigned, raw, reading };
  }

  private find(id: string): StoredRecord {
    const record = this.records.find((r) => r.key === id);
    if (!record)
      throw new WorkbenchError(
        'profile.not_found',
        'This profile does not exist any more. It may have been deleted; refresh the list.',
      );
    return record;
  }

  private editable(id: string): StoredRecord {
    const record = this.find(id);
    if (record.reading.status !== 'ok' || !record.reading.profile) {
      throw new WorkbenchError(
        'profile.not_editable',
        `${record.reading.problems[0] ?? 'This profile cannot be edited.'}`,
      );
    }
    return record;
  }

  private entry(record: StoredRecord): ProfileEntry {
    const { reading } = record;
    const secrets = reading.profile ? this.secrets.statesFor(reading.profile.id, reading.profile.auth) : {};
    const secretsUnreadable = Object.values(secrets).includes('unreadable');
    const problems = [...reading.problems];
    if (secretsUnreadable) problems.push(this.unreadableText(reading.profile!.id, reading.profile!.auth));
    return {
      id: record.key,
      status: reading.status,
      editable: reading.status === 'ok' && reading.profile !== null,
      name: reading.name,
      auth: reading.auth,
      profile: reading.profile ? structuredClone(reading.profile) : null,
      secrets,
      secretsUnreadable,
      unknownFields: Object.keys(reading.extras),
      problems,
    };
  }

  private unreadableText(profileId: string, auth: Profile['auth']): string {
    return this.secrets.keychainUnavailable(profileId, auth)
      ? 'The OS keychain is not available, so the stored secrets cannot be read now; they are kept. Unlock the keychain and restart the Workbench, or enter the secrets again; the rest of the profile is kept.'
      : 'A stored secret could not be decrypted: the OS keychain or user account has changed since it was saved. Enter the secret again; the rest of the profile is kept.';
  }

  /** A start-up notice when stored secrets of some profiles cannot be read (keychain locked, missing or changed). */
  private unreadableSecretsNotice(): Notice | null {
    const affected = this.records
      .flatMap((r) => (r.reading.profile ? [r.reading.profile] : []))
      .filter((p) => Object.values(this.secrets.statesFor(p.id, p.auth)).includes('unreadable'));
    if (affected.length === 0) return null;
    const names = affected.map((p) => `“${p.name}”`).join(', ');
    const count = affected.length === 1 ? '1 connection profile' : `${affected.length} connection profiles`;
    const locked = affected.some((p) => this.secrets.keychainUnavailable(p.id, p.auth));
    return {
      id: 'vault.unreadable',
      severity: 'warning',
      title: 'Stored secrets cannot be read',
      message: locked
        ? `The OS keychain is not available, so the secrets of ${count} (${names}) cannot be read now. They are kept, with everything else in the profiles: unlock the keychain and restart the Workbench, or enter the secrets again.`
        : `The secrets of ${count} (${names}) could not be decrypted: the OS keychain or user account has changed since they were saved. Everything else in the profiles is kept; enter the secrets again on the Connections page.`,
    };
  }

  private save(): void {
    const pending = [...this.trash.values()].map((t) => t.record.reading.id).filter((id): id is string => id !== null);
    this.doc.set({ version: 1, profiles: this.records.map((r) => r.raw), pendingPurge: pending });
  }

  private purgePending(): void {
    const { pendingPurge } = this.doc.get();
    if (pendingPurge.length === 0) return;
    const live = new Set(this.records.map((r) => r.reading.id));
    for (const id of pendingPurge) if (!live.has(id)) this.secrets.removeAll(id);
    this.save();
  }
}

function parse(input: ProfileInputDraft) {
  const parsed = profileInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'profile';
  throw new WorkbenchError(
    'profile.invalid',
    `The profile form sent a value the Workbench cannot store (${field}: ${issue?.message ?? 'invalid'}). Check the field and save again.`,
    {
      details: { field },
    },
  );
}
