// A contract host (real AppContext, doubles for Electron) whose sign-in service trusts the emulator's test CA.
import { createDispatcher, type CallRecord } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import type { SigninProgressEvent } from '../../../src/shared/contract/signin';
import type { Timers } from '../../../src/core/os/clipboard-service';
import type { AppError, Result } from '../../../src/shared/result';
import type { HttpBrowser, SigninHarness } from '../../support/idp';
import { seedEmulatorProfiles } from '../../support/signin-profiles';
import { createTestHost, type TestHost } from '../../support/test-context';

export const PFX_PASSWORD = 'Pfx-pässwort-7';

/** The host, its recorded calls, the profiles made against the emulator and a browser switch. */
export interface SigninHandlerHost extends TestHost {
  calls: CallRecord[];
  ids: Awaited<ReturnType<typeof seedEmulatorProfiles>>;
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  fail(method: string, input?: unknown): Promise<AppError>;
  /** Browser the shell double opens sign-in pages in (null: record only, like a user who never comes back). */
  useBrowser(browser: HttpBrowser | null): void;
  progress(runId?: string): SigninProgressEvent[];
}

/** Open a host over a fresh data folder with the three profiles and the "common" one. */
export async function openSigninHost(
  h: SigninHarness,
  options: { dataDirectory?: string; vault?: TestHost['vault']; timers?: Timers } = {},
): Promise<SigninHandlerHost> {
  const host = createTestHost({ ...options, signinNetwork: { extraCaPem: h.pki.caPem, timeoutMs: 10_000 } });
  const calls: CallRecord[] = [];
  const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log, onCall: (r) => calls.push(r) });
  const call = <T>(method: string, input: unknown = {}) => dispatcher.call(method, input) as Promise<Result<T>>;
  let browser: HttpBrowser | null = null;
  host.shell.openInBrowser = async (url: string) => {
    host.shell.opened.push(url);
    if (browser) await browser.open(url);
  };
  const ids = options.dataDirectory
    ? ({} as SigninHandlerHost['ids'])
    : await seedEmulatorProfiles(
        host.ctx.profiles,
        { host: h.idp.host, tenantId: h.s.tenantId },
        {
          webClientId: h.s.webApp.clientId,
          secret: h.s.webApp.secretValue,
          certificate: h.s.certificate,
          pfxPassword: PFX_PASSWORD,
          upn: h.s.user.upn,
        },
      );
  return Object.assign(host, {
    calls,
    ids,
    call,
    async ok<T>(method: string, input: unknown = {}): Promise<T> {
      const r = await call<T>(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${r.error.hint ?? ''}`);
      return r.value;
    },
    async fail(method: string, input: unknown = {}): Promise<AppError> {
      const r = await call(method, input);
      if (r.ok) throw new Error(`${method} succeeded but should have failed`);
      return r.error;
    },
    useBrowser(b: HttpBrowser | null) {
      browser = b;
    },
    progress(runId?: string) {
      return host.events
        .filter((e) => e.name === 'signin.progress')
        .map((e) => e.payload as SigninProgressEvent)
        .filter((p) => !runId || p.runId === runId);
    },
  });
}
