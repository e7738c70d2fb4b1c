// How hard a password is to guess. Pure (no Node, no DOM): the renderer runs it on every keystroke.
import type { PasswordStrength } from './certificates';

const COMMON = new Set(
  [
    'password',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword',
    'welcome',
    'letmein',
    'qwerty',
    'qwertz',
    'azerty',
    'admin',
    'administrator',
    'changeit',
    'changeme',
    'secret',
    'test',
    'test1234',
    'test123',
    'abc123',
    '123456',
    '1234',
    '12345',
    '12345678',
    '123456789',
    'iloveyou',
    'monkey',
    'dragon',
    'master',
    'sunshine',
    'football',
    'baseball',
    'summer',
    'winter',
    'spring',
    'autumn',
    'certificate',
    'cert',
    'pfx',
    'microsoft',
    'azure',
    'office365',
    'sharepoint',
    'onedrive',
    'uipath',
    'company',
    'default',
  ].map((w) => w.toLowerCase()),
);

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

function hasSequence(text: string): boolean {
  const lower = text.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    const step = lower.charCodeAt(i) - lower.charCodeAt(i - 1);
    run = step === 1 || step === -1 ? run + 1 : 1;
    if (run >= 4) return true;
  }
  return false;
}

/** Estimate how hard a password is to guess: score 0–4, a label, and what to improve. */
export function passwordStrength(password: string): PasswordStrength {
  const feedback: string[] = [];
  if (password.length === 0)
    return { score: 0, label: LABELS[0], feedback: ['Enter a password: export needs one to protect the private key.'] };
  const chars = [...password];
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^A-Za-z0-9]/.test(password)) pool += 33;
  const unique = new Set(chars).size;
  // Repeated characters add little: count entropy per distinct character, capped by length.
  let bits = Math.min(chars.length, unique * 1.5) * Math.log2(Math.max(pool, 2));
  const stripped = password.toLowerCase().replace(/[^a-z0-9@]/g, '');
  const base = stripped.replace(/\d+$/, '').replace(/^\d+/, '');
  if (COMMON.has(password.toLowerCase()) || COMMON.has(stripped) || COMMON.has(base)) {
    bits = Math.min(bits, 10);
    feedback.push('This is a commonly used password: attackers try it first.');
  }
  if (hasSequence(password)) {
    bits -= 10;
    feedback.push('Avoid sequences such as "abcd" or "1234".');
  }
  if (unique <= chars.length / 3) {
    bits -= 10;
    feedback.push('Avoid repeating the same characters.');
  }
  if (chars.length < 12) feedback.push('Use at least 12 characters (16 or more is better).');
  if (classes < 3 && chars.length < 20)
    feedback.push('Mix upper- and lower-case letters, digits and symbols, or use a longer passphrase.');
  let score: PasswordStrength['score'] = bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  // Short passwords fall to offline guessing of a stolen PFX however mixed they are.
  if (chars.length < 8) score = Math.min(score, 1) as PasswordStrength['score'];
  else if (chars.length < 12) score = Math.min(score, 2) as PasswordStrength['score'];
  if (score >= 3 && feedback.length === 0)
    feedback.push('Good: keep it in a password manager with the connection settings.');
  return { score, label: LABELS[score], feedback };
}
