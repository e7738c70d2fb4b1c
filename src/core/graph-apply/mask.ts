/** Fields whose values are secrets wherever they appear in a Graph body or answer. */
const SECRET_FIELDS = new Set(['secrettext', 'password', 'clientsecret', 'access_token', 'refresh_token']);

/** The mask shown instead of a secret. */
export const MASK = '••••••••';

/** A copy with every secret field replaced by the mask (previews, logs, partial-failure reports). */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => maskSecrets(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_FIELDS.has(k.toLowerCase()) && typeof v === 'string' && v !== '' ? MASK : maskSecrets(v),
      ]),
    ) as T;
  }
  return value;
}
