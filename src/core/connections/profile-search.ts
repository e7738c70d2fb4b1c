import { authLabels } from '../../shared/connections';
import { environmentLabels } from '../../shared/environments';
import type { RecordReading } from './profile-records';

/** True when every word of the query appears in the profile's name, notes, client ID, tenant, UPN, domain, option or environment. */
export function matchesQuery(reading: RecordReading, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const p = reading.profile;
  const parts = [reading.name];
  if (p) {
    parts.push(p.notes, p.clientId, p.tenant, p.auth, authLabels[p.auth], environmentLabels[p.environment]);
    if (p.auth === 'certificate') parts.push(p.upn, p.certificate?.subject ?? '', p.certificate?.thumbprintSha1 ?? '');
    if (p.auth === 'byo-app') parts.push(p.domain);
  }
  const text = parts.join('\n').toLowerCase();
  return words.every((w) => text.includes(w));
}
