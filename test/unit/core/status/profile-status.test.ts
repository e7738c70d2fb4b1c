// The status model: every state a profile can be in, what its badge says, and how the status moves as evidence
// arrives (fill the fields, verify, test, edit, test again, let the secret run out).
import { describe, expect, it } from 'vitest';
import { consentFacts } from '../../../../src/core/signin/service/history-facts';
import { profileStatus, type StatusSources } from '../../../../src/core/status';
import { validateProfile } from '../../../../src/core/connections/validation/validate-profile';
import type { SigninHistoryEntry } from '../../../../src/shared/contract/signin';
import type { RecordVerification } from '../../../../src/shared/records';
import { drafts, fields, NOW } from '../connections/fixtures';

const day = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * day).toISOString();

function test(
  when: string,
  flow: SigninHistoryEntry['flow'],
  ok: boolean,
  extra: Partial<SigninHistoryEntry> = {},
): SigninHistoryEntry {
  return {
    runId: `run-${when}`,
    at: when,
    flow,
    client: 'secret',
    ok,
    code: ok ? null : 'aadsts.7000215',
    aadsts: ok ? null : 7000215,
    summary: ok ? 'Signed in.' : 'Wrong secret.',
    user: null,
    granted: [],
    missing: [],
    extra: [],
    durationMs: 90,
    ...extra,
  };
}

function verified(when: string, errors: number, warnings = 0): RecordVerification {
  return {
    checkedAt: when,
    fileName: 'app.json',
    appName: 'Contoso',
    counts: { error: errors, warning: warnings, info: 0 },
    openFindings: [],
  };
}

/** A client-credentials profile (secret stored unless said otherwise), last edited at `updatedAt`. */
function sources(
  options: {
    overrides?: Record<string, unknown>;
    secret?: 'stored' | 'missing';
    updatedAt?: string;
    history?: SigninHistoryEntry[];
    verification?: RecordVerification | null;
    now?: Date;
  } = {},
): StatusSources {
  const now = options.now ?? NOW;
  const profile = {
    ...fields(drafts['client-credentials'](), options.overrides),
    updatedAt: options.updatedAt ?? at(0),
  };
  const storedSecrets = { clientSecret: options.secret ?? 'stored' } as const;
  const secretInputs =
    storedSecrets.clientSecret === 'stored' ? { clientSecret: 'Zq8~kP3.xY7_abcDEF-secretValue123~XYZ' } : {};
  return {
    profile,
    findings: validateProfile(profile, { now, storedSecrets, secretInputs }),
    verification: options.verification ?? null,
    history: options.history ?? [],
    now,
  };
}

const headline = (s: StatusSources) => profileStatus(s).headline;

describe('status model: states', () => {
  it('a complete profile that was never tested or verified says "Not tested", not Working', () => {
    const s = profileStatus(sources());
    expect(s.completeness).toEqual({ state: 'complete', missing: [] });
    expect(s.test.state).toBe('not-tested');
    expect(s.verification.state).toBe('not-verified');
    expect(s.working).toBe(false);
    expect(s.headline).toMatchObject({ key: 'not-tested', label: 'Not tested', tone: 'informative' });
    expect(s.facts.map((f) => f.key)).toEqual(['not-tested', 'not-verified']);
    expect(s.unproven.map((u) => u.key)).toEqual(['not-verified', 'not-tested']);
  });

  it('incomplete: names the missing fields in the form’s words, and outranks everything below it', () => {
    const s = profileStatus(
      sources({ overrides: { clientId: '' }, secret: 'missing', history: [test(at(-1), 'client-credentials', true)] }),
    );
    expect(s.completeness).toEqual({ state: 'incomplete', missing: ['Client ID', 'Client secret'] });
    expect(s.headline).toMatchObject({
      key: 'incomplete',
      label: 'Incomplete',
      detail: 'Missing: Client ID, Client secret.',
    });
    expect(s.working).toBe(false);
    expect(s.unproven[0]).toEqual({
      key: 'incomplete',
      text: 'The profile is incomplete (missing: Client ID, Client secret).',
    });
  });

  it('profile errors other than missing fields are counted apart from them', () => {
    const s = profileStatus(sources({ overrides: { clientId: 'not-a-guid' } }));
    expect(s.completeness.state).toBe('complete');
    expect(s.errors).toBe(1);
    expect(s.headline).toMatchObject({ key: 'profile-errors', label: 'Profile errors (1)', tone: 'danger' });
  });

  it('verification: not verified, errors (n) with the date, verified with the date, and edited since', () => {
    expect(profileStatus(sources()).verification).toEqual({
      state: 'not-verified',
      at: null,
      errors: 0,
      warnings: 0,
      changedSince: false,
    });
    const bad = profileStatus(sources({ updatedAt: at(-2), verification: verified(at(-1), 3, 1) }));
    expect(bad.verification).toEqual({ state: 'errors', at: at(-1), errors: 3, warnings: 1, changedSince: false });
    expect(bad.headline).toMatchObject({ key: 'verification-errors', label: 'Verification errors (3)', at: at(-1) });
    const good = profileStatus(sources({ updatedAt: at(-2), verification: verified(at(-1), 0, 2) }));
    expect(good.facts.find((f) => f.key === 'verified')).toMatchObject({
      label: 'Verified',
      at: at(-1),
      detail: 'The manifest check found no errors (2 warnings).',
    });
    expect(good.headline.key).toBe('not-tested');
    const stale = profileStatus(sources({ updatedAt: at(0), verification: verified(at(-1), 0) }));
    expect(stale.verification.changedSince).toBe(true);
    expect(stale.unproven.map((u) => u.key)).toContain('verification-stale');
  });

  it('tests: last test failed, working with its date and kind, changed since the test', () => {
    const failed = profileStatus(
      sources({
        updatedAt: at(-3),
        history: [test(at(-1), 'client-credentials', false), test(at(-2), 'client-credentials', true)],
      }),
    );
    expect(failed.test).toMatchObject({ state: 'failed', at: at(-1), kind: 'app-only', name: 'App-only test' });
    expect(failed.headline).toMatchObject({
      key: 'test-failed',
      label: 'Last test failed',
      tone: 'danger',
      detail: 'App-only test failed. Wrong secret.',
    });

    const working = profileStatus(
      sources({ updatedAt: at(-3), history: [test(at(-1), 'interactive', true, { user: 'a@contoso.com' })] }),
    );
    expect(working.test).toMatchObject({ state: 'working', at: at(-1), kind: 'delegated', name: 'Delegated sign-in' });
    expect(working.headline).toMatchObject({
      key: 'working',
      label: 'Working',
      tone: 'success',
      at: at(-1),
      detail: 'Delegated sign-in passed.',
    });
    expect(working.working).toBe(true);
    expect(working.unproven.map((u) => u.key)).toEqual(['not-verified']);

    const changed = profileStatus(sources({ updatedAt: at(0), history: [test(at(-1), 'interactive', true)] }));
    expect(changed.test.state).toBe('changed');
    expect(changed.headline).toMatchObject({
      key: 'changed-since-test',
      label: 'Changed since the test',
      tone: 'warning',
    });
    expect(changed.working).toBe(false);
  });

  it('a passed test whose token lacks a needed permission is not Working', () => {
    const s = profileStatus(
      sources({ updatedAt: at(-3), history: [test(at(-1), 'interactive', true, { missing: ['Files.Read'] })] }),
    );
    expect(s.headline).toMatchObject({ key: 'permissions-missing', label: 'Permissions missing (1)' });
    expect(s.working).toBe(false);
  });

  it('admin consent counts as an app-only test only when a token confirmed it; a failed consent is not a failed sign-in', () => {
    const confirmed = consentFacts({
      consented: true,
      tenantReported: null,
      verification: {
        flow: 'client-credentials',
        claims: null,
        permissions: { kind: 'application', required: [], granted: ['Sites.Read.All'], missing: [], extra: [] },
        account: null,
        redirectUri: null,
        certificateForm: null,
        notes: [],
        expiresOn: null,
      },
      verificationNote: null,
    });
    const unconfirmed = consentFacts({
      consented: true,
      tenantReported: null,
      verification: null,
      verificationNote: null,
    });
    const base = { updatedAt: at(-3) };
    expect(
      profileStatus(sources({ ...base, history: [test(at(-1), 'admin-consent', true, confirmed)] })).test,
    ).toMatchObject({ state: 'working', kind: 'app-only', name: 'Admin consent' });
    expect(
      profileStatus(sources({ ...base, history: [test(at(-1), 'admin-consent', true, unconfirmed)] })).test.state,
    ).toBe('not-tested');
    expect(
      profileStatus(
        sources({ ...base, history: [test(at(-1), 'admin-consent', false), test(at(-2), 'interactive', true)] }),
      ).test,
    ).toMatchObject({ state: 'working', kind: 'delegated' });
  });

  it('a Graph probe counts as a delegated or app-only test by whether a user signed in', () => {
    expect(
      profileStatus(
        sources({ updatedAt: at(-3), history: [test(at(-1), 'graph-probe', true, { user: 'a@contoso.com' })] }),
      ).test.kind,
    ).toBe('delegated');
    const probe = profileStatus(sources({ updatedAt: at(-3), history: [test(at(-1), 'graph-probe', true)] }));
    expect(probe.test.kind).toBe('app-only');
    expect(probe.headline.detail).toBe('Graph probe passed with an app-only token.');
  });

  it('expiry: none, ok, expiring (n days) and expired, the soonest of certificate and secret', () => {
    expect(profileStatus(sources()).expiry).toEqual({ state: 'none', what: null, expiresAt: null, daysLeft: null });
    expect(profileStatus(sources({ overrides: { secretExpiresAt: '2026-06-01' } })).expiry).toMatchObject({
      state: 'ok',
      what: 'secret',
    });
    const soon = profileStatus(
      sources({
        overrides: { secretExpiresAt: '2026-01-27' },
        updatedAt: at(-3),
        history: [test(at(-1), 'client-credentials', true)],
      }),
    );
    expect(soon.expiry).toMatchObject({ state: 'expiring', daysLeft: 12, expiresAt: '2026-01-27T00:00:00.000Z' });
    expect(soon.headline).toMatchObject({ key: 'expiring', label: 'Expiring (12 days)', tone: 'warning' });
    expect(soon.errors).toBe(0);
    const gone = profileStatus(
      sources({
        overrides: { secretExpiresAt: '2026-01-10' },
        updatedAt: at(-30),
        history: [test(at(-20), 'client-credentials', true)],
      }),
    );
    expect(gone.expiry).toMatchObject({ state: 'expired', daysLeft: -5 });
    expect(gone.headline).toMatchObject({ key: 'expired', label: 'Expired', tone: 'danger' });
    expect(gone.errors).toBe(0);
    const certificate = { ...drafts.certificate().certificate!, notAfter: '2026-02-01T00:00:00.000Z' };
    const cert = { ...fields(drafts.certificate(), { secretExpiresAt: '2026-12-01', certificate }), updatedAt: at(0) };
    expect(
      profileStatus({ profile: cert, findings: [], verification: null, history: [], now: NOW }).expiry,
    ).toMatchObject({ state: 'expiring', what: 'certificate' });
  });

  it('damaged, newer-version and unreadable secrets come first', () => {
    expect(headline({ ...sources(), entryStatus: 'damaged' })).toMatchObject({ key: 'damaged', tone: 'danger' });
    expect(headline({ ...sources(), entryStatus: 'newer-version' })).toMatchObject({ key: 'newer-version' });
    expect(headline({ ...sources(), secretsUnreadable: true })).toMatchObject({
      key: 'secret-unreadable',
      label: 'Secret unreadable',
    });
    expect(
      profileStatus({ profile: null, findings: [], verification: null, history: [], now: NOW, entryStatus: 'damaged' })
        .completeness.state,
    ).toBe('incomplete');
  });

  it('verification errors outrank a passed test only when they are newer', () => {
    const older = profileStatus(
      sources({ updatedAt: at(-5), verification: verified(at(-4), 2), history: [test(at(-1), 'interactive', true)] }),
    );
    expect(older.headline.key).toBe('working');
    expect(older.facts.map((f) => f.key)).toEqual(['working', 'verification-errors']);
    const newer = profileStatus(
      sources({ updatedAt: at(-5), verification: verified(at(-1), 2), history: [test(at(-4), 'interactive', true)] }),
    );
    expect(newer.headline.key).toBe('verification-errors');
    expect(newer.working).toBe(false);
  });
});

describe('status model: transitions', () => {
  it('from a new profile to working, then changed by an edit, working again, expiring and expired', () => {
    const steps: Array<[string, StatusSources]> = [];
    steps.push(['incomplete', sources({ overrides: { tenant: '' }, secret: 'missing', updatedAt: at(-10) })]);
    steps.push(['not-tested', sources({ updatedAt: at(-9) })]);
    steps.push(['verification-errors', sources({ updatedAt: at(-9), verification: verified(at(-8), 3) })]);
    steps.push(['not-tested', sources({ updatedAt: at(-9), verification: verified(at(-7), 0) })]);
    let history = [test(at(-6), 'client-credentials', false)];
    steps.push(['test-failed', sources({ updatedAt: at(-9), verification: verified(at(-7), 0), history })]);
    history = [test(at(-5), 'client-credentials', true), ...history];
    steps.push(['working', sources({ updatedAt: at(-9), verification: verified(at(-7), 0), history })]);
    steps.push(['changed-since-test', sources({ updatedAt: at(-4), verification: verified(at(-7), 0), history })]);
    history = [test(at(-3), 'client-credentials', true), ...history];
    steps.push(['working', sources({ updatedAt: at(-4), verification: verified(at(-7), 0), history })]);
    const expiring = {
      overrides: { secretExpiresAt: '2026-02-10' },
      updatedAt: at(-4),
      verification: verified(at(-7), 0),
      history,
    };
    steps.push(['working', sources({ ...expiring, now: new Date('2026-01-01T00:00:00.000Z') })]);
    steps.push(['expiring', sources({ ...expiring, now: new Date('2026-01-20T00:00:00.000Z') })]);
    steps.push(['expired', sources({ ...expiring, now: new Date('2026-02-11T00:00:00.000Z') })]);
    expect(steps.map(([, s]) => profileStatus(s).headline.key)).toEqual(steps.map(([key]) => key));
  });
});
