// Plain result types of the sign-in tests, shared by core, the CLI and the renderer.

/** Which sign-in test produced a result. */
export type SignInFlow = 'interactive' | 'public-client' | 'client-credentials' | 'admin-consent' | 'refresh';

/** How the app proved itself, from `appidacr` / `azpacr`. */
export type ClientCredentialUsed = 'none (public client)' | 'client secret' | 'certificate' | 'unknown';

/** The access-token claims an admin needs to see; never the token itself. */
export interface TokenClaimsSummary {
  /** Token version, `1.0` or `2.0`. */
  ver: string | null;
  /** Audience: the API the token is for (e.g. https://graph.microsoft.com). */
  aud: string | null;
  iss: string | null;
  /** Tenant ID. */
  tid: string | null;
  /** Client ID of the app that got the token (`appid` in v1, `azp` in v2). */
  appId: string | null;
  /** `appidacr` / `azpacr`: 0 public client, 1 client secret, 2 certificate. */
  appIdAcr: string | null;
  credentialUsed: ClientCredentialUsed;
  /** Delegated permissions (`scp`), split. */
  scopes: string[];
  /** Application permissions or app roles (`roles`). */
  roles: string[];
  /** Signed-in user (`upn`, else `preferred_username`, else `unique_name`). */
  user: string | null;
  name: string | null;
  /** The optional `idtyp` claim as sent (`app`, `user` or null). */
  idtyp: string | null;
  /** `app` or `user` (the `idtyp` claim, else inferred from `scp`). */
  tokenKind: 'app' | 'user';
  /** Expiry as an ISO date. */
  expiresAt: string | null;
  /** Whole minutes until expiry at the time of decoding (negative when expired). */
  minutesLeft: number | null;
}

/** Granted permissions side by side with the ones the profile needs. */
export interface PermissionComparison {
  kind: 'delegated' | 'application';
  required: string[];
  granted: string[];
  /** Required but not granted. */
  missing: string[];
  /** Granted but not required (least privilege: worth removing). */
  extra: string[];
}

/** The account a delegated sign-in used. */
export interface SignedInAccount {
  username: string;
  tenantId: string;
  homeAccountId: string;
}

/** What a successful sign-in test proved. */
export interface SignInResult {
  flow: SignInFlow;
  /** Null when the identity provider issued an opaque (non-JWT) access token. */
  claims: TokenClaimsSummary | null;
  permissions: PermissionComparison;
  account: SignedInAccount | null;
  /** The redirect URI the browser returned to (interactive flows). */
  redirectUri: string | null;
  /** For certificates: which client-assertion form Entra accepted. */
  certificateForm: 'sha256' | 'sha1' | null;
  /** Plain-language remarks (fallbacks taken, claims that could not be read, …). */
  notes: string[];
  expiresOn: string | null;
  /** Present only when the caller asked for it (e.g. to run the Graph probe). */
  accessToken?: string;
}

/** The outcome of the admin-consent flow. */
export interface AdminConsentResult {
  consented: boolean;
  /** The tenant Entra reported (informational only; never used to sign in). */
  tenantReported: string | null;
  /** The app-only token test run afterwards, when a credential was given. */
  verification: SignInResult | null;
  /** Why verification failed or was skipped, in plain words. */
  verificationNote: string | null;
}

/** Result of "check connection": the saved sign-in still refreshes. */
export interface RefreshHealthResult extends SignInResult {
  flow: 'refresh';
  checkedAt: string;
}

/** The read-only Microsoft Graph request that confirms access. */
export type GraphProbeTarget = 'me/drive' | 'sites/root';

/** What the Graph probe saw. */
export interface GraphProbeResult {
  target: GraphProbeTarget;
  url: string;
  status: number;
  /** Display name and web address of the drive or site. */
  name: string | null;
  webUrl: string | null;
}

/** One entry of the AADSTS catalogue. */
export interface AadstsEntry {
  code: number;
  /** Microsoft's name for the error, e.g. InvalidReplyTo. */
  name: string;
  meaning: string;
  /** What to do, in this tool's words. */
  fix: string;
  category: AadstsCategory;
  /** A new interactive sign-in is the way out. */
  signInAgain: boolean;
}

/** Groups of AADSTS errors. */
export type AadstsCategory =
  | 'redirect-uri'
  | 'consent'
  | 'app-registration'
  | 'tenant'
  | 'cloud'
  | 'user'
  | 'conditional-access'
  | 'scope'
  | 'client-credential'
  | 'certificate'
  | 'refresh-token'
  | 'protocol';
