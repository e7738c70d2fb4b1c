// Expiry warnings at their exact edges, with a fixed clock: 30 and 7 days before the end a credential moves to the
// next warning, and the moment it ends it is expired. A date-only expiry (`YYYY-MM-DD`) ends at the start of that day (UTC).
import { describe, expect, it } from 'vitest';
import { expiryRows, expiryStatus, parseExpiry } from '../../../../src/core/connections';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const day = 86_400_000;
const after = (ms: number) => new Date(NOW.getTime() + ms);

describe('reading an expiry date', () => {
  it.each([
    ['a date', '2026-05-01', '2026-05-01T00:00:00.000Z'],
    ['a date with spaces around it', '  2026-05-01 ', '2026-05-01T00:00:00.000Z'],
    ['a date-time without seconds', '2026-05-01T12:30Z', '2026-05-01T12:30:00.000Z'],
    ['a date-time with an offset', '2026-05-01T12:30:15+02:00', '2026-05-01T10:30:15.000Z'],
  ])('reads %s', (_what, text, iso) => {
    expect(parseExpiry(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['a date with more digits before it', '12026-05-01'],
    ['a day that does not exist', '2026-02-30'],
    ['a date-time without a zone (whose zone would be a guess)', '2026-05-01T12:00'],
    ['an expanded-year date-time', '+002026-05-01T00:00:00Z'],
    ['words', 'May 1, 2026'],
    ['nothing', ''],
  ])('refuses %s', (_what, text) => {
    expect(parseExpiry(text)).toBeNull();
  });
});

describe('expiry status at the boundaries', () => {
  it.each([
    ['30 days and 1 ms', 30 * day + 1, 'ok', 30],
    ['exactly 30 days', 30 * day, 'ok', 30],
    ['30 days less 1 ms', 30 * day - 1, 'within-30-days', 29],
    ['exactly 7 days', 7 * day, 'within-30-days', 7],
    ['7 days less 1 ms', 7 * day - 1, 'within-7-days', 6],
    ['1 ms', 1, 'within-7-days', 0],
    ['0 ms (the moment it ends)', 0, 'expired', 0],
    ['1 ms ago', -1, 'expired', -1],
    ['a day ago', -day, 'expired', -1],
  ] as const)('%s before the end: %s, %i whole days left', (_what, ms, status, daysLeft) => {
    expect(expiryStatus(after(ms), NOW)).toEqual({ status, daysLeft });
  });

  it('a date-only expiry 30 or 7 calendar days ahead warns from the start of that day (UTC)', () => {
    const midnight = new Date('2026-05-01T00:00:00.000Z');
    expect(expiryStatus(parseExpiry('2026-05-31')!, midnight).status).toBe('ok');
    expect(expiryStatus(parseExpiry('2026-05-31')!, new Date(midnight.getTime() + 1)).status).toBe('within-30-days');
    expect(expiryStatus(parseExpiry('2026-05-08')!, midnight).status).toBe('within-30-days');
    expect(expiryStatus(parseExpiry('2026-05-08')!, new Date(midnight.getTime() + 1)).status).toBe('within-7-days');
    expect(expiryStatus(parseExpiry('2026-05-01')!, midnight).status).toBe('expired');
  });

  it('the connection list shows the boundary statuses the same way', () => {
    const rows = expiryRows(
      [
        { id: 'a', name: 'Thirty', auth: 'client-credentials', secretExpiresAt: after(30 * day).toISOString() },
        { id: 'b', name: 'Seven', auth: 'client-credentials', secretExpiresAt: after(7 * day).toISOString() },
        {
          id: 'c',
          name: 'Almost seven',
          auth: 'client-credentials',
          secretExpiresAt: after(7 * day - 1).toISOString(),
        },
      ] as never,
      NOW,
    );
    expect(rows.map((r) => [r.profileName, r.status, r.message])).toEqual([
      ['Almost seven', 'within-7-days', 'The client secret expires in 6 days (2026-05-08).'],
      ['Seven', 'within-30-days', 'The client secret expires in 7 days (2026-05-08).'],
      ['Thirty', 'ok', 'The client secret is valid until 2026-05-31.'],
    ]);
  });
});
