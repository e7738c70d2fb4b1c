import { describe, expect, it } from 'vitest';
import { aadstsCatalogue, lookupAadsts, searchAadsts } from '../../../../src/core/signin/aadsts-catalogue';

// Every code the project's Entra facts list in §7 (AADSTS errors) and §6 (refresh tokens).
const section7 = [
  50011, 500113, 900971, 70004, 65001, 65004, 90094, 90095, 650056, 650057, 650052, 700016, 700011, 90002, 900023,
  90038, 50020, 50034, 50126, 50053, 50057, 50055, 50076, 50079, 53003, 530035, 50105, 500011, 70011, 1002012, 700022,
  28002, 28003, 90014, 900144, 7000215, 7000222, 7000218, 700025, 700027, 50012, 50013, 500133, 50027, 50194, 9001023,
  90130, 90124, 700054, 9002326, 70001, 7000112, 90009, 501481, 54005,
];
const section6 = [50173, 700082, 70008, 70043, 700084, 50132, 50133, 50089, 700005];

describe('AADSTS catalogue', () => {
  it('explains every code of the Entra facts, at least 40, each once', () => {
    expect(aadstsCatalogue.length).toBeGreaterThanOrEqual(40);
    for (const code of [...section7, ...section6]) expect(lookupAadsts(code), `AADSTS${code}`).toBeDefined();
    const codes = aadstsCatalogue.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every entry a meaning, a concrete fix and a category', () => {
    for (const e of aadstsCatalogue) {
      expect(e.meaning.length, `${e.code} meaning`).toBeGreaterThan(15);
      expect(e.fix.length, `${e.code} fix`).toBeGreaterThan(15);
      expect(e.name).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(lookupAadsts(50011)?.fix).toContain('Mobile and desktop applications');
    expect(lookupAadsts(7000215)?.fix).toContain('Value');
  });

  it('marks refresh-token and consent failures as "sign in again", configuration errors not', () => {
    for (const code of [50173, 700082, 70043, 70008, 65001])
      expect(lookupAadsts(code)?.signInAgain, String(code)).toBe(true);
    for (const code of [50011, 7000215, 700027, 90002, 9001023])
      expect(lookupAadsts(code)?.signInAgain, String(code)).toBe(false);
  });

  it('looks codes up in any of the forms admins paste', () => {
    expect(lookupAadsts('AADSTS50011')?.name).toBe('InvalidReplyTo');
    expect(lookupAadsts('aadsts.700027')?.code).toBe(700027);
    expect(lookupAadsts(' 7000222 ')?.code).toBe(7000222);
    expect(lookupAadsts(12345)).toBeUndefined();
    expect(lookupAadsts('no digits')).toBeUndefined();
  });

  it('searches by digits (exact match first) and by words', () => {
    expect(searchAadsts('AADSTS50011')[0]?.code).toBe(50011);
    expect(searchAadsts('5001').map((e) => e.code)).toContain(50011);
    expect(searchAadsts('700027')[0]?.code).toBe(700027);
    expect(searchAadsts('secret expired').map((e) => e.code)).toEqual([7000222]);
    expect(
      searchAadsts('redirect').every((e) =>
        `${e.name} ${e.meaning} ${e.fix} ${e.category}`.toLowerCase().includes('redirect'),
      ),
    ).toBe(true);
    expect(searchAadsts('redirect').length).toBeGreaterThan(3);
    expect(searchAadsts('national cloud').map((e) => e.code)).toContain(90038);
    expect(searchAadsts('')).toHaveLength(aadstsCatalogue.length);
    expect(searchAadsts('zzzz-nothing')).toEqual([]);
  });
});
