import type { AppOnlyCredential } from '../../../shared/contract/signin';
import type { SignInResult } from '../../../shared/signin';
import type { ProfileStore } from '../../connections/profile-store';
import { WorkbenchError } from '../../errors';
import type { Logger } from '../../log/logger';
import type { ExternalLinkPolicy } from '../../os/external-links';
import type { ShellPort } from '../../os/ports';
import type { SecretStore } from '../../vault/secret-store';
import { testAppOnly } from '../app-only';
import type { FlowEndpoint } from '../flow-support';
import type { ClientCredential } from '../msal-factory';
import type { SigninNetworkClient } from '../network-client';
import { checkConnection } from '../refresh-health';
import { profileCredential } from './profile-credential';
import type { Run } from './signin-runner';
import type { SigninStore } from './signin-store';
import { offersAppOnly, type SigninTarget, signinTarget } from './signin-target';
import { tokenCacheVaultId, vaultTokenCache } from './vault-token-cache';

/** What the flows need from the app. */
export interface FlowDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  links: ExternalLinkPolicy;
  shell: ShellPort;
  log: Logger;
  store: SigninStore;
  client: () => SigninNetworkClient;
}

/** Turns a profile into what a flow needs (hosts, endpoint, browser opener) and gets the tokens the probe and checks use. */
export class FlowContext {
  constructor(private readonly o: FlowDeps) {}

  /** The profile's target; a profile that cannot be read is `signin.invalid_input`. */
  target(profileId: string): SigninTarget {
    const entry = this.o.profiles.get(profileId);
    if (!entry.profile) {
      throw new WorkbenchError('signin.invalid_input', `“${entry.name}” cannot be read well enough to test.`, {
        hint: 'Open it on the Connections page and correct it, or delete it.',
      });
    }
    return signinTarget(entry.profile);
  }

  /** Resolve the run's profile, remember it for diagnostics, and allow a Custom sign-in host to be opened. */
  resolve(run: Run): SigninTarget {
    const t = this.target(run.profileId);
    run.target = t;
    // The sign-in host of a Custom environment is not on the link allowlist: allow it for this session.
    if (t.environment === 'custom') this.o.links.allowHost(t.loginHost);
    return t;
  }

  /** Hosts, IDs and the network client; the token is kept in the result for the caller to strip. */
  endpoint(t: SigninTarget): FlowEndpoint {
    return {
      loginHost: t.loginHost,
      graphHost: t.graphHost,
      tenant: t.tenant,
      clientId: t.clientId,
      networkClient: this.o.client(),
      includeAccessToken: true,
      logSink: (level, message) => {
        if (level !== 'info')
          this.o.log.log(level === 'error' ? 'error' : 'warn', 'msal', { message: message.slice(0, 500) });
      },
    };
  }

  /** The system browser, only for links the allowlist accepts. */
  opener(t: SigninTarget): (url: string) => Promise<void> {
    return async (url) => {
      const link = this.o.links.resolve(url);
      if ('refused' in link) {
        throw new WorkbenchError('external.not_allowed', `The sign-in page was not opened: ${link.refused}.`, {
          hint: 'Check the sign-in host of the profile (Connections page): it must be a host name, with a port only for a Custom environment.',
          details: { loginHost: t.loginHost },
        });
      }
      await this.o.shell.openInBrowser(link.href);
    };
  }

  /** An app-only token with the profile's secret or certificate (the certificate form that worked before first). */
  async appOnlyToken(run: Run, kind: AppOnlyCredential): Promise<{ result: SignInResult }> {
    const t = this.resolve(run);
    if (!offersAppOnly(t.auth)) {
      throw new WorkbenchError(
        'signin.flow_not_offered',
        'Bring-your-own-app connections always sign a user in, so the Workbench has no app-only test for them.',
        {
          hint: 'Run the delegated sign-in test instead.',
        },
      );
    }
    const credential = await profileCredential(this.o.profiles, run.profileId, t, kind);
    run.progress('requesting');
    const saved = this.o.store.savedSignIn(run.profileId);
    const result = await testAppOnly({
      ...this.endpoint(t),
      credential,
      requiredPermissions: t.requiredApplication,
      ...(saved?.certificateForm ? { certificateForm: saved.certificateForm } : {}),
    });
    return { result };
  }

  /** The saved sign-in, refreshed (forced) through the vault-encrypted cache. */
  async refreshed(run: Run): Promise<SignInResult> {
    const t = this.resolve(run);
    const saved = this.o.store.savedSignIn(run.profileId);
    if (!saved || !this.o.secrets.has(tokenCacheVaultId(run.profileId))) {
      throw new WorkbenchError('signin.no_account', 'There is no saved sign-in for this profile.', {
        hint: 'Run the delegated sign-in test once; the Workbench keeps that sign-in (encrypted) for later checks.',
        details: { signInAgain: true },
      });
    }
    const credential: ClientCredential =
      saved.client === 'none'
        ? { kind: 'none' }
        : await profileCredential(this.o.profiles, run.profileId, t, saved.client);
    run.progress('refreshing');
    return checkConnection({
      ...this.endpoint(t),
      credential,
      ...(saved.certificateForm ? { certificateForm: saved.certificateForm } : {}),
      persistence: vaultTokenCache(this.o.secrets, run.profileId, this.o.log.redactor),
      ...(saved.account ? { account: saved.account } : {}),
      requiredPermissions: t.requiredDelegated,
    });
  }
}
