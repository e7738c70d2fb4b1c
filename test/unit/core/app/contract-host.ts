// A dispatcher over a real AppContext with doubles, recording every call, for handler tests.
import { createDispatcher, type CallRecord } from '../../../../src/core/app/dispatcher';
import { createHandlers } from '../../../../src/core/app/handlers';
import type { Result } from '../../../../src/shared/result';
import { ManualTimers, type MemoryVault } from '../../../support/doubles';
import { createTestHost, type TestHost } from '../../../support/test-context';
import { NOW } from '../connections/fixtures';

export interface ContractHost extends TestHost {
  timers: ManualTimers;
  calls: CallRecord[];
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  /** Call and expect success; returns the value. */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** The same data folder and keychain after an app restart. */
  restart(): ContractHost;
}

/** Open a host whose clock is the fixtures' NOW and whose timers fire by hand. */
export function openContractHost(options: { dataDirectory?: string; vault?: MemoryVault } = {}): ContractHost {
  const timers = new ManualTimers();
  const host = createTestHost({ ...options, timers, now: () => NOW });
  const calls: CallRecord[] = [];
  const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log, onCall: (r) => calls.push(r) });
  const call = <T>(method: string, input: unknown = {}) => dispatcher.call(method, input) as Promise<Result<T>>;
  return Object.assign(host, {
    timers,
    calls,
    call,
    async ok<T>(method: string, input: unknown = {}): Promise<T> {
      const result = await call<T>(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    restart: () => openContractHost({ dataDirectory: host.dataDirectory, vault: host.vault }),
  });
}
