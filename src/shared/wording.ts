// Counted words, one way for the CLI and the app: "1 error", "2 errors", "expired 6 days ago".

// One formatter for thousands separators, made when first needed: toLocaleString builds a new one on every call.
let thousands: Intl.NumberFormat | undefined;

/** `count` and the noun in the right number: plural(1, 'error') is "1 error", plural(2, 'error') "2 errors". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  const n = count > -1000 && count < 1000 ? String(count) : (thousands ??= new Intl.NumberFormat('en-US')).format(count);
  return `${n} ${count === 1 ? singular : pluralForm}`;
}

/** The noun alone in the right number: noun(1, 'scope') is "scope", noun(3, 'scope') "scopes". */
export function noun(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** "is" or "are" for a count (a sentence about one thing or several). */
export function isAre(count: number): string {
  return count === 1 ? 'is' : 'are';
}

/** A span of whole minutes in the largest unit that fits: "45 minutes", "3 hours", "6 days". */
export function duration(minutes: number): string {
  const m = Math.abs(Math.trunc(minutes));
  if (m < 120) return plural(m, 'minute');
  if (m < 48 * 60) return plural(Math.floor(m / 60), 'hour');
  return plural(Math.floor(m / (24 * 60)), 'day');
}

/** How long a token or credential still has: "45 minutes left", "expires now", "expired 6 days ago". */
export function timeLeft(minutesLeft: number): string {
  if (minutesLeft > 0) return `${duration(minutesLeft)} left`;
  if (minutesLeft === 0) return 'expires now';
  return `expired ${duration(minutesLeft)} ago`;
}
