import type { SignInResult } from '../../shared/signin';
import { type InteractiveSignInOptions, signInInteractive } from './interactive-signin';

/** Options of the public-client test: those of the interactive test, without a credential. */
export type PublicClientSignInOptions = Omit<InteractiveSignInOptions, 'credential' | 'flow'>;

/**
 * Interactive sign-in as a public client (no secret, no certificate; the app registration's "Mobile and desktop
 * applications" platform). It runs through the Workbench's own loopback listener with `getAuthCodeUrl` and
 * `acquireTokenByCode`, like the confidential test, so it has the same limits (loopback addresses only, one answer
 * carrying the request's `state`, Host check, body and header caps, time limits); msal-node's own loopback server
 * (`acquireTokenInteractive`) has none of them.
 */
export function signInPublicClient(o: PublicClientSignInOptions): Promise<SignInResult> {
  return signInInteractive({ ...o, credential: { kind: 'none' }, flow: 'public-client' });
}
