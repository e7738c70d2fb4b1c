import type { Application, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import type { GraphChange } from '../../shared/graph-apply';
import { WorkbenchError } from '../errors';
import { requiredResourceAccess } from '../permissions/outputs';
import { profileEnvironment, type VerifiableProfile } from '../registration/profile-target';
import { consentSteps } from './consent-steps';
import {
  addPasswordBody,
  certificateLabel,
  keyCredentialFor,
  SECRET_MONTHS,
  type CertificateToRegister,
} from './credentials';
import { scopesFor } from './management';
import { needsOf } from './needs';
import type { GraphPlan, GraphStep } from './plan';

/** How the new app proves itself: the profile's certificate, or a new client secret made by Graph. */
export type NewCredential =
  { kind: 'certificate'; certificate: CertificateToRegister } | { kind: 'secret'; months: number } | { kind: 'none' };

/** Options of a create plan. */
export interface CreateOptions {
  credential: NewCredential;
  /** Also grant admin consent (delegated grant and app role assignments). */
  consent: boolean;
  now?: Date;
}

/** The Graph host of a profile's cloud; a Custom cloud needs its Graph host. */
export function graphHostOf(profile: Pick<VerifiableProfile, 'environment' | 'customHosts'>): string {
  const host = profileEnvironment(profile).graphHost.trim();
  if (!host) {
    throw new WorkbenchError('graph.invalid_request', 'The profile’s Custom environment has no Microsoft Graph host.', {
      hint: 'Add the Graph host (for example graph.microsoft.com) to the profile’s Custom environment.',
    });
  }
  return host;
}

/** The requests that create the app registration a profile needs: application, credential, service principal, consent. */
export function buildCreatePlan(profile: VerifiableProfile, options: CreateOptions): GraphPlan {
  const needs = needsOf(profile);
  const now = options.now ?? new Date();
  if (options.credential.kind === 'certificate' && profile.auth !== 'certificate') {
    throw new WorkbenchError(
      'graph.invalid_request',
      'Only a client-certificate profile registers a certificate; this profile signs in with a client secret.',
      { hint: 'Use --new-secret (or “New client secret”) instead.' },
    );
  }
  if (
    options.credential.kind === 'secret' &&
    (options.credential.months < SECRET_MONTHS.min || options.credential.months > SECRET_MONTHS.max)
  ) {
    throw new WorkbenchError(
      'graph.invalid_request',
      `A client secret lasts ${SECRET_MONTHS.min} to ${SECRET_MONTHS.max} months.`,
      {
        hint: `Choose a number of months from ${SECRET_MONTHS.min} to ${SECRET_MONTHS.max} (${SECRET_MONTHS.default} is the default).`,
      },
    );
  }
  const application: Application = {
    displayName: needs.displayName,
    signInAudience: needs.signInAudience,
    web: { redirectUris: needs.webRedirectUris },
    requiredResourceAccess: requiredResourceAccess({ delegated: needs.delegated, application: needs.application }),
  };
  if (options.credential.kind === 'certificate')
    application.keyCredentials = [keyCredentialFor(options.credential.certificate)];
  const steps: GraphStep[] = [
    {
      key: 'application',
      method: 'POST',
      path: '/v1.0/applications',
      body: application,
      purpose: `Create the app registration “${needs.displayName}”.`,
      creates: {
        kind: 'application',
        label: `app registration “${needs.displayName}”`,
        undo: (id) =>
          `DELETE /v1.0/applications/${id} (or App registrations › the app › Delete; it stays restorable for 30 days under Deleted applications)`,
      },
    },
  ];
  if (options.credential.kind === 'secret') {
    steps.push({
      key: 'password',
      method: 'POST',
      path: '/v1.0/applications/{application.id}/addPassword',
      body: addPasswordBody(options.credential.months, now),
      purpose: `Add a client secret valid for ${options.credential.months} months (shown once, then kept in the vault).`,
      replicationRetry: true,
      creates: {
        kind: 'passwordCredential',
        label: 'client secret',
        undo: (keyId) => `POST /v1.0/applications/{application id}/removePassword with {"keyId":"${keyId}"}`,
      },
    });
  }
  const servicePrincipal: ServicePrincipal = { appId: '{application.appId}' };
  steps.push({
    key: 'servicePrincipal',
    method: 'POST',
    path: '/v1.0/servicePrincipals',
    body: servicePrincipal,
    purpose:
      'Create the service principal (the app’s enterprise application in this tenant), which consent and sign-in need.',
    replicationRetry: true,
    creates: {
      kind: 'servicePrincipal',
      label: 'service principal (enterprise application)',
      undo: (id) => `DELETE /v1.0/servicePrincipals/${id} (deleting the application removes it too)`,
    },
  });
  if (options.consent) steps.push(...consentSteps(needs.delegated, needs.application));
  const changes: GraphChange[] = [
    { field: 'displayName', added: [needs.displayName], removed: [], kept: [], findings: [] },
    { field: 'signInAudience', added: [needs.signInAudience], removed: [], kept: [], findings: [] },
    { field: 'web.redirectUris', added: needs.webRedirectUris, removed: [], kept: [], findings: [] },
    {
      field: 'requiredResourceAccess',
      added: [...needs.delegated.map((d) => `${d} (delegated)`), ...needs.application.map((a) => `${a} (application)`)],
      removed: [],
      kept: [],
      findings: [],
    },
  ];
  if (options.credential.kind === 'certificate')
    changes.push({
      field: 'keyCredentials',
      added: [certificateLabel(options.credential.certificate)],
      removed: [],
      kept: [],
      findings: [],
    });
  if (options.credential.kind === 'secret')
    changes.push({
      field: 'passwordCredentials',
      added: [`new client secret (${options.credential.months} months)`],
      removed: [],
      kept: [],
      findings: [],
    });
  const notes: string[] = [];
  if (options.credential.kind === 'none')
    notes.push(
      profile.auth === 'certificate'
        ? 'No certificate is registered: give the PFX to register its certificate.'
        : 'No client secret is added: choose “New client secret” to have Graph make one.',
    );
  if (!options.consent && (needs.delegated.length > 0 || needs.application.length > 0))
    notes.push('Admin consent is not granted by this run; the connection asks for it at sign-in, or grant it later.');
  return {
    action: 'create',
    graphHost: graphHostOf(profile),
    steps,
    changes,
    scopes: scopesFor('create', {
      consent: options.consent,
      delegated: needs.delegated.length > 0,
      application: needs.application.length > 0,
    }),
    notes,
  };
}
