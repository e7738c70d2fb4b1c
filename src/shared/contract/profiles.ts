import { z } from 'zod';
import {
  secretNames,
  type ConnectionSheet,
  type ExpiryRow,
  type ProfileEntry,
  type ProfileFinding,
  type SecretHostChange,
  type SecretName,
} from '../connections';
import { profileInputSchema } from '../connections-schema';
import type { EnvironmentId } from '../environments';
import type { ProfileStatus } from '../status';
import { method } from './define';

const empty = z.object({}).strict();
const profileId = z.string().min(1).max(100);
const byId = z.object({ id: profileId }).strict();

/** One row of the Connections list: the profile (no secrets) and what the evidence says about it. */
export interface ProfileListItem {
  entry: ProfileEntry;
  status: ProfileStatus;
}

/** A profile, the validation of what is stored, and its status. */
export interface ProfileDetails {
  entry: ProfileEntry;
  findings: ProfileFinding[];
  status: ProfileStatus;
}

/** What saving the form returns: the saved profile and its findings (saved even with errors). */
export interface SavedProfileResult {
  entry: ProfileEntry;
  findings: ProfileFinding[];
  /** Set when an update changed the sign-in or Graph host: what happened to the stored secrets (and the saved sign-in). */
  hostChange?: SecretHostChange;
}

/** The connection sheet plus a link to the app registration in the cloud's admin center. */
export interface ConnectionSheetView extends ConnectionSheet {
  appRegistrationUrl: string | null;
  /** After how many seconds a copied secret is cleared from the clipboard. */
  clipboardClearSeconds: number;
}

/** One cloud as the profile form offers it. */
export interface EnvironmentInfo {
  id: EnvironmentId;
  label: string;
  /** What the connector's connection page calls it; null for Custom. */
  connectorLabel: string | null;
  /** Null for Custom: the admin gives the hosts. */
  loginHost: string | null;
  graphHost: string | null;
  entraAdminHost: string | null;
  tenantDomainSuffix: string | null;
  appRegistrationsUrl: string | null;
}

/** Contract methods of the Connections page: profiles, their files, the connection sheet and expiry. */
export const profileMethods = {
  'profiles.list': method<ProfileListItem[]>()(
    z.object({ query: z.string().max(200).default('') }).strict(),
    'Profiles in order, filtered by words (name, notes, client ID, tenant, UPN, domain, option, cloud), with their status from evidence.',
  ),
  'profiles.get': method<ProfileDetails>()(
    byId,
    'One profile (no secrets), its validation and its status from evidence.',
  ),
  'profiles.create': method<SavedProfileResult>()(
    profileInputSchema,
    'Create a profile; secrets go to the vault. Saved even with errors, which come back as findings.',
  ),
  'profiles.update': method<SavedProfileResult>()(
    z.object({ id: profileId, profile: profileInputSchema }).strict(),
    'Replace a profile’s fields; empty secret inputs keep what is stored, null removes it. When the cloud or hosts change, stored secrets are removed unless the admin keeps them in a native dialog main shows.',
  ),
  'profiles.duplicate': method<SavedProfileResult & { skippedSecrets: SecretName[] }>()(
    z.object({ id: profileId, name: z.string().max(200).optional() }).strict(),
    'Copy a profile and its readable secrets under a new name.',
  ),
  'profiles.delete': method<{ id: string; name: string }>()(
    byId,
    'Delete a profile; it can be restored until the app quits.',
  ),
  'profiles.restore': method<ProfileEntry>()(byId, 'Undo a delete made in this session.'),
  'profiles.validate': method<ProfileFinding[]>()(
    z
      .object({
        id: profileId.nullable().default(null),
        profile: profileInputSchema,
        appOnlyTest: z.boolean().default(false),
      })
      .strict(),
    'Field-level findings for a form draft without saving it (with the vault’s state when editing a stored profile).',
  ),
  'profiles.exportRedacted': method<{ path: string }>()(
    byId,
    'Save the redacted profile file (no secrets) where the user chooses.',
  ),
  'profiles.exportText': method<{ text: string; fileName: string }>()(
    byId,
    'The redacted profile file as text (it never holds a secret).',
  ),
  'profiles.import': method<SavedProfileResult>()(
    z.object({ text: z.string().min(1).max(1_000_000).optional() }).strict(),
    'Import a profile file as a new profile: the pasted text, or a file picked in the open dialog.',
  ),
  'profiles.connectionSheet': method<ConnectionSheetView>()(
    byId,
    'The connection page’s fields in its order; secrets only as references.',
  ),
  'profiles.copySheetField': method<{ clearsInSeconds: number | null }>()(
    z.object({ id: profileId, key: z.string().min(1).max(50) }).strict(),
    'Copy one field of the connection sheet; a secret is read from the vault in main and cleared from the clipboard later.',
  ),
  'profiles.revealSecret': method<{ value: string }>()(
    z.object({ id: profileId, name: z.enum(secretNames) }).strict(),
    'Show a stored secret on an explicit user action.',
    { revealsSecret: true },
  ),
  'profiles.expiry': method<ExpiryRow[]>()(
    empty,
    'Certificate and secret expiry of every profile, soonest first; warnings at 30 and 7 days.',
  ),
  'profiles.environments': method<EnvironmentInfo[]>()(
    empty,
    'The clouds the profile form offers, with their sign-in, Graph and admin-center hosts.',
  ),
};
