import type { FindingDraft } from '../findings';
import { listWords } from '../findings';
import type { RegisteredPermission } from '../../../shared/registration';
import {
  apiName,
  AZURE_AD_GRAPH_APP_ID,
  isSignInScope,
  kindOfType,
  MICROSOFT_GRAPH_APP_ID,
  permissionById,
  permissionByValue,
} from '../permission-lookup';
import { isHighPrivilege, permissionFamily, privilegeRank } from '../privilege';
import type { Check } from './check-context';
import { checkPermissionNeeds } from './permission-needs';
import { normalizeScope, type ListedPermissions } from './scope-names';

/** requiredResourceAccess against the catalog and the connection: unknown ids, wrong kinds, gaps, excess, consent. */
export const checkPermissions: Check = (ctx) => {
  const { app, target } = ctx;
  const out: FindingDraft[] = [];
  const listed: ListedPermissions = { delegated: new Map(), application: new Map() };
  const unknown: string[] = [];
  const unknownNames: string[] = [];
  const kindMismatch: string[] = [];
  for (const entry of app.requiredResourceAccess.filter((p) => p.resourceAppId === MICROSOFT_GRAPH_APP_ID)) {
    const kind = kindOfType(entry.type);
    if (!kind) {
      unknown.push(`${entry.writtenAs ?? entry.id} (type “${entry.type}”, expected Scope or Role)`);
      continue;
    }
    if (entry.writtenAs !== undefined && entry.value === null) {
      const other = permissionByValue(entry.writtenAs, kind === 'delegated' ? 'application' : 'delegated');
      if (other)
        kindMismatch.push(
          `${entry.writtenAs} is listed as ${entry.type} (${kind}) but exists only as ${other.kind === 'application' ? 'an' : 'a'} ${other.kind} permission`,
        );
      else unknownNames.push(`“${entry.writtenAs}”`);
      continue;
    }
    const permission = permissionById(entry.id, kind);
    if (permission) {
      listed[kind].set(permission.value.toLowerCase(), permission);
      continue;
    }
    const other = permissionById(entry.id, kind === 'delegated' ? 'application' : 'delegated');
    if (other)
      kindMismatch.push(
        `${entry.id} is listed as ${entry.type} (${kind}) but is the id of the ${other.kind} permission ${other.value}`,
      );
    else unknown.push(entry.id);
  }
  if (unknown.length > 0) {
    out.push({
      code: 'permission.unknown_id',
      message: `requiredResourceAccess lists Microsoft Graph permission ids this tool does not know: ${listWords(unknown)}. It may be a newer permission, or a typo in a hand-edited manifest.`,
      fix: 'Compare with the list shown there; remove entries without a name (… › Remove permission) and add the intended ones with Add a permission › Microsoft Graph.',
      blade: 'CallAnAPI',
    });
  }
  if (unknownNames.length > 0) {
    out.push({
      code: 'permission.unknown_name',
      message: `requiredResourceAccess names Microsoft Graph permissions this tool does not know: ${listWords(unknownNames)}. Names must match a permission exactly (for example Files.Read.All); Teams Toolkit stops with an error at an unknown name when it builds the manifest.`,
      fix: 'Correct the name in the template (the list under Add a permission › Microsoft Graph shows each exact name), or give the permission’s id instead.',
      blade: 'CallAnAPI',
    });
  }
  if (kindMismatch.length > 0) {
    out.push({
      code: 'permission.id_kind_mismatch',
      message: `Some Microsoft Graph entries have the wrong type for their id: ${kindMismatch.join('; ')}. Entra cannot grant them as listed.`,
      fix: 'Remove these entries, then add each again with Add a permission › Microsoft Graph › Delegated permissions or Application permissions, so the portal writes the right id and type.',
      blade: 'CallAnAPI',
    });
  }
  if (app.requiredResourceAccess.some((p) => p.resourceAppId === AZURE_AD_GRAPH_APP_ID)) {
    out.push({
      code: 'permission.aad_graph_legacy',
      message:
        'The app asks for permissions of Azure Active Directory Graph (00000002-0000-0000-c000-000000000000), an API Microsoft has retired; requests to it fail.',
      fix: 'Remove the Azure Active Directory Graph entries (… › Remove permission) and add the Microsoft Graph permissions you need instead (Add a permission › Microsoft Graph).',
      blade: 'CallAnAPI',
    });
  }
  out.push(...otherApis(app.requiredResourceAccess));
  // A file without requiredResourceAccess (a trimmed copy) cannot show what is missing; its note says so.
  if (target.auth !== null && !app.notInFile.includes('requiredResourceAccess')) {
    out.push(...checkPermissionNeeds(ctx, listed));
    out.push(...checkExcess(ctx.target, listed));
  }
  const needConsent = [...listed.delegated.values(), ...listed.application.values()].filter(
    (p) => p.adminConsentRequired,
  );
  if (needConsent.length > 0) {
    out.push({
      code: 'permission.admin_consent_required',
      message: `These permissions need an administrator’s consent before the connection can use them: ${listWords(needConsent.map((p) => `${p.value} (${p.kind})`))}. Listing them in the registration does not grant them.`,
      fix: 'Select Grant admin consent for <your organization>, then Yes. Application permissions of Microsoft Graph need a Privileged Role Administrator; delegated ones can also be granted by a Cloud Application Administrator or Application Administrator. The Status column then shows “Granted”.',
      blade: 'CallAnAPI',
    });
  }
  return out;
};

/** Permissions of APIs other than Microsoft Graph (and the retired Azure AD Graph, reported on its own): listed as not checked. */
function otherApis(entries: RegisteredPermission[]): FindingDraft[] {
  const byApi = new Map<string, string[]>();
  for (const p of entries) {
    if (p.resourceAppId === MICROSOFT_GRAPH_APP_ID || p.resourceAppId === AZURE_AD_GRAPH_APP_ID) continue;
    byApi.set(p.resourceAppId, [
      ...(byApi.get(p.resourceAppId) ?? []),
      `${p.writtenAs ?? p.id} (${p.type || 'no type'})`,
    ]);
  }
  if (byApi.size === 0) return [];
  const apis = [...byApi].map(([id, perms]) => {
    const name = apiName(id);
    const shown = perms.slice(0, 3).join(', ') + (perms.length > 3 ? ` and ${perms.length - 3} more` : '');
    return `${name ? `${name} (${id})` : id || 'an API without resourceAppId'}: ${shown}`;
  });
  return [
    {
      code: 'permission.other_api_not_checked',
      message: `These permissions are for other APIs and were not checked — this tool knows Microsoft Graph’s permissions only, and the connection calls Microsoft Graph: ${apis.join('; ')}.`,
      fix: 'Nothing to change for the connection. If nothing else uses them, select each › … › Remove permission.',
      blade: 'CallAnAPI',
    },
  ];
}

/** Listed permissions the connection does not need: more privileged than needed (per permission), or merely unused. */
function checkExcess(target: Parameters<Check>[0]['target'], listed: ListedPermissions): FindingDraft[] {
  const out: FindingDraft[] = [];
  const notNeeded: string[] = [];
  const needed = {
    delegated: new Set(
      [...target.requiredDelegated.flat(), ...target.triggerDelegated.flat(), ...target.delegatedScopes]
        .map(normalizeScope)
        .filter((s): s is string => s !== null),
    ),
    application: new Set(target.applicationPermissions.map(normalizeScope).filter((s): s is string => s !== null)),
  };
  for (const kind of ['delegated', 'application'] as const) {
    for (const permission of listed[kind].values()) {
      const value = permission.value;
      if (needed[kind].has(value.toLowerCase()) || isSignInScope(value)) continue;
      const sameFamily = [...needed[kind]].filter((n) => permissionFamily(n) === permissionFamily(value));
      const names = sameFamily.map((n) => permissionByValue(n, kind)?.value ?? n);
      const maxNeeded = Math.max(-1, ...sameFamily.map(privilegeRank));
      if (
        (sameFamily.length > 0 && privilegeRank(value) > maxNeeded) ||
        (sameFamily.length === 0 && isHighPrivilege(value))
      ) {
        out.push({
          code: 'permission.more_privilege',
          message:
            sameFamily.length > 0
              ? `${value} (${kind}) is listed, but the connection needs no more than ${listWords(names)}; ${value} allows more than that.`
              : `${value} (${kind}) is listed and allows far more than the connection needs.`,
          fix: `Select ${value} › … › Remove permission, then Yes, remove${sameFamily.length > 0 ? `; keep ${listWords(names)}` : ''}. If admin consent was granted for it, also revoke it in Enterprise applications › the app › Permissions.`,
          blade: 'CallAnAPI',
        });
      } else {
        notNeeded.push(`${value} (${kind})`);
      }
    }
  }
  if (notNeeded.length > 0) {
    out.push({
      code: 'permission.not_needed',
      message: `The connection does not use these listed permissions: ${listWords(notNeeded)}. They may serve another purpose; otherwise they only widen what the app may do.`,
      fix: 'If nothing else uses them, select each › … › Remove permission.',
      blade: 'CallAnAPI',
    });
  }
  return out;
}
