// Valid profiles of each option, and a fixed clock, for the connection tests.
import { type ProfileInputDraft } from '../../../../src/shared/connections';
import { profileInputSchema } from '../../../../src/shared/connections-schema';
import type { ProfileFields } from '../../../../src/core/connections/validation/types';

/** The tests' "now": 2026-01-15. */
export const NOW = new Date('2026-01-15T00:00:00.000Z');

export const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';
export const TENANT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
export const CLIENT_SECRET = 'Zq8~kP3.xY7_abcDEF-secretValue123~XYZ';
export const PFX_PASSWORD = 'pässwort-Ünïcode-42!';
export const PFX_BASE64 = Buffer.from(
  '0\x82\x0a\x01PFX-BYTES-that-are-not-a-real-pfx-but-unique-7f3a9c',
  'latin1',
).toString('base64');

/** A certificate reference that is valid for a year after NOW. */
export const CERTIFICATE = {
  thumbprintSha1: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
  thumbprintSha256: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678A1B2C3D4E5F6071829301234',
  subject: 'CN=Contoso OneDrive robot',
  notAfter: '2027-01-15T00:00:00.000Z',
  fileName: 'robot.pfx',
};

/** A form draft of one option. */
export type Draft<A extends ProfileInputDraft['auth']> = Extract<ProfileInputDraft, { auth: A }>;

/** Form drafts that validate without errors or warnings. */
export const drafts = {
  certificate: (): Draft<'certificate'> => ({
    auth: 'certificate',
    name: 'Contoso certificate',
    clientId: CLIENT_ID,
    tenant: 'contoso.onmicrosoft.com',
    upn: 'robot@contoso.com',
    certificate: { ...CERTIFICATE },
    scopes: ['offline_access', 'User.Read', 'Files.Read'],
  }),
  'client-credentials': (): Draft<'client-credentials'> => ({
    auth: 'client-credentials',
    name: 'Contoso client credentials',
    clientId: CLIENT_ID,
    tenant: TENANT_ID,
    scopes: ['offline_access', 'Files.Read'],
  }),
  'byo-app': (): Draft<'byo-app'> => ({
    auth: 'byo-app',
    name: 'Contoso own app',
    clientId: CLIENT_ID,
    tenant: TENANT_ID,
    audience: 'single-tenant',
    domain: 'cloud.example.com',
    scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
  }),
};

/** The validated fields of a draft (defaults applied, secrets left out), with overrides. */
export function fields(draft: ProfileInputDraft, overrides: Record<string, unknown> = {}): ProfileFields {
  const { secrets: _secrets, ...rest } = profileInputSchema.parse({ ...draft, ...overrides });
  return rest;
}
