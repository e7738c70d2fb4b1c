import type { KeyCredential, PasswordCredential } from '@microsoft/microsoft-graph-types';
import { addPasswordBody, certificateLabel, keyCredentialFor, type CertificateToRegister } from './credentials';
import { keyLabel, type CurrentApp } from './current-app';
import { scopesFor } from './management';
import type { GraphPlan } from './plan';

/** The new credential of a rotation. */
export type RotateCredential =
  { kind: 'certificate'; certificate: CertificateToRegister } | { kind: 'secret'; months: number };

/** Step 1 of a rotation: add the new credential beside the old ones (nothing is removed). */
export function buildRotateAddPlan(
  app: CurrentApp,
  credential: RotateCredential,
  graphHost: string,
  now: Date = new Date(),
): GraphPlan {
  if (credential.kind === 'secret') {
    return {
      action: 'rotate',
      graphHost,
      scopes: scopesFor('rotate'),
      notes: [
        'The old client secret stays registered until the new one passed the sign-in test and you confirm its removal.',
      ],
      changes: [
        {
          field: 'passwordCredentials',
          added: [`new client secret (${credential.months} months)`],
          removed: [],
          kept: [],
          findings: [],
        },
      ],
      steps: [
        {
          key: 'password',
          method: 'POST',
          path: `/v1.0/applications/${app.id}/addPassword`,
          body: addPasswordBody(credential.months, now),
          purpose: `Add a new client secret valid for ${credential.months} months beside the current one.`,
          creates: {
            kind: 'passwordCredential',
            label: 'new client secret',
            undo: (keyId) => `POST /v1.0/applications/${app.id}/removePassword with {"keyId":"${keyId}"}`,
          },
        },
      ],
    };
  }
  const existing: KeyCredential[] = app.keyCredentials.map((k) => ({ ...k }));
  return {
    action: 'rotate',
    graphHost,
    scopes: scopesFor('rotate'),
    notes: [
      'The old certificate stays registered until the new one passed the sign-in test and you confirm its removal.',
      ...(app.keysIncluded
        ? []
        : [
            'The registered certificates were read without their keys; they are read again with $select=keyCredentials before the change is sent.',
          ]),
    ],
    changes: [
      {
        field: 'keyCredentials',
        added: [certificateLabel(credential.certificate)],
        removed: [],
        kept: existing.map(keyLabel),
        findings: [],
      },
    ],
    steps: [
      {
        key: 'patch',
        method: 'PATCH',
        path: `/v1.0/applications/${app.id}`,
        body: { keyCredentials: [...existing, keyCredentialFor(credential.certificate)] },
        purpose:
          'Register the new certificate beside the current ones (the whole keyCredentials collection is written, so every existing certificate is kept).',
      },
    ],
  };
}

/** Which old credentials to remove once the new one works. */
export interface RemoveOld {
  passwordKeyIds: string[];
  certificateKeyIds: string[];
}

/** Step 3 of a rotation: remove the old credentials the admin confirmed (secrets by removePassword, certificates by writing the collection without them). */
export function buildRemoveOldPlan(
  app: CurrentApp,
  remove: RemoveOld,
  graphHost: string,
  passwords: readonly PasswordCredential[],
): GraphPlan {
  const steps: GraphPlan['steps'] = [];
  const changes: GraphPlan['changes'] = [];
  const secretIds = remove.passwordKeyIds.filter((id) => passwords.some((p) => p.keyId === id));
  for (const keyId of secretIds) {
    steps.push({
      key: `remove${steps.length}`,
      method: 'POST',
      path: `/v1.0/applications/${app.id}/removePassword`,
      body: { keyId },
      purpose: `Remove the old client secret ${describeSecret(passwords, keyId)}.`,
    });
  }
  if (secretIds.length > 0) {
    changes.push({
      field: 'passwordCredentials',
      added: [],
      removed: secretIds.map((id) => describeSecret(passwords, id)),
      kept: passwords
        .filter((p) => !secretIds.includes(p.keyId ?? ''))
        .map((p) => describeSecret(passwords, p.keyId ?? '')),
      findings: [],
    });
  }
  const certIds = new Set(remove.certificateKeyIds.filter((id) => app.keyCredentials.some((k) => k.keyId === id)));
  if (certIds.size > 0) {
    const keep = app.keyCredentials.filter((k) => !certIds.has(k.keyId ?? ''));
    steps.push({
      key: 'patch',
      method: 'PATCH',
      path: `/v1.0/applications/${app.id}`,
      body: { keyCredentials: keep },
      purpose: `Remove the old certificate${certIds.size > 1 ? 's' : ''} (the collection is written without ${certIds.size > 1 ? 'them' : 'it'}; every other certificate is kept).`,
    });
    changes.push({
      field: 'keyCredentials',
      added: [],
      removed: app.keyCredentials.filter((k) => certIds.has(k.keyId ?? '')).map(keyLabel),
      kept: keep.map(keyLabel),
      findings: [],
    });
  }
  return { action: 'remove-old', graphHost, steps, changes, scopes: scopesFor('rotate'), notes: [] };
}

function describeSecret(passwords: readonly PasswordCredential[], keyId: string): string {
  const p = passwords.find((x) => x.keyId === keyId);
  return `${p?.displayName ? `“${p.displayName}” ` : ''}(hint ${p?.hint ?? '?'}…, key ID ${keyId}${p?.endDateTime ? `, until ${p.endDateTime.slice(0, 10)}` : ''})`;
}
