import { describeDer } from './manifest-input';

/** Name text that is not JSON when it is recognisably something else an admin may drop (PFX base64, PEM, a token). */
export function describeNonJsonText(text: string): string | null {
  const trimmed = text.trim();
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(trimmed);
  if (pem) {
    const label = pem[1] ?? '';
    if (label.includes('PRIVATE KEY')) return 'a private key in PEM format (keep this file secret)';
    if (label.includes('CERTIFICATE REQUEST')) return 'a certificate signing request in PEM format';
    if (label.includes('CERTIFICATE')) return 'a certificate in PEM format';
    return `PEM text (${label.toLowerCase()})`;
  }
  if (/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(trimmed))
    return 'a token (JWT) — treat it as a secret';
  const compact = trimmed.replace(/\s+/g, '');
  if (compact.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const bytes = Buffer.from(compact.slice(0, 64), 'base64');
    if (bytes[0] === 0x30) return `${describeDer(bytes)}, as base64 text`;
    return 'base64 text, not JSON';
  }
  if (trimmed.startsWith('<'))
    return 'XML or HTML (for example SAML federation metadata or a saved web page), not JSON';
  return null;
}

/** True when the text looks like a template whose {{ }} placeholders were never filled in. */
export function looksLikeTemplate(text: string): boolean {
  return /\{\{[#^/]?\s*[\w.-]+\s*\}\}/.test(text) || text.includes('${{');
}
