import type { CertificateView, ChainCertificate, KeyInfo } from '../../../shared/certificates';
import { plural } from '../../../shared/wording';

const day = (iso: string): string => iso.slice(0, 10);

/** `RSA 2048 bits` or `EC P-256`. */
export function keyText(key: KeyInfo): string {
  if (key.curve) return `${key.type} ${key.curve}`;
  return key.size ? `${key.type} ${key.size} bits` : key.type;
}

function validity(c: ChainCertificate | CertificateView['certificate']): string {
  const left = c.expired
    ? `expired ${plural(-c.daysLeft, 'day')} ago`
    : c.notYetValid
      ? 'not valid yet'
      : `${plural(c.daysLeft, 'day')} left`;
  return `${day(c.notBefore)} to ${day(c.notAfter)} (${left})`;
}

const ORIGINS: Record<CertificateView['origin'], string> = {
  'pfx-file': 'PKCS#12 / PFX file',
  'base64-text': 'base64 text of a PFX, decoded',
  'certificate-file': 'certificate file without a private key',
  generated: 'new certificate',
};

/** The readable report of `gcw cert inspect`. */
export function viewText(file: string, view: CertificateView): string {
  const c = view.certificate;
  const rows: Array<[string, string | null]> = [
    ['File', `${file} (${ORIGINS[view.origin]})`],
    ['Subject', c.subject],
    ['Issuer', c.issuer],
    ['Serial number', c.serialNumber],
    ['Thumbprint (SHA-1)', c.thumbprintSha1],
    ['Thumbprint (SHA-256)', c.thumbprintSha256],
    ['x5t', c.x5t],
    ['x5t#S256', c.x5tS256],
    ['Valid', validity(c)],
    ['Key', keyText(c.key)],
    [
      'Private key',
      view.hasPrivateKey
        ? view.keyMatchesCertificate
          ? 'present, matches the certificate'
          : 'present, does NOT match the certificate'
        : 'none',
    ],
    ['Key usage', c.keyUsage?.join(', ') ?? null],
    ['Extended key usage', c.extendedKeyUsage?.map((u) => u.name).join(', ') ?? null],
    ['Friendly name', c.friendlyName],
    ['Protection', view.protection?.summary ?? null],
    ['Password', view.passwordUsed === 'empty' ? 'empty' : view.passwordUsed === 'absent' ? 'none (absent)' : null],
  ];
  const lines = rows.filter((r): r is [string, string] => r[1] !== null).map(([k, v]) => `${`${k}:`.padEnd(22)}${v}`);
  if (view.chain.length > 1) {
    lines.push('Chain:');
    for (const link of view.chain) {
      const by =
        link.issuedByIndex === null
          ? 'issuer not in the file'
          : link.issuedByIndex === link.index
            ? 'self-signed'
            : `signed by [${link.issuedByIndex}]`;
      lines.push(`  [${link.index}] ${link.role.padEnd(12)} ${link.subject} (${by}; SHA-1 ${link.thumbprintSha1})`);
    }
  }
  if (view.warnings.length > 0) {
    lines.push('Warnings:');
    for (const w of view.warnings) lines.push(`  ${w.severity === 'error' ? '✖' : '!'} ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
