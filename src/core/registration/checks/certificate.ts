import type { RegisteredKeyCredential } from '../../../shared/registration';
import type { FindingDraft } from '../findings';
import { credentialName } from '../normalize-common';
import { strictBase64, thumbprintsOf } from '../thumbprint-encoding';
import type { VerifyCertificate } from '../verify-target';
import { day, daysUntil, differByMoreThanADay, EXPIRY_WARNING_DAYS, validity, type Check } from './check-context';
import { unusableReason } from './usable-certificate';

type MatchHow = 'key' | 'hex-sha1' | 'hex-sha256' | 'base64-sha1' | 'base64-sha256' | 'base64-hex-text';

const uploadSteps =
  'Under Certificates select Upload certificate, choose the public certificate (.cer or .pem) exported from this PFX, add a description, then Add.';

/**
 * The connection's certificate among keyCredentials: registered, right type and usage, dates, expiry, key pair. The
 * certificate comes from a PFX, or only as the thumbprints a profile records (then the key cannot be checked).
 * Without either, a certificate connection still needs at least one certificate that can sign in.
 */
export const checkCertificate: Check = ({ app, target, now }) => {
  const cert = target.certificate;
  // A template gets its certificates when the toolkit provisions it; a trimmed copy may just not show them (its note says so).
  if (app.template || app.notInFile.includes('keyCredentials')) return [];
  if (!cert) {
    if (target.auth !== 'certificate') return [];
    return [app.keyCredentials.length === 0 ? noneRegistered(null) : withoutCertificate(app.keyCredentials, now)];
  }
  const out: FindingDraft[] = [];
  const thumbs = certificateThumbprints(cert);
  if (cert.keyMatchesCertificate === false) {
    out.push({
      code: 'certificate.private_key_mismatch',
      message:
        'The private key in the PFX does not belong to its certificate, so every client assertion it signs is refused (AADSTS700027), whatever is registered.',
      fix: 'Nothing to change in the registration: export the PFX again from the machine or vault that holds the matching private key, or create a new certificate and upload its .cer here.',
      blade: 'Credentials',
    });
  }
  const matches = app.keyCredentials
    .map((kc, i) => ({ kc, i, how: matchCredential(kc, thumbs) }))
    .filter((m): m is { kc: RegisteredKeyCredential; i: number; how: MatchHow } => m.how !== null);
  if (matches.length === 0) {
    out.push(
      app.keyCredentials.length === 0 ? noneRegistered(cert) : notRegistered(app.keyCredentials, cert, thumbs.sha1),
    );
    return out;
  }
  // Prefer a credential usable for sign-in, then the one that lasts longest.
  const best = [...matches].sort(
    (a, b) =>
      usable(b.kc) - usable(a.kc) ||
      (Date.parse(b.kc.endDateTime ?? '') || 0) - (Date.parse(a.kc.endDateTime ?? '') || 0),
  )[0];
  if (!best) return out;
  const { kc } = best;
  const name = credentialName(kc.displayName, kc.keyId, best.i);
  if ((kc.type ?? '').toLowerCase() !== 'asymmetricx509cert') {
    out.push({
      code: 'certificate.wrong_type',
      message: `The certificate is registered as ${name} with type “${kc.type ?? 'none'}”; sign-in needs type AsymmetricX509Cert.`,
      fix: `Delete credential ${name}. ${uploadSteps}`,
      blade: 'Credentials',
    });
  }
  if ((kc.usage ?? '').toLowerCase() !== 'verify') {
    out.push({
      code: 'certificate.wrong_usage',
      message: `The certificate is registered as ${name} with usage “${kc.usage ?? 'none'}”${kc.usage === 'Encrypt' ? ' (SAML token encryption)' : ''}; signing in with it needs usage Verify.`,
      fix: `${uploadSteps} (Certificates uploaded there get usage Verify.)`,
      blade: 'Credentials',
    });
  }
  if (best.how === 'base64-hex-text') {
    out.push({
      code: 'certificate.identifier_base64_hex_text',
      message: `The customKeyIdentifier of ${name} is the thumbprint’s text encoded again as base64, so the admin center’s Thumbprint column shows a long value that is not ${thumbs.sha1}. Sign-in is not affected.`,
      fix: `If the mismatch confuses reviewers, delete ${name} and upload the .cer again (Upload certificate); Entra then stores the plain thumbprint.`,
      blade: 'Credentials',
    });
  }
  out.push(...datesAndExpiry(kc, name, cert, now));
  return out;
};

// A folder run checks many manifests against one certificate: hash its DER once.
const thumbprintCache = new WeakMap<VerifyCertificate, { sha1: string; sha256: string }>();

/** The certificate's thumbprints, computed from its DER when present rather than trusted from the caller. */
function certificateThumbprints(cert: VerifyCertificate): { sha1: string; sha256: string } {
  const cached = thumbprintCache.get(cert);
  if (cached) return cached;
  const der = strictBase64(cert.derBase64);
  const clean = (t: string): string => t.replace(/[^0-9a-f]/gi, '').toUpperCase();
  const thumbs =
    der && der[0] === 0x30
      ? thumbprintsOf(der)
      : { sha1: clean(cert.thumbprintSha1), sha256: clean(cert.thumbprintSha256) };
  thumbprintCache.set(cert, thumbs);
  return thumbs;
}

/** How a credential matches the certificate; the `key` (when present) outranks the identifier. */
function matchCredential(kc: RegisteredKeyCredential, thumbs: { sha1: string; sha256: string }): MatchHow | null {
  if (kc.keyThumbprintSha1) return kc.keyThumbprintSha1 === thumbs.sha1 ? 'key' : null;
  if (kc.identifierThumbprintSha1 === thumbs.sha1 || kc.identifierThumbprintSha256 === thumbs.sha256) {
    return kc.identifierEncoding === 'absent' ||
      kc.identifierEncoding === 'text' ||
      kc.identifierEncoding === 'unreadable'
      ? null
      : kc.identifierEncoding;
  }
  return null;
}

function usable(kc: RegisteredKeyCredential): number {
  return (
    ((kc.type ?? '').toLowerCase() === 'asymmetricx509cert' ? 2 : 0) +
    ((kc.usage ?? '').toLowerCase() === 'verify' ? 1 : 0)
  );
}

function notRegistered(credentials: RegisteredKeyCredential[], cert: VerifyCertificate, sha1: string): FindingDraft {
  const registered = credentials.map((kc, i) => {
    const thumb = kc.keyThumbprintSha1 ?? kc.identifierThumbprintSha1 ?? kc.identifierThumbprintSha256;
    return `${credentialName(kc.displayName, kc.keyId, i)} (${thumb ?? 'identifier not a thumbprint'})`;
  });
  // A credential whose identifier is a name cannot be compared, but identical validity dates make it a likely match.
  const likely = credentials.findIndex(
    (kc) =>
      !kc.keyThumbprintSha1 &&
      !kc.identifierThumbprintSha1 &&
      !kc.identifierThumbprintSha256 &&
      kc.startDateTime &&
      kc.endDateTime &&
      !differByMoreThanADay(kc.startDateTime, cert.notBefore) &&
      !differByMoreThanADay(kc.endDateTime, cert.notAfter),
  );
  const likelyKc = credentials[likely];
  if (likelyKc) {
    return {
      code: 'certificate.not_registered',
      severity: 'warning',
      message: `${certificateWords(cert)} (SHA-1 thumbprint ${sha1}) could not be confirmed among the registered certificates: ${credentialName(likelyKc.displayName, likelyKc.keyId, likely)} has the same validity dates, so it is probably this certificate, but its identifier is not a thumbprint.`,
      fix: 'Compare the Thumbprint column under Certificates with the thumbprint above. To make the match certain, delete that credential and upload the .cer again (Upload certificate).',
      blade: 'Credentials',
    };
  }
  return {
    code: 'certificate.not_registered',
    message: `${certificateWords(cert)} (SHA-1 thumbprint ${sha1}) is not among the ${credentials.length} registered: ${registered.join('; ')}. Signing in with it fails with AADSTS700027.`,
    fix: uploadSteps,
    blade: 'Credentials',
  };
}

function datesAndExpiry(kc: RegisteredKeyCredential, name: string, cert: VerifyCertificate, now: Date): FindingDraft[] {
  const out: FindingDraft[] = [];
  const renew = `Create or obtain a new certificate, ${uploadSteps.charAt(0).toLowerCase()}${uploadSteps.slice(1)} Then update the connection with the new PFX and delete ${name} once nothing uses it.`;
  if (
    (kc.startDateTime && differByMoreThanADay(kc.startDateTime, cert.notBefore)) ||
    (kc.endDateTime && differByMoreThanADay(kc.endDateTime, cert.notAfter))
  ) {
    out.push({
      code: 'certificate.dates_differ',
      message: `Entra accepts ${name} ${validity(kc.startDateTime, kc.endDateTime)}, but the certificate itself is valid ${validity(cert.notBefore, cert.notAfter)}; sign-in works only while both are valid.`,
      fix: `Under Certificates compare the Start date and Expires columns; to use the certificate’s full validity, delete ${name} and upload the .cer again (Upload certificate).`,
      blade: 'Credentials',
    });
  }
  const ends = [cert.notAfter, kc.endDateTime].filter((d): d is string => d !== null && !Number.isNaN(Date.parse(d)));
  const end = ends.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  const left = daysUntil(end, now);
  if (left !== null && left < 0) {
    out.push({
      code: 'certificate.expired',
      message: `The certificate (as registered in ${name}) expired on ${day(end)}; sign-in with it fails (AADSTS700027).`,
      fix: renew,
      blade: 'Credentials',
    });
  } else if (left !== null && left <= EXPIRY_WARNING_DAYS) {
    out.push({
      code: 'certificate.expiring',
      message: `The certificate (as registered in ${name}) expires on ${day(end)}, in ${left} day${left === 1 ? '' : 's'}.`,
      fix: renew,
      blade: 'Credentials',
    });
  }
  const starts = [cert.notBefore, kc.startDateTime].filter(
    (d): d is string => d !== null && !Number.isNaN(Date.parse(d)),
  );
  const start = starts.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
  const untilStart = start ? Date.parse(start) - now.getTime() : 0;
  if (untilStart > 0) {
    out.push({
      code: 'certificate.not_yet_valid',
      message: `The certificate (as registered in ${name}) only becomes valid on ${day(start)}; sign-in with it fails until then.`,
      fix: 'Wait until that date, or check the clock of the machine that created the certificate and upload a certificate that is valid now.',
      blade: 'Credentials',
    });
  }
  return out;
}

/** "The PFX’s certificate", or, with only the thumbprints a profile records, "The certificate the profile records". */
function certificateWords(cert: VerifyCertificate): string {
  return cert.derBase64 === '' ? 'The certificate the profile records' : 'The PFX’s certificate';
}

function noneRegistered(cert: VerifyCertificate | null | undefined): FindingDraft {
  const words = cert ? certificateWords(cert) : '';
  const which = cert
    ? `${words.charAt(0).toLowerCase()}${words.slice(1)} (SHA-1 thumbprint ${certificateThumbprints(cert).sha1})`
    : 'any certificate';
  return {
    code: 'certificate.none_registered',
    message: `The connection signs in with a certificate, but the app has no certificate registered (keyCredentials is empty), so signing in with ${which} fails with AADSTS700027.`,
    fix: uploadSteps,
    blade: 'Credentials',
  };
}

/** A certificate connection without a PFX or recorded thumbprint: an error when no registered certificate can sign in. */
function withoutCertificate(credentials: RegisteredKeyCredential[], now: Date): FindingDraft {
  const reasons = credentials.map((kc, i) => ({
    name: credentialName(kc.displayName, kc.keyId, i),
    reason: unusableReason(kc, now),
  }));
  if (reasons.every((r) => r.reason !== null)) {
    const one = reasons.length === 1;
    return {
      code: 'certificate.none_usable',
      message: `The connection signs in with a certificate, but no registered certificate can be used for that: ${reasons.map((r) => `${r.name} — ${r.reason}`).join('; ')}. Sign-in fails with AADSTS700027 until a valid one is uploaded.`,
      fix: `Create or obtain a new certificate, ${uploadSteps.charAt(0).toLowerCase()}${uploadSteps.slice(1)} Then update the connection with its PFX and delete the unusable certificate${one ? '' : 's'} once nothing uses ${one ? 'it' : 'them'}.`,
      blade: 'Credentials',
    };
  }
  return {
    code: 'certificate.not_checked',
    message:
      'The profile uses a certificate, but neither its PFX nor its thumbprint was given, so which registered certificate the connection uses could not be checked.',
    fix: 'Nothing to change here: add the PFX (and its password) to the check — or save the certificate’s thumbprint in the profile — to compare thumbprints and dates.',
    blade: 'Credentials',
  };
}
