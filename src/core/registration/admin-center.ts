import { appRegistrationsUrl, appRegistrationUrl, type AppRegistrationPage } from '../connections/cloud-urls';
import type { EnvironmentEndpoints } from '../connections/environments';

export { appRegistrationsUrl };

/** The pages of an app registration in the Entra admin center that fixes point to. */
export type AdminBlade = AppRegistrationPage;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bladeNames: Record<AdminBlade, string> = {
  Overview: 'Overview',
  Authentication: 'Authentication',
  Credentials: 'Certificates & secrets',
  CallAnAPI: 'API permissions',
  Manifest: 'Manifest',
};

/** A page of one app registration in the cloud's admin center; the list when the client ID is not a GUID. */
export function appBladeUrl(environment: EnvironmentEndpoints, appId: string | null, blade: AdminBlade): string {
  if (!appId || !guid.test(appId)) return appRegistrationsUrl(environment);
  return appRegistrationUrl(environment, appId.toLowerCase(), blade);
}

/** "Open the app" steps at the start of every fix, in the words of the cloud's admin center. */
export function openAppSteps(
  environment: EnvironmentEndpoints,
  app: { appId: string | null; displayName: string | null },
  blade: AdminBlade,
): string {
  const portal = environment.entraAdminHost.startsWith('entra.')
    ? `In the Microsoft Entra admin center (${environment.entraAdminHost}) go to Entra ID › App registrations › All applications`
    : `In the Azure portal (${environment.entraAdminHost}) go to Microsoft Entra ID › App registrations › All applications`;
  const name = app.displayName ? `“${app.displayName}”` : 'the app';
  const id = app.appId ? ` (client ID ${app.appId})` : '';
  return `${portal}, open ${name}${id}, then select ${bladeNames[blade]}.`;
}
