import { randomBytes } from 'node:crypto';
import type {
  ApplyOutcome,
  FetchView,
  GraphChangeEntry,
  ManagementStatus,
  PlanView,
} from '../../shared/contract/graph';
import type { ProfileEntry, Profile } from '../../shared/connections';
import type { NewSecret } from '../../shared/graph-apply';
import type { VerifyReport } from '../../shared/registration';
import type { CertificateSession } from '../certificates/session';
import type { ProfileStore } from '../connections/profile-store';
import { WorkbenchError } from '../errors';
import type { Logger } from '../log/logger';
import type { ExternalLinkPolicy } from '../os/external-links';
import type { ShellPort } from '../os/ports';
import type { LatestVerifications } from '../records/latest-verifications';
import { certificateFromPfx } from '../registration/pfx-certificate';
import { profileEnvironment, profileToVerifyTarget } from '../registration/profile-target';
import type { VerifyTarget } from '../registration/verify-target';
import { isMultiTenantSegment } from '../signin/endpoints';
import { SigninNetworkClient } from '../signin/network-client';
import type { SigninService } from '../signin/service/signin-service';
import type { SecretStore } from '../vault/secret-store';
import { buildCreatePlan, type NewCredential } from './build-create';
import { buildRepairPlan, fixableFindings } from './build-repair';
import { buildRemoveOldPlan, buildRotateAddPlan, type RotateCredential } from './build-rotate';
import type { GraphChangeLog } from './change-log';
import type { CertificateToRegister } from './credentials';
import { readCurrentApp } from './current-app';
import { fetchApplication, verifyApplication } from './fetch-app';
import { defaultRetry, GraphClient, type RetryPolicy } from './graph-client';
import { GraphHttp } from './graph-http';
import { scopesFor, type ManagementClient } from './management';
import { signInForManagement, type ManagementToken } from './management-signin';
import { needsOf } from './needs';
import { previewOf, type GraphPlan } from './plan';
import { rotationAdvice, type RotatedCredential } from './rotation-advice';
import { runPlan } from './run-plan';

/** What the service needs from the app. */
export interface GraphApplyDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  certificates: CertificateSession;
  verifications: LatestVerifications;
  changes: GraphChangeLog;
  signin: SigninService;
  links: ExternalLinkPolicy;
  shell: ShellPort;
  log: Logger;
  now: () => Date;
  retry?: RetryPolicy;
}

interface HeldPlan {
  plan: GraphPlan;
  profileId: string;
  report: VerifyReport | null;
  credential?: NewCredential | RotateCredential;
  certificateRef?: string;
}

const PLANS_KEPT = 20;
const tokenVaultId = (profileId: string) => `graph/${profileId}/managementToken`;

/** Changes to app registrations through Graph: the admin's management sign-in (memory only unless asked), previews held by id, apply, verify again. */
export class GraphApplyService {
  private readonly tokens = new Map<string, ManagementToken & { remembered: boolean }>();
  private readonly plans = new Map<string, HeldPlan>();
  /** The management sign-in waiting for the browser, per profile, so graph.cancelSignIn can stop it. */
  private readonly pending = new Map<string, AbortController>();

  constructor(private readonly o: GraphApplyDeps) {}

  status(profileId: string): ManagementStatus | null {
    const t = this.token(profileId, false);
    return t ? statusOf(profileId, t) : null;
  }

  async signIn(input: {
    profileId: string;
    client: ManagementClient;
    action: 'fetch' | 'create' | 'repair' | 'rotate';
    consent: boolean;
    remember: boolean;
    timeoutSeconds?: number | undefined;
  }): Promise<ManagementStatus> {
    const profile = this.profile(input.profileId);
    const cloud = profileEnvironment(profile);
    const needs = needsOf(profile);
    const scopes = scopesFor(input.action, {
      consent: input.consent,
      delegated: needs.delegated.length > 0,
      application: needs.application.length > 0,
    });
    // The Custom sign-in host, with its port if it has one (the allowlist checks ports).
    if (profile.environment === 'custom') this.o.links.allowHost(cloud.loginHost);
    // The user's sign-in settings (extra root CA file, OS certificate store) count here too: a TLS-inspecting proxy sees these requests as well.
    const net = new SigninNetworkClient(this.o.signin.networkOptions());
    // A second sign-in for the same profile replaces the first: the older one is cancelled so its listener closes.
    this.pending.get(input.profileId)?.abort();
    const abort = new AbortController();
    this.pending.set(input.profileId, abort);
    try {
      const token = await signInForManagement({
        loginHost: cloud.loginHost,
        graphHost: cloud.graphHost,
        tenant: profile.tenant,
        client: input.client,
        scopes,
        networkClient: net,
        timeoutMs: (input.timeoutSeconds ?? 300) * 1000,
        signal: abort.signal,
        redactor: this.o.log.redactor,
        openBrowser: async (url) => {
          const link = this.o.links.resolve(url);
          if ('refused' in link) {
            throw new WorkbenchError('external.not_allowed', `The sign-in page was not opened: ${link.refused}.`, {
              hint: 'Check the sign-in host of the profile (Connections page): it must be a host name, with a port only for a Custom environment.',
            });
          }
          // The parsed URL's href: the OS opens exactly what the allowlist checked.
          await this.o.shell.openInBrowser(link.href);
        },
      });
      this.tokens.set(input.profileId, { ...token, remembered: input.remember });
      this.o.log.redactor.register(token.accessToken);
      if (input.remember) this.o.secrets.put(tokenVaultId(input.profileId), JSON.stringify(token));
      this.o.log.info('Management sign-in for Microsoft Graph', {
        profile: input.profileId,
        scopes: token.scopes.join(' '),
        remembered: input.remember,
      });
      return statusOf(input.profileId, { ...token, remembered: input.remember });
    } finally {
      if (this.pending.get(input.profileId) === abort) this.pending.delete(input.profileId);
      net.close();
    }
  }

  /** Stop the management sign-in waiting for the browser: its loopback listener closes and graph.signIn answers signin.cancelled. */
  cancelSignIn(profileId: string): boolean {
    const abort = this.pending.get(profileId);
    if (!abort) return false;
    this.pending.delete(profileId);
    abort.abort();
    return true;
  }

  signOut(profileId: string): boolean {
    const had = this.tokens.delete(profileId) || this.o.secrets.has(tokenVaultId(profileId));
    this.o.secrets.delete(tokenVaultId(profileId));
    return had;
  }

  async fetch(profileId: string): Promise<FetchView> {
    const entry = this.entry(profileId);
    const profile = entry.profile as Profile;
    if (!profile.clientId.trim())
      throw new WorkbenchError(
        'graph.invalid_request',
        'The profile has no client ID yet, so there is no app registration to read.',
        { hint: 'Create the app registration first, or enter its client ID.' },
      );
    const client = this.client(profileId, 'fetch');
    const raw = await fetchApplication(client.client, profileEnvironment(profile).graphHost, profile.clientId);
    client.close();
    const view = fetchView(raw, verifyApplication(raw, await this.target(entry)));
    this.o.verifications.remember(profileId, view.report);
    return view;
  }

  async previewCreate(input: {
    profileId: string;
    credential: 'profile-certificate' | 'new-secret' | 'none';
    secretMonths: number;
    consent: boolean;
  }): Promise<PlanView> {
    const entry = this.entry(input.profileId);
    const profile = entry.profile as Profile;
    let credential: NewCredential = { kind: 'none' };
    if (input.credential === 'new-secret') credential = { kind: 'secret', months: input.secretMonths };
    if (input.credential === 'profile-certificate')
      credential = { kind: 'certificate', certificate: await this.storedCertificate(entry) };
    const plan = buildCreatePlan(profile, { credential, consent: input.consent, now: this.o.now() });
    return this.hold({ plan, profileId: input.profileId, report: null, credential });
  }

  async previewRepair(input: {
    profileId: string;
    secretMonths: number | null;
    useProfileCertificate: boolean;
  }): Promise<PlanView> {
    const entry = this.entry(input.profileId);
    const profile = entry.profile as Profile;
    const client = this.client(input.profileId, 'repair');
    const graphHost = profileEnvironment(profile).graphHost;
    const raw = await fetchApplication(client.client, graphHost, profile.clientId, { withKeys: true });
    client.close();
    const report = verifyApplication(raw, await this.target(entry));
    const certificate =
      input.useProfileCertificate && profile.auth === 'certificate' && entry.secrets.pfx === 'stored'
        ? await this.storedCertificate(entry)
        : null;
    const plan = buildRepairPlan(readCurrentApp(raw), report, needsOf(profile), graphHost, {
      certificate,
      secretMonths: input.secretMonths,
      now: this.o.now(),
    });
    return this.hold({ plan, profileId: input.profileId, report });
  }

  async previewRotate(input: {
    profileId: string;
    credential: { kind: 'secret'; months: number } | { kind: 'certificate'; certificateRef: string };
  }): Promise<PlanView> {
    const entry = this.entry(input.profileId);
    const profile = entry.profile as Profile;
    let credential: RotateCredential;
    if (input.credential.kind === 'secret') {
      if (profile.auth === 'certificate')
        throw new WorkbenchError(
          'graph.invalid_request',
          'A certificate profile rotates its certificate: pick the new PFX.',
        );
      credential = { kind: 'secret', months: input.credential.months };
    } else {
      if (profile.auth !== 'certificate')
        throw new WorkbenchError(
          'graph.invalid_request',
          'This profile signs in with a client secret: rotate the secret.',
        );
      const held = this.o.certificates.withPfx(input.credential.certificateRef);
      const read = await certificateFromPfx(held.pfx, held.password);
      credential = { kind: 'certificate', certificate: { certificate: read.certificate, subject: read.subject } };
    }
    const client = this.client(input.profileId, 'rotate');
    const graphHost = profileEnvironment(profile).graphHost;
    const raw = await fetchApplication(client.client, graphHost, profile.clientId, {
      withKeys: credential.kind === 'certificate',
    });
    client.close();
    const plan = buildRotateAddPlan(readCurrentApp(raw), credential, graphHost, this.o.now());
    return this.hold({
      plan,
      profileId: input.profileId,
      report: null,
      credential,
      ...(input.credential.kind === 'certificate' ? { certificateRef: input.credential.certificateRef } : {}),
    });
  }

  async previewRemoveOld(input: {
    profileId: string;
    passwordKeyIds: string[];
    certificateKeyIds: string[];
  }): Promise<PlanView> {
    const profile = this.profile(input.profileId);
    const client = this.client(input.profileId, 'rotate');
    const graphHost = profileEnvironment(profile).graphHost;
    const raw = await fetchApplication(client.client, graphHost, profile.clientId, {
      withKeys: input.certificateKeyIds.length > 0,
    });
    client.close();
    const plan = buildRemoveOldPlan(
      readCurrentApp(raw),
      { passwordKeyIds: input.passwordKeyIds, certificateKeyIds: input.certificateKeyIds },
      graphHost,
      Array.isArray(raw.passwordCredentials) ? (raw.passwordCredentials as never) : [],
    );
    if (plan.steps.length === 0)
      throw new WorkbenchError(
        'graph.nothing_to_do',
        'None of the chosen credentials is registered on the app any more.',
        { hint: 'Fetch the app again and pick from its current credentials.' },
      );
    return this.hold({ plan, profileId: input.profileId, report: null });
  }

  discard(planId: string): boolean {
    return this.plans.delete(planId);
  }

  changes(profileId: string): GraphChangeEntry[] {
    return this.o.changes.list(profileId);
  }

  async apply(planId: string): Promise<ApplyOutcome> {
    const held = this.plans.get(planId);
    if (!held)
      throw new WorkbenchError(
        'graph.plan_not_found',
        'That preview is no longer held (it was applied, discarded, or the app restarted).',
        { hint: 'Preview the change again.' },
      );
    const { plan, profileId } = held;
    const client = this.client(profileId, plan.action === 'remove-old' ? 'rotate' : plan.action, plan.scopes);
    this.plans.delete(planId);
    const account = this.tokens.get(profileId)?.account ?? null;
    try {
      const run = await runPlan(plan, client.client);
      const updated: string[] = [];
      let newSecret: NewSecret | null = null;
      const password = run.answers.get('password') as
        { secretText?: string; keyId?: string; hint?: string; endDateTime?: string } | undefined;
      const createdApp = run.answers.get('application') as { appId?: string } | undefined;
      if (plan.action === 'create' && createdApp?.appId) {
        // The app now lives in the admin's tenant: a profile without a tenant of its own (empty, or common where the
        // connection needs one) takes it from the management sign-in.
        const tenantId = this.tokens.get(profileId)?.tenantId ?? null;
        const takesTenant = tenantId !== null && needsTenant(this.profile(profileId));
        this.updateProfile(profileId, { clientId: createdApp.appId, ...(takesTenant ? { tenant: tenantId } : {}) });
        updated.push('clientId', ...(takesTenant ? ['tenant'] : []));
      }
      if (password?.secretText) {
        this.updateProfile(
          profileId,
          { secretExpiresAt: password.endDateTime ?? null },
          { clientSecret: password.secretText },
        );
        updated.push('clientSecret', 'secretExpiresAt');
        newSecret = {
          keyId: password.keyId ?? '',
          hint: password.hint ?? password.secretText.slice(0, 3),
          endDateTime: password.endDateTime ?? '',
          storedAs: `profile/${profileId}/clientSecret`,
        };
      }
      if (held.certificateRef && !run.failure) {
        const taken = this.o.certificates.takeForConnection(held.certificateRef);
        const h = taken.handoff;
        this.updateProfile(
          profileId,
          {
            certificate: {
              thumbprintSha1: h.thumbprintSha1,
              thumbprintSha256: h.thumbprintSha256,
              subject: h.subject,
              notAfter: h.notAfter,
              fileName: h.fileName,
            },
          },
          { pfx: taken.pfxBase64, pfxPassword: taken.password ?? undefined },
        );
        updated.push('certificate');
      }
      const tested = plan.action === 'rotate' && !run.failure ? await this.testNewCredential(profileId) : null;
      const after = await this.readBack(profileId, client.client, plan.action === 'create').catch(() => null);
      const rotated: RotatedCredential | null = newSecret
        ? { kind: 'secret', keyId: newSecret.keyId, hint: newSecret.hint }
        : held.certificateRef && updated.includes('certificate')
          ? {
              kind: 'certificate',
              thumbprintSha1:
                (this.profile(profileId) as { certificate?: { thumbprintSha1: string } | null }).certificate
                  ?.thumbprintSha1 ?? '',
            }
          : null;
      const test = tested ? { ...tested, advice: rotated ? rotationAdvice(tested.ok, rotated, after) : [] } : null;
      this.o.changes.add(profileId, {
        at: this.o.now().toISOString(),
        action: plan.action,
        appId: after?.appId ?? createdApp?.appId ?? this.profile(profileId).clientId ?? null,
        account,
        changes: plan.changes,
        created: run.created.map(({ kind, id, label }) => ({ kind, id, label })),
        failed: run.failure !== null,
        requests: run.outcomes.map(({ method, url, status, ok, graphCode }) => ({
          method,
          url,
          status,
          ok,
          graphCode,
        })),
        readBack: after ? { error: after.report.counts.error, warning: after.report.counts.warning } : null,
        test: test ? { ok: test.ok, summary: test.summary } : null,
        finish: run.failure?.finish ?? null,
        undo: run.failure?.undo ?? [],
      });
      this.o.log.info('Changed an app registration through Microsoft Graph', {
        profile: profileId,
        action: plan.action,
        requests: run.outcomes.length,
        failed: run.failure !== null,
      });
      return {
        action: plan.action,
        outcomes: run.outcomes,
        created: run.created,
        changes: plan.changes,
        failure: run.failure,
        error: run.error,
        after,
        newSecret,
        test,
        profileUpdated: updated,
      };
    } finally {
      client.close();
    }
  }

  /** Close idle connections (app quit). */
  close(): void {
    this.plans.clear();
  }

  private async testNewCredential(profileId: string): Promise<{ ok: boolean; summary: string }> {
    const profile = this.profile(profileId);
    try {
      if (profile.auth !== 'byo-app' && !isMultiTenantSegment(profile.tenant)) {
        const out = await this.o.signin.appOnly({
          profileId,
          credential: profile.auth === 'certificate' ? 'certificate' : 'secret',
        });
        return {
          ok: true,
          summary: `App-only sign-in with the new ${profile.auth === 'certificate' ? 'certificate' : 'secret'} worked${out.result.claims?.roles.length ? ` (roles: ${out.result.claims.roles.join(', ')})` : ''}.`,
        };
      }
      const out = await this.o.signin.interactive({
        profileId,
        client: profile.auth === 'certificate' ? 'certificate' : 'secret',
      });
      return {
        ok: true,
        summary: `Delegated sign-in with the new credential worked${out.result.account ? ` as ${out.result.account.username}` : ''}.`,
      };
    } catch (err) {
      return {
        ok: false,
        summary: `The sign-in test with the new ${profile.auth === 'certificate' ? 'certificate' : 'client secret'} failed: ${(err as Error).message}`,
      };
    }
  }

  private async readBack(profileId: string, client: GraphClient, justCreated: boolean): Promise<FetchView> {
    const entry = this.entry(profileId);
    const profile = entry.profile as Profile;
    const raw = await fetchApplication(client, profileEnvironment(profile).graphHost, profile.clientId, {
      justCreated,
    });
    const view = fetchView(raw, verifyApplication(raw, await this.target(entry)));
    this.o.verifications.remember(profileId, view.report);
    return view;
  }

  private hold(h: HeldPlan): PlanView {
    const planId = randomBytes(18).toString('base64url');
    this.plans.set(planId, h);
    while (this.plans.size > PLANS_KEPT) this.plans.delete(this.plans.keys().next().value as string);
    return { planId, preview: previewOf(h.plan), report: h.report };
  }

  private token(profileId: string, required = true): (ManagementToken & { remembered: boolean }) | null {
    let t = this.tokens.get(profileId) ?? null;
    if (!t && this.o.secrets.has(tokenVaultId(profileId))) {
      try {
        t = { ...(JSON.parse(this.o.secrets.get(tokenVaultId(profileId))) as ManagementToken), remembered: true };
        this.tokens.set(profileId, t);
      } catch {
        t = null;
      }
    }
    if (t?.expiresOn && Date.parse(t.expiresOn) <= this.o.now().getTime()) {
      this.signOut(profileId);
      t = null;
    }
    if (!t && required)
      throw new WorkbenchError('graph.not_signed_in', 'Sign in to Microsoft Graph as an administrator first.', {
        hint: 'Choose the management app and sign in; the sign-in is kept in memory for this session only.',
      });
    return t;
  }

  private client(
    profileId: string,
    action: 'fetch' | 'create' | 'repair' | 'rotate',
    needed: string[] = scopesFor(action),
  ): { client: GraphClient; close: () => void } {
    const t = this.token(profileId) as ManagementToken;
    const have = new Set(t.scopes.map((s) => s.toLowerCase()));
    const missing = needed.filter(
      (s) => !have.has(s.toLowerCase()) && !(s === 'Application.Read.All' && have.has('application.readwrite.all')),
    );
    if (missing.length > 0) {
      throw new WorkbenchError(
        'graph.not_signed_in',
        `The management sign-in does not include ${missing.join(', ')}, which this action needs.`,
        {
          hint: 'Sign in again for this action; only the scopes it needs are asked for.',
          details: { missing: missing.join(' ') },
        },
      );
    }
    const net = this.o.signin.networkOptions();
    const http = new GraphHttp({
      timeoutMs: 30_000,
      ...(net.extraCaPem ? { extraCaPem: net.extraCaPem } : {}),
      ...(net.systemCa ? { systemCa: true } : {}),
      ...(net.rewrite ? { rewrite: net.rewrite } : {}),
    });
    return {
      client: new GraphClient(http, () => t.accessToken, this.o.retry ?? defaultRetry),
      close: () => http.close(),
    };
  }

  private entry(profileId: string): ProfileEntry {
    const entry = this.o.profiles.get(profileId);
    if (!entry.profile)
      throw new WorkbenchError(
        'profile.not_editable',
        `“${entry.name}” cannot be read well enough to change its app registration.`,
        { hint: 'Open it on the Connections page and correct it.' },
      );
    return entry;
  }

  private profile(profileId: string): Profile {
    return this.entry(profileId).profile as Profile;
  }

  private async storedCertificate(entry: ProfileEntry): Promise<CertificateToRegister> {
    if (entry.profile?.auth !== 'certificate' || entry.secrets.pfx !== 'stored') {
      throw new WorkbenchError(
        'vault.not_found',
        `The profile “${entry.name}” has no PFX stored, so there is no certificate to register.`,
        { hint: 'Add the PFX to the profile on the Connections page (or the wizard), then preview again.' },
      );
    }
    const pfx = this.o.profiles.readSecret(entry.id, 'pfx');
    const password =
      entry.secrets.pfxPassword === 'stored' ? this.o.profiles.readSecret(entry.id, 'pfxPassword') : null;
    const read = await certificateFromPfx(Buffer.from(pfx, 'base64'), password, { now: this.o.now() });
    return { certificate: read.certificate, subject: read.subject };
  }

  private async target(entry: ProfileEntry): Promise<VerifyTarget> {
    const profile = entry.profile as Profile;
    let secretFirstChars: string | null = null;
    if (profile.auth !== 'certificate' && entry.secrets.clientSecret === 'stored') {
      try {
        secretFirstChars = this.o.profiles.readSecret(entry.id, 'clientSecret').slice(0, 3);
      } catch {
        secretFirstChars = null;
      }
    }
    const certificate =
      profile.auth === 'certificate' && entry.secrets.pfx === 'stored'
        ? (await this.storedCertificate(entry).catch(() => null))?.certificate
        : undefined;
    return profileToVerifyTarget(profile, {
      loopbackTest: true,
      secretFirstChars,
      now: this.o.now(),
      ...(certificate ? { certificate } : {}),
    });
  }

  private updateProfile(
    profileId: string,
    fields: Partial<Profile>,
    secrets: Record<string, string | undefined> = {},
  ): void {
    const current = this.profile(profileId) as Record<string, unknown>;
    const { id: _id, schemaVersion: _v, createdAt: _c, updatedAt: _u, redirectUri: _r, ...editable } = current;
    void [_id, _v, _c, _u, _r];
    this.o.profiles.update(profileId, { ...editable, ...fields, secrets } as never);
  }
}

/** Whether a profile's tenant should be the admin's after a create: none given, or common/organizations where the connection needs one tenant. */
function needsTenant(profile: Profile): boolean {
  const tenant = profile.tenant.trim();
  if (!tenant) return true;
  if (!isMultiTenantSegment(tenant)) return false;
  return !(profile.auth === 'byo-app' && profile.audience === 'multi-tenant');
}

function statusOf(profileId: string, t: ManagementToken & { remembered: boolean }): ManagementStatus {
  return {
    profileId,
    account: t.account,
    tenantId: t.tenantId,
    graphHost: t.graphHost,
    clientId: t.clientId,
    scopes: t.scopes,
    expiresOn: t.expiresOn,
    remembered: t.remembered,
  };
}

/** The app as the pages show it: the verification, its ids and its credentials (never a secret). */
export function fetchView(raw: Record<string, unknown>, report: VerifyReport): FetchView {
  const app = report.apps[0];
  return {
    report,
    appId: typeof raw.appId === 'string' ? raw.appId : '',
    objectId: typeof raw.id === 'string' ? raw.id : '',
    passwords: (app?.passwordCredentials ?? []).map((p) => ({
      keyId: p.keyId ?? '',
      hint: p.hint,
      displayName: p.displayName,
      endDateTime: p.endDateTime,
    })),
    certificates: (app?.keyCredentials ?? []).map((k) => ({
      keyId: k.keyId ?? '',
      displayName: k.displayName,
      endDateTime: k.endDateTime,
      thumbprintSha1: k.keyThumbprintSha1 ?? k.identifierThumbprintSha1,
    })),
    fixable: [
      ...new Set(
        report.findings.filter((f) => f.severity !== 'info' && fixableFindings.includes(f.code)).map((f) => f.code),
      ),
    ],
    reportId: null,
  };
}
