/** Format checks for the values admins paste into the connection forms. */

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** True for a GUID such as 11111111-2222-3333-4444-555555555555 (with or without braces is not accepted: Entra shows none). */
export function isGuid(value: string): boolean {
  return guid.test(value.trim());
}

/** True for a DNS host name with at least two labels and an alphabetic top-level label (e.g. contoso.com). */
export function isDomainName(value: string): boolean {
  const host = value.trim();
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => label.test(l)) && topLevel.test(labels.at(-1) ?? '');
}

/** What a tenant value is: a Directory (tenant) ID, a domain, one of the multi-tenant keywords, or nothing valid. */
export type TenantKind = 'empty' | 'guid' | 'domain' | 'common' | 'organizations' | 'consumers' | 'invalid';

/** Classify a tenant value as Microsoft Entra reads it in an authority URL. */
export function tenantKind(value: string): TenantKind {
  const tenant = value.trim();
  if (tenant === '') return 'empty';
  const lower = tenant.toLowerCase();
  if (lower === 'common' || lower === 'organizations' || lower === 'consumers') return lower;
  if (isGuid(tenant)) return 'guid';
  if (isDomainName(tenant)) return 'domain';
  return 'invalid';
}

/** True for a tenant Microsoft Entra can read in an authority URL: a GUID, a domain, common, organizations or consumers. */
export function isEntraTenant(value: string): boolean {
  const kind = tenantKind(value);
  return kind !== 'empty' && kind !== 'invalid';
}

/**
 * True for a value that is one safe URL path segment: letters, digits, `.`, `_` and `-`, starting and ending with a
 * letter or digit, no `..` (so never `.` or `..`, which a URL would resolve as a directory step). Every tenant that goes
 * into a sign-in or consent address passes this first; an OpenID Connect provider's tenant (e.g. `tenant1`) does too.
 */
export function isTenantSegment(value: string): boolean {
  const tenant = value.trim();
  return tenant.length <= 256 && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(tenant) && !tenant.includes('..');
}

/** True for tenants an app-only request cannot use. */
export function isMultiTenantKeyword(value: string): boolean {
  const kind = tenantKind(value);
  return kind === 'common' || kind === 'organizations' || kind === 'consumers';
}

/** True for a user principal name: name@domain with a valid domain and no spaces. */
export function isUpn(value: string): boolean {
  const upn = value.trim();
  if (upn.length > 256) return false;
  const at = upn.lastIndexOf('@');
  if (at <= 0) return false;
  const local = upn.slice(0, at);
  return /^[^\s@()<>,;:\\"[\]]{1,113}$/.test(local) && isDomainName(upn.slice(at + 1));
}

/** The domain part of a UPN, or null. */
export function upnDomain(value: string): string | null {
  const at = value.lastIndexOf('@');
  return at > 0 ? value.slice(at + 1).trim() : null;
}

/** Strip `https://` and a trailing slash from a host an admin pasted as a URL; anything else is left for validation to report. */
export function normalizeHost(value: string): string {
  return value
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
}

/** Shorten a value for a message (values here are never secrets). */
export function quote(value: string, max = 60): string {
  const v = value.trim();
  return `“${v.length > max ? `${v.slice(0, max - 1)}…` : v}”`;
}
