import { z } from 'zod';
import type { AuthKind } from '../connections';
import type { EnvironmentId } from '../environments';
import type {
  AadstsEntry,
  AdminConsentResult,
  GraphProbeResult,
  GraphProbeTarget,
  SignInFlow,
  SignInResult,
  TokenClaimsSummary,
} from '../signin';
import { method } from './define';

const empty = z.object({}).strict();
const profileId = z.string().min(1).max(100);
const byProfile = z.object({ profileId }).strict();

/** The platform names of the Entra admin center's Authentication page. */
export type SigninRedirectPlatform = 'Web' | 'Mobile and desktop applications';

/** How the app proves itself in a delegated test: its secret or certificate (Web app), or nothing (public client). */
export const delegatedClients = ['secret', 'certificate', 'public'] as const;
/** One way of running the delegated sign-in test. */
export type DelegatedClient = (typeof delegatedClients)[number];

/** The credentials an app-only test can use. */
export const appOnlyCredentials = ['secret', 'certificate'] as const;
/** One app-only credential. */
export type AppOnlyCredential = (typeof appOnlyCredentials)[number];

/** A test the page can run: a sign-in flow or the Graph probe. */
export type SigninTestFlow = SignInFlow | 'graph-probe';

/** Which credential a test used (`none` for a public client). */
export type SigninClientUsed = 'secret' | 'certificate' | 'none';

/** A redirect URI to register and the platform it belongs under. */
export interface RedirectToRegister {
  uri: string;
  platform: SigninRedirectPlatform;
}

/** Which tests a profile offers, and why others are not offered. */
export interface SigninProfileInfo {
  profileId: string;
  profileName: string;
  auth: AuthKind;
  environment: EnvironmentId;
  loginHost: string;
  graphHost: string;
  tenant: string;
  clientId: string;
  /** The account's UPN, used as login hint (certificate profiles). */
  upn: string | null;
  /** False for common / organizations / consumers: app-only tests and admin consent verification need a named tenant. */
  tenantNamed: boolean;
  /** Delegated sign-in variants that can run now (credential stored). */
  delegated: DelegatedClient[];
  /** App-only credentials that can run now. */
  appOnly: AppOnlyCredential[];
  /** True when the option has an app-only test at all (certificate and client credentials). */
  appOnlyOffered: boolean;
  /** Redirect URIs the tests use: confidential (Web) and public client (Mobile and desktop). */
  redirects: { confidential: RedirectToRegister; publicClient: RedirectToRegister };
  /** Delegated permissions the profile needs (without openid, profile, email, offline_access). */
  requiredDelegated: string[];
  /** Application permissions the profile wants for the app-only test. */
  requiredApplication: string[];
  /** The sign-in "check connection" refreshes, when one is saved (encrypted) for this profile. */
  savedSignIn: SavedSignInInfo | null;
  /** The test running now for this profile, if any. */
  running: { runId: string; flow: SigninTestFlow } | null;
  /** Plain remarks: why a test is not offered (no secret stored, tenant is common, …). */
  remarks: string[];
}

/** What is known about a saved (encrypted) sign-in of a profile; never a token. */
export interface SavedSignInInfo {
  account: string | null;
  client: SigninClientUsed;
  certificateForm: 'sha256' | 'sha1' | null;
  savedAt: string;
}

/** When and how a test ran. */
export interface SigninRunInfo {
  runId: string;
  profileId: string;
  flow: SigninTestFlow;
  client: SigninClientUsed;
  startedAt: string;
  durationMs: number;
}

/** A successful sign-in, app-only or refresh test: claims and the permission comparison, never the token. */
export interface SigninTestOutcome extends SigninRunInfo {
  result: Omit<SignInResult, 'accessToken'>;
}

/** A finished admin consent: granted, and the app-only verification when one ran. */
export interface AdminConsentOutcome extends SigninRunInfo {
  version: 'v1' | 'v2';
  consent: AdminConsentResult;
}

/** A Graph probe: what Graph answered, with the claims of the token used. */
export interface GraphProbeOutcome extends SigninRunInfo {
  token: 'delegated' | 'app-only';
  probe: GraphProbeResult;
  claims: TokenClaimsSummary | null;
}

/** The admin consent address to send to a Global Administrator. */
export interface AdminConsentLink {
  url: string;
  version: 'v1' | 'v2';
  /** The redirect URI in the link (must be registered on the app). */
  redirectUri: string;
  note: string;
}

/** One line of a profile's test history: no token, no secret. */
export interface SigninHistoryEntry {
  runId: string;
  at: string;
  flow: SigninTestFlow;
  client: SigninClientUsed;
  ok: boolean;
  /** Error code on failure (`aadsts.<n>`, `signin.*`, …). */
  code: string | null;
  aadsts: number | null;
  /** Plain summary: what failed, or what the test proved. */
  summary: string;
  user: string | null;
  granted: string[];
  missing: string[];
  extra: string[];
  durationMs: number;
}

/** Settings of the sign-in tests. */
export interface SigninPreferences {
  /** How long an interactive test or admin consent waits for the browser. */
  timeoutSeconds: number;
  /** A PEM file of extra root CAs (e.g. a TLS-inspecting proxy's), or null. */
  extraCaFile: string | null;
  /** Certificates in that file, for display. */
  extraCaSubjects: string[];
  /** Also trust the operating system's certificate store (where organisations deploy their proxy's root CA). */
  useSystemCa: boolean;
  /** How many root CAs the OS store holds now, or null where this runtime cannot read it. */
  systemCaCount: number | null;
  /**
   * The NODE_EXTRA_CA_CERTS file this process started with, if any. Only `gcw` and `npm start` can have one: in the
   * installed app Electron removes the variable at start-up (its nodeOptions fuse is off).
   */
  nodeExtraCaCerts: string | null;
}

/** Progress of a running test, sent as `signin.progress`. */
export interface SigninProgressEvent {
  runId: string;
  profileId: string;
  flow: SigninTestFlow;
  step:
    | 'started'
    | 'listening'
    | 'browser'
    | 'redeeming'
    | 'requesting'
    | 'verifying'
    | 'refreshing'
    | 'probing'
    | 'done'
    | 'failed'
    | 'cancelled';
  at: string;
  /** listening: the address the listener waits on, what to register and under which platform. */
  redirectUri?: string;
  register?: string;
  platform?: SigninRedirectPlatform;
  /** browser: the sign-in address opened (no secret in it), to open by hand if the browser did not appear. */
  url?: string;
  /** failed: the error code. */
  code?: string;
}

/** What the token reveal returns, on an explicit user action only. */
export interface RevealedToken {
  accessToken: string;
  flow: SigninTestFlow;
  expiresOn: string | null;
}

/** A pasted token decoded for display. */
export interface DecodedTokenView {
  header: Record<string, unknown>;
  claims: TokenClaimsSummary;
  payload: Record<string, unknown>;
}

const timeoutSeconds = z.number().int().min(30).max(1800);

/** Contract methods of the Sign-in tests page. */
export const signinMethods = {
  'signin.profileInfo': method<SigninProfileInfo>()(
    byProfile,
    'Which tests a profile offers, the redirect URIs to register, its saved sign-in and any running test.',
  ),
  'signin.interactive': method<SigninTestOutcome>()(
    z
      .object({
        profileId,
        client: z.enum(delegatedClients),
        timeoutSeconds: timeoutSeconds.optional(),
        prompt: z.enum(['select_account', 'login', 'consent']).optional(),
      })
      .strict(),
    'Delegated sign-in test: authorization code + PKCE through the system browser and a loopback redirect (Web app with secret or certificate, or public client).',
  ),
  'signin.appOnly': method<SigninTestOutcome>()(
    z.object({ profileId, credential: z.enum(appOnlyCredentials) }).strict(),
    'App-only test (client credentials) with the secret or the certificate; needs a named tenant.',
  ),
  'signin.adminConsent': method<AdminConsentOutcome>()(
    z
      .object({
        profileId,
        version: z.enum(['v1', 'v2']).default('v2'),
        verify: z.boolean().default(true),
        timeoutSeconds: timeoutSeconds.optional(),
      })
      .strict(),
    'Open the admin consent page, catch the answer on the loopback, then verify with an app-only token.',
  ),
  'signin.adminConsentLink': method<AdminConsentLink>()(
    z.object({ profileId, version: z.enum(['v1', 'v2']).default('v2') }).strict(),
    'The admin consent address to send to a Global Administrator.',
  ),
  'signin.checkConnection': method<SigninTestOutcome>()(
    byProfile,
    'Refresh the saved sign-in silently; a revoked or expired one says why and asks for a new sign-in.',
  ),
  'signin.graphProbe': method<GraphProbeOutcome>()(
    z
      .object({
        profileId,
        target: z.enum(['me/drive', 'sites/root'] satisfies GraphProbeTarget[]),
        token: z.enum(['delegated', 'app-only']),
        credential: z.enum(appOnlyCredentials).optional(),
      })
      .strict(),
    'A read-only Microsoft Graph request (GET /me/drive or /sites/root) with the saved sign-in or an app-only token.',
  ),
  'signin.cancel': method<{ cancelled: boolean }>()(byProfile, 'Cancel the test running for a profile.'),
  'signin.history': method<SigninHistoryEntry[]>()(byProfile, 'The last tests of a profile, newest first (no tokens).'),
  'signin.clearHistory': method<{ removed: number }>()(byProfile, 'Forget the test history of a profile.'),
  'signin.forgetSignIn': method<{ forgotten: boolean }>()(
    byProfile,
    'Delete the saved (encrypted) sign-in of a profile.',
  ),
  'signin.copyDiagnostics': method<{ clearsInSeconds: number | null }>()(
    byProfile,
    'Copy a redacted report of the profile’s last failed test.',
  ),
  'signin.revealAccessToken': method<RevealedToken>()(
    byProfile,
    'Show the access token of the profile’s last successful test (kept in memory only) on an explicit user action.',
    { revealsSecret: true },
  ),
  'signin.decodeToken': method<DecodedTokenView>()(
    z.object({ token: z.string().min(1).max(20_000) }).strict(),
    'Decode a pasted access token (no signature check) for display.',
  ),
  'signin.aadstsLookup': method<AadstsEntry | null>()(
    z.object({ code: z.union([z.number().int().min(0).max(99_999_999), z.string().max(20)]) }).strict(),
    'One AADSTS code: Microsoft’s name, the meaning and the fix in this tool’s terms.',
  ),
  'signin.aadstsSearch': method<AadstsEntry[]>()(
    z.object({ query: z.string().max(200).default('') }).strict(),
    'Search the AADSTS catalogue by number or words.',
  ),
  'signin.preferences': method<SigninPreferences>()(
    empty,
    'The sign-in test settings (browser timeout, extra root CA, OS certificate store).',
  ),
  'signin.setPreferences': method<SigninPreferences>()(
    z
      .object({
        timeoutSeconds: timeoutSeconds.optional(),
        extraCaFile: z.null().optional(),
        useSystemCa: z.boolean().optional(),
      })
      .strict(),
    'Change the browser timeout, stop trusting the extra root CA file, or trust the OS certificate store or not.',
  ),
  'signin.chooseExtraCa': method<SigninPreferences>()(
    empty,
    'Pick a PEM file of extra root CAs to trust for sign-in tests (e.g. a TLS-inspecting proxy’s).',
  ),
  'signin.trustExtraCaPem': method<SigninPreferences>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        pem: z
          .string()
          .min(1)
          .max(1024 * 1024),
      })
      .strict(),
    'Trust the root CAs of a PEM file the page read (gcw ui: the browser’s file picker); main keeps a copy in the data folder.',
  ),
};
