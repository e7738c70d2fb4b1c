import type { EventName, EventPayload } from '../../shared/contract';
import type { Notice, RuntimeInfo } from '../../shared/contract/app';
import type { ProfileStore } from '../connections/profile-store';
import type { CertificateSession } from '../certificates/session';
import type { Logger } from '../log/logger';
import type { ClipboardService } from '../os/clipboard-service';
import type { ExternalLinkPolicy } from '../os/external-links';
import type { ConfirmPort, DialogPort, NotifierPort, PdfPrinter, ShellPort } from '../os/ports';
import type { LatestVerifications } from '../records/latest-verifications';
import type { WizardStore } from '../wizard/wizard-store';
import type { SettingsService } from '../settings/settings-service';
import type { SigninService } from '../signin/service/signin-service';
import type { StoreBackendFactory } from '../storage/backend';
import type { ExpiryReminders } from '../reminders/expiry-reminders';
import type { GraphApplyService } from '../graph-apply/service';
import type { SecretStore } from '../vault/secret-store';

export type { RuntimeInfo } from '../../shared/contract/app';

/** Everything the contract handlers need; main builds it from Electron adapters, tests from doubles. */
export interface AppContext {
  runtime: RuntimeInfo;
  paths: { dataDirectory: string; logFile: string };
  log: Logger;
  backend: StoreBackendFactory;
  settings: SettingsService;
  secrets: SecretStore;
  /** Connection profiles (profiles.json) with their secrets in `secrets`. */
  profiles: ProfileStore;
  /** Sign-in tests: one network client, encrypted token caches per profile, history, cancel. */
  signin: SigninService;
  clipboard: ClipboardService;
  /** Daily OS notifications for expiring certificates and secrets (main starts them once the window is up). */
  reminders: ExpiryReminders;
  links: ExternalLinkPolicy;
  shell: ShellPort;
  dialogs: DialogPort;
  /** Native confirmations main asks itself (a changed sign-in host keeping stored secrets); the page cannot answer them. */
  confirm: ConfirmPort;
  notifier: NotifierPort;
  notices: NoticeBoard;
  /** The New connection wizard's state (wizard.json, no secrets) and the client secret it holds until a profile exists. */
  wizard: WizardStore;
  /** The last verification of each profile (verifications.json), for connection records. */
  verifications: LatestVerifications;
  /** Prints a record's HTML to PDF (Electron printToPDF in the app; unavailable in the CLI). */
  pdf: PdfPrinter;
  /** Changes to app registrations through Microsoft Graph: management sign-in (memory only), previews, apply. */
  graph: GraphApplyService;
  /** Certificates opened or generated on the Certificates page, held in memory by ref. */
  certificates: CertificateSession;
  /** The clock expiry and date checks are judged against (tests pin it). */
  now: () => Date;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Release what the context holds (a secret we copied that is still on the clipboard, certificates, worker threads); called on quit. */
  dispose(): Promise<void>;
}

/** Notices the user has not dismissed yet. */
export class NoticeBoard {
  private readonly items = new Map<string, Notice>();

  add(notice: Notice): void {
    this.items.set(notice.id, notice);
  }

  list(): Notice[] {
    return [...this.items.values()];
  }

  dismiss(id: string): boolean {
    return this.items.delete(id);
  }
}
