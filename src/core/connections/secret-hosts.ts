import type { Profile, SecretHostChange, SecretName } from '../../shared/connections';
import type { ConfirmQuestion } from '../os/ports';
import { endpointsFor, normaliseHost } from './environments';

/**
 * The hosts a stored secret may be sent to: the sign-in and Graph host of the cloud it was saved for, as one string
 * (`["login.microsoftonline.com","graph.microsoft.com"]`, lower case); `[]` for a Custom profile without hosts.
 */
export function secretHostsKey(hosts: { loginHost: string; graphHost: string } | null): string {
  return JSON.stringify(
    hosts ? [normaliseHost(hosts.loginHost).toLowerCase(), normaliseHost(hosts.graphHost).toLowerCase()] : [],
  );
}

/** The hosts key of a profile's cloud (or its Custom hosts). */
export function profileHostsKey(profile: Pick<Profile, 'environment' | 'customHosts'>): string {
  if (profile.environment === 'custom' && !profile.customHosts) return secretHostsKey(null);
  return secretHostsKey(endpointsFor(profile.environment, profile.customHosts));
}

const plainHost = /^[a-z0-9.-]+(:\d{1,5})?$/;

/** A host as a dialog or message shows it: as is when it looks like a host name, else quoted with every control character escaped. */
function shownHost(host: string): string {
  return plainHost.test(host) ? host : JSON.stringify(host.slice(0, 80));
}

/** `sign-in host X (Graph host Y)` for a hosts key. */
function shownHosts(key: string): string {
  const [login, graph] = parseKey(key);
  if (login === undefined) return 'no sign-in host';
  return `sign-in host ${shownHost(login)} (Graph host ${shownHost(graph ?? '')})`;
}

/** The sign-in host of a key, for short texts. */
function shownLogin(key: string): string {
  const [login] = parseKey(key);
  return login === undefined ? 'no sign-in host' : shownHost(login);
}

function parseKey(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

const secretLabels: Record<SecretName, string> = {
  clientSecret: 'client secret',
  pfx: 'certificate (PFX)',
  pfxPassword: 'PFX password',
};

function listOf(names: readonly SecretName[]): string {
  const labels = names.map((n) => secretLabels[n]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}

/** A profile name without control or bidirectional-override characters, for a native dialog. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlOrBidi = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function plainName(name: string): string {
  return name.replace(controlOrBidi, ' ').trim().slice(0, 120) || 'This profile';
}

/** The native question asked before stored secrets may be used with other hosts; the safe answer (remove) is the default. */
export function hostChangeQuestion(
  profileName: string,
  names: readonly SecretName[],
  from: string,
  to: string,
): ConfirmQuestion {
  const list = listOf(names);
  const one = names.length === 1;
  return {
    title: 'Keep stored secrets for a new sign-in host?',
    message: `“${plainName(profileName)}” now signs in at ${shownLogin(to)}. Keep its stored ${list} for that host?`,
    detail:
      `The ${list} ${one ? 'was' : 'were'} saved for ${shownHosts(from)}; the profile now uses ${shownHosts(to)}. ` +
      `Keep ${one ? 'it' : 'them'} only if you changed the cloud or hosts yourself and trust the new host: the next sign-in test sends ${one ? 'it' : 'them'} there. ` +
      `Otherwise ${one ? 'it is' : 'they are'} removed from this computer and you enter ${one ? 'it' : 'them'} again.`,
    cancelLabel: one ? 'Remove the secret' : 'Remove the secrets',
    confirmLabel: `Keep for ${shownLogin(to)}`,
  };
}

/** What a save that changed the hosts did with the stored secrets, in words the form shows. */
export function hostChangeOutcome(
  names: readonly SecretName[],
  kept: boolean,
  from: string,
  to: string,
): SecretHostChange {
  const list = listOf(names);
  const one = names.length === 1;
  const head = `The sign-in hosts changed from ${shownHosts(from)} to ${shownHosts(to)}`;
  const what =
    names.length === 0
      ? ''
      : kept
        ? ` The stored ${list} ${one ? 'was' : 'were'} kept for the new host, as you confirmed.`
        : ` The stored ${list} ${one ? 'was' : 'were'} removed, so ${one ? 'it is' : 'they are'} not sent to the new host: enter ${one ? 'it' : 'them'} again to test there.`;
  return { secrets: [...names], kept, message: `${head}.${what} Any saved sign-in of the old hosts was forgotten.` };
}

/** Why a stored secret is not sent: it was saved for other hosts than the sign-in test uses. */
export function hostMismatchMessage(name: SecretName, bound: string, now: string): { message: string; hint: string } {
  return {
    message: `The stored ${secretLabels[name]} was saved for ${shownHosts(bound)}, but this test would send it to ${shownLogin(now)}. It was not sent.`,
    hint: 'The profile’s cloud or hosts were changed outside the Workbench. Open the profile on the Connections page and save it to be asked whether to keep the secret for the new host, or enter the secret again.',
  };
}
