import type { z } from 'zod';

/** One contract method: its input schema, a one-line description, and (as a type only) its output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly doc: string;
  /** Marks a method whose result may carry a secret: only called on an explicit user action (reveal, copy, export). */
  readonly revealsSecret?: boolean;
  readonly __output?: O;
}

/** Declare a method whose output type is O: `method<Settings>()(schema, 'Read settings')`. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, doc: string, options: { revealsSecret?: boolean } = {}): MethodSpec<I, O> => ({
    input,
    doc,
    ...options,
  });
}

/** One event main sends to the renderer; the payload is a type only. */
export interface EventSpec<P = unknown> {
  readonly doc: string;
  readonly __payload?: P;
}

/** Declare an event with payload type P. */
export function event<P>(doc: string): EventSpec<P> {
  return { doc };
}
