import type { Application, KeyCredential, RequiredResourceAccess } from '@microsoft/microsoft-graph-types';
import type { GraphChange } from '../../shared/graph-apply';
import type { RegistrationFinding, VerifyReport } from '../../shared/registration';
import { findPermission, findPermissionsById, GRAPH_RESOURCE_APP_ID } from '../permissions/catalog';
import { addPasswordBody, certificateLabel, keyCredentialFor, type CertificateToRegister } from './credentials';
import { keyLabel, type CurrentApp } from './current-app';
import { scopesFor } from './management';
import type { RegistrationNeeds } from './needs';
import type { GraphPlan, GraphStep } from './plan';

const REDIRECT = [
  'redirect.byo_callback_missing',
  'redirect.loopback_missing',
  'redirect.wrong_platform',
  'redirect.case_mismatch',
  'redirect.trailing_slash',
  'redirect.scheme_mismatch',
  'redirect.loopback_ip_literal',
];
const DELEGATED = [
  'permission.minimum_missing',
  'permission.trigger_missing',
  'permission.delegated_missing',
  'permission.sign_in_scope_missing',
  'permission.role_instead_of_scope',
];
const APPLICATION = ['permission.application_missing', 'permission.scope_instead_of_role'];
const CERTIFICATE = ['certificate.not_registered', 'certificate.wrong_type', 'certificate.wrong_usage'];
const SECRET = ['secret.none_registered', 'secret.expired', 'secret.expiring', 'secret.hint_mismatch'];
const OTHER = ['public_client.enabled_for_confidential', 'audience.multi_tenant_needed'];

/** Finding codes a repair can fix through Graph (a certificate needs the PFX, a secret the admin's yes to a new one). */
export const fixableFindings: readonly string[] = [
  ...REDIRECT,
  ...DELEGATED,
  ...APPLICATION,
  ...CERTIFICATE,
  ...SECRET,
  ...OTHER,
];

/** Options of a repair: a certificate to register, months for a new secret. */
export interface RepairOptions {
  certificate?: CertificateToRegister | null;
  secretMonths?: number | null;
  now?: Date;
}

/**
 * The PATCH (and addPassword) that fix what the verifier found and Graph can change. Collections are merged whole:
 * everything the admin has stays, only what is missing is added; the one removal is a URI registered on the wrong
 * platform (moved to the right one), and it is listed in the diff.
 */
export function buildRepairPlan(
  app: CurrentApp,
  report: VerifyReport,
  needs: RegistrationNeeds,
  graphHost: string,
  options: RepairOptions = {},
): GraphPlan {
  const codes = new Set(report.findings.map((f) => f.code));
  const has = (list: string[]) => list.filter((c) => codes.has(c as RegistrationFinding['code']));
  const patch: Application = {};
  const changes: GraphChange[] = [];
  const notes: string[] = [];

  const redirectFindings = has(REDIRECT);
  if (redirectFindings.length > 0) redirects(app, needs, redirectFindings, patch, changes);

  const delegatedFindings = has(DELEGATED);
  const applicationFindings = has(APPLICATION);
  if (delegatedFindings.length > 0 || applicationFindings.length > 0) {
    permissions(
      app,
      delegatedFindings.length > 0 ? needs.delegated : [],
      applicationFindings.length > 0 ? needs.application : [],
      [...delegatedFindings, ...applicationFindings],
      patch,
      changes,
    );
  }
  if (codes.has('public_client.enabled_for_confidential')) {
    patch.isFallbackPublicClient = false;
    changes.push({
      field: 'isFallbackPublicClient',
      added: ['false (public client flows off)'],
      removed: ['true'],
      kept: [],
      findings: ['public_client.enabled_for_confidential'],
    });
  }
  if (codes.has('audience.multi_tenant_needed')) {
    patch.signInAudience = 'AzureADMultipleOrgs';
    changes.push({
      field: 'signInAudience',
      added: ['AzureADMultipleOrgs'],
      removed: [app.signInAudience ?? '(none)'],
      kept: [],
      findings: ['audience.multi_tenant_needed'],
    });
  }
  const certFindings = has(CERTIFICATE);
  if (certFindings.length > 0) {
    if (!options.certificate)
      notes.push('The registered certificates do not match the profile’s: give the PFX to register its certificate.');
    else certificate(app, options.certificate, certFindings, patch, changes, notes);
  }
  const steps: GraphStep[] = [];
  if (Object.keys(patch).length > 0) {
    steps.push({
      key: 'patch',
      method: 'PATCH',
      path: `/v1.0/applications/${app.id}`,
      body: patch,
      purpose: `Change ${Object.keys(patch).join(', ')} of “${app.displayName || app.appId}”, keeping everything else it has.`,
    });
  }
  const secretFindings = has(SECRET);
  if (secretFindings.length > 0) {
    if (!options.secretMonths)
      notes.push(
        'The client secret needs renewing: choose a new client secret to have Graph make one (the old one stays until you remove it).',
      );
    else {
      steps.push({
        key: 'password',
        method: 'POST',
        path: `/v1.0/applications/${app.id}/addPassword`,
        body: addPasswordBody(options.secretMonths, options.now ?? new Date()),
        purpose: `Add a new client secret valid for ${options.secretMonths} months (existing secrets are kept).`,
        creates: {
          kind: 'passwordCredential',
          label: 'new client secret',
          undo: (keyId) => `POST /v1.0/applications/${app.id}/removePassword with {"keyId":"${keyId}"}`,
        },
      });
      changes.push({
        field: 'passwordCredentials',
        added: [`new client secret (${options.secretMonths} months)`],
        removed: [],
        kept: [],
        findings: secretFindings,
      });
    }
  }
  const unfixable = report.findings.filter((f) => f.severity !== 'info' && !fixableFindings.includes(f.code));
  for (const f of unfixable) notes.push(`Not changed through Graph: ${f.message}`);
  return { action: 'repair', graphHost, steps, changes, scopes: scopesFor('repair'), notes };
}

function sameUri(a: string, b: string): boolean {
  const norm = (u: string) => {
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(u.trim());
    if (!m) return u.trim();
    const host = (m[2] ?? '').toLowerCase();
    const bare = host.replace(/:\d+$/, '');
    const loop = bare === 'localhost' || bare === '127.0.0.1';
    const path = m[3] === '/' ? '' : (m[3] ?? '');
    return `${(m[1] ?? '').toLowerCase()}://${loop ? bare : host}${path}`;
  };
  return norm(a) === norm(b);
}

function redirects(
  app: CurrentApp,
  needs: RegistrationNeeds,
  findings: string[],
  patch: Application,
  changes: GraphChange[],
): void {
  const web = [...app.web];
  const added: string[] = [];
  const moved: string[] = [];
  const publicClient = [...app.publicClient];
  const spa = [...app.spa];
  for (const uri of needs.webRedirectUris) {
    if (web.some((w) => sameUri(w, uri) && w.trim() === uri)) continue;
    web.push(uri);
    added.push(uri);
    if (findings.includes('redirect.wrong_platform')) {
      for (const list of [publicClient, spa]) {
        const i = list.findIndex((u) => sameUri(u, uri));
        if (i >= 0) moved.push(...list.splice(i, 1));
      }
    }
  }
  if (added.length === 0) return;
  patch.web = { redirectUris: web };
  changes.push({ field: 'web.redirectUris', added, removed: [], kept: app.web, findings });
  if (moved.length > 0) {
    if (publicClient.length !== app.publicClient.length) {
      patch.publicClient = { redirectUris: publicClient };
      changes.push({
        field: 'publicClient.redirectUris',
        added: [],
        removed: app.publicClient.filter((u) => !publicClient.includes(u)),
        kept: publicClient,
        findings: ['redirect.wrong_platform'],
      });
    }
    if (spa.length !== app.spa.length) {
      patch.spa = { redirectUris: spa };
      changes.push({
        field: 'spa.redirectUris',
        added: [],
        removed: app.spa.filter((u) => !spa.includes(u)),
        kept: spa,
        findings: ['redirect.wrong_platform'],
      });
    }
  }
}

function permissions(
  app: CurrentApp,
  delegated: readonly string[],
  application: readonly string[],
  findings: string[],
  patch: Application,
  changes: GraphChange[],
): void {
  const all: RequiredResourceAccess[] = app.requiredResourceAccess.map((r) => ({
    ...r,
    resourceAccess: [...(r.resourceAccess ?? [])],
  }));
  let graph = all.find((r) => (r.resourceAppId ?? '').toLowerCase() === GRAPH_RESOURCE_APP_ID);
  if (!graph) {
    graph = { resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: [] };
    all.push(graph);
  }
  const access = graph.resourceAccess ?? [];
  const kept = access.map((a) => label(a.id ?? '', a.type ?? ''));
  const added: string[] = [];
  const add = (value: string, kind: 'delegated' | 'application') => {
    const p = findPermission(value, kind);
    if (!p) return;
    const type = kind === 'delegated' ? 'Scope' : 'Role';
    if (access.some((a) => (a.id ?? '').toLowerCase() === p.id && a.type === type)) return;
    access.push({ id: p.id, type });
    added.push(`${p.value} (${kind})`);
  };
  delegated.forEach((d) => add(d, 'delegated'));
  application.forEach((a) => add(a, 'application'));
  graph.resourceAccess = access;
  if (added.length === 0) return;
  patch.requiredResourceAccess = all;
  changes.push({ field: 'requiredResourceAccess', added, removed: [], kept, findings });
}

function label(id: string, type: string): string {
  const p = findPermissionsById(id).find((x) => x.kind === (type === 'Role' ? 'application' : 'delegated'));
  return p ? `${p.value} (${p.kind})` : `${id} (${type})`;
}

function certificate(
  app: CurrentApp,
  cert: CertificateToRegister,
  findings: string[],
  patch: Application,
  changes: GraphChange[],
  notes: string[],
): void {
  const existing: KeyCredential[] = app.keyCredentials.map((k) => ({ ...k }));
  if (!app.keysIncluded)
    notes.push(
      'The registered certificates are written back as Graph returns them with $select=keyCredentials; this preview was made from a copy without their keys, which are read when the repair runs.',
    );
  patch.keyCredentials = [...existing, keyCredentialFor(cert)];
  changes.push({
    field: 'keyCredentials',
    added: [certificateLabel(cert)],
    removed: [],
    kept: existing.map(keyLabel),
    findings,
  });
}
