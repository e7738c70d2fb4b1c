import type { RegisteredKeyCredential } from '../../../shared/registration';
import { day, daysUntil } from './check-context';

/**
 * Why a registered certificate cannot be used to sign in now, or null when, as far as the manifest says, it can:
 * type AsymmetricX509Cert, usage Verify, inside its dates. A type, usage or date the file leaves out counts as
 * unknown, not as a fault (Entra always writes them; a trimmed copy may not).
 */
export function unusableReason(kc: RegisteredKeyCredential, now: Date): string | null {
  if (kc.type !== null && kc.type.toLowerCase() !== 'asymmetricx509cert')
    return `its type is “${kc.type}”, not AsymmetricX509Cert`;
  if (kc.usage !== null && kc.usage.toLowerCase() !== 'verify')
    return `its usage is “${kc.usage}”${kc.usage.toLowerCase() === 'encrypt' ? ' (SAML token encryption)' : ''}, not Verify`;
  const left = daysUntil(kc.endDateTime, now);
  if (left !== null && left < 0) return `it expired on ${day(kc.endDateTime)}`;
  const start = kc.startDateTime ? Date.parse(kc.startDateTime) : Number.NaN;
  if (!Number.isNaN(start) && start > now.getTime()) return `it becomes valid only on ${day(kc.startDateTime)}`;
  return null;
}

/** True when no registered certificate can sign in (also when none is registered). */
export function noUsableCertificate(credentials: RegisteredKeyCredential[], now: Date): boolean {
  return credentials.every((kc) => unusableReason(kc, now) !== null);
}
