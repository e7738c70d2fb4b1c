import type {
  AdminConsentLink,
  AdminConsentOutcome,
  AppOnlyCredential,
  DelegatedClient,
  GraphProbeOutcome,
  RevealedToken,
  SigninClientUsed,
  SigninHistoryEntry,
  SigninPreferences,
  SigninProfileInfo,
  SigninProgressEvent,
  SigninTestOutcome,
} from '../../../shared/contract/signin';
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
import { signinDiagnostics } from '../diagnostics';
import { probeGraph } from '../graph-probe';
import { type SignInProgress, signInInteractive } from '../interactive-signin';
import type { ClientCredential } from '../msal-factory';
import type { NetworkClientOptions } from '../network-client';
import { signInPublicClient } from '../public-client-signin';
import { createCachePlugin } from '../token-cache';
import { consentFacts, probeFacts, resultFacts } from './history-facts';
import { credentialKindOf, profileCredential } from './profile-credential';
import { FlowContext } from './flow-context';
import { profileInfo } from './profile-info';
import { SigninNetwork } from './signin-network';
import { SigninRunner } from './signin-runner';
import { SigninStore } from './signin-store';
import { offersAppOnly, type SigninTarget } from './signin-target';
import { purgeOrphans, tokenCacheVaultId, vaultTokenCache } from './vault-token-cache';

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

function strip(result: SignInResult): {
  result: Omit<SignInResult, 'accessToken'>;
  token: { accessToken: string; expiresOn: string | null } | null;
} {
  const { accessToken, ...rest } = result;
  return { result: rest, token: accessToken ? { accessToken, expiresOn: result.expiresOn } : null };
}

/** The sign-in tests of the app: one network client, tokens cached encrypted per profile, history, cancel. */
export class SigninService {
  readonly store: SigninStore;
  private readonly runner: SigninRunner;
  private readonly network: SigninNetwork;
  private readonly flows: FlowContext;

  constructor(private readonly o: SigninServiceOptions) {
    this.store = new SigninStore({ directory: o.directory, backend: o.backend });
    this.network = new SigninNetwork(this.store, o.network);
    this.flows = new FlowContext({ ...o, store: this.store, client: () => this.network.client() });
    this.runner = new SigninRunner({
      store: this.store,
      emit: o.emit,
      network: () => this.network.client(),
      environmentOf: (t) => environmentLabels[t.environment],
    });
    purgeOrphans(o.profiles, o.secrets, this.store);
  }

  /** Which tests a profile offers. */
  info(profileId: string): SigninProfileInfo {
    const entry = this.o.profiles.get(profileId);
    return profileInfo(entry, this.flows.target(profileId), {
      savedSignIn: this.store.savedSignIn(profileId),
      running: this.runner.running(profileId),
    });
  }

  /** Delegated sign-in through the browser; the sign-in is kept (encrypted) for "check connection". */
  interactive(input: {
    profileId: string;
    client: DelegatedClient;
    timeoutSeconds?: number | undefined;
    prompt?: 'select_account' | 'login' | 'consent' | undefined;
  }): Promise<SigninTestOutcome> {
    const client: SigninClientUsed = input.client === 'public' ? 'none' : input.client;
    return this.runner.execute(
      input.profileId,
      input.client === 'public' ? 'public-client' : 'interactive',
      client,
      async (run) => {
        const t = this.flows.resolve(run);
        const credential: ClientCredential =
          input.client === 'public'
            ? { kind: 'none' }
            : await profileCredential(this.o.profiles, run.profileId, t, input.client);
        const common = {
          ...this.flows.endpoint(t),
          openBrowser: this.flows.opener(t),
          requiredPermissions: t.requiredDelegated,
          ...(t.upn ? { loginHint: t.upn } : {}),
          ...(input.prompt ? { prompt: input.prompt } : {}),
          timeoutMs: (input.timeoutSeconds ?? this.store.preferences().timeoutSeconds) * 1000,
          signal: run.signal,
          cachePlugin: createCachePlugin(vaultTokenCache(this.o.secrets, run.profileId, this.o.log.redactor)),
          onProgress: (p: SignInProgress) => {
            if (p.step === 'listening')
              run.progress('listening', { redirectUri: p.redirectUri, register: p.register, platform: p.platform });
            else if (p.step === 'browser') run.progress('browser', { url: p.url });
            else run.progress('redeeming');
          },
        };
        const result =
          credential.kind === 'none'
            ? await signInPublicClient(common)
            : await signInInteractive({ ...common, credential });
        const { result: clean, token } = strip(result);
        // The saved sign-in is now this one: "check connection" refreshes it with the same kind of client.
        this.store.setSavedSignIn(run.profileId, {
          account: result.account?.username ?? null,
          client,
          certificateForm: result.certificateForm,
          savedAt: new Date().toISOString(),
        });
        return { value: { result: clean }, facts: resultFacts(result, client), token };
      },
    );
  }

  /** App-only (client credentials) test with the profile's secret or certificate. */
  appOnly(input: { profileId: string; credential: AppOnlyCredential }): Promise<SigninTestOutcome> {
    return this.runner.execute(input.profileId, 'client-credentials', input.credential, async (run) => {
      const { result } = await this.flows.appOnlyToken(run, input.credential);
      const { result: clean, token } = strip(result);
      return { value: { result: clean }, facts: resultFacts(result, input.credential), token };
    });
  }

  /** Admin consent through the browser and the loopback, verified with an app-only token when the option has one. */
  adminConsent(input: {
    profileId: string;
    version: 'v1' | 'v2';
    verify: boolean;
    timeoutSeconds?: number | undefined;
  }): Promise<AdminConsentOutcome> {
    const profile = this.o.profiles.get(input.profileId).profile;
    const kind = profile ? credentialKindOf(profile.auth) : 'secret';
    const verify = input.verify && profile !== null && offersAppOnly(profile.auth);
    return this.runner.execute(input.profileId, 'admin-consent', verify ? kind : 'none', async (run) => {
      const t = this.flows.resolve(run);
      const credential = verify ? await profileCredential(this.o.profiles, run.profileId, t, kind) : null;
      const open = this.flows.opener(t);
      const consent = await runAdminConsent({
        ...this.flows.endpoint(t),
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
    const t = this.flows.target(input.profileId);
    const url = adminConsentLinkForAdmin({
      loginHost: t.loginHost,
      graphHost: t.graphHost,
      tenant: t.tenant,
      clientId: t.clientId,
      version: input.version,
    });
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
      const result = await this.flows.refreshed(run);
      const { result: clean, token } = strip(result);
      return { value: { result: clean }, facts: resultFacts(result, saved?.client ?? 'none'), token };
    });
  }

  /** GET /me/drive or /sites/root with the saved sign-in or an app-only token. */
  graphProbe(input: {
    profileId: string;
    target: GraphProbeTarget;
    token: 'delegated' | 'app-only';
    credential?: AppOnlyCredential | undefined;
  }): Promise<GraphProbeOutcome> {
    const profile = this.o.profiles.get(input.profileId).profile;
    const credential = input.credential ?? (profile ? credentialKindOf(profile.auth) : 'secret');
    const client =
      input.token === 'delegated' ? (this.store.savedSignIn(input.profileId)?.client ?? 'none') : credential;
    return this.runner.execute(input.profileId, 'graph-probe', client, async (run) => {
      const result =
        input.token === 'delegated'
          ? await this.flows.refreshed(run)
          : (await this.flows.appOnlyToken(run, credential)).result;
      run.progress('probing');
      const t = run.target as SigninTarget;
      const probe = await probeGraph({
        graphHost: t.graphHost,
        accessToken: result.accessToken ?? '',
        target: input.target,
        networkClient: this.network.client(),
      });
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
    if (!failure)
      throw new WorkbenchError(
        'signin.no_failure',
        'There is no failed test of this profile to report since the Workbench started.',
        { hint: 'Run a test first; diagnostics describe the last one that failed.' },
      );
    return signinDiagnostics(failure.error, { ...failure.context, redactor: this.o.log.redactor });
  }

  /** The access token of the last successful test, on an explicit user action. */
  revealToken(profileId: string): RevealedToken {
    const token = this.runner.lastToken(profileId);
    if (!token)
      throw new WorkbenchError(
        'signin.no_token',
        'No access token of this profile is kept: tokens stay in memory only, from the last successful test since the Workbench started.',
        { hint: 'Run a test, then reveal its token.' },
      );
    this.o.log.info('Revealed the access token of a sign-in test', { profile: profileId });
    return { accessToken: token.accessToken, flow: token.flow, expiresOn: token.expiresOn };
  }

  /** Sign-in test settings. */
  preferences(): SigninPreferences {
    return this.network.preferences();
  }

  /** Change the timeout or stop trusting the extra CA file. */
  setPreferences(patch: {
    timeoutSeconds?: number | undefined;
    extraCaFile?: null | undefined;
    useSystemCa?: boolean | undefined;
  }): SigninPreferences {
    return this.network.setPreferences(patch);
  }

  /** The network options of the sign-in tests (extra CA file, OS store), for other requests the app makes to Microsoft (the management sign-in, Graph). */
  networkOptions(): NetworkClientOptions {
    return this.network.options();
  }

  /** Trust the root CAs in a PEM file for sign-in tests (checked before it is kept). */
  trustExtraCa(path: string): SigninPreferences {
    return this.network.trustExtraCa(path);
  }

  /** Close idle connections (app quit). */
  close(): void {
    this.network.close();
  }
}
