import type { WizardInput } from '../../shared/wizard';
import { buildChecklist } from './checklist';

function list(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The ids of the checklist items the connection needs (not the ones only the Workbench's tests need), for the wizard's state. */
export function requiredChecklistIds(state: WizardInput, thumbprint: string): string[] {
  if (!state.auth) return [];
  const d = state.draft;
  const checklist = buildChecklist({
    auth: state.auth,
    environment: d.environment,
    customHosts: d.environment === 'custom' ? { loginHost: d.loginHost, graphHost: d.graphHost } : null,
    domain: d.domain,
    audience: d.audience,
    clientId: d.clientId,
    tenant: d.tenant,
    scopes: list(d.scopes),
    appOnlyPermissions: list(d.appOnlyPermissions),
    thumbprint,
  });
  return checklist.items.filter((i) => i.requiredForConnection).map((i) => i.id);
}
