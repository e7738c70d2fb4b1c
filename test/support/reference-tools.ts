// The outside tools some tests compare the product with (openssl, the pyca vectors, Chromium, pdftotext), and the
// system tools a few tests run the product on (D-Bus and GNOME Keyring, dpkg and rpm). Outside CI a missing tool skips those tests and says why
// (the skip report at the end of `npm test` lists them); under CI=true it is a failure naming the Debian package,
// because .ci/run installs them all and a missing one means a broken install, not a reason to pass with less.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type ReferenceTool = 'openssl' | 'pyca' | 'chromium' | 'pdftotext' | 'dbus' | 'gnome-keyring' | 'dpkg' | 'rpm';

/** The pyca/cryptography test vectors, as Debian installs them. */
export const PYCA_VECTORS = '/usr/lib/python3/dist-packages/cryptography_vectors';
/** Where Debian installs Chromium (CHROMIUM_PATH overrides, as the e2e harness allows). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const runs = (command: string, args: string[]): boolean => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const TOOLS: Record<ReferenceTool, { what: string; debianPackage: string; present: () => boolean }> = {
  openssl: { what: 'the openssl command', debianPackage: 'openssl', present: () => runs('openssl', ['version']) },
  pyca: {
    what: `the pyca PKCS#12 vectors (${PYCA_VECTORS})`,
    debianPackage: 'python3-cryptography-vectors',
    present: () => existsSync(`${PYCA_VECTORS}/pkcs12`),
  },
  chromium: {
    what: `Chromium (${CHROMIUM_PATH})`,
    debianPackage: 'chromium',
    present: () => existsSync(CHROMIUM_PATH),
  },
  pdftotext: {
    what: 'the pdftotext command',
    debianPackage: 'poppler-utils',
    present: () => runs('pdftotext', ['-v']),
  },
  // gcw ui's vault on a real Secret Service: a private D-Bus session with GNOME Keyring in it.
  dbus: {
    what: 'the dbus-run-session command',
    debianPackage: 'dbus-daemon',
    present: () => onPath('dbus-run-session'),
  },
  'gnome-keyring': {
    what: 'the gnome-keyring-daemon command',
    debianPackage: 'gnome-keyring',
    present: () => onPath('gnome-keyring-daemon'),
  },
  // `npm run make` for Linux: the deb maker (dpkg-deb) and the rpm maker and reader (rpmbuild, rpm).
  dpkg: { what: 'the dpkg-deb command', debianPackage: 'dpkg', present: () => onPath('dpkg-deb') },
  rpm: {
    what: 'the rpmbuild and rpm commands',
    debianPackage: 'rpm',
    present: () => onPath('rpmbuild') && onPath('rpm'),
  },
};

/** True when `command` is on the PATH (for tools that have no harmless "print your version" option). */
const onPath = (command: string): boolean => runs('sh', ['-c', `command -v ${command}`]);

const checked = new Map<ReferenceTool, boolean>();

/** True when CI=true (GitHub Actions and .ci/run set it). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/**
 * The decision for one tool: null when it is present; the skip reason when it is missing outside CI; a thrown
 * error naming the Debian package when it is missing under CI=true.
 */
export function toolDecision(
  tool: ReferenceTool,
  needs: string,
  present: boolean,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (present) return null;
  const t = TOOLS[tool];
  if (inCi(env))
    throw new Error(
      `CI=true and ${t.what} is missing: install the Debian package ${t.debianPackage} (.ci/run does). Without it, ${needs} would be skipped, and CI must not pass with less.`,
    );
  return `${t.what} is missing (Debian package ${t.debianPackage}): skipping ${needs}.`;
}

/**
 * Null when `tool` is here; otherwise the reason `needs` is skipped (printed as `[skipped] …`, which the skip report
 * picks up). Under CI=true a missing tool throws instead, so the test file fails with the package to install.
 */
export function skipWithout(tool: ReferenceTool, needs: string): string | null {
  if (!checked.has(tool)) checked.set(tool, TOOLS[tool].present());
  const reason = toolDecision(tool, needs, checked.get(tool)!);
  if (reason) console.warn(`[skipped] ${reason}`);
  return reason;
}
