// A tenant goes into sign-in, token and consent addresses as a path segment. `..` (or `.`) there is a directory step:
// https://login.microsoftonline.com/../oauth2/v2.0/token is https://login.microsoftonline.com/oauth2/v2.0/token. Every
// builder and every flow refuses such a tenant with a typed error that says what to enter.
import { describe, expect, it } from 'vitest';
import { adminConsentUrl, authorityUrl, tokenEndpoint } from '../../../../src/core/connections/cloud-urls';
import { buildConnectionSheet } from '../../../../src/core/connections/connection-sheet';
import { environments } from '../../../../src/core/connections/environments';
import { isEntraTenant, isTenantSegment } from '../../../../src/core/connections/formats';
import { adminConsentLinkForAdmin } from '../../../../src/core/signin/admin-consent';
import { validateEndpointInput } from '../../../../src/core/signin/msal-factory';
import { CLIENT_ID, drafts } from './fixtures';
import { openStore } from './store-host';

const cloud = environments.office365;
const bad = [
  '..',
  '.',
  '../common',
  'a..b',
  'contoso..com',
  '.contoso.com',
  'contoso.com.',
  '-x',
  'a/b',
  'a b',
  '%2e%2e',
  '',
  ' ',
];

describe('tenants in URLs', () => {
  it('one safe path segment: letters, digits, dot, dash, underscore, never .. or a leading/trailing dot', () => {
    for (const t of bad) expect(isTenantSegment(t), JSON.stringify(t)).toBe(false);
    for (const t of [
      '0f1e2d3c-4b5a-4697-8877-665544332211',
      'contoso.onmicrosoft.com',
      'common',
      'organizations',
      'tenant1',
      'a_b-c.d',
    ])
      expect(isTenantSegment(t), t).toBe(true);
    expect(isEntraTenant('tenant1')).toBe(false);
    expect(isEntraTenant('contoso.com')).toBe(true);
  });

  it('the URL builders refuse it with signin.invalid_input and what to enter', () => {
    for (const t of bad) {
      for (const build of [
        () => authorityUrl(cloud, t),
        () => tokenEndpoint(cloud, t),
        () => adminConsentUrl(cloud, { tenant: t, clientId: CLIENT_ID }),
      ]) {
        expect(build, JSON.stringify(t)).toThrow(
          expect.objectContaining({
            code: 'signin.invalid_input',
            hint: expect.stringContaining('Directory (tenant) ID'),
          }),
        );
      }
    }
    expect(authorityUrl(cloud, ' contoso.onmicrosoft.com ')).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    );
  });

  it('every sign-in flow checks it before msal or the network sees it (Entra: GUID, domain or keyword; OpenID Connect: a safe segment)', () => {
    const input = { loginHost: 'login.microsoftonline.com', clientId: CLIENT_ID };
    for (const t of bad)
      expect(() => validateEndpointInput({ ...input, tenant: t }), JSON.stringify(t)).toThrow(
        expect.objectContaining({ code: 'signin.invalid_input' }),
      );
    expect(() => validateEndpointInput({ ...input, tenant: '..', protocol: 'oidc' })).toThrow(
      expect.objectContaining({ code: 'signin.invalid_input' }),
    );
    expect(() => validateEndpointInput({ ...input, tenant: 'tenant1' })).toThrow(
      expect.objectContaining({ code: 'signin.invalid_input' }),
    );
    expect(() => validateEndpointInput({ ...input, tenant: 'tenant1', protocol: 'oidc' })).not.toThrow();
    expect(() => adminConsentLinkForAdmin({ ...input, graphHost: 'graph.microsoft.com', tenant: '..' })).toThrow(
      expect.objectContaining({ code: 'signin.invalid_input' }),
    );
  });

  it('the connection sheet of a draft with tenant “..” builds no consent address and still opens', () => {
    const { store } = openStore();
    const { entry } = store.create({ ...drafts['client-credentials'](), tenant: '..' });
    const sheet = buildConnectionSheet(store.get(entry.id));
    expect(sheet.notes.join(' ')).not.toContain('adminconsent');
    expect(store.validate(entry.id).map((f) => f.code)).toContain('tenant.invalid');
  });
});
