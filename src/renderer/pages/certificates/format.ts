import type { CertificateView, GenerationStage, KeyInfo } from '../../../shared/certificates';
import { plural } from '../../../shared/wording';
import { formatDate } from '../../lib/dates';

/** 3544 -> "3,544" (one format whatever the OS locale, like the thumbprints the admin compares). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The date of an ISO timestamp, in the app's one date format (the user's locale). */
export function day(iso: string): string {
  return formatDate(iso);
}

/** `RSA 2048 bits` or `EC P-256`. */
export function keyText(key: KeyInfo): string {
  if (key.curve) return `${key.type} ${key.curve}`;
  return key.size ? `${key.type} ${key.size} bits` : key.type;
}

/** Where the certificate came from, in a sentence fragment. */
export function originText(view: CertificateView, fileName: string | null): string {
  switch (view.origin) {
    case 'pfx-file':
      return fileName ? `From ${fileName}` : 'From a PFX file';
    case 'base64-text':
      return fileName ? `Decoded from the base64 text in ${fileName}` : 'Decoded from pasted base64 text';
    case 'certificate-file':
      return `${fileName ? `From ${fileName}: a` : 'A'} certificate without its private key`;
    case 'generated':
      return view.pfxSize === null
        ? 'New certificate, not exported yet'
        : `New certificate, exported as ${fileName ?? 'a PFX'}`;
  }
}

/** Validity with what it means today. */
export function validityText(c: CertificateView['certificate']): string {
  const state = c.expired
    ? `expired ${plural(-c.daysLeft, 'day')} ago`
    : c.notYetValid
      ? 'not valid yet'
      : `${plural(c.daysLeft, 'day')} left`;
  return `${day(c.notBefore)} to ${day(c.notAfter)} (${state})`;
}

/** What is happening while a certificate is generated. */
export const stageText: Record<GenerationStage, string> = {
  'generating-key': 'Generating the key pair…',
  'building-certificate': 'Building the certificate…',
  signing: 'Signing the certificate…',
  done: 'Done',
};

/** Progress 0..1 of a stage. */
export const stageProgress: Record<GenerationStage, number> = {
  'generating-key': 0.15,
  'building-certificate': 0.6,
  signing: 0.8,
  done: 1,
};
