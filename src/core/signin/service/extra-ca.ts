import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { WorkbenchError } from '../../errors';

const MAX_BYTES = 1024 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Root CAs from a PEM file, with their subjects. */
export interface ExtraCa {
  pems: string[];
  subjects: string[];
}

/** Read a PEM file of extra root CAs; `signin.extra_ca_invalid` when it is missing, too large or holds no certificate. */
export function readExtraCa(path: string): ExtraCa {
  let text: string;
  try {
    if (statSync(path).size > MAX_BYTES) throw new Error('too large');
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new WorkbenchError(
      'signin.extra_ca_invalid',
      `The root CA file ${path} cannot be read (missing, unreadable or larger than 1 MB).`,
      {
        hint: 'Choose the PEM file of your proxy’s root CA again, or stop trusting it in the sign-in test settings.',
        cause,
      },
    );
  }
  const pems: string[] = [];
  const subjects: string[] = [];
  for (const block of text.match(PEM_BLOCK) ?? []) {
    try {
      const cert = new X509Certificate(block);
      pems.push(block);
      subjects.push(cert.subject.replace(/\n/g, ', '));
    } catch {
      // A damaged block is skipped; the file must still hold at least one good certificate.
    }
  }
  if (pems.length === 0) {
    throw new WorkbenchError(
      'signin.extra_ca_invalid',
      `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
      {
        hint: 'Export the root CA as Base-64 encoded X.509 (.cer/.pem) and choose that file.',
      },
    );
  }
  return { pems, subjects };
}
