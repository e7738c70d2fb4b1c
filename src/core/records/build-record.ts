import { authLabels, type ProfileEntry, type ProfileFinding } from '../../shared/connections';
import type { SigninHistoryEntry } from '../../shared/contract/signin';
import { environmentLabels } from '../../shared/environments';
import type { ConnectionRecord, RecordExpiry, RecordTest, RecordVerification } from '../../shared/records';
import { environments } from '../connections/environments';
import { expiryStatus, parseExpiry } from '../connections/expiry';
import { validateProfile } from '../connections/validation/validate-profile';
import { profileStatus } from '../status/profile-status';
import { consentSummary, permissionRows, testNames } from './consent';

/** What a record is built from: the profile (no secrets), its test history (newest first, no tokens) and its last verification. */
export interface RecordSources {
  entry: ProfileEntry;
  history: readonly SigninHistoryEntry[];
  verification: RecordVerification | null;
  now: Date;
  /** "Graph Connection Workbench 0.1.0". */
  generator: string;
  /** The profile's validation (with what the vault holds); validated here without the vault when absent. */
  findings?: readonly ProfileFinding[];
}

function expiryOf(value: string | null | undefined, now: Date): RecordExpiry | null {
  const date = parseExpiry(value);
  if (!date) return null;
  return { expiresAt: date.toISOString(), ...expiryStatus(date, now) };
}

function testOf(entry: SigninHistoryEntry | undefined): RecordTest | null {
  if (!entry) return null;
  return { at: entry.at, test: testNames[entry.flow], ok: entry.ok, summary: entry.summary, user: entry.user };
}

/** Build the connection record of a profile. It carries facts and states only: never a secret, PFX bytes, a password or a token. */
export function buildConnectionRecord(sources: RecordSources): ConnectionRecord {
  const { entry, history, now } = sources;
  const profile = entry.profile;
  if (!profile) throw new Error('A connection record needs a readable profile.');
  const cloud = profile.environment === 'custom' ? null : environments[profile.environment];
  const permissions = permissionRows(profile.scopes, profile.appOnlyPermissions, history);
  const certificate =
    profile.auth === 'certificate' && profile.certificate
      ? {
          subject: profile.certificate.subject,
          thumbprintSha1: profile.certificate.thumbprintSha1,
          thumbprintSha256: profile.certificate.thumbprintSha256,
          expiry: expiryOf(profile.certificate.notAfter, now),
          fileName: profile.certificate.fileName,
        }
      : null;
  return {
    generatedAt: now.toISOString(),
    generator: sources.generator,
    profileId: profile.id,
    profileName: profile.name,
    auth: profile.auth,
    authLabel: authLabels[profile.auth],
    clientId: profile.clientId,
    tenant: profile.tenant,
    environment: {
      id: profile.environment,
      label: environmentLabels[profile.environment],
      connectorLabel: cloud?.connectorLabel ?? null,
      loginHost: cloud?.loginHost ?? profile.customHosts?.loginHost ?? null,
      graphHost: cloud?.graphHost ?? profile.customHosts?.graphHost ?? null,
    },
    upn: profile.auth === 'certificate' ? profile.upn : null,
    domain: profile.auth === 'byo-app' ? profile.domain : null,
    redirectUri: profile.auth === 'byo-app' ? profile.redirectUri : null,
    audience: profile.auth === 'byo-app' ? profile.audience : null,
    certificate,
    secrets: Object.entries(entry.secrets).map(([name, state]) => ({ name, state: state ?? 'missing' })),
    secretExpiry: expiryOf(profile.secretExpiresAt, now),
    permissions,
    consent: consentSummary(permissions),
    lastSuccessfulTest: testOf(history.find((e) => e.ok)),
    lastTest: testOf(history[0]),
    verification: sources.verification,
    notProven: profileStatus({
      profile,
      entryStatus: entry.status,
      secretsUnreadable: entry.secretsUnreadable,
      findings: sources.findings ?? validateProfile(profile, { now }),
      verification: sources.verification,
      history,
      now,
    }).unproven.map((u) => u.text),
    notes: profile.notes,
  };
}
