// The small helpers whose output an admin reads in findings: dates as the admin center lists them, validity spans in
// words, whole days to an expiry, and scope names as the permission checks compare them.
import { describe, expect, it } from 'vitest';
import { day, daysUntil, differByMoreThanADay, validity } from '../../../../src/core/registration/checks/check-context';
import { normalizeScope } from '../../../../src/core/registration/checks/scope-names';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('dates in findings', () => {
  it('counts whole days to a date, negative once past, and nothing for a missing or unreadable date', () => {
    expect(daysUntil('2026-01-31T00:00:00Z', NOW)).toBe(30);
    expect(daysUntil('2026-01-01T23:00:00Z', NOW)).toBe(0);
    expect(daysUntil('2025-12-31T23:00:00Z', NOW)).toBe(-1);
    expect(daysUntil(null, NOW)).toBeNull();
    expect(daysUntil('', NOW)).toBeNull();
    expect(daysUntil('next spring', NOW)).toBeNull();
  });

  it('calls two dates different only when they are more than a day apart, and never when one is unreadable', () => {
    expect(differByMoreThanADay('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toBe(false);
    expect(differByMoreThanADay('2026-01-01T00:00:00Z', '2026-01-02T00:00:01Z')).toBe(true);
    expect(differByMoreThanADay('2026-01-03T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(true);
    expect(differByMoreThanADay('soon', '2030-01-01T00:00:00Z')).toBe(false);
    expect(differByMoreThanADay('2030-01-01T00:00:00Z', 'soon')).toBe(false);
  });

  it('writes a date as the admin center lists it, and says when there is none', () => {
    expect(day('2026-01-31T23:59:59Z')).toBe('2026-01-31');
    expect(day(null)).toBe('no date');
    expect(day('')).toBe('no date');
    expect(day('31/01/2026?')).toBe('31/01/2026?');
  });

  it('words a validity span by the dates it knows', () => {
    expect(validity('2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe('from 2025-01-01 to 2026-01-01');
    expect(validity(null, '2026-01-01T00:00:00Z')).toBe('until 2026-01-01');
    expect(validity('garbled', '2026-01-01T00:00:00Z')).toBe('until 2026-01-01');
    expect(validity('2025-01-01T00:00:00Z', null)).toBe('from 2025-01-01 (no end date)');
    expect(validity('2025-01-01T00:00:00Z', 'garbled')).toBe('from 2025-01-01 (no end date)');
    expect(validity(undefined, '')).toBe('with no dates');
    expect(validity('garbled', 'garbled')).toBe('with no dates');
  });
});

describe('scope names', () => {
  it('reads a Microsoft Graph scope however it is written', () => {
    expect(normalizeScope(' Files.Read ')).toBe('files.read');
    expect(normalizeScope('https://graph.microsoft.com/Files.Read')).toBe('files.read');
    expect(normalizeScope('HTTPS://GRAPH.MICROSOFT.US/Sites.Read.All')).toBe('sites.read.all');
    expect(normalizeScope('https://dod-graph.microsoft.us/User.Read')).toBe('user.read');
    expect(normalizeScope('https://microsoftgraph.chinacloudapi.cn/User.Read')).toBe('user.read');
    expect(normalizeScope('00000003-0000-0000-c000-000000000000/Files.ReadWrite')).toBe('files.readwrite');
  });

  it('gives nothing for an empty scope, .default and scopes of other APIs', () => {
    expect(normalizeScope('')).toBeNull();
    expect(normalizeScope('   ')).toBeNull();
    expect(normalizeScope('.default')).toBeNull();
    expect(normalizeScope('https://graph.microsoft.com/.default')).toBeNull();
    expect(normalizeScope('api://contoso/access_as_user')).toBeNull();
    expect(normalizeScope('https://contoso.sharepoint.com/AllSites.Read')).toBeNull();
    expect(normalizeScope('xhttps://graph.microsoft.com/Files.Read')).toBeNull();
    expect(normalizeScope('urn:contoso')).toBeNull();
  });
});
