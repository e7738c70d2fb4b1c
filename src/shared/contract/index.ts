import type { z } from 'zod';
import type { Result } from '../result';
import type { WorkbenchHost } from './build-api';
import { appMethods } from './app';
import { certificateMethods } from './certificates';
import type { EventSpec, MethodSpec } from './define';
import type { EventName, MethodName } from './names';
import { contractEvents } from './events';
import { graphMethods } from './graph';
import { profileMethods } from './profiles';
import { recordMethods } from './records';
import { scopeMethods } from './scopes';
import { verifyMethods } from './verify';
import { signinMethods } from './signin';
import { wizardMethods } from './wizard';

/** Every method main offers the renderer, by name. Features add their method maps here. */
export const contract = {
  ...appMethods,
  ...profileMethods,
  ...scopeMethods,
  ...certificateMethods,
  ...verifyMethods,
  ...signinMethods,
  ...wizardMethods,
  ...recordMethods,
  ...graphMethods,
};

/** Every event main sends. */
export const events = {
  ...contractEvents,
};

export type Contract = typeof contract;
export type { MethodName, EventName } from './names';
export { buildApi, channelFor, EVENT_CHANNEL, eventNames, methodNames } from './names';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time proof that the names-only module (what the preload loads) names exactly the contract's methods and events. */
export type NamesMatchContract = [
  Assert<Same<keyof Contract, MethodName>>,
  Assert<Same<keyof typeof events, EventName>>,
];

/** What the caller sends (defaults may be left out). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
/** What the method returns on success. */
export type MethodOutput<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer O> ? O : never;
/** The payload of an event. */
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

type Namespace<K> = K extends `${infer N}.${string}` ? N : never;
type Member<K, N extends string> = K extends `${N}.${infer M}` ? M : never;
type Call<K> = K extends MethodName ? (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> : never;

/** `window.workbench`: the contract's methods grouped by namespace, plus event subscription. */
export type WorkbenchApi = {
  [N in Namespace<MethodName>]: { [M in Member<MethodName, N>]: Call<`${N}.${M}`> };
} & {
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The Electron window (`desktop`) or a browser tab served by `gcw ui` (`browser`). */
  readonly host: WorkbenchHost;
};

export type { WorkbenchHost } from './build-api';
