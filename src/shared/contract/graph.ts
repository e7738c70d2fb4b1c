import { z } from 'zod';
import type {
  CreatedObject,
  GraphAction,
  GraphChange,
  GraphPreview,
  GraphRequestOutcome,
  NewSecret,
  PartialFailure,
} from '../graph-apply';
import type { AppError } from '../result';
import type { VerifyReport } from '../registration';
import { method } from './define';

const profileId = z.string().min(1).max(100);
const planId = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const ref = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const months = z.number().int().min(1).max(24);
const keyIds = z.array(z.string().min(1).max(64)).max(50);

/** The management app the admin signs in with: Microsoft Graph Command Line Tools, or their own public client. */
export const managementClientSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('graph-cli') }),
  z.strictObject({ kind: z.literal('own'), clientId: z.guid() }),
]);

/** The management sign-in held for a profile's cloud and tenant (never the token). */
export interface ManagementStatus {
  profileId: string;
  account: string | null;
  tenantId: string | null;
  graphHost: string;
  clientId: string;
  scopes: string[];
  expiresOn: string | null;
  /** True when the admin asked to keep it (encrypted in the vault) beyond this session. */
  remembered: boolean;
}

/** A preview waiting for the admin's confirmation. */
export interface PlanView {
  planId: string;
  preview: GraphPreview;
  /** The verification the plan was made from (repair), or null. */
  report: VerifyReport | null;
}

/** The app registration read through Graph and checked against the profile. */
export interface FetchView {
  report: VerifyReport;
  appId: string;
  objectId: string;
  passwords: Array<{ keyId: string; hint: string | null; displayName: string | null; endDateTime: string | null }>;
  certificates: Array<{
    keyId: string;
    displayName: string | null;
    endDateTime: string | null;
    thumbprintSha1: string | null;
  }>;
  /** Codes of the findings a repair can fix through Graph (some need a PFX or a new secret, which the repair asks for). */
  fixable: string[];
  /** The report's id for verify.exportReport and verify.copyReport (null where it is not kept). */
  reportId: string | null;
}

/** What applying a plan did: each request, what exists now, any partial failure, and the verification afterwards. */
export interface ApplyOutcome {
  action: GraphAction;
  outcomes: GraphRequestOutcome[];
  created: CreatedObject[];
  changes: GraphChange[];
  failure: PartialFailure | null;
  error: AppError | null;
  /** The app read back and verified again (null when it could not be read). */
  after: FetchView | null;
  newSecret: NewSecret | null;
  /** Rotation: the sign-in test with the new credential, where the new and the old credential are, and what to do next. */
  test: { ok: boolean; summary: string; advice: string[] } | null;
  /** Profile fields the Workbench updated (client ID, secret, certificate). */
  profileUpdated: string[];
}

/** One change made through Graph, as the connection record lists it. */
export interface GraphChangeEntry {
  at: string;
  action: GraphAction;
  appId: string | null;
  account: string | null;
  changes: GraphChange[];
  created: Array<Pick<CreatedObject, 'kind' | 'id' | 'label'>>;
  failed: boolean;
  /** Each request that was sent and how it ended (method, URL, status; never a body). */
  requests: Array<Pick<GraphRequestOutcome, 'method' | 'url' | 'status' | 'ok' | 'graphCode'>>;
  /** The app read back afterwards: its verification's counts (null when it could not be read). */
  readBack: { error: number; warning: number } | null;
  /** Rotation: the sign-in test with the new credential. */
  test: { ok: boolean; summary: string } | null;
  /** A run that stopped part-way: how to finish it and how to undo what it created. */
  finish: string | null;
  undo: string[];
}

/** Contract methods that change app registrations through Microsoft Graph, always after a preview. */
export const graphMethods = {
  'graph.status': method<ManagementStatus | null>()(
    z.strictObject({ profileId }),
    'The management sign-in held for a profile, if any (never the token).',
  ),
  'graph.signIn': method<ManagementStatus>()(
    z.strictObject({
      profileId,
      client: managementClientSchema,
      action: z.enum(['fetch', 'create', 'repair', 'rotate']),
      consent: z.boolean().default(false),
      remember: z.boolean().default(false),
      timeoutSeconds: z.number().int().min(10).max(3600).optional(),
    }),
    'Sign the admin in (browser, PKCE, loopback) with only the Microsoft Graph scopes the action needs; the token stays in main’s memory.',
  ),
  'graph.cancelSignIn': method<{ cancelled: boolean }>()(
    z.strictObject({ profileId }),
    'Stop the management sign-in waiting for the browser (its loopback listener closes; graph.signIn answers signin.cancelled).',
  ),
  'graph.signOut': method<{ signedOut: boolean }>()(
    z.strictObject({ profileId }),
    'Forget the management sign-in of a profile (memory and vault).',
  ),
  'graph.fetch': method<FetchView>()(
    z.strictObject({ profileId }),
    'Read the profile’s app registration through Graph (GET /applications(appId=…)) and verify it.',
  ),
  'graph.previewCreate': method<PlanView>()(
    z.strictObject({
      profileId,
      credential: z.enum(['profile-certificate', 'new-secret', 'none']),
      secretMonths: months.default(6),
      consent: z.boolean().default(false),
    }),
    'The requests that would create the profile’s app registration (nothing is sent).',
  ),
  'graph.previewRepair': method<PlanView>()(
    z.strictObject({
      profileId,
      secretMonths: months.nullable().default(null),
      useProfileCertificate: z.boolean().default(true),
    }),
    'Read the app, verify it, and show the PATCH that fixes what Graph can fix (nothing is written).',
  ),
  'graph.previewRotate': method<PlanView>()(
    z.strictObject({
      profileId,
      credential: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('secret'), months }),
        z.strictObject({ kind: z.literal('certificate'), certificateRef: ref }),
      ]),
    }),
    'The request that adds a new secret or certificate beside the old one (nothing is sent).',
  ),
  'graph.previewRemoveOld': method<PlanView>()(
    z.strictObject({ profileId, passwordKeyIds: keyIds.default([]), certificateKeyIds: keyIds.default([]) }),
    'The requests that remove old credentials the admin picked (nothing is sent).',
  ),
  'graph.apply': method<ApplyOutcome>()(
    z.strictObject({ planId }),
    'Send a previewed plan after the admin confirmed it, then read the app back and verify it.',
  ),
  'graph.discard': method<{ discarded: boolean }>()(z.strictObject({ planId }), 'Drop a preview without sending it.'),
  'graph.changes': method<GraphChangeEntry[]>()(
    z.strictObject({ profileId }),
    'What was changed through Graph for a profile, newest first.',
  ),
};
