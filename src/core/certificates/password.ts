import { randomBytes } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other (no 0/O/o, 1/l/I). */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A strong random password from crypto.randomBytes: groups of unambiguous letters and digits joined by hyphens
 * (`Xk7p-…`), easy to read aloud and safe to paste into shells and forms. 20 random characters = about 115 bits.
 */
export function generateStrongPassword(randomCharacters = 20): string {
  const count = Math.max(20, Math.floor(randomCharacters));
  const alphabet = UNAMBIGUOUS_ALPHABET;
  const limit = 256 - (256 % alphabet.length);
  const chars: string[] = [];
  while (chars.length < count) {
    for (const byte of randomBytes(count * 2)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < limit && chars.length < count) chars.push(alphabet[byte % alphabet.length]!);
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += 5) groups.push(chars.slice(i, i + 5).join(''));
  return groups.join('-');
}

/** Pure, so the renderer computes it as the user types; kept here for core's callers. */
export { passwordStrength } from '../../shared/password-strength';
