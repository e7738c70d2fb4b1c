import type { ProfileFinding } from '../../../shared/connections';
import { isDomainName, quote } from '../formats';
import { finding, type Rule } from './types';

const hostLabels = { loginHost: 'sign-in host', graphHost: 'Microsoft Graph host' } as const;
const examples = { loginHost: 'login.example.com', graphHost: 'graph.example.com' } as const;

/** The Custom environment's hosts: https only, valid host names. */
export const environmentRules: Rule[] = [
  ({ profile }) => {
    if (profile.environment !== 'custom') return [];
    const out: ProfileFinding[] = [];
    for (const key of ['loginHost', 'graphHost'] as const) {
      const field = `customHosts.${key}`;
      const value = profile.customHosts?.[key]?.trim() ?? '';
      if (value === '') {
        out.push(
          finding(
            'environment.custom_hosts_missing',
            'error',
            field,
            `The Custom environment needs a ${hostLabels[key]}, e.g. ${examples[key]}.`,
          ),
        );
      } else if (/^http:\/\//i.test(value)) {
        out.push(
          finding(
            'environment.host_not_https',
            'error',
            field,
            `Only https is allowed for the ${hostLabels[key]}: enter the host name alone, e.g. ${examples[key]}; the Workbench always connects over https.`,
          ),
        );
      } else if (!isDomainName(value)) {
        out.push(
          finding(
            'environment.host_invalid',
            'error',
            field,
            `${quote(value)} is not a host name. Enter the ${hostLabels[key]} alone, without https:// or a path, e.g. ${examples[key]}.`,
          ),
        );
      }
    }
    return out;
  },

  ({ profile }) =>
    profile.environment !== 'custom' &&
    profile.customHosts &&
    (profile.customHosts.loginHost.trim() !== '' || profile.customHosts.graphHost.trim() !== '')
      ? [
          finding(
            'environment.hosts_ignored',
            'info',
            'customHosts',
            'The custom hosts are kept but not used: they apply only when the environment is Custom.',
          ),
        ]
      : [],
];
