// Expiry warnings at their exact edges, with a fixed clock: 30 and 7 days before the end a credential moves to the
// next warning, and the moment it ends it is expired. A date-only expiry (`YYYY-MM-DD`) ends at the start of that day (UTC).
import { describe, expect, it } from 'vitest';
import { expiryRows, expiryStatus, parseExpiry } from '../../../../src/core/connections';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const day = 86_400_000;
const after = (ms: number) => new Date(NOW.getTime() + ms);

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
        { id: 'c', name: 'Almost seven', auth: 'client-credentials', secretExpiresAt: after(7 * day - 1).toISOString() },
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
