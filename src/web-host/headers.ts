// The headers every `gcw ui` response carries: the app's own Content-Security-Policy (read from the built
// index.html, so it is the policy the Electron window enforces) sent as a header too, and the usual hardening.

/** The policy in index.html's `<meta http-equiv="Content-Security-Policy">`; throws when there is none. */
export function cspFromHtml(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"\s*\/?>/i.exec(html);
  if (!meta?.[1]) throw new Error('The built index.html has no Content-Security-Policy meta tag.');
  return meta[1].replace(/\s+/g, ' ').trim();
}

/**
 * The response headers: the CSP plus `frame-ancestors 'none'` (a meta tag cannot carry it; Electron's window is never
 * framed), no sniffing, no framing, no referrer, a browsing context and resources of its own, no caching, and every
 * powerful feature off (the Electron app denies every permission request).
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': `${csp}; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=(), midi=(), display-capture=()',
  };
}
