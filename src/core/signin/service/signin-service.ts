import type { AdminConsentLink, AdminConsentOutcome, AppOnlyCredential, DelegatedClient, GraphProbeOutcome, RevealedToken, SigninClientUsed, SigninHistoryEntry, SigninPreferences, SigninProfileInfo, SigninProgressEvent, SigninTestOutcome } from '../../../shared/contract/signin';
import { environmentLabels } from '../../../shared/environments';
import type { GraphProbeTarget, SignInResult } from '../../../shared/signin';
import type { ProfileStore } from '../../connections/profile-store';
import { WorkbenchError } from '../../errors';
import type { Logger } from '../../log/logger';
import type { ExternalLinkPolicy } from '../../os/external-links';
import type { ShellPort } from '../../os/ports';
import type { StoreBackendFactory } from '../../storage/backend';
import type { SecretStore } from '../../vault/secret-store';
import { adminConsentLinkForAdmin, runAdminConsent } from '../admin-consent';
import { testAppOnly } from '../app-only';
import { signinDiagnostics } from '../diagnostics';
import type { FlowEndpoint } from '../flow-support';
import { probeGraph } from '../graph-probe';
import { signInInteractive } from '../interactive-signin';
import type { ClientCredential } from '../msal-factory';
import { type NetworkClientOptions, SigninNetworkClient } from '../network-client';
import { signInPublicClient } from '../public-client-signin';
import { checkConnection } from '../refresh-health';
import { createCachePlugin } from '../token-cache';
import { readExtraCa } from './extra-ca';
import { consentFacts, probeFacts, resultFacts } from './history-facts';
import { credentialKindOf, profileCredential } from './profile-credential';
import { profileInfo } from './profile-info';
import { type Run, SigninRunner } from './signin-runner';
import { SigninStore } from './signin-store';
import { offersAppOnly, type SigninTarget, signinTarget } from './signin-target';
import { tokenCacheVaultId, vaultTokenCache } from './vault-token-cache';

/** What the sign-in service needs from the app. */
export interface SigninServiceOptions {
  directory: string;
  backend: StoreBackendFactory;
  profiles: ProfileStore;
  secrets: SecretStore;
  links: ExternalLinkPolicy;
  shell: ShellPort;
  log: Logger;
  emit: (event: SigninProgressEvent) => void;
  /** Network settings on top of the preferences (tests pass the test CA here). */
  network?: NetworkClientOptions;
}

function strip(result: SignInResult): { result: Omit<SignInResult, 'accessToken'>; token: { accessToken: string; expiresOn: string | null } | null } {
  const { accessToken, ...rest } = result;
  return { result: rest, token: accessToken ? { accessToken, expiresOn: result.expiresOn } : null };
}

/** The sign-in tests of the app: one network client, tokens cached encrypted per profile, history, cancel. */
export class SigninService {
  readonly store: SigninStore;
  private readonly runner: SigninRunner;
  private net: SigninNetworkClient | null = null;

  constructor(private readonly o: SigninServiceOptions) {
    this.store = new SigninStore({ directory: o.directory, backend: o.backend });
    this.runner = new SigninRunner({ store: this.store, emit: o.emit, network: () => this.client(), environmentOf: (t) => environmentLabels[t.environment] });
    this.purgeOrphans();
  }

  /** Which tests a profile offers. */
  info(profileId: string): SigninProfileInfo {
    const entry = this.o.profiles.get(profileId);
    return profileInfo(entry, this.target(profileId), { savedSignIn: this.store.savedSignIn(profileId), running: this.runner.running(profileId) });
  }

  /** Delegated sign-in through the browser; the sign-in is kept (encrypted) for "check connection". */
  interactive(input: { profileId: string; client: DelegatedClient; timeoutSeconds?: number | undefined; prompt?: 'select_account' | 'login' | 'consent' | undefined }): Promise<SigninTestOutcome> {
    const client: SigninClientUsed = input.client === 'public' ? 'none' : input.client;
    return this.runner.execute(input.profileId, input.client === 'public' ? 'public-client' : 'interactive', client, async (run) => {
      const t = this.resolve(run);
      const credential: ClientCredential = input.client === 'public' ? { kind: 'none' } : await profileCredential(this.o.profiles, run.profileId, t.auth, input.client);
      const common = {
        ...this.endpoint(t),
        openBrowser: this.opener(t),
        requiredPermissions: t.requiredDelegated,
        ...(t.upn ? { loginHint: t.upn } : {}),
        ...(input.prompt ? { prompt: input.prompt } : {}),
        timeoutMs: (input.timeoutSeconds ?? this.store.preferences().timeoutSeconds) * 1000,
        signal: run.signal,
        cachePlugin: createCachePlugin(vaultTokenCache(this.o.secrets, run.profileId)),
        onProgress: (p: Parameters<NonNullable<Parameters<typeof signInInteractive>[0]['onProgress']>>[0]) => {
          if (p.step === 'listening') run.progress('listening', { redirectUri: p.redirectUri, register: p.register, platform: p.platform });
          else if (p.step === 'browser') run.progress('browser', { url: p.url });
          else run.progress('redeeming');
        },
      };
      const result = credential.kind === 'none' ? await signInPublicClient(common) : await signInInteractive({ ...common, credential });
      const { result: clean, token } = strip(result);
      // The saved sign-in is now this one: "check connection" refreshes it with the same kind of client.
      this.store.setSavedSignIn(run.profileId, { account: result.account?.username ?? null, client, certificateForm: result.certificateForm, savedAt: new Date().toISOString() });
      return { value: { result: clean }, facts: resultFacts(result, client), token };
    });
  }

  /** App-only (client credentials) test with the profile's secret or certificate. */
  appOnly(input: { profileId: string; credential: AppOnlyCredential }): Promise<SigninTestOutcome> {
    return this.runner.execute(input.profileId, 'client-credentials', input.credential, async (run) => {
      const { result } = await this.appOnlyToken(run, input.credential);
      const { result: clean, token } = strip(result);
      return { value: { result: clean }, facts: resultFacts(result, input.credential), token };
    });
  }

  /** Admin consent through the browser and the loopback, verified with an app-only token when the option has one. */
  adminConsent(input: { profileId: string; version: 'v1' | 'v2'; verify: boolean; timeoutSeconds?: number | undefined }): Promise<AdminConsentOutcome> {
    const profile = this.o.profiles.get(input.profileId).profile;
    const kind = profile ? credentialKindOf(profile.auth) : 'secret';
    const verify = input.verify && profile !== null && offersAppOnly(profile.auth);
    return this.runner.execute(input.profileId, 'admin-consent', verify ? kind : 'none', async (run) => {
      const t = this.resolve(run);
      const credential = verify ? await profileCredential(this.o.profiles, run.profileId, t.auth, kind) : null;
      const open = this.opener(t);
      const consent = await runAdminConsent({
        ...this.endpoint(t),
        version: input.version,
        timeoutMs: (input.timeoutSeconds ?? this.store.preferences().timeoutSeconds) * 1000,
        signal: run.signal,
        openBrowser: async (url) => {
          const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
          run.progress('listening', { redirectUri, register: 'http://localhost', platform: 'Web' });
          run.progress('browser', { url });
          await open(url);
        },
        ...(credential ? { verify: { credential, requiredPermissions: t.requiredApplication } } : {}),
      });
      let token: { accessToken: string; expiresOn: string | null } | null = null;
      if (consent.verification) {
        const stripped = strip(consent.verification);
        token = stripped.token;
        consent.verification = stripped.result;
      }
      return { value: { version: input.version, consent }, facts: consentFacts(consent), token };
    });
  }

  /** The admin consent address to send to a Global Administrator. */
  adminConsentLink(input: { profileId: string; version: 'v1' | 'v2' }): AdminConsentLink {
    const t = this.target(input.profileId);
    const url = adminConsentLinkForAdmin({ loginHost: t.loginHost, graphHost: t.graphHost, tenant: t.tenant, clientId: t.clientId, version: input.version });
    return {
      url,
      version: input.version,
      redirectUri: 'http://localhost',
      note: 'Send this address to a Global Administrator or Privileged Role Administrator of the tenant. After they accept, their browser goes to http://localhost, which may show an error page: that is expected, the consent is recorded. Then run the app-only test here.',
    };
  }

  /** Refresh the saved sign-in (forced), to prove it still works. */
  checkConnection(input: { profileId: string }): Promise<SigninTestOutcome> {
    const saved = this.store.savedSignIn(input.profileId);
    return this.runner.execute(input.profileId, 'refresh', saved?.client ?? 'none', async (run) => {
      const result = await this.refreshed(run);
      const { result: clean, token } = strip(result);
      return { value: { result: clean }, facts: resultFacts(result, saved?.client ?? 'none'), token };
    });
  }

  /** GET /me/drive or /sites/root with the saved sign-in or an app-only token. */
  graphProbe(input: { profileId: string; target: GraphProbeTarget; token: 'delegated' | 'app-only'; credential?: AppOnlyCredential | undefined }): Promise<GraphProbeOutcome> {
    const profile = this.o.profiles.get(input.profileId).profile;
    const credential = input.credential ?? (profile ? credentialKindOf(profile.auth) : 'secret');
    const client = input.token === 'delegated' ? (this.store.savedSignIn(input.profileId)?.client ?? 'none') : credential;
    return this.runner.execute(input.profileId, 'graph-probe', client, async (run) => {
      const result = input.token === 'delegated' ? await this.refreshed(run) : (await this.appOnlyToken(run, credential)).result;
      run.progress('probing');
      const t = run.target as SigninTarget;
      const probe = await probeGraph({ graphHost: t.graphHost, accessToken: result.accessToken ?? '', target: input.target, networkClient: this.client() });
      const { token } = strip(result);
      return { value: { token: input.token, probe, claims: result.claims }, facts: probeFacts(probe, result), token };
    });
  }

  /** Cancel the profile's running test. */
  cancel(profileId: string): boolean {
    return this.runner.cancel(profileId);
  }

  /** The profile's last tests, newest first. */
  history(profileId: string): SigninHistoryEntry[] {
    return this.store.history(profileId);
  }

  /** Delete the saved sign-in and the token kept in memory. */
  forgetSignIn(profileId: string): boolean {
    const id = tokenCacheVaultId(profileId);
    const had = this.o.secrets.has(id) || this.store.savedSignIn(profileId) !== null;
    this.o.secrets.delete(id);
    this.store.setSavedSignIn(profileId, null);
    this.runner.forgetToken(profileId);
    return had;
  }

  /** The redacted report of the profile's last failure. */
  diagnostics(profileId: string): string {
    const failure = this.runner.lastFailure(profileId);
    if (!failure) throw new WorkbenchError('signin.no_failure', 'There is no failed test of this profile to report since the Workbench started.', { hint: 'Run a test first; diagnostics describe the last one that failed.' });
    return signinDiagnostics(failure.error, { ...failure.context, redactor: this.o.log.redactor });
  }

  /** The access token of the last successful test, on an explicit user action. */
  revealToken(profileId: string): RevealedToken {
    const token = this.runner.lastToken(profileId);
    if (!token) throw new WorkbenchError('signin.no_token', 'No access token of this profile is kept: tokens stay in memory only, from the last successful test since the Workbench started.', { hint: 'Run a test, then reveal its token.' });
    this.o.log.info('Revealed the access token of a sign-in test', { profile: profileId });
    return { accessToken: token.accessToken, flow: token.flow, expiresOn: token.expiresOn };
  }

  /** Sign-in test settings. */
  preferences(): SigninPreferences {
    const stored = this.store.preferences();
    let subjects: string[] = [];
    if (stored.extraCaFile) {
      try {
        subjects = readExtraCa(stored.extraCaFile).subjects;
      } catch {
        subjects = [];
      }
    }
    return { ...stored, extraCaSubjects: subjects, nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS || null };
  }

  /** Change the timeout or stop trusting the extra CA file. */
  setPreferences(patch: { timeoutSeconds?: number | undefined; extraCaFile?: null | undefined }): SigninPreferences {
    this.store.setPreferences({ ...(patch.timeoutSeconds !== undefined ? { timeoutSeconds: patch.timeoutSeconds } : {}), ...(patch.extraCaFile === null ? { extraCaFile: null } : {}) });
    if (patch.extraCaFile === null) this.resetClient();
    return this.preferences();
  }

  /** Trust the root CAs in a PEM file for sign-in tests (checked before it is kept). */
  trustExtraCa(path: string): SigninPreferences {
    readExtraCa(path);
    this.store.setPreferences({ extraCaFile: path });
    this.resetClient();
    return this.preferences();
  }

  /** Close idle connections (app quit). */
  close(): void {
    this.net?.close();
    this.net = null;
  }

  private client(): SigninNetworkClient {
    if (this.net) return this.net;
    const file = this.store.preferences().extraCaFile;
    const fromFile = file ? readExtraCa(file).pems : [];
    const base = this.o.network?.extraCaPem;
    const extra = [...(base === undefined ? [] : Array.isArray(base) ? base : [base]), ...fromFile];
    this.net = new SigninNetworkClient({ timeoutMs: 30_000, ...this.o.network, ...(extra.length ? { extraCaPem: extra } : {}) });
    return this.net;
  }

  private resetClient(): void {
    this.net?.close();
    this.net = null;
  }

  private target(profileId: string): SigninTarget {
    const entry = this.o.profiles.get(profileId);
    if (!entry.profile) {
      throw new WorkbenchError('signin.invalid_input', `“${entry.name}” cannot be read well enough to test.`, { hint: 'Open it on the Connections page and correct it, or delete it.' });
    }
    return signinTarget(entry.profile);
  }

  private resolve(run: Run): SigninTarget {
    const t = this.target(run.profileId);
    run.target = t;
    // The sign-in host of a Custom environment is not on the link allowlist: allow it for this session.
    if (t.environment === 'custom') this.o.links.allowHost(new URL(`https://${t.loginHost}`).hostname);
    return t;
  }

  private endpoint(t: SigninTarget): FlowEndpoint {
    return {
      loginHost: t.loginHost,
      graphHost: t.graphHost,
      tenant: t.tenant,
      clientId: t.clientId,
      networkClient: this.client(),
      includeAccessToken: true,
      logSink: (level, message) => {
        if (level !== 'info') this.o.log.log(level === 'error' ? 'error' : 'warn', 'msal', { message: message.slice(0, 500) });
      },
    };
  }

  private opener(t: SigninTarget): (url: string) => Promise<void> {
    return async (url) => {
      const reason = this.o.links.check(url);
      if (reason) throw new WorkbenchError('external.not_allowed', `The sign-in page was not opened: ${reason}.`, { details: { loginHost: t.loginHost } });
      await this.o.shell.openInBrowser(url);
    };
  }

  private async appOnlyToken(run: Run, kind: AppOnlyCredential): Promise<{ result: SignInResult }> {
    const t = this.resolve(run);
    if (!offersAppOnly(t.auth)) {
      throw new WorkbenchError('signin.flow_not_offered', 'Bring-your-own-app connections always sign a user in, so the Workbench has no app-only test for them.', {
        hint: 'Run the delegated sign-in test instead.',
      });
    }
    const credential = await profileCredential(this.o.profiles, run.profileId, t.auth, kind);
    run.progress('requesting');
    const saved = this.store.savedSignIn(run.profileId);
    const result = await testAppOnly({
      ...this.endpoint(t),
      credential,
      requiredPermissions: t.requiredApplication,
      ...(saved?.certificateForm ? { certificateForm: saved.certificateForm } : {}),
    });
    return { result };
  }

  private async refreshed(run: Run): Promise<SignInResult> {
    const t = this.resolve(run);
    const saved = this.store.savedSignIn(run.profileId);
    if (!saved || !this.o.secrets.has(tokenCacheVaultId(run.profileId))) {
      throw new WorkbenchError('signin.no_account', 'There is no saved sign-in for this profile.', {
        hint: 'Run the delegated sign-in test once; the Workbench keeps that sign-in (encrypted) for later checks.',
        details: { signInAgain: true },
      });
    }
    const credential: ClientCredential = saved.client === 'none' ? { kind: 'none' } : await profileCredential(this.o.profiles, run.profileId, t.auth, saved.client);
    run.progress('refreshing');
    return checkConnection({
      ...this.endpoint(t),
      credential,
      ...(saved.certificateForm ? { certificateForm: saved.certificateForm } : {}),
      persistence: vaultTokenCache(this.o.secrets, run.profileId),
      ...(saved.account ? { account: saved.account } : {}),
      requiredPermissions: t.requiredDelegated,
    });
  }

  /** Token caches and history of profiles that no longer exist are removed at start. */
  private purgeOrphans(): void {
    const known = new Set(this.o.profiles.list().map((e) => e.id));
    for (const id of this.o.secrets.ids()) {
      const m = /^profile\/(.+)\/tokenCache$/.exec(id);
      if (m?.[1] && !known.has(m[1])) this.o.secrets.delete(id);
    }
    for (const id of this.store.profileIds()) if (!known.has(id)) this.store.forgetProfile(id);
  }
}
