import { redirectUriFor } from '../../../shared/connections';
import { isDomainName, normalizeHost, quote } from '../formats';
import { finding, type Rule } from './types';

// Entra refuses redirect URIs longer than 256 characters (reply-url.md); a valid host name rules out its forbidden characters.
const maxRedirectUri = 256;

/** The bring-your-own app's domain and the redirect URI computed from it. */
export const appRules: Rule[] = [
  ({ profile }) => {
    if (profile.auth !== 'byo-app') return [];
    const domain = profile.domain.trim();
    if (domain === '') {
      return [
        finding(
          'domain.missing',
          'error',
          'domain',
          'Enter your domain: the host name the redirect URI is built from, https://{your domain}/provisioning_/callback.',
        ),
      ];
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) || domain.includes('/')) {
      return [
        finding(
          'domain.has_scheme',
          'error',
          'domain',
          `Enter the host name only, without https:// or a path: e.g. ${quote(normalizeHost(domain).split('/')[0] ?? '')}.`,
        ),
      ];
    }
    if (!isDomainName(domain)) {
      return [
        finding(
          'domain.invalid',
          'error',
          'domain',
          `${quote(domain)} is not a host name. Use dot-separated parts of letters, digits and hyphens, e.g. cloud.example.com.`,
        ),
      ];
    }
    return [];
  },

  ({ profile }) => {
    if (profile.auth !== 'byo-app' || !isDomainName(profile.domain)) return [];
    const uri = redirectUriFor(profile.domain);
    if (uri.length > maxRedirectUri) {
      return [
        finding(
          'redirect_uri.invalid',
          'error',
          'redirectUri',
          `The redirect URI would be ${uri.length} characters long; Microsoft Entra accepts at most ${maxRedirectUri}. Use a shorter domain.`,
        ),
      ];
    }
    return [];
  },

  ({ profile }) => {
    if (profile.auth !== 'byo-app' || profile.redirectUri === undefined || profile.redirectUri === '') return [];
    const computed = redirectUriFor(profile.domain);
    if (profile.redirectUri === computed) return [];
    return [
      finding(
        'redirect_uri.mismatch',
        'warning',
        'redirectUri',
        `The redirect URI in the file (${profile.redirectUri}) is not the one the connector uses for this domain (${computed || 'none, as the domain is empty'}). The Workbench always computes it from the domain; register ${computed || 'that URI'} on the app.`,
      ),
    ];
  },
];
