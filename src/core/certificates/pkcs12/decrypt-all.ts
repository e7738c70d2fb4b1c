// Decrypting a PFX's parts with one candidate password, and the password candidates to try.
import type { PasswordUsed } from '../../../shared/certificates';
import { Asn1Error, expectConstructed, parseAsn1, Tag } from '../asn1/reader';
import type { EncryptionScheme } from './algorithms';
import { decrypt, schemeJobs } from './decrypt';
import { KdfRunner, OverBudget } from './kdf-runner';
import { legacyLatin1Forms, type PasswordForms, passwordForms } from './kdf';
import { DecryptionFailed } from './legacy-ciphers';
import { describeEncryption } from './protection';
import { MAX_BAGS } from './budget';
import { tooManyBags } from './plan';
import { decryptWithQuirks } from './quirks';
import { type BagAttributes, emptyBags, type ParsedPfx, parseSafeContents, type RawBags } from './structure';

/** One password to try, in the encodings PKCS#12 needs. */
export interface Candidate {
  used: Exclude<PasswordUsed, 'not-needed'>;
  /** The password as typed ('' empty, null absent): other forms are made from it when a producer quirk needs them. */
  password: string | null;
  forms: PasswordForms;
}

/** The passwords to try, as OpenSSL does: an empty or missing password means '' and then NULL. */
export function candidatesFor(password: string | null | undefined): Candidate[] {
  if (password === null || password === undefined || password === '') {
    return [
      { used: 'empty', password: '', forms: passwordForms('') },
      { used: 'absent', password: null, forms: passwordForms(null) },
    ];
  }
  const list: Candidate[] = [{ used: 'given', password, forms: passwordForms(password) }];
  // Files written by OpenSSL before 1.1.0 in a UTF-8 locale took each UTF-8 byte as one BMP character.
  if ([...password].some((c) => c.codePointAt(0)! > 0x7f))
    list.push({ used: 'given', password, forms: legacyLatin1Forms(password) });
  return list;
}

/** The bags after decryption. */
export interface Decrypted {
  certificates: Array<{ der: Buffer } & BagAttributes>;
  keys: Array<{ pkcs8: Buffer; encryption: EncryptionScheme | null } & BagAttributes>;
  /** Producer quirks a part needed ("private key: encrypted from …"); empty when every part is standard. */
  quirks: string[];
  /** Encrypted contents that hold no certificate, with what they hold (`a part with CRLs`). */
  otherParts: Array<{ holds: string; scheme: EncryptionScheme }>;
}

/** A promise's outcome as data. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Never rejects: the outcome as data, so speculative work cannot cause unhandled rejections. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** Decrypted bytes that do not parse: the padding happened to fit, but the key was wrong (or the file is damaged). */
function parseDecrypted<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Asn1Error) throw new DecryptionFailed('decrypted content does not parse');
    throw error;
  }
}

/** Some parts failed; `decrypted` counts the parts the password did decrypt (then the password is right). */
export class PartlyDecrypted extends Error {
  constructor(
    readonly first: unknown,
    readonly decrypted: number,
  ) {
    super('decryption failed');
  }
}

async function allParts<T>(parts: Array<Promise<T>>): Promise<{ values: T[]; decrypted: number; failure: unknown }> {
  const settled = await Promise.allSettled(parts);
  const values = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { values, decrypted: values.length, failure: failed?.reason };
}

type PartName = 'certificates' | 'private key';

/**
 * Decrypt one part and check it with `accept` (which parses it). With `quirks` (the MAC has proved the password right),
 * a part that fails is tried in the other password forms and AES key sizes, within the budget. A failure says which
 * part it was, how it is encrypted, and how many other forms were tried.
 */
async function decryptPart<T>(
  name: PartName,
  scheme: EncryptionScheme,
  data: Uint8Array,
  candidate: Candidate,
  runner: KdfRunner,
  quirks: boolean,
  accept: (clear: Buffer) => T,
): Promise<{ value: T; quirk: string | null }> {
  const description = describeEncryption('certificates', scheme).description;
  let failed: DecryptionFailed;
  try {
    const clear = await decrypt(scheme, data, candidate.forms, runner);
    return { value: parseDecrypted(() => accept(clear)), quirk: null };
  } catch (error) {
    if (!(error instanceof DecryptionFailed)) throw error;
    failed = error;
  }
  if (quirks) {
    let value: T | undefined;
    const found = await decryptWithQuirks(scheme, data, candidate.password, candidate.forms, runner, (clear) => {
      value = parseDecrypted(() => accept(clear));
    });
    if ('clear' in found) return { value: value as T, quirk: `${name}: ${found.quirk}` };
    throw new DecryptionFailed(failed.message, {
      name,
      description,
      otherForms: found.tried,
      stoppedByBudget: found.stoppedByBudget,
    });
  }
  throw new DecryptionFailed(failed.message, { name, description, otherForms: 0, stoppedByBudget: false });
}

/** What an encrypted content without certificates holds, as the protection text names it. */
function holdings(bags: RawBags): string {
  const kinds = [
    ...(bags.keys.length + bags.shroudedKeys.length > 0 ? ['the private key'] : []),
    ...new Set(bags.other),
  ];
  if (kinds.length === 0) return 'an empty part';
  return `a part with ${kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`}`;
}

/** Add the bags of a decrypted content (parsed on their own first, so a content that fails adds nothing). */
function merge(into: RawBags, found: RawBags): void {
  into.seen.bags += found.seen.bags;
  if (into.seen.bags > MAX_BAGS) throw tooManyBags(into.seen.bags);
  into.certificates.push(...found.certificates);
  into.keys.push(...found.keys);
  into.shroudedKeys.push(...found.shroudedKeys);
  into.other.push(...found.other);
}

/** Decrypt every encrypted part and shrouded key with one password; `quirks` once the MAC has accepted it. */
export async function decryptAll(
  pfx: ParsedPfx,
  plain: RawBags,
  candidate: Candidate,
  runner: KdfRunner = new KdfRunner(),
  options: { quirks?: boolean } = {},
): Promise<Decrypted> {
  const quirks = options.quirks ?? false;
  const bags: RawBags = {
    certificates: [...plain.certificates],
    keys: [...plain.keys],
    shroudedKeys: [],
    seen: { bags: plain.seen.bags },
    other: [],
  };
  const found: string[] = [];
  const otherParts: Decrypted['otherParts'] = [];
  const unwrapKey = async (shrouded: RawBags['shroudedKeys'][number]): Promise<Decrypted['keys'][number]> => {
    const { value: pkcs8, quirk } = await decryptPart(
      'private key',
      shrouded.scheme,
      shrouded.ciphertext,
      candidate,
      runner,
      quirks,
      (clear) => {
        expectConstructed(parseAsn1(clear), Tag.SEQUENCE, 'PrivateKeyInfo');
        return clear;
      },
    );
    if (quirk) found.push(quirk);
    return {
      pkcs8,
      encryption: shrouded.scheme,
      friendlyName: shrouded.friendlyName,
      localKeyId: shrouded.localKeyId,
      container: shrouded.container,
    };
  };
  // Start every key derivation at once: PBKDF2 runs on libuv's pool, PKCS#12 KDF chains on the worker threads.
  // Every part is tried even when one fails: a part that decrypts proves the password right (the file is damaged).
  const contents = pfx.items.flatMap((item) =>
    item.kind === 'encrypted'
      ? [
          decryptPart('certificates', item.scheme, item.ciphertext, candidate, runner, quirks, (clear) => {
            const inside = emptyBags();
            parseSafeContents(clear, inside, item.scheme);
            return inside;
          }).then(({ value, quirk }) => {
            merge(bags, value);
            if (quirk) found.push(quirk);
            if (value.certificates.length === 0) otherParts.push({ holds: holdings(value), scheme: item.scheme });
            return null;
          }),
        ]
      : [],
  );
  const [first, second] = await Promise.all([allParts(plain.shroudedKeys.map(unwrapKey)), allParts(contents)]);
  // Keys inside encrypted contents could not be priced before: they are now, before their work starts.
  const hidden = bags.shroudedKeys.flatMap((k) => schemeJobs(k.scheme, candidate.forms));
  if (!runner.fits(hidden))
    throw new OverBudget(
      runner.unitsOf(hidden),
      bags.shroudedKeys.map((k) => k.scheme),
    );
  const third = await allParts(bags.shroudedKeys.map(unwrapKey));
  const failure = first.failure ?? second.failure ?? third.failure;
  if (failure !== undefined) throw new PartlyDecrypted(failure, first.decrypted + second.decrypted + third.decrypted);
  return {
    certificates: bags.certificates,
    keys: [...bags.keys.map((k) => ({ ...k, encryption: k.container })), ...first.values, ...third.values],
    quirks: found.sort(),
    otherParts,
  };
}
