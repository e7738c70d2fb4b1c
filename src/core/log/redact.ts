/** Removes secrets from text before it is logged or copied as diagnostics. */
export class Redactor {
  private readonly known = new Set<string>();

  /** Remember a secret value (a client secret, a password, a token) so it is masked wherever it appears. */
  register(secret: string | null | undefined): void {
    if (secret && secret.length >= 4) this.known.add(secret);
  }

  /** How much the redactor holds: the number of registered strings and their total length. */
  get held(): { count: number; chars: number } {
    let chars = 0;
    for (const secret of this.known) chars += secret.length;
    return { count: this.known.size, chars };
  }

  /** Mask registered secrets and anything that looks like a token, a private key or a secret parameter. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.known) out = out.split(secret).join('[redacted]');
    return redactPatterns(out);
  }
}

const patterns: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[redacted private key]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[redacted token]'],
  [
    /((?:client_secret|client_assertion|refresh_token|access_token|id_token|code_verifier|password|code)["']?\s*[=:]\s*["']?)[^&\s"',}]+/gi,
    '$1[redacted]',
  ],
  // base64 and base64url runs: DER keys, PFX files, JWK key parameters, opaque tokens.
  [/[A-Za-z0-9+/_-]{200,}={0,2}/g, '[redacted base64]'],
];

/** Mask token-, key- and secret-shaped text even when the value was never registered. */
export function redactPatterns(text: string): string {
  let out = text;
  for (const [re, replacement] of patterns) out = out.replace(re, replacement);
  return out;
}
