import type { FieldProps } from '@fluentui/react-components';
import type { ProfileEntry } from '../../../shared/connections';
import type { EnvironmentInfo } from '../../../shared/contract/profiles';
import type { Draft } from './draft';

/** What every group of form fields gets: the draft, a setter that marks the field touched, and validation props. */
export interface FieldKit {
  draft: Draft;
  /** Change fields; `touched` names the control so its messages start to show. */
  set: (patch: Partial<Draft>, touched: string) => void;
  /** Field props from the findings of these finding fields, shown once the control was touched (or after a save). */
  show: (fields: string[], touched: string) => Pick<FieldProps, 'validationState'> & { validationMessage?: string };
  /** The stored profile when editing (for secret states), null for a new one. */
  entry: ProfileEntry | null;
  environments: EnvironmentInfo[];
}

/** Finding fields some control of the form shows; anything else is listed in the form's summary. */
export const shownFields = new Set([
  'name',
  'clientId',
  'tenant',
  'upn',
  'domain',
  'redirectUri',
  'environment',
  'customHosts',
  'customHosts.loginHost',
  'customHosts.graphHost',
  'certificate',
  'certificate.notAfter',
  'secrets.pfx',
  'secrets.pfxPassword',
  'secrets.clientSecret',
  'secretExpiresAt',
  'scopes',
  'appOnlyPermissions',
]);
