import { microsoftHosts } from '../connections/environments';

/**
 * Decides which URLs may be opened in the system browser: https, an allowlisted host on the default port (443), no
 * credentials in the URL. What is opened is the parsed URL's `href`, never the raw string, so the OS cannot read the
 * link differently from this check (backslashes, tabs, letter case).
 */
export class ExternalLinkPolicy {
  /** Hosts allowed for this session, as `host` or `host:port` (URL.host: no port when it is 443). */
  private readonly extra = new Set<string>();

  constructor(private readonly hosts: readonly string[] = microsoftHosts) {}

  /** Allow one more https host for this session (the sign-in host of a Custom environment), with its port if it has one. */
  allowHost(host: string): void {
    // `host` is an admin's entry: something that is not a host (a path, spaces) allows nothing.
    if (!URL.canParse(`https://${host}`)) return;
    const url = new URL(`https://${host}`);
    if (url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password)
      this.extra.add(url.host.toLowerCase());
  }

  /** The URL to give the OS (the parsed URL's `href`), or why it is refused. */
  resolve(raw: string): { href: string } | { refused: string } {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { refused: 'not a valid URL' };
    }
    if (url.protocol !== 'https:') return { refused: `only https links are opened (got ${url.protocol})` };
    if (url.username || url.password) return { refused: 'links with user names or passwords are not opened' };
    const host = url.host.toLowerCase();
    if (this.extra.has(host)) return { href: url.href };
    if (!this.hosts.includes(url.hostname.toLowerCase()))
      return { refused: `${url.hostname} is not a Microsoft sign-in or admin-center host` };
    if (url.port !== '')
      return { refused: `${url.hostname} is opened on its usual port only (the link asks for port ${url.port})` };
    return { href: url.href };
  }

  /** Why a URL is refused, or null when it may be opened. */
  check(raw: string): string | null {
    const r = this.resolve(raw);
    return 'refused' in r ? r.refused : null;
  }
}
