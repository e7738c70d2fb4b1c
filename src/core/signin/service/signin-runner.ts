import { randomUUID } from 'node:crypto';
import type {
  SigninClientUsed,
  SigninHistoryEntry,
  SigninProgressEvent,
  SigninRunInfo,
  SigninTestFlow,
} from '../../../shared/contract/signin';
import type { AppError } from '../../../shared/result';
import type { SignInFlow } from '../../../shared/signin';
import { isWorkbenchError, WorkbenchError } from '../../errors';
import type { DiagnosticsContext } from '../diagnostics';
import type { SigninNetworkClient } from '../network-client';
import { toSigninError } from '../signin-error';
import type { HistoryFacts } from './history-facts';
import type { SigninStore } from './signin-store';
import type { SigninTarget } from './signin-target';

/** The flows the runner records (the Graph probe is its own entry in the history). */
export type RunFlow = SigninTestFlow;

/** One running test, as its work sees it. */
export interface Run {
  runId: string;
  profileId: string;
  flow: RunFlow;
  signal: AbortSignal;
  /** Set once the profile is resolved, for diagnostics. */
  target: SigninTarget | null;
  redirectUri: string | null;
  /** Position in the network log when the test started. */
  mark: number;
  progress(
    step: SigninProgressEvent['step'],
    extra?: Partial<Omit<SigninProgressEvent, 'runId' | 'profileId' | 'flow' | 'step' | 'at'>>,
  ): void;
}

/** What a finished piece of work hands back: the outcome, its history facts, and the token to keep in memory. */
export interface RunOutput<V> {
  value: V;
  facts: HistoryFacts;
  token?: { accessToken: string; expiresOn: string | null } | null;
}

/** The last failure of a profile, for "Copy diagnostics". */
export interface FailureRecord {
  error: AppError;
  context: DiagnosticsContext;
}

function cancelled(): WorkbenchError {
  return new WorkbenchError('signin.cancelled', 'The test was cancelled.', {
    hint: 'Start it again when you are ready.',
  });
}

/** Reject as soon as the signal aborts, even when the work itself cannot be interrupted (e.g. a token request in flight). */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Runs tests one at a time per profile, with cancel, progress events, history and the last failure. */
export class SigninRunner {
  private readonly active = new Map<string, { runId: string; flow: RunFlow; controller: AbortController }>();
  private readonly failures = new Map<string, FailureRecord>();
  private readonly tokens = new Map<string, { accessToken: string; expiresOn: string | null; flow: RunFlow }>();

  constructor(
    private readonly o: {
      store: SigninStore;
      emit: (event: SigninProgressEvent) => void;
      network: () => SigninNetworkClient;
      environmentOf?: (target: SigninTarget) => string;
      now?: () => Date;
    },
  ) {}

  /** The test running for a profile, if any. */
  running(profileId: string): { runId: string; flow: RunFlow } | null {
    const run = this.active.get(profileId);
    return run ? { runId: run.runId, flow: run.flow } : null;
  }

  /** Cancel the profile's running test; false when none runs. */
  cancel(profileId: string): boolean {
    const run = this.active.get(profileId);
    if (!run) return false;
    run.controller.abort();
    return true;
  }

  /** The profile's last failure since the app started. */
  lastFailure(profileId: string): FailureRecord | null {
    return this.failures.get(profileId) ?? null;
  }

  /** The access token of the profile's last successful test (memory only). */
  lastToken(profileId: string): { accessToken: string; expiresOn: string | null; flow: RunFlow } | null {
    return this.tokens.get(profileId) ?? null;
  }

  /** Forget the tokens kept in memory for a profile. */
  forgetToken(profileId: string): void {
    this.tokens.delete(profileId);
  }

  /** Run one test: refuse a second one for the profile, race it against Cancel, record the outcome. */
  async execute<V>(
    profileId: string,
    flow: RunFlow,
    client: SigninClientUsed,
    work: (run: Run) => Promise<RunOutput<V>>,
  ): Promise<SigninRunInfo & V> {
    const busy = this.active.get(profileId);
    if (busy) {
      throw new WorkbenchError('signin.busy', 'A test is already running for this profile.', {
        hint: 'Wait for it to finish, or cancel it first.',
        details: { runId: busy.runId },
      });
    }
    const now = this.o.now ?? (() => new Date());
    const controller = new AbortController();
    const runId = randomUUID();
    const started = now();
    this.active.set(profileId, { runId, flow, controller });
    const emit = this.o.emit;
    const run: Run = {
      runId,
      profileId,
      flow,
      signal: controller.signal,
      target: null,
      redirectUri: null,
      mark: this.o.network().mark(),
      progress(step, extra = {}) {
        if (step === 'listening' && extra.redirectUri) run.redirectUri = extra.redirectUri;
        emit({ runId, profileId, flow, step, at: now().toISOString(), ...extra });
      },
    };
    const info = (): SigninRunInfo => ({
      runId,
      profileId,
      flow,
      client,
      startedAt: started.toISOString(),
      durationMs: now().getTime() - started.getTime(),
    });
    const entry = (ok: boolean, facts: HistoryFacts, error: AppError | null): SigninHistoryEntry => {
      const aadsts = error?.details?.aadsts;
      return {
        runId,
        at: started.toISOString(),
        flow,
        client,
        ok,
        code: error?.code ?? null,
        aadsts: typeof aadsts === 'number' ? aadsts : null,
        durationMs: info().durationMs,
        ...facts,
      };
    };
    run.progress('started');
    try {
      const out = await raceAbort(work(run), controller.signal);
      // Only the token of this test may be revealed later, never one from an earlier test.
      if (out.token) this.tokens.set(profileId, { ...out.token, flow });
      else this.tokens.delete(profileId);
      this.failures.delete(profileId);
      this.o.store.record(profileId, entry(true, out.facts, null));
      run.progress('done');
      return { ...info(), ...out.value };
    } catch (thrown) {
      const diagFlow: SignInFlow = flow === 'graph-probe' ? 'refresh' : flow;
      const error = (isWorkbenchError(thrown) ? thrown : toSigninError(thrown, { flow: diagFlow })).toAppError();
      const net = this.o.network();
      const t = run.target;
      this.failures.set(profileId, {
        error,
        context: {
          flow: diagFlow,
          ...(t
            ? {
                environment: this.o.environmentOf?.(t) ?? t.environment,
                loginHost: t.loginHost,
                graphHost: t.graphHost,
                tenant: t.tenant,
                clientId: t.clientId,
              }
            : {}),
          redirectUri: run.redirectUri,
          requests: net.since(run.mark),
          at: started,
        },
      });
      if (error.code !== 'profile.not_found') {
        this.o.store.record(
          profileId,
          entry(
            false,
            { summary: error.message.slice(0, 2000), user: null, granted: [], missing: [], extra: [] },
            error,
          ),
        );
      }
      run.progress(error.code === 'signin.cancelled' ? 'cancelled' : 'failed', { code: error.code });
      throw isWorkbenchError(thrown)
        ? thrown
        : new WorkbenchError(error.code, error.message, {
            ...(error.hint ? { hint: error.hint } : {}),
            ...(error.details ? { details: error.details } : {}),
            cause: thrown,
          });
    } finally {
      if (this.active.get(profileId)?.runId === runId) this.active.delete(profileId);
    }
  }
}
