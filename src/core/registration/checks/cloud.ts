import type { EnvironmentId } from '../../../shared/environments';
import { environmentLabels } from '../../../shared/environments';
import type { FindingDraft } from '../findings';
import { listWords } from '../findings';
import type { Check } from './check-context';

type CloudFamily = 'global' | 'usgov' | 'china';

const familyOf: Record<Exclude<EnvironmentId, 'custom'>, CloudFamily> = {
  office365: 'global',
  'usgov-l4': 'usgov',
  'usgov-l5': 'usgov',
  china: 'china',
};
const familyNames: Record<CloudFamily, string> = {
  global: 'the global cloud (Office 365)',
  usgov: 'a US Government cloud',
  china: 'the China cloud (21Vianet)',
};

// Microsoft-owned suffixes that only exist in one cloud (entra-facts §3; Azure service domains per cloud).
const strongSuffixes: Array<[string, CloudFamily]> = [
  ['onmicrosoft.com', 'global'],
  ['graph.microsoft.com', 'global'],
  ['graph.windows.net', 'global'],
  ['login.microsoftonline.com', 'global'],
  ['sharepoint.com', 'global'],
  ['azurewebsites.net', 'global'],
  ['onmicrosoft.us', 'usgov'],
  ['microsoftonline.us', 'usgov'],
  ['graph.microsoft.us', 'usgov'],
  ['graph.microsoftazure.us', 'usgov'],
  ['azure.us', 'usgov'],
  ['usgovcloudapi.net', 'usgov'],
  ['sharepoint.us', 'usgov'],
  ['onmschina.cn', 'china'],
  ['chinacloudapi.cn', 'china'],
  ['microsoftonline.cn', 'china'],
  ['azure.cn', 'china'],
  ['sharepoint.cn', 'china'],
];

function hostOf(clue: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:@\s]+)/i.exec(clue.trim());
  const host = m?.[1]?.toLowerCase() ?? null;
  return host && host.includes('.') ? host : null;
}

function endsWith(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** Which cloud a host points to, and whether the clue is strong (a Microsoft host) or weak (a .us/.cn domain). */
export function cloudOfHost(host: string): { family: CloudFamily; strong: boolean } | null {
  for (const [suffix, family] of strongSuffixes) if (endsWith(host, suffix)) return { family, strong: true };
  if (host.endsWith('.us')) return { family: 'usgov', strong: false };
  if (host.endsWith('.cn')) return { family: 'china', strong: false };
  return null;
}

/** Clues that the manifest comes from another cloud than the profile's environment. */
export const checkCloud: Check = ({ target, cloudClues }) => {
  const id = target.environment.id;
  if (id === 'custom') return [];
  const expected = familyOf[id];
  const strong = new Map<string, CloudFamily>();
  const weak = new Map<string, CloudFamily>();
  for (const clue of cloudClues) {
    const host = hostOf(clue);
    const cloud = host ? cloudOfHost(host) : null;
    if (!host || !cloud || cloud.family === expected) continue;
    (cloud.strong ? strong : weak).set(host, cloud.family);
  }
  const out: FindingDraft[] = [];
  const describe = (m: Map<string, CloudFamily>): string =>
    listWords([...m].slice(0, 5).map(([host, family]) => `${host} (${familyNames[family]})`));
  if (strong.size > 0) {
    out.push({
      code: 'cloud.other_cloud',
      message: `The profile targets ${environmentLabels[id]}, but the manifest names hosts of another cloud: ${describe(strong)}. Apps are registered separately in each cloud, and tokens do not cross clouds (AADSTS90002 / AADSTS90038).`,
      fix: 'Check that this is the right app: open the admin center of the profile’s cloud and download the manifest there — or change the profile’s environment to the app’s cloud.',
      blade: 'Manifest',
    });
  }
  if (weak.size > 0) {
    out.push({
      code: 'cloud.other_cloud_domain',
      message: `The manifest names domains that suggest another cloud than ${environmentLabels[id]}: ${describe(weak)}. This can be fine (a customer domain), but check the app belongs to the profile’s cloud.`,
      fix: 'Confirm the app is listed in the admin center of the profile’s cloud; if not, change the profile’s environment.',
      blade: 'Overview',
    });
  }
  return out;
};
