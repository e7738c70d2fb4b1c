import { describe, expect, it } from 'vitest';
import { generateStrongPassword, passwordStrength } from '../../../../src/core/certificates';
import { UNAMBIGUOUS_ALPHABET } from '../../../../src/core/certificates/password';

describe('passwordStrength', () => {
  it('scores from 0 to 4 with plain feedback', () => {
    expect(passwordStrength('')).toMatchObject({ score: 0, feedback: [expect.stringMatching(/Enter a password/)] });
    expect(passwordStrength('password')).toMatchObject({
      score: 0,
      feedback: expect.arrayContaining([expect.stringMatching(/commonly used/)]),
    });
    expect(passwordStrength('P@ssw0rd2024').score).toBeLessThanOrEqual(1);
    expect(passwordStrength('aaaaaaaaaaaa').score).toBe(0);
    expect(passwordStrength('abcd1234').feedback.join(' ')).toMatch(/sequences/);
    expect(passwordStrength('Tr0ub4dor&3').score).toBe(2);
    expect(passwordStrength('correct horse battery staple').score).toBeGreaterThanOrEqual(3);
    expect(passwordStrength(generateStrongPassword())).toMatchObject({ score: 4, label: 'Very strong' });
  });
});

describe('generateStrongPassword', () => {
  it('uses at least 20 unambiguous random characters and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateStrongPassword();
      const chars = password.replace(/-/g, '');
      expect(chars.length).toBeGreaterThanOrEqual(20);
      for (const c of chars) expect(UNAMBIGUOUS_ALPHABET).toContain(c);
      expect(password).toMatch(/^([A-Za-z0-9]{5}-){3}[A-Za-z0-9]{5}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
    expect(generateStrongPassword(32).replace(/-/g, '')).toHaveLength(32);
    expect(UNAMBIGUOUS_ALPHABET).not.toMatch(/[0O1lI]/);
  });
});
