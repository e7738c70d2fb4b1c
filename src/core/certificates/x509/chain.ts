import type { KeyObject, X509Certificate } from 'node:crypto';
import type { ChainCertificate, CertificateDetails } from '../../../shared/certificates';
import { signatureVerifies } from './describe';

/** True when `issuer` signed `subject`: the names chain (checkIssued, or equal names) and the signature verifies. */
export function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  let namesChain: boolean;
  try {
    namesChain = subject.checkIssued(issuer) || subject.issuer === issuer.subject;
  } catch {
    namesChain = false;
  }
  return namesChain && signatureVerifies(subject, issuer);
}

/** True when the private key belongs to the certificate; never throws. */
export function keyMatches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    return false;
  }
}

/** For each certificate, the index of the one that signed it (its own index when self-signed), or null. */
export function findIssuers(certificates: X509Certificate[]): Array<number | null> {
  return certificates.map((cert, i) => {
    if (issuedBy(cert, cert)) return i;
    const j = certificates.findIndex((other, k) => k !== i && issuedBy(cert, other));
    return j >= 0 ? j : null;
  });
}

/** The leaf: a certificate that signed none of the others, preferring one that is not a CA. */
export function findLeaf(certificates: X509Certificate[], issuers: Array<number | null>): number {
  const signsOthers = new Set(issuers.filter((j, i): j is number => j !== null && j !== i));
  const candidates = certificates.map((_, i) => i).filter((i) => !signsOthers.has(i));
  return candidates.find((i) => !certificates[i]!.ca) ?? candidates[0] ?? 0;
}

/** Order as leaf (the chosen certificate), its issuers up to the root, then the rest; with roles and issuer indices. */
export function orderChain(
  details: CertificateDetails[],
  issuers: Array<number | null>,
  chosen: number,
): ChainCertificate[] {
  const order: number[] = [chosen];
  for (let at = issuers[chosen]; at !== null && at !== undefined && !order.includes(at); at = issuers[at])
    order.push(at);
  const pathLength = order.length;
  details.forEach((_, i) => {
    if (!order.includes(i)) order.push(i);
  });
  return order.map((original, index) => {
    const issuer = issuers[original];
    const role: ChainCertificate['role'] =
      index === 0 ? 'leaf' : index >= pathLength ? 'unrelated' : issuer === original ? 'root' : 'intermediate';
    return {
      ...details[original]!,
      index,
      issuedByIndex: issuer === null || issuer === undefined ? null : order.indexOf(issuer),
      role,
    };
  });
}
