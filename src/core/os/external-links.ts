import { microsoftHosts } from '../connections/environments';

/** Decides which URLs may be opened in the system browser: https, allowlisted host, no credentials in the URL. */
export class ExternalLinkPolicy {
  private readonly extra = new Set<string>();

  constructor(private readonly hosts: readonly string[] = microsoftHosts) {}

  /** Allow one more https host for this session (the sign-in host of a Custom environment the admin entered). */
  allowHost(host: string): void {
    this.extra.add(host.toLowerCase());
  }

  /** Why a URL is refused, or null when it may be opened. */
  check(raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'not a valid URL';
    }
    if (url.protocol !== 'https:') return `only https links are opened (got ${url.protocol})`;
    if (url.username || url.password) return 'links with user names or passwords are not opened';
    const host = url.hostname.toLowerCase();
    if (!this.hosts.includes(host) && !this.extra.has(host)) return `${host} is not a Microsoft sign-in or admin-center host`;
    return null;
  }
}
