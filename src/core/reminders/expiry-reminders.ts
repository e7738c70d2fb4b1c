import { z } from 'zod';
import type { ExpiryRow } from '../../shared/connections';
import type { Logger } from '../log/logger';
import type { Timers } from '../os/clipboard-service';
import type { NotifierPort } from '../os/ports';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';

const DAY_MS = 24 * 60 * 60 * 1000;
/** More reminders than this at once are folded into one summary notification. */
const MAX_SEPARATE = 3;

const reminderSchema = z.object({ version: z.literal(1), shown: z.record(z.string(), z.string()) });
type ReminderFile = z.infer<typeof reminderSchema>;

/** What the reminders need from the profiles. */
export interface ExpirySource {
  expiry(): ExpiryRow[];
}

/**
 * OS notifications for certificates and secrets that expire within 30 or 7 days (or have expired): checked at
 * start and every day while the app is open, each credential at most once per calendar day, with an action that
 * opens the profile.
 */
export class ExpiryReminders {
  private readonly doc: JsonDocument<ReminderFile>;
  private timer: unknown = null;

  constructor(
    private readonly options: {
      profiles: ExpirySource;
      notifier: NotifierPort;
      directory: string;
      backend: StoreBackendFactory;
      now: () => Date;
      timers: Timers;
      open: (route: string) => void;
      log: Logger;
    },
  ) {
    this.doc = openJsonDocument(
      {
        name: 'reminders',
        label: 'expiry reminders',
        schema: reminderSchema,
        currentVersion: 1,
        defaults: () => ({ version: 1, shown: {} }),
        repair: () => ({ value: { version: 1, shown: {} }, reset: [] }),
      },
      { directory: options.directory, backend: options.backend },
    );
  }

  /** Check now, then once a day until stopped (calling it again only checks). */
  start(): void {
    this.check();
    if (this.timer === null) this.schedule();
  }

  /** Stop the daily check. */
  stop(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Show the reminders due today; returns how many credentials were reminded about. */
  check(): number {
    const today = this.options.now().toISOString().slice(0, 10);
    const file = this.doc.get();
    const due = this.options.profiles
      .expiry()
      .filter((row) => row.status !== 'ok')
      .filter((row) => file.shown[keyOf(row)] !== today)
      .sort((a, b) => a.daysLeft - b.daysLeft);
    if (due.length === 0) return 0;
    if (due.length <= MAX_SEPARATE) {
      for (const row of due) {
        this.options.notifier.notify({
          title: titleOf(row),
          body: `${row.message} Open the profile to renew it and update the connection.`,
          onClick: () => this.options.open(`connections?edit=${encodeURIComponent(row.profileId)}`),
        });
      }
    } else {
      const expired = due.filter((r) => r.status === 'expired').length;
      this.options.notifier.notify({
        title: `${due.length} certificates or secrets need renewing`,
        body: `${expired > 0 ? `${expired} ${expired === 1 ? 'has' : 'have'} expired; ` : ''}the soonest: ${due[0]!.profileName} (${due[0]!.what}). Open the expiry list.`,
        onClick: () => this.options.open('connections'),
      });
    }
    for (const row of due) file.shown[keyOf(row)] = today;
    this.doc.set(file);
    this.options.log.info('Expiry reminders shown', { count: due.length });
    return due.length;
  }

  private schedule(): void {
    this.timer = this.options.timers.setTimeout(() => {
      this.check();
      this.schedule();
    }, DAY_MS);
  }
}

function keyOf(row: ExpiryRow): string {
  return `${row.profileId}/${row.what}/${row.expiresAt}`;
}

function titleOf(row: ExpiryRow): string {
  const what = row.what === 'certificate' ? 'Certificate' : 'Client secret';
  if (row.status === 'expired') return `${what} of ${row.profileName} has expired`;
  return `${what} of ${row.profileName} expires in ${row.daysLeft} day${row.daysLeft === 1 ? '' : 's'}`;
}
