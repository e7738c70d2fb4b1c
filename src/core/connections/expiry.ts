import type { ExpiryStatusName } from '../../shared/connections';

/** How close a certificate or secret is to its expiry date. */
export type ExpiryStatus = ExpiryStatusName;

const day = 86_400_000;

/** Read an expiry date: `YYYY-MM-DD` (taken as the start of that day, UTC, to warn early) or an ISO date-time; null when unreadable. */
export function parseExpiry(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Status and whole days left (negative once expired). Warnings at 30 and 7 days. */
export function expiryStatus(expiresAt: Date, now: Date): { status: ExpiryStatus; daysLeft: number } {
  const ms = expiresAt.getTime() - now.getTime();
  const daysLeft = Math.floor(ms / day);
  if (ms <= 0) return { status: 'expired', daysLeft };
  if (ms < 7 * day) return { status: 'within-7-days', daysLeft };
  if (ms < 30 * day) return { status: 'within-30-days', daysLeft };
  return { status: 'ok', daysLeft };
}

/** A date as admins read it in messages: 2026-03-31. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
