// One date format for the whole app: the user's locale, the same in lists, sheets and records on screen.
// Files (exports, records, profile files) keep ISO dates; this is for the screen only.

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Mar 31, 2026" in the user's locale; the text as given when it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateOnly.format(date) : (iso ?? '');
}

/** "Mar 31, 2026, 10:05 AM" in the user's locale; the text as given when it is not a date. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateAndTime.format(date) : (iso ?? '');
}
