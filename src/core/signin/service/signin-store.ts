import { z } from 'zod';
import type { Notice } from '../../../shared/contract/app';
import type { SavedSignInInfo, SigninHistoryEntry } from '../../../shared/contract/signin';
import type { StoreBackendFactory } from '../../storage/backend';
import { openJsonDocument, type JsonDocument } from '../../storage/json-document';

/** Tests kept per profile. */
export const HISTORY_LIMIT = 20;

/** Default time an interactive test waits for the browser: 5 minutes. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

const list = z.array(z.string().max(300)).max(300);

const historyEntrySchema = z.object({
  runId: z.string().max(100),
  at: z.string().max(64),
  flow: z.enum(['interactive', 'public-client', 'client-credentials', 'admin-consent', 'refresh', 'graph-probe']),
  client: z.enum(['secret', 'certificate', 'none']),
  ok: z.boolean(),
  code: z.string().max(100).nullable(),
  aadsts: z.number().int().nullable(),
  summary: z.string().max(2000),
  user: z.string().max(300).nullable(),
  granted: list,
  missing: list,
  extra: list,
  durationMs: z.number().min(0),
});

const savedSignInSchema = z.object({
  account: z.string().max(300).nullable(),
  client: z.enum(['secret', 'certificate', 'none']),
  certificateForm: z.enum(['sha256', 'sha1']).nullable(),
  savedAt: z.string().max(64),
});

const preferencesSchema = z.object({
  timeoutSeconds: z.number().int().min(30).max(1800),
  extraCaFile: z.string().max(4096).nullable(),
  /** Also trust the operating system's certificate store (files written before this setting existed read as false). */
  useSystemCa: z.boolean().default(false),
});

const documentSchema = z.object({
  version: z.literal(1),
  preferences: preferencesSchema,
  history: z.record(z.string(), z.array(historyEntrySchema)),
  savedSignIns: z.record(z.string(), savedSignInSchema),
});
type SigninDocument = z.infer<typeof documentSchema>;

/** Stored preferences of the sign-in tests. */
export type StoredPreferences = z.infer<typeof preferencesSchema>;

const defaults = (): SigninDocument => ({
  version: 1,
  preferences: { timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, extraCaFile: null, useSystemCa: false },
  history: {},
  savedSignIns: {},
});

/** `signin-tests.json`: test history per profile, what is known about saved sign-ins (never a token), preferences. */
export class SigninStore {
  private readonly doc: JsonDocument<SigninDocument>;

  constructor(options: { directory: string; backend: StoreBackendFactory }) {
    this.doc = openJsonDocument(
      {
        name: 'signin-tests',
        label: 'sign-in test history',
        schema: documentSchema,
        currentVersion: 1,
        defaults,
        repair: (raw) => {
          const base = defaults();
          const reset: string[] = [];
          const take = <T>(key: keyof SigninDocument, schema: z.ZodType<T>, fallback: T): T => {
            const parsed = schema.safeParse(raw[key]);
            if (parsed.success) return parsed.data;
            reset.push(key);
            return fallback;
          };
          return {
            value: {
              version: 1,
              preferences: take('preferences', preferencesSchema, base.preferences),
              history: take('history', documentSchema.shape.history, base.history),
              savedSignIns: take('savedSignIns', documentSchema.shape.savedSignIns, base.savedSignIns),
            },
            reset,
          };
        },
      },
      { directory: options.directory, backend: options.backend },
    );
  }

  /** Notices from opening the file (recovered, repaired). */
  get notices(): Notice[] {
    return this.doc.notices;
  }

  /** The file's path (tests search it for tokens). */
  get path(): string {
    return this.doc.path;
  }

  /** The profile's tests, newest first. */
  history(profileId: string): SigninHistoryEntry[] {
    return this.doc.get().history[profileId] ?? [];
  }

  /** Add a test at the top of the profile's history, keeping the last HISTORY_LIMIT. */
  record(profileId: string, entry: SigninHistoryEntry): void {
    const file = this.doc.get();
    file.history[profileId] = [entry, ...(file.history[profileId] ?? [])].slice(0, HISTORY_LIMIT);
    this.doc.set(file);
  }

  /** Forget a profile's history; returns how many entries were removed. */
  clearHistory(profileId: string): number {
    const file = this.doc.get();
    const removed = file.history[profileId]?.length ?? 0;
    delete file.history[profileId];
    this.doc.set(file);
    return removed;
  }

  /** What is known about the profile's saved sign-in. */
  savedSignIn(profileId: string): SavedSignInInfo | null {
    return this.doc.get().savedSignIns[profileId] ?? null;
  }

  /** Remember which account and credential the saved sign-in belongs to (null forgets it). */
  setSavedSignIn(profileId: string, info: SavedSignInInfo | null): void {
    const file = this.doc.get();
    if (info) file.savedSignIns[profileId] = info;
    else delete file.savedSignIns[profileId];
    this.doc.set(file);
  }

  /** Profiles the file knows about. */
  profileIds(): string[] {
    const file = this.doc.get();
    return [...new Set([...Object.keys(file.history), ...Object.keys(file.savedSignIns)])];
  }

  /** Remove everything kept for a profile that no longer exists. */
  forgetProfile(profileId: string): void {
    const file = this.doc.get();
    delete file.history[profileId];
    delete file.savedSignIns[profileId];
    this.doc.set(file);
  }

  /** The stored preferences. */
  preferences(): StoredPreferences {
    return this.doc.get().preferences;
  }

  /** Change some preferences; returns them as saved. */
  setPreferences(patch: Partial<StoredPreferences>): StoredPreferences {
    const file = this.doc.get();
    file.preferences = { ...file.preferences, ...patch };
    this.doc.set(file);
    return file.preferences;
  }
}
