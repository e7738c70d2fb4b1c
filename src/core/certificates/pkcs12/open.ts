import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { PasswordUsed, PfxProtection } from '../../../shared/certificates';
import { childAt, expectConstructed, parseAsn1, readOid, Tag } from '../asn1/reader';
import { OID } from '../asn1/oids';
import {
  asPfxError,
  corruptError,
  MAX_PFX_BYTES,
  notPkcs12Error,
  partNotDecrypted,
  passwordRequired,
  tooLargeError,
  unsupportedAlgorithm,
  wrongPassword,
} from '../errors';
import { sniff } from '../sniff';
import {
  type Candidate,
  candidatesFor,
  type Decrypted,
  decryptAll,
  PartlyDecrypted,
  settle,
  type Settled,
} from './decrypt-all';
import { OPEN_DEADLINE_MS, WorkMeter } from './budget';
import { schemeJobs } from './decrypt';
import { type KdfJob, KdfRunner, OverBudget } from './kdf-runner';
import { DecryptionFailed } from './legacy-ciphers';
import { macJob, verifyMac } from './mac';
import { describeAsk, overBudgetError, stoppedError } from './plan';
import { describeProtection } from './protection';
import { checkSignal, OpenStopped, stopReason } from './stop';
import { emptyBags, type ParsedPfx, parsePfx, parseSafeContents, type RawBags } from './structure';

/** A certificate from a PFX with its bag attributes. */
export interface Pkcs12Certificate {
  der: Buffer;
  x509: X509Certificate;
  friendlyName: string | null;
  localKeyId: Buffer | null;
}

/** A private key from a PFX with its bag attributes. */
export interface Pkcs12PrivateKey {
  key: KeyObject;
  friendlyName: string | null;
  localKeyId: Buffer | null;
}

/** Everything a PFX holds, decrypted, plus how it was protected and which password opened it. */
export interface Pkcs12Contents {
  certificates: Pkcs12Certificate[];
  privateKeys: Pkcs12PrivateKey[];
  protection: PfxProtection;
  passwordUsed: PasswordUsed;
  fileSize: number;
}

/** Options for openPkcs12. */
export interface OpenPkcs12Options {
  /** Refuse larger input (default 10 MB). */
  maxBytes?: number;
  /** Stops the open: the Cancel button, a closed window, quit. */
  signal?: AbortSignal;
  /** The work budget; pass one meter to the attempts of one request (e.g. the empty-password fallback). */
  meter?: WorkMeter;
  /** Stop after this long (default OPEN_DEADLINE_MS). */
  deadlineMs?: number;
}

/**
 * Open a PKCS#12 (.pfx/.p12) file with Node's crypto. With no password (null, undefined or '') both an empty and an
 * absent password are tried, as OpenSSL does. The key derivations the file asks for are priced first: a file over the
 * work budget is refused before any work starts. Every failure is a WorkbenchError with a `pfx.*` code.
 */
export async function openPkcs12(
  bytes: Uint8Array,
  password: string | null | undefined,
  options: OpenPkcs12Options = {},
): Promise<Pkcs12Contents> {
  const deadlineMs = options.deadlineMs ?? OPEN_DEADLINE_MS;
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  try {
    checkSignal(signal);
    return await untilStopped(openChecked(bytes, password, options, signal), signal);
  } catch (error) {
    if (error instanceof OpenStopped) throw stoppedError(error.reason, deadlineMs);
    throw asPfxError(error, 'PFX file');
  }
}

/** The work, or OpenStopped as soon as the signal fires (a native derivation already running finishes on its own). */
function untilStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(stopReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function openChecked(
  bytes: Uint8Array,
  password: string | null | undefined,
  options: OpenPkcs12Options,
  signal: AbortSignal,
): Promise<Pkcs12Contents> {
  const maxBytes = options.maxBytes ?? MAX_PFX_BYTES;
  if (bytes.length > maxBytes) throw tooLargeError(bytes.length, maxBytes);
  const found = sniff(bytes);
  if (found.kind !== 'pkcs12') throw notPkcs12Error(found);
  const pfx = parsePfx(bytes);
  const plain = emptyBags();
  for (const item of pfx.items) if (item.kind === 'data') parseSafeContents(item.safeContents, plain, null);
  const runner = new KdfRunner(options.meter ?? new WorkMeter(), signal);
  const visible = [
    ...pfx.items.flatMap((i) => (i.kind === 'encrypted' ? [i.scheme] : [])),
    ...plain.shroudedKeys.map((k) => k.scheme),
  ];
  const candidates = candidatesFor(password);
  // Everything the first password needs (MAC and every part in view) is priced before any work starts.
  const firstJobs = [
    ...(pfx.macData ? [macJob(pfx.macData, candidates[0]!.forms)] : []),
    ...visible.flatMap((s) => schemeJobs(s, candidates[0]!.forms)),
  ];
  if (!runner.fits(firstJobs))
    throw overBudgetError(describeAsk(visible, pfx.macData), runner.unitsOf(firstJobs), runner.meter.remaining);
  try {
    return await openWith(pfx, plain, candidates, runner, bytes.length);
  } catch (error) {
    const cause = error instanceof PartlyDecrypted ? error.first : error;
    if (cause instanceof OverBudget)
      throw overBudgetError(
        describeAsk([...visible, ...cause.hidden], pfx.macData),
        cause.units,
        runner.meter.remaining,
      );
    // A part's own refusal (e.g. pfx.too_many_bags from the bags it decrypted to), not the wrapper's "decryption failed".
    throw cause;
  }
}

async function openWith(
  pfx: ParsedPfx,
  plain: RawBags,
  candidates: Candidate[],
  runner: KdfRunner,
  fileSize: number,
): Promise<Pkcs12Contents> {
  const hasEncryption = pfx.items.some((i) => i.kind === 'encrypted') || plain.shroudedKeys.length > 0;
  const given = candidates[0]!.used === 'given';
  // Further password forms are tried only while they fit in what is left of the budget.
  const fitsMac = (c: Candidate): boolean => !pfx.macData || runner.fits([macJob(pfx.macData, c.forms)]);

  let chosen: Candidate | undefined;
  let result: Settled<Decrypted> | undefined;
  if (pfx.macData) {
    const mac = pfx.macData;
    // The MAC key chain is the longest task, so it starts first; the bags decrypt meanwhile (PBKDF2 on libuv's
    // pool), so a right password costs one round of key derivation, not two.
    const firstMac = settle(verifyMac(mac, candidates[0]!.forms, pfx.authSafe, runner));
    const speculative = given ? settle(decryptAll(pfx, plain, candidates[0]!, runner)) : undefined;
    for (const [i, candidate] of candidates.entries()) {
      if (i > 0 && !fitsMac(candidate)) continue;
      const verdict = i === 0 ? await firstMac : await settle(verifyMac(mac, candidate.forms, pfx.authSafe, runner));
      if (!verdict.ok) throw verdict.error;
      if (verdict.value) {
        chosen = candidate;
        break;
      }
    }
    if (!chosen) {
      const probe = await (speculative ?? settle(decryptAll(pfx, plain, candidates[0]!, runner)));
      const decryptsSomething = probe.ok
        ? hasEncryption
        : probe.error instanceof PartlyDecrypted && probe.error.decrypted > 0;
      if (decryptsSomething) {
        throw corruptError(
          "The file's integrity check (MAC) fails although the password decrypts its contents: the file was changed or damaged after it was made.",
        );
      }
      throw given ? wrongPassword('mac') : passwordRequired('mac');
    }
    result =
      chosen === candidates[0] && speculative
        ? await speculative
        : await settle(decryptAll(pfx, plain, chosen, runner));
    // The MAC proved the password right: a part that failed gets the other password forms and key sizes (the
    // derivations already done are reused, so only the new forms cost work).
    if (!result.ok && failedToDecrypt(result.error))
      result = await settle(decryptAll(pfx, plain, chosen, runner, { quirks: true }));
    if (!result.ok) {
      const error = result.error instanceof PartlyDecrypted ? result.error.first : result.error;
      if (error instanceof DecryptionFailed) {
        if (error.message.includes('does not parse'))
          throw corruptError('The integrity check passes, but the decrypted contents are damaged.', error);
        // The MAC proved the password right for the file; this part was encrypted some other way.
        throw partNotDecrypted(error.part);
      }
      throw result.error;
    }
  } else {
    let partly = false;
    for (const [i, candidate] of candidates.entries()) {
      if (i > 0 && !runner.fits(decryptJobs(pfx, plain, candidate))) continue;
      const attempt = await settle(decryptAll(pfx, plain, candidate, runner));
      if (attempt.ok) {
        chosen = candidate;
        result = attempt;
        break;
      }
      const error = attempt.error instanceof PartlyDecrypted ? attempt.error.first : attempt.error;
      if (!(error instanceof DecryptionFailed)) throw attempt.error;
      if (attempt.error instanceof PartlyDecrypted && attempt.error.decrypted > 0) partly = true;
    }
    // Without a MAC, a part that decrypts while another does not means damage, not a wrong password.
    if (!chosen && partly)
      throw corruptError('Part of the file decrypts with this password and part does not: the file is damaged.');
    if (!chosen || !result?.ok) throw given ? wrongPassword('decryption') : passwordRequired('decryption');
  }
  return buildContents(result.value, pfx, fileSize, hasEncryption || pfx.macData ? chosen.used : 'not-needed');
}

/** A part failed to decrypt (not a damaged structure, the budget or a stop). */
function failedToDecrypt(error: unknown): boolean {
  return (error instanceof PartlyDecrypted ? error.first : error) instanceof DecryptionFailed;
}

/** The derivations decrypting every part in view takes with one candidate. */
function decryptJobs(pfx: ParsedPfx, plain: RawBags, candidate: Candidate): KdfJob[] {
  const schemes = [
    ...pfx.items.flatMap((i) => (i.kind === 'encrypted' ? [i.scheme] : [])),
    ...plain.shroudedKeys.map((k) => k.scheme),
  ];
  return schemes.flatMap((s) => schemeJobs(s, candidate.forms));
}

function buildContents(
  decrypted: Decrypted,
  pfx: ParsedPfx,
  fileSize: number,
  passwordUsed: PasswordUsed,
): Pkcs12Contents {
  const certificates = decrypted.certificates.map((bag, i) => {
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(bag.der);
    } catch (error) {
      throw corruptError(`Certificate ${i + 1} in the file is damaged and cannot be read.`, error);
    }
    return { der: bag.der, x509, friendlyName: bag.friendlyName, localKeyId: bag.localKeyId };
  });
  const privateKeys = decrypted.keys.map((bag) => ({
    key: importKey(bag.pkcs8),
    friendlyName: bag.friendlyName,
    localKeyId: bag.localKeyId,
  }));
  const protection = describeProtection({
    mac: pfx.macData,
    certificateEncryption: decrypted.certificates.map((c) => c.container),
    keyEncryption: decrypted.keys.map((k) => k.encryption),
    quirks: decrypted.quirks,
    // Every encrypted part is named, also those without certificates (a CRL part, a container of shrouded keys).
    otherEncryption: decrypted.otherParts,
  });
  return { certificates, privateKeys, protection, passwordUsed, fileSize };
}

const KEY_ALGORITHMS: string[] = [OID.rsaEncryption, OID.rsassaPss, OID.ecPublicKey, OID.ed25519, OID.ed448, OID.dsa];

function importKey(pkcs8: Buffer): KeyObject {
  let algorithmOid: string;
  try {
    const info = expectConstructed(parseAsn1(pkcs8), Tag.SEQUENCE, 'PrivateKeyInfo');
    algorithmOid = readOid(
      childAt(
        expectConstructed(childAt(info, 1, 'key algorithm'), Tag.SEQUENCE, 'key algorithm'),
        0,
        'key algorithm OID',
      ),
    );
  } catch (error) {
    throw corruptError('The private key in the file is damaged and cannot be read.', error);
  }
  if (!KEY_ALGORITHMS.includes(algorithmOid)) throw unsupportedAlgorithm(algorithmOid, 'the private key');
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw corruptError('The private key in the file is damaged or uses parameters this app cannot read.', error);
  }
}
