// Connection profiles that point at a test identity provider (Custom environment), and PFX files of test certificates.
import forge from 'node-forge';
import type { ProfileStore } from '../../src/core/connections/profile-store';
import type { TestCertificate } from './idp';

/**
 * A PFX of a test certificate and its key, written by node-forge (3DES, SHA-1 MAC), not by the product: the sign-in
 * tests then read with the product a file another implementation wrote, so a writer bug and a reader bug cannot cancel out.
 */
export async function pfxOf(
  cert: Pick<TestCertificate, 'certPem' | 'privateKeyPem'>,
  password: string,
): Promise<Buffer> {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(cert.privateKeyPem),
    [forge.pki.certificateFromPem(cert.certPem)],
    password,
    { algorithm: '3des', count: 1000 },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'latin1');
}

/** Where the profiles point: the emulator's host as sign-in and Graph host, and its tenant. */
export interface EmulatorTarget {
  host: string;
  tenantId: string;
}

const custom = (t: EmulatorTarget) => ({
  environment: 'custom' as const,
  customHosts: { loginHost: t.host, graphHost: t.host },
});

/** Create the three kinds of profile against the emulator; returns their ids. */
export async function seedEmulatorProfiles(
  profiles: ProfileStore,
  t: EmulatorTarget,
  app: {
    webClientId: string;
    secret: string;
    certificate: Pick<TestCertificate, 'certPem' | 'privateKeyPem'>;
    pfxPassword: string;
    upn: string;
  },
): Promise<{ secret: string; certificate: string; byo: string; common: string }> {
  const pfx = (await pfxOf(app.certificate, app.pfxPassword)).toString('base64');
  const secret = profiles.create({
    auth: 'client-credentials',
    name: 'Emulator secret',
    clientId: app.webClientId,
    tenant: t.tenantId,
    ...custom(t),
    scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read.All'],
    appOnlyPermissions: ['Sites.Read.All', 'Files.Read.All'],
    secrets: { clientSecret: app.secret },
  });
  const certificate = profiles.create({
    auth: 'certificate',
    name: 'Emulator certificate',
    clientId: app.webClientId,
    tenant: t.tenantId,
    upn: app.upn,
    ...custom(t),
    scopes: ['offline_access', 'User.Read', 'Files.Read.All'],
    appOnlyPermissions: ['Sites.Read.All'],
    secrets: { pfx, pfxPassword: app.pfxPassword },
  });
  const byo = profiles.create({
    auth: 'byo-app',
    name: 'Emulator own app',
    clientId: app.webClientId,
    tenant: t.tenantId,
    domain: 'cloud.example.com',
    ...custom(t),
    scopes: ['offline_access', 'User.Read'],
    secrets: { clientSecret: app.secret },
  });
  const common = profiles.create({
    auth: 'client-credentials',
    name: 'Emulator common tenant',
    clientId: app.webClientId,
    tenant: 'common',
    ...custom(t),
    scopes: ['User.Read'],
    secrets: { clientSecret: app.secret },
  });
  return { secret: secret.entry.id, certificate: certificate.entry.id, byo: byo.entry.id, common: common.entry.id };
}
