import { z } from 'zod';
import { authKindSchema, customHostsSchema } from '../connections-schema';
import { environmentIdSchema } from '../environments-schema';
import type {
  AppOnlySuggestion,
  PermissionHint,
  RequiredResourceAccess,
  ScopeChecklist,
  ScopeRow,
  SiteGrant,
} from '../permissions';
import { method } from './define';

const permissionList = z.array(z.string().min(1).max(300)).max(300);
const chosen = {
  delegated: permissionList.default([]),
  application: permissionList.default([]),
};

/** What the Scopes page shows for a choice of permissions. */
export interface ScopeBuild {
  /** The scope string for the connection form (delegated permissions, space-separated). */
  scopeString: string;
  /** The app manifest's `requiredResourceAccess` (Scope entries for delegated, Role for application permissions). */
  requiredResourceAccess: RequiredResourceAccess[];
  requiredResourceAccessJson: string;
  hints: PermissionHint[];
  /** Names that are not Microsoft Graph permissions of that kind; left out of the outputs. */
  unknown: Array<{ value: string; kind: 'delegated' | 'application' }>;
  delegatedRows: ScopeRow[];
  applicationRows: ScopeRow[];
  /** The scope an app-only (client credentials) request uses, when application permissions are chosen. */
  appOnlyScope: string | null;
  /** Lines of the option's minimum set the delegated choice does not cover, e.g. "Files.Read". */
  missingMinimum: string[];
  /** Application permissions that fit app-only access to OneDrive and SharePoint (Files.Read.All, Sites.Read.All, Sites.Selected). */
  appOnlySuggestions: AppOnlySuggestion[];
  /** How to grant the app a site, when Sites.Selected is chosen. */
  siteGrant: SiteGrant | null;
}

/** Contract methods of the Scopes page. */
export const scopeMethods = {
  'scopes.checklist': method<ScopeChecklist>()(
    z.object({ auth: authKindSchema }).strict(),
    'The minimum, trigger and full checklists of an option, each row from the Graph permission catalog.',
  ),
  'scopes.search': method<ScopeRow[]>()(
    z.object({ words: z.string().max(200), kind: z.enum(['delegated', 'application']).default('delegated') }).strict(),
    'Search every Microsoft Graph permission of a kind by words.',
  ),
  'scopes.build': method<ScopeBuild>()(
    z
      .object({
        auth: authKindSchema,
        ...chosen,
        environment: environmentIdSchema.default('office365'),
        customHosts: customHostsSchema.strict().nullable().default(null),
        /** The app the permissions are for (a saved profile's), to fill in the Sites.Selected grant. */
        clientId: z.string().max(100).default(''),
        appName: z.string().max(200).default(''),
      })
      .strict(),
    'The scope string, the requiredResourceAccess JSON and least-privilege hints for the chosen permissions.',
  ),
  'scopes.copyScopeString': method<{ clearsInSeconds: number | null }>()(
    z.object({ delegated: permissionList }).strict(),
    'Copy the scope string of the chosen delegated permissions.',
  ),
  'scopes.copyRequiredResourceAccess': method<{ clearsInSeconds: number | null }>()(
    z.object(chosen).strict(),
    'Copy the requiredResourceAccess JSON of the chosen permissions.',
  ),
};
