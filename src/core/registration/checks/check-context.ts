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

/** Days warned ahead of an expiry. */
export const EXPIRY_WARNING_DAYS = 30;
