// Clues that a manifest comes from another cloud than the profile's: which hosts count (Microsoft hosts of one cloud
// are strong, other .us/.cn domains weak), how many are named, and the exact words of both findings.
import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { RegistrationFinding } from '../../../../src/shared/registration';
import { goodSpec, goodTarget, manifestJson } from './manifest-builders';

function cloudFindings(identifierUris: string[], environment = environments.office365): RegistrationFinding[] {
  const spec = { ...goodSpec(), identifierUris };
  return verifyManifest(manifestJson(spec, 'graph'), goodTarget('byo-app', { environment })).findings.filter((f) =>
    f.code.startsWith('cloud.'),
  );
}

/** The steps after the admin center's "open the app, then select <blade>." */
const steps = (f: RegistrationFinding | undefined): string | undefined =>
  f?.fix.replace(/^.*, then select [^.]+\. /, '');

describe('cloud check', () => {
  it('calls a Microsoft host of another cloud, the suffix itself included, a strong clue', () => {
    const [f, ...rest] = cloudFindings(['https://azure.us/app', 'https://Contoso.Chinacloudapi.CN/x']);
    expect(rest).toEqual([]);
    expect([f?.code, f?.severity]).toEqual(['cloud.other_cloud', 'warning']);
    expect(f?.message).toBe(
      'The profile targets Office 365 (global), but the manifest names hosts of another cloud: azure.us (a US Government cloud) and contoso.chinacloudapi.cn (the China cloud (21Vianet)). Apps are registered separately in each cloud, and tokens do not cross clouds (AADSTS90002 / AADSTS90038).',
    );
    expect(steps(f)).toBe(
      'Check that this is the right app: open the admin center of the profile’s cloud and download the manifest there — or change the profile’s environment to the app’s cloud.',
    );
  });

  it('calls other .us and .cn domains a weak clue, and names at most five', () => {
    const hosts = ['a.contoso.us', 'b.contoso.cn', 'c.contoso.us', 'd.contoso.us', 'e.contoso.us', 'f.contoso.us'];
    const [f, ...rest] = cloudFindings(hosts.map((h) => `https://${h}/api`));
    expect(rest).toEqual([]);
    expect([f?.code, f?.severity]).toEqual(['cloud.other_cloud_domain', 'info']);
    expect(f?.message).toBe(
      'The manifest names domains that suggest another cloud than Office 365 (global): a.contoso.us (a US Government cloud), b.contoso.cn (the China cloud (21Vianet)), c.contoso.us (a US Government cloud), d.contoso.us (a US Government cloud) and e.contoso.us (a US Government cloud). This can be fine (a customer domain), but check the app belongs to the profile’s cloud.',
    );
    expect(steps(f)).toBe(
      'Confirm the app is listed in the admin center of the profile’s cloud; if not, change the profile’s environment.',
    );
  });

  it('ignores hosts of the profile’s own cloud, hosts without a dot and names that only contain a suffix', () => {
    expect(
      cloudFindings(['https://contoso.sharepoint.us/x', 'https://api.contoso.us'], environments['usgov-l5']),
    ).toEqual([]);
    expect(
      cloudFindings(['https://intranet/x', 'https://contoso.com/azure.us', 'https://notazure.us.contoso.com']),
    ).toEqual([]);
  });
});
