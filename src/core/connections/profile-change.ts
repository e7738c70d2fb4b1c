import type { Profile, ProfileInput } from '../../shared/connections';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Two stored profiles hold the same fields (key order aside). */
export function isSameProfile(a: Profile, b: Profile): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The form's secret inputs set or remove a secret (an empty input keeps what is stored). */
export function changesSecrets(secrets: ProfileInput['secrets']): boolean {
  return Object.values(secrets).some((v) => v === null || (typeof v === 'string' && v !== ''));
}
