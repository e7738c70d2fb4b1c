import { parseExpiry } from '../core/connections/expiry';
import { isDomainName, isGuid, isUpn, tenantKind } from '../core/connections/formats';
import { plain } from './terminal-text';

/**
 * The flags whose values have a format, checked the same way in every command: a malformed value is a usage error
 * (exit 2) that names the flag, before anything is written or sent.
 */
const formats: Record<string, { ok: (value: string) => boolean; expected: string }> = {
  'client-id': {
    ok: isGuid,
    expected: 'the Application (client) ID, a GUID such as 11111111-2222-3333-4444-555555555555',
  },
  tenant: {
    ok: (v) => !['invalid', 'empty'].includes(tenantKind(v)),
    expected:
      'the Directory (tenant) ID (a GUID), a verified domain such as contoso.onmicrosoft.com, or common / organizations',
  },
  upn: { ok: isUpn, expected: 'a user principal name such as sync@contoso.com' },
  domain: { ok: isDomainName, expected: 'a host name such as cloud.example.com (no https://, no path)' },
  'secret-expires': {
    ok: (v) => parseExpiry(v) !== null,
    expected: 'a date as YYYY-MM-DD (e.g. 2027-03-31) or an ISO date-time',
  },
};

/** The first malformed value among the parsed flags, as a message naming the flag; null when all are well formed. */
export function flagFormatProblem(values: Record<string, unknown>): string | null {
  for (const [flag, format] of Object.entries(formats)) {
    const value = values[flag];
    if (typeof value !== 'string' || format.ok(value)) continue;
    return `--${flag} "${plain(value)}" is not ${format.expected}.`;
  }
  return null;
}
