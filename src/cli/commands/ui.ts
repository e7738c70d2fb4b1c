import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_OK } from '../exit-codes';
import type { CliIo } from '../io';
import { childEnv, openInSystemBrowser } from '../open-browser';
import { printJson } from '../output';
import { findUiAssets } from '../ui/assets';
import { defaultUiDataFolder } from '../ui/data-folder';
import { writeRedirectFile } from '../ui/redirect-file';
import { startUi } from '../ui/start-ui';

export const DEFAULT_IDLE_MINUTES = 60;

const usage = `Usage:
  gcw ui [--no-open] [--port N] [--idle-minutes M] [--data-dir DIR] [--json]
  The whole Workbench in your browser, where the desktop app (Electron) cannot be installed: the same pages and
  the same checks, served on 127.0.0.1 and [::1] to you alone. gcw opens your browser on a one-time link; the page
  exchanges it for a session cookie, and every other request (another user of this machine, another web page, a
  DNS-rebinding site) is refused.
  --no-open         do not start a browser: print the link to open yourself (it works once)
  --port N          listen on port N (default: a free port chosen at random)
  --idle-minutes M  stop after M minutes without a request from the page (default ${DEFAULT_IDLE_MINUTES}; 0: never;
                    an open tab alone does not count as use).
                    Ctrl+C stops it at once. What you saved is kept; secrets held for the session are dropped.
  --data-dir DIR    settings, profiles, the vault file and logs (default: the per-user configuration folder,
                    "Graph Connection Workbench (browser)", apart from the desktop app's)
  Secrets are encrypted with a key kept in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret
  Service of GNOME Keyring or KDE Wallet); where none is reachable they stay in memory until gcw ui stops.
  Differences from the desktop app: files are picked with the browser's file picker and saved as downloads;
  notifications appear in the page; PDF records come from the browser's print dialog (Save as PDF).
  Exit: 0 after Ctrl+C or the idle stop; 2 bad flags, a port in use, or the browser app not built (npm run build:ui).
  JSON: one object once listening: { "link", "origin", "addresses", "dataDirectory", "idleMinutes", "secretStorage" }`;

const flags = {
  'no-open': { type: 'boolean', default: false },
  port: { type: 'string' },
  'idle-minutes': { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

function numberFlag(value: string | undefined, flag: string, max: number, fallback: number, decimals: boolean): number {
  if (value === undefined) return fallback;
  const shape = decimals ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!shape.test(value) || Number(value) > max)
    throw new UsageError(`--${flag} takes a ${decimals ? 'number' : 'whole number'} from 0 to ${max}; got "${value}".`);
  return Number(value);
}

/** Wait for Ctrl+C (SIGINT) or SIGTERM; returns a function that stops listening. */
function onInterrupt(stop: () => void): () => void {
  const handler = () => stop();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** `gcw ui`: serve the app to the browser until Ctrl+C or the idle time. */
export const uiCommand: Command = {
  usage,
  async run(args, io: CliIo, globals) {
    const { values, positionals } = parseFlags(args, flags, true);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const port = numberFlag(values.port, 'port', 65535, 0, false);
    const idleMinutes = numberFlag(values['idle-minutes'], 'idle-minutes', 10080, DEFAULT_IDLE_MINUTES, true);
    const assets = findUiAssets(fileURLToPath(import.meta.url));
    if (!assets)
      throw new UsageError(
        'The browser app is not built. Run npm run build:ui (npm install does it), then gcw ui again.',
      );
    const dataDirectory =
      values['data-dir'] !== undefined ? resolve(io.cwd, values['data-dir']) : defaultUiDataFolder(io.env, homedir());
    let redirect: ReturnType<typeof writeRedirectFile> | null = null;
    let running;
    try {
      running = await startUi({
        dataDirectory,
        assets,
        port,
        idleMs: Math.round(idleMinutes * 60_000),
        env: io.env,
        onSession: () => redirect?.remove(),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new UsageError(
          `Port ${port} is in use on 127.0.0.1 or [::1]. Choose another with --port, or leave --port out for a free one.`,
        );
      throw error;
    }
    const { host, ctx, keychainFailure, finished } = running;
    const stopListening = onInterrupt(() => void host.stop('stopped'));
    const storage = ctx.secrets.status();
    if (globals.json) {
      printJson(io, {
        link: host.link,
        origin: host.origin,
        addresses: host.addresses,
        dataDirectory,
        idleMinutes,
        secretStorage: { ...storage, keychainFailure },
      });
    } else {
      const also = host.addresses.includes('::1') ? ` (and http://[::1]:${host.port})` : '';
      io.out(
        [
          `Graph Connection Workbench is running on ${host.origin}${also}, for you alone.`,
          `Open this link in your browser (it works once; keep it to yourself):`,
          `  ${host.link}`,
          `Data folder: ${dataDirectory}`,
          `Secrets: ${storage.persistent ? `encrypted with a key kept in ${storage.description}.` : `kept in memory for this session only${keychainFailure ? ` (no OS keychain: ${keychainFailure})` : ''}.`}`,
          idleMinutes > 0
            ? `Stops after ${idleMinutes} minutes without use, or press Ctrl+C.`
            : 'Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      );
    }
    if (!values['no-open']) {
      redirect = writeRedirectFile(dataDirectory, host.link);
      const opened = await openInSystemBrowser(redirect.url, { env: childEnv(io.env, []) });
      if (!opened) {
        redirect.remove();
        io.err('gcw: no browser could be started here (xdg-open, open); open the link above yourself.\n');
      }
    }
    const reason = await finished;
    stopListening();
    redirect?.remove();
    io.err(reason === 'idle' ? `gcw ui stopped after ${idleMinutes} minutes without use.\n` : 'gcw ui stopped.\n');
    return EXIT_OK;
  },
};
