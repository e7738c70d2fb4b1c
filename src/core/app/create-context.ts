import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import { ProfileStore } from '../connections/profile-store';
import { CertificateSession, type CertificateSessionOptions } from '../certificates/session';
import { createLogger, type Logger } from '../log/logger';
import { ClipboardService, realTimers, type Timers } from '../os/clipboard-service';
import { ExpiryReminders } from '../reminders/expiry-reminders';
import { ExternalLinkPolicy } from '../os/external-links';
import type { ClipboardPort, ConfirmPort, DialogPort, NotifierPort, PdfPrinter, ShellPort } from '../os/ports';
import { LatestVerifications } from '../records/latest-verifications';
import { unavailablePdfPrinter } from '../records/pdf';
import { WizardStore } from '../wizard/wizard-store';
import { GraphChangeLog } from '../graph-apply/change-log';
import type { RetryPolicy } from '../graph-apply/graph-client';
import { GraphApplyService } from '../graph-apply/service';
import { SettingsService } from '../settings/settings-service';
import type { NetworkClientOptions } from '../signin/network-client';
import { SigninService } from '../signin/service/signin-service';
import type { StoreBackendFactory } from '../storage/backend';
import { ensureWritableDataFolder } from '../storage/data-folder';
import { SecretStore } from '../vault/secret-store';
import type { VaultPort } from '../vault/vault-port';
import { NoticeBoard, type AppContext, type RuntimeInfo } from './context';

/** The adapters a host supplies: Electron's in the app, doubles in tests. */
export interface HostPorts {
  runtime: RuntimeInfo;
  dataDirectory: string;
  backend: StoreBackendFactory;
  vault: VaultPort;
  clipboard: ClipboardPort;
  shell: ShellPort;
  dialogs: DialogPort;
  /** Native confirmations (Electron's message box in the app). */
  confirm: ConfirmPort;
  notifier: NotifierPort;
  /** Prints records to PDF; without it PDF export says it needs the app. */
  pdf?: PdfPrinter;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  logger?: Logger;
  timers?: Timers;
  /** The clock for profiles (expiry warnings); tests pin it. */
  now?: () => Date;
  /** Clock and idle time of the certificate session (tests). */
  certificateSession?: Omit<CertificateSessionOptions, 'redactor'>;
  /** Network settings of the sign-in tests on top of the user's (tests pass their test CA). */
  signinNetwork?: NetworkClientOptions;
  /** Waits of the Graph requests (tests record them instead of sleeping). */
  graphRetry?: RetryPolicy;
}

/** Open the stores and build the context every handler uses. */
export function createAppContext(ports: HostPorts): AppContext {
  ensureWritableDataFolder(ports.dataDirectory);
  const logFile = join(ports.dataDirectory, 'logs', 'workbench.log');
  const log = ports.logger ?? createLogger({ file: logFile });
  const settings = new SettingsService({ directory: ports.dataDirectory, backend: ports.backend });
  const secrets = new SecretStore(ports.vault, {
    directory: ports.dataDirectory,
    backend: ports.backend,
    redactor: log.redactor,
    allowPlainText: () => settings.get().allowPlainTextSecrets,
  });
  // Turning weak storage off takes the obfuscated secrets off the disk at once (and on, writes the session's ones).
  settings.onChange(() => secrets.applyStorageChoice());
  const profiles = new ProfileStore({
    directory: ports.dataDirectory,
    backend: ports.backend,
    vault: secrets,
    ...(ports.now ? { now: ports.now } : {}),
  });
  const links = new ExternalLinkPolicy();
  const signin = new SigninService({
    directory: ports.dataDirectory,
    backend: ports.backend,
    profiles,
    secrets,
    links,
    shell: ports.shell,
    log,
    emit: (event) => ports.emit('signin.progress', event),
    ...(ports.signinNetwork ? { network: ports.signinNetwork } : {}),
  });
  const wizard = new WizardStore({
    directory: ports.dataDirectory,
    backend: ports.backend,
    ...(ports.now ? { now: ports.now } : {}),
  });
  const verifications = new LatestVerifications({ directory: ports.dataDirectory, backend: ports.backend });
  const graphChanges = new GraphChangeLog({ directory: ports.dataDirectory, backend: ports.backend });
  const notices = new NoticeBoard();
  for (const notice of [
    ...settings.notices,
    ...secrets.notices,
    ...profiles.notices,
    ...signin.store.notices,
    ...wizard.notices,
    ...verifications.notices,
    ...graphChanges.notices,
  ]) {
    notices.add(notice);
    log.warn(notice.title, { message: notice.message });
  }
  const storage = secrets.status();
  if (storage.warning)
    notices.add({
      id: 'vault.weak',
      severity: 'warning',
      title: 'Secrets are not kept in an OS keychain',
      message: storage.warning,
    });
  const clipboard = new ClipboardService(
    ports.clipboard,
    () => settings.get().clipboardClearSeconds,
    () =>
      ports.emit('app.notice', {
        id: 'clipboard.cleared',
        severity: 'info',
        title: 'Clipboard cleared',
        message: 'The copied secret was removed from the clipboard.',
      }),
    ports.timers,
  );
  const reminders = new ExpiryReminders({
    profiles,
    notifier: ports.notifier,
    directory: ports.dataDirectory,
    backend: ports.backend,
    now: ports.now ?? (() => new Date()),
    timers: ports.timers ?? realTimers,
    open: (route) => ports.emit('app.navigate', { page: route }),
    log,
  });
  const certificates = new CertificateSession({ ...ports.certificateSession, redactor: log.redactor });
  const graph = new GraphApplyService({
    profiles,
    secrets,
    certificates,
    verifications,
    changes: graphChanges,
    signin,
    links,
    shell: ports.shell,
    log,
    now: ports.now ?? (() => new Date()),
    ...(ports.graphRetry ? { retry: ports.graphRetry } : {}),
  });
  return {
    runtime: ports.runtime,
    paths: { dataDirectory: ports.dataDirectory, logFile },
    log,
    backend: ports.backend,
    settings,
    secrets,
    profiles,
    signin,
    clipboard,
    reminders,
    links,
    shell: ports.shell,
    dialogs: ports.dialogs,
    confirm: ports.confirm,
    notifier: ports.notifier,
    notices,
    wizard,
    verifications,
    pdf: ports.pdf ?? unavailablePdfPrinter,
    certificates,
    graph,
    now: ports.now ?? (() => new Date()),
    emit: ports.emit,
    async dispose() {
      // First, so the clipboard is checked (and a copied secret cleared) before anything else can delay the quit.
      const clipboardCleared = clipboard.dispose();
      reminders.stop();
      signin.close();
      graph.close();
      wizard.dispose();
      await clipboardCleared;
      await certificates.dispose();
    },
  };
}
