import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Notice } from '../../shared/contract/app';
import { certificateRefSchema } from '../../shared/connections-schema';
import { type WizardCertificate, type WizardInput } from '../../shared/wizard';
import { wizardInputSchema } from '../../shared/wizard-schema';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';

const refSchema = z.string().max(64);
const certificateSchema = certificateRefSchema.extend({
  source: z.enum(['imported', 'generated']),
  ref: refSchema.nullable(),
});

const documentSchema = z.object({
  version: z.literal(1),
  state: wizardInputSchema,
  /** Facts of the chosen certificate and the ref it is held by in main this session (a ref is not a secret and dies with the session). */
  certificate: certificateSchema.nullable(),
  /** The ref of the client secret held in memory; the secret itself is never written here. */
  clientSecretRef: refSchema.nullable(),
  updatedAt: z.string().max(64).nullable(),
});

/** What `wizard.json` holds: the admin's answers and typed fields, certificate facts and refs — never a secret. */
export type WizardDocument = z.infer<typeof documentSchema>;

const fresh = (): WizardDocument => ({
  version: 1,
  state: wizardInputSchema.parse({}),
  certificate: null,
  clientSecretRef: null,
  updatedAt: null,
});

/** The New connection wizard's state in `wizard.json`, and the client secret it holds in memory until a profile exists. */
export class WizardStore {
  private readonly doc: JsonDocument<WizardDocument>;
  private readonly held = new Map<string, string>();
  private readonly now: () => Date;
  /** Notices from opening the file (recovered, repaired). */
  readonly notices: Notice[];

  constructor(options: { directory: string; backend: StoreBackendFactory; now?: () => Date }) {
    this.now = options.now ?? (() => new Date());
    this.doc = openJsonDocument(
      {
        name: 'wizard',
        label: 'New connection wizard',
        schema: documentSchema,
        currentVersion: 1,
        defaults: fresh,
        repair: (raw) => {
          // Keep what still reads; a damaged part starts fresh rather than losing the rest.
          const base = fresh();
          const reset: string[] = [];
          for (const key of ['state', 'certificate', 'clientSecretRef', 'updatedAt'] as const) {
            const parsed = documentSchema.shape[key].safeParse(raw[key]);
            if (parsed.success) (base as Record<string, unknown>)[key] = parsed.data;
            else if (key in raw) reset.push(key);
          }
          return { value: base, reset };
        },
      },
      { directory: options.directory, backend: options.backend, now: this.now },
    );
    this.notices = this.doc.notices;
  }

  /** The stored document. */
  get(): WizardDocument {
    return this.doc.get();
  }

  /** Keep the renderer's part of the state. */
  saveInput(state: WizardInput): WizardDocument {
    return this.update((d) => ({ ...d, state }));
  }

  /** Remember (or forget) the chosen certificate's facts and ref. */
  setCertificate(certificate: (WizardCertificate & { ref: string | null }) | null): WizardDocument {
    return this.update((d) => ({ ...d, certificate }));
  }

  /** Hold a client secret in memory (never on disk) and remember its ref; returns the ref. */
  hold(secret: string): string {
    const previous = this.doc.get().clientSecretRef;
    if (previous) this.held.delete(previous);
    const ref = randomBytes(18).toString('base64url');
    this.held.set(ref, secret);
    this.update((d) => ({ ...d, clientSecretRef: ref }));
    return ref;
  }

  /** The held client secret of a ref, if this session still has it. */
  heldSecret(ref: string): string | undefined {
    return this.held.get(ref);
  }

  /** Drop a held secret (it is in the vault now, or replaced) and forget its ref. */
  release(ref: string): void {
    this.held.delete(ref);
    if (this.doc.get().clientSecretRef === ref) this.update((d) => ({ ...d, clientSecretRef: null }));
  }

  /** Forget everything: answers, fields, refs and held secrets. */
  reset(): WizardDocument {
    this.held.clear();
    this.doc.set(fresh());
    return this.doc.get();
  }

  /** Drop held secrets without touching the file (app quit). */
  dispose(): void {
    this.held.clear();
  }

  private update(change: (d: WizardDocument) => WizardDocument): WizardDocument {
    const next = { ...change(this.doc.get()), updatedAt: this.now().toISOString() };
    this.doc.set(next);
    return next;
  }
}
