import { contract, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { isWorkbenchError } from '../errors';
import type { Logger } from '../log/logger';

/** A handler receives parsed input and returns the output, or throws a WorkbenchError for an expected failure. */
export type Handler<K extends MethodName> = (input: ParsedInput<K>) => Promise<MethodOutput<K>> | MethodOutput<K>;

/** Handlers for every method of one namespace, e.g. `HandlersFor<'settings'>`. */
export type HandlersFor<N extends string> = {
  [K in MethodName as K extends `${N}.${string}` ? K : never]: Handler<K>;
};

/** Handlers for every method of the contract. */
export type Handlers = { [K in MethodName]: Handler<K> };

/** One call as seen at the boundary, for audits (the e2e host records these). */
export interface CallRecord {
  method: string;
  input: unknown;
  result: Result<unknown>;
}

/** Calls a contract method by name: look up, parse input, run, turn failures into data. */
export interface Dispatcher {
  /** A function property, not a method: it uses no `this`, so `const { call } = dispatcher` is safe. */
  call: (method: string, input: unknown) => Promise<Result<unknown>>;
}

/** The one implementation main and the test host share. */
export function createDispatcher(
  handlers: Handlers,
  options: { log: Logger; onCall?: (record: CallRecord) => void },
): Dispatcher {
  const { log } = options;
  const run = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (!Object.hasOwn(contract, method)) {
      log.warn('Refused a call to an unknown method', { method: String(method).slice(0, 100) });
      return {
        ok: false,
        error: { code: 'ipc.unknown_method', message: `There is no method named ${String(method).slice(0, 100)}.` },
      };
    }
    const name = method as MethodName;
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
      log.warn('Refused a call with invalid input', { method: name, issues });
      return {
        ok: false,
        error: {
          code: 'ipc.invalid_input',
          message: `The request to ${name} was not understood: ${issues.join('; ')}.`,
        },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (isWorkbenchError(error)) return { ok: false, error: error.toAppError() };
      log.error('Unexpected failure in a contract method', { method: name, error });
      return {
        ok: false,
        error: {
          code: 'internal.unexpected',
          // Not "nothing was changed": an unexpected failure may come after a file was written. Storage says what it wrote
          // itself (storage.write_failed).
          message:
            'Something went wrong inside the Workbench, and it cannot tell how far the action got. Check whether your change is there before you try again; if it repeats, send the log file from the About page.',
        },
      };
    }
  };
  return {
    async call(method, input) {
      const result = await run(method, input);
      options.onCall?.({ method, input, result });
      return result;
    },
  };
}
