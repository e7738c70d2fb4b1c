import type { AppRegistrationSummary } from '../../../shared/registration';
import type { FindingDraft } from '../findings';
import type { VerifyTarget } from '../verify-target';

/** What every check sees: one app, the target, and the moment dates are judged against. */
export interface CheckContext {
  app: AppRegistrationSummary;
  target: VerifyTarget;
  now: Date;
  /** Clues to the app's cloud (URLs and domains it names). */
  cloudClues: string[];
}

/** A check: one concern, any number of findings. */
export type Check = (ctx: CheckContext) => FindingDraft[];

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from now until an ISO date (negative once past); null for a missing or unreadable date. */
export function daysUntil(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.floor((t - now.getTime()) / dayMs);
}

/** True when two dates are more than a day apart. */
export function differByMoreThanADay(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return false;
  return Math.abs(ta - tb) > dayMs;
}

/** A date as admins read it in the admin center lists: 2026-01-31. */
export function day(iso: string | null | undefined): string {
  if (!iso) return 'no date';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/** A validity span in words, whichever dates are known: "from 2025-01-01 to 2026-01-01", "until 2026-01-01", "from 2025-01-01 (no end date)", "with no dates". */
export function validity(start: string | null | undefined, end: string | null | undefined): string {
  const from = start && !Number.isNaN(Date.parse(start)) ? day(start) : null;
  const to = end && !Number.isNaN(Date.parse(end)) ? day(end) : null;
  if (from && to) return `from ${from} to ${to}`;
  if (to) return `until ${to}`;
  if (from) return `from ${from} (no end date)`;
  return 'with no dates';
}

/** Days warned ahead of an expiry. */
export const EXPIRY_WARNING_DAYS = 30;
