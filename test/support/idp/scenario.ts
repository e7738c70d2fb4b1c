// A ready-made Contoso tenant for sign-in tests: one app per platform, users, secrets and certificates.
import { randomUUID } from 'node:crypto';
import type { TestCertificate, TestPki } from './certs';
import type { EmulatorApp, EmulatorTenant } from './entra/types';

/** IDs and credentials of the standard scenario. */
export interface ContosoScenario {
  tenantId: string;
  domain: string;
  tenant: EmulatorTenant;
  /** Web (confidential) app with a secret, an expired secret and a certificate; delegated + application permissions. */
  webApp: EmulatorApp & { secretValue: string; secretId: string; expiredSecretValue: string };
  /** Public client (Mobile and desktop) app with http://localhost. */
  publicApp: EmulatorApp;
  certificate: TestCertificate;
  /** A certificate that is not registered anywhere. */
  strangerCertificate: TestCertificate;
  user: { upn: string; username: string; password: string };
  admin: { upn: string; username: string; password: string };
}

/** Build the scenario; every call has fresh IDs so tests never share state. */
export function contosoScenario(pki: TestPki): ContosoScenario {
  const tenantId = randomUUID();
  const domain = 'contoso.onmicrosoft.com';
  const certificate = pki.createAppCertificate({ commonName: 'Workbench web app' });
  const strangerCertificate = pki.createAppCertificate({ commonName: 'Not registered' });
  const secretValue = `Qx8~${randomUUID().replace(/-/g, '').slice(0, 30)}.abc`;
  const secretId = randomUUID();
  const expiredSecretValue = `Ex8~${randomUUID().replace(/-/g, '').slice(0, 30)}.old`;
  const webApp = {
    clientId: randomUUID(),
    displayName: 'Workbench Web App',
    web: ['http://localhost', 'http://localhost/callback'],
    secrets: [
      { keyId: secretId, value: secretValue },
      { keyId: randomUUID(), value: expiredSecretValue, expiresAt: new Date(Date.now() - 86_400_000) },
    ],
    certificates: [{ certPem: certificate.certPem }],
    requiredPermissions: {
      delegated: ['User.Read', 'Files.Read.All', 'Sites.Read.All'],
      application: ['Sites.Read.All', 'Files.Read.All'],
    },
    secretValue,
    secretId,
    expiredSecretValue,
  };
  const publicApp: EmulatorApp = {
    clientId: randomUUID(),
    displayName: 'Workbench Desktop',
    publicClient: ['http://localhost'],
    allowPublicClient: true,
    requiredPermissions: { delegated: ['User.Read', 'Files.Read.All'] },
  };
  const user = { upn: `megan@${domain}`, username: `megan@${domain}`, password: 'Correct-Horse-1' };
  const admin = { upn: `admin@${domain}`, username: `admin@${domain}`, password: 'Admin-Battery-2' };
  const tenant: EmulatorTenant = {
    tenantId,
    domains: [domain],
    apps: [webApp, publicApp],
    users: [
      { upn: user.upn, password: user.password, displayName: 'Megan Bowen' },
      { upn: admin.upn, password: admin.password, displayName: 'Tenant Admin', isAdmin: true },
    ],
  };
  return { tenantId, domain, tenant, webApp, publicApp, certificate, strangerCertificate, user, admin };
}
