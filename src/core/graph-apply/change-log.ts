import { z } from 'zod';
import type { Notice } from '../../shared/contract/app';
import type { GraphChangeEntry } from '../../shared/contract/graph';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';

const KEPT = 50;
const change = z.object({
  field: z.string().max(200),
  added: z.array(z.string().max(500)).max(200),
  removed: z.array(z.string().max(500)).max(200),
  kept: z.array(z.string().max(500)).max(500),
  findings: z.array(z.string().max(100)).max(100),
});
const entry = z.object({
  at: z.string().max(64),
  action: z.enum(['create', 'fetch', 'repair', 'rotate', 'remove-old']),
  appId: z.string().max(100).nullable(),
  account: z.string().max(300).nullable(),
  changes: z.array(change).max(50),
  created: z
    .array(
      z.object({
        kind: z.enum([
          'application',
          'servicePrincipal',
          'oauth2PermissionGrant',
          'appRoleAssignment',
          'passwordCredential',
          'keyCredential',
        ]),
        id: z.string().max(100),
        label: z.string().max(300),
      }),
    )
    .max(50),
  failed: z.boolean(),
  // Added later: entries written before have none of these (their defaults say "not known").
  requests: z
    .array(
      z.object({
        method: z.enum(['GET', 'POST', 'PATCH', 'DELETE']),
        url: z.string().max(2000),
        status: z.number().int().nullable(),
        ok: z.boolean(),
        graphCode: z.string().max(200).nullable(),
      }),
    )
    .max(50)
    .default([]),
  readBack: z
    .object({ error: z.number().int().min(0), warning: z.number().int().min(0) })
    .nullable()
    .default(null),
  test: z
    .object({ ok: z.boolean(), summary: z.string().max(2000) })
    .nullable()
    .default(null),
  finish: z.string().max(4000).nullable().default(null),
  undo: z.array(z.string().max(2000)).max(50).default([]),
});
const documentSchema = z.object({ version: z.literal(1), profiles: z.record(z.string(), z.array(entry).max(KEPT)) });
type ChangesDocument = z.infer<typeof documentSchema>;

/** `graph-changes.json`: what was changed through Graph per profile (no secrets: a new secret appears only as “new client secret”), for the connection record. */
export class GraphChangeLog {
  private readonly doc: JsonDocument<ChangesDocument>;
  readonly notices: Notice[];

  constructor(options: { directory: string; backend: StoreBackendFactory }) {
    this.doc = openJsonDocument(
      {
        name: 'graph-changes',
        label: 'changes made through Microsoft Graph',
        schema: documentSchema,
        currentVersion: 1,
        defaults: () => ({ version: 1, profiles: {} }),
        repair: (raw) => {
          const profiles: ChangesDocument['profiles'] = {};
          const reset: string[] = [];
          const given =
            typeof raw.profiles === 'object' && raw.profiles !== null ? (raw.profiles as Record<string, unknown>) : {};
          for (const [id, value] of Object.entries(given)) {
            const parsed = z.array(entry).max(KEPT).safeParse(value);
            if (parsed.success) profiles[id] = parsed.data;
            else reset.push(id);
          }
          return { value: { version: 1, profiles }, reset };
        },
      },
      options,
    );
    this.notices = this.doc.notices;
  }

  /** Add a change (newest first, the last 50 kept). */
  add(profileId: string, change: GraphChangeEntry): void {
    const file = this.doc.get();
    file.profiles[profileId] = [change, ...(file.profiles[profileId] ?? [])].slice(0, KEPT);
    this.doc.set(file);
  }

  /** A profile's changes, newest first. */
  list(profileId: string): GraphChangeEntry[] {
    return this.doc.get().profiles[profileId] ?? [];
  }
}
