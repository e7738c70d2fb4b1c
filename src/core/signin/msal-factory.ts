import {
  ConfidentialClientApplication,
  type Configuration,
  type ICachePlugin,
  type INetworkModule,
  LogLevel,
  ProtocolMode,
  PublicClientApplication,
} from '@azure/msal-node';
import { isEntraTenant, isTenantSegment } from '../connections/formats';
import { WorkbenchError } from '../errors';
import { authorityUrl, microsoftLoginHosts, normaliseHost } from './endpoints';

/** How the app proves itself. */
export type ClientCredential =
  | { kind: 'secret'; secret: string }
  | { kind: 'certificate'; privateKeyPem: string; thumbprintSha256Hex: string; thumbprintSha1Hex: string; x5c?: string }
  | { kind: 'none' };

/** Which client-assertion form to sign: SHA-256 (`x5t#S256`, PS256) or SHA-1 (`x5t`, RS256). */
export type CertificateForm = 'sha256' | 'sha1';

/** Everything msal needs, as plain data plus the injected network client. */
export interface MsalAppOptions {
  loginHost: string;
  tenant: string;
  clientId: string;
  credential: ClientCredential;
  networkClient: INetworkModule;
  cachePlugin?: ICachePlugin;
  certificateForm?: CertificateForm;
  /** `oidc` for a generic OpenID Connect provider (no Entra tenant rules); default `entra`. */
  protocol?: 'entra' | 'oidc';
  /** Receives msal's log lines (no personal data); the caller must redact before keeping them. */
  logSink?: (level: 'error' | 'warning' | 'info', message: string) => void;
}

const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/**
 * Check the plain inputs before msal sees them, so mistakes read as plain words. The tenant must be a GUID, a domain,
 * common, organizations or consumers for Entra; for a generic OpenID Connect provider any safe path segment (never `..`).
 */
export function validateEndpointInput(input: {
  loginHost: string;
  tenant: string;
  clientId: string;
  protocol?: 'entra' | 'oidc' | undefined;
}): void {
  if (!HOST.test(normaliseHost(input.loginHost))) {
    throw new WorkbenchError('signin.invalid_input', `"${input.loginHost}" is not a sign-in host.`, {
      hint: 'Use a host name such as login.microsoftonline.com, without a path.',
    });
  }
  if (!isTenantSegment(input.tenant) || (input.protocol !== 'oidc' && !isEntraTenant(input.tenant))) {
    throw new WorkbenchError(
      'signin.invalid_input',
      'The tenant ID is empty or contains characters a tenant cannot have.',
      {
        hint: 'Use the Directory (tenant) ID from the app registration overview, or a verified domain such as contoso.onmicrosoft.com.',
      },
    );
  }
  if (!CLIENT_ID.test(input.clientId.trim())) {
    throw new WorkbenchError('signin.invalid_input', 'The client ID is empty or malformed.', {
      hint: 'Copy the Application (client) ID from the app registration overview in the Microsoft Entra admin center.',
    });
  }
}

/** A fresh msal app: confidential when a credential is given, public otherwise. Authority strings stay production-shaped. */
export function createMsalApp(options: MsalAppOptions): PublicClientApplication | ConfidentialClientApplication {
  validateEndpointInput(options);
  const host = normaliseHost(options.loginHost);
  const known = microsoftLoginHosts.includes(host.toLowerCase());
  const sink = options.logSink;
  const config: Configuration = {
    auth: {
      clientId: options.clientId.trim(),
      authority: authorityUrl(host, options.tenant.trim()),
      // Hosts msal does not know must be listed, or it asks login.microsoftonline.com to validate them.
      ...(known ? {} : { knownAuthorities: [host] }),
    },
    system: {
      networkClient: options.networkClient,
      protocolMode: options.protocol === 'oidc' ? ProtocolMode.OIDC : ProtocolMode.AAD,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Info,
        loggerCallback: (level, message) => {
          if (!sink) return;
          sink(level === LogLevel.Error ? 'error' : level === LogLevel.Warning ? 'warning' : 'info', message);
        },
      },
    },
    ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
  };
  const credential = options.credential;
  if (credential.kind === 'none') return new PublicClientApplication(config);
  if (credential.kind === 'secret')
    return new ConfidentialClientApplication({ ...config, auth: { ...config.auth, clientSecret: credential.secret } });
  const sha256 = (options.certificateForm ?? 'sha256') === 'sha256';
  const clientCertificate = {
    privateKey: credential.privateKeyPem,
    ...(sha256
      ? { thumbprintSha256: hex(credential.thumbprintSha256Hex) }
      : { thumbprint: hex(credential.thumbprintSha1Hex) }),
    ...(credential.x5c ? { x5c: credential.x5c } : {}),
  };
  return new ConfidentialClientApplication({ ...config, auth: { ...config.auth, clientCertificate } });
}

function hex(thumbprint: string): string {
  return thumbprint.replace(/[^0-9a-fA-F]/g, '');
}
