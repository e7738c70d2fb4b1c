import type { Application, KeyCredential, RequiredResourceAccess } from '@microsoft/microsoft-graph-types';

/** The parts of a Graph application a repair reads, taken from the raw JSON as Graph returned it. */
export interface CurrentApp {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string | null;
  web: string[];
  spa: string[];
  publicClient: string[];
  isFallbackPublicClient: boolean | null;
  requiredResourceAccess: RequiredResourceAccess[];
  keyCredentials: KeyCredential[];
  /** True when keyCredentials came with their `key` (GET … ?$select=keyCredentials), so they can be written back whole. */
  keysIncluded: boolean;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function uris(section: unknown): string[] {
  return section && typeof section === 'object' ? strings((section as { redirectUris?: unknown }).redirectUris) : [];
}

/** Read a Graph application object (GET /applications(appId='…')) into what a repair needs. */
export function readCurrentApp(raw: Record<string, unknown>): CurrentApp {
  const app = raw as Application & Record<string, unknown>;
  const keys = Array.isArray(app.keyCredentials)
    ? app.keyCredentials.filter((k): k is KeyCredential => !!k && typeof k === 'object')
    : [];
  return {
    id: typeof app.id === 'string' ? app.id : '',
    appId: typeof app.appId === 'string' ? app.appId : '',
    displayName: typeof app.displayName === 'string' ? app.displayName : '',
    signInAudience: typeof app.signInAudience === 'string' ? app.signInAudience : null,
    web: uris(app.web),
    spa: uris(app.spa),
    publicClient: uris(app.publicClient),
    isFallbackPublicClient: typeof app.isFallbackPublicClient === 'boolean' ? app.isFallbackPublicClient : null,
    requiredResourceAccess: Array.isArray(app.requiredResourceAccess) ? app.requiredResourceAccess : [],
    keyCredentials: keys,
    keysIncluded: keys.length === 0 || keys.every((k) => typeof k.key === 'string' && k.key !== ''),
  };
}

/** How a registered credential is named in diffs: display name, thumbprint-like identifier or key ID. */
export function keyLabel(k: KeyCredential): string {
  const name = k.displayName || 'certificate';
  const end = k.endDateTime ? `, until ${k.endDateTime.slice(0, 10)}` : '';
  return `${name} (key ID ${k.keyId ?? 'unknown'}${end})`;
}
