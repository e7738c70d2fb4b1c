/** Removes secrets from text before it is logged or copied as diagnostics. */
export class Redactor {
  private readonly known = new Set<string>();
  /** `known`, longest first; rebuilt after a register. */
  private ordered: string[] | null = null;

  /**
   * Remember a secret value (a client secret, a password, a token) so it is masked wherever it appears: as is, and in
   * the forms it takes inside JSON (escaped quotes, backslashes and control characters; non-ASCII as \uXXXX in either
   * case) and inside URLs and form bodies (percent-encoded).
   */
  register(secret: string | null | undefined): void {
    if (!secret || secret.length < 4) return;
    for (const form of escapedForms(secret)) {
      if (form.length < 4 || this.known.has(form)) continue;
      this.known.add(form);
      this.ordered = null;
    }
  }

  /** How much the redactor holds: the number of registered strings (with their escaped forms) and their total length. */
  get held(): { count: number; chars: number } {
    let chars = 0;
    for (const secret of this.known) chars += secret.length;
    return { count: this.known.size, chars };
  }

  /** Mask registered secrets (longest first, so a short secret inside a longer one cannot leave the rest readable) and anything that looks like a token, a private key or a secret parameter. */
  redact(text: string): string {
    this.ordered ??= [...this.known].sort((a, b) => b.length - a.length);
    let out = text;
    for (const secret of this.ordered) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    return redactPatterns(out);
  }
}

/** A secret as it appears written into JSON, a URL or a form body. */
function escapedForms(secret: string): Set<string> {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Set([
    secret,
    json,
    asciiJson,
    asciiJson.replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h.toUpperCase()}`),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
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
