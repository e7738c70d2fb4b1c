// Counted words, one way for the CLI and the app: "1 error", "2 errors", "expired 6 days ago".

/**
 * A whole number with thousands separators: 600000 is "600,000". Written out rather than toLocaleString: the first
 * Intl call loads ICU data (~15 ms), a fifth of what `gcw cert inspect` costs, and every call builds a formatter.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `count` and the noun in the right number: plural(1, 'error') is "1 error", plural(2, 'error') "2 errors". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${thousands(count)} ${count === 1 ? singular : pluralForm}`;
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
