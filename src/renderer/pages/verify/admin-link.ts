// Names the admin-center page a finding's link opens, from the link itself (the verifier builds them per cloud).

const bladeLabels: Record<string, string> = {
  Overview: 'Overview',
  Authentication: 'Authentication',
  Credentials: 'Certificates & secrets',
  CallAnAPI: 'API permissions',
  Manifest: 'Manifest',
};

/** "Open Authentication in the admin center" for a blade link; "Open App registrations …" for the list. */
export function adminLinkLabel(url: string): string {
  const blade = /ApplicationMenuBlade\/~\/([A-Za-z]+)\//.exec(url)?.[1];
  const page = blade ? (bladeLabels[blade] ?? blade) : 'App registrations';
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  return `Open ${page}${host ? ` on ${host}` : ''}`;
}
