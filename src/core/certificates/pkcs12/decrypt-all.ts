// Decrypting a PFX's parts with one candidate password, and the password candidates to try.
import type { PasswordUsed } from '../../../shared/certificates';
import { Asn1Error, expectConstructed, parseAsn1, Tag } from '../asn1/reader';
import type { EncryptionScheme } from './algorithms';
import { decrypt, schemeJobs } from './decrypt';
import { KdfRunner, OverBudget } from './kdf-runner';
import { legacyLatin1Forms, type PasswordForms, passwordForms } from './kdf';
import { DecryptionFailed } from './legacy-ciphers';
import { describeEncryption } from './protection';
import { type BagAttributes, type ParsedPfx, parseSafeContents, type RawBags } from './structure';

/** One password to try, in the encodings PKCS#12 needs. */
export interface Candidate {
  used: Exclude<PasswordUsed, 'not-needed'>;
  forms: PasswordForms;
}

/** The passwords to try, as OpenSSL does: an empty or missing password means '' and then NULL. */
export function candidatesFor(password: string | null | undefined): Candidate[] {
  if (password === null || password === undefined || password === '') {
    return [
      { used: 'empty', forms: passwordForms('') },
      { used: 'absent', forms: passwordForms(null) },
    ];
  }
  const list: Candidate[] = [{ used: 'given', forms: passwordForms(password) }];
  // Files written by OpenSSL before 1.1.0 in a UTF-8 locale took each UTF-8 byte as one BMP character.
  if ([...password].some((c) => c.codePointAt(0)! > 0x7f)) list.push({ used: 'given', forms: legacyLatin1Forms(password) });
  return list;
}

/** The bags after decryption. */
export interface Decrypted {
  certificates: Array<{ der: Buffer } & BagAttributes>;
  keys: Array<{ pkcs8: Buffer; encryption: EncryptionScheme | null } & BagAttributes>;
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

/** The same failure, saying which part it was and how that part is encrypted. */
function inPart<T>(name: 'certificates' | 'private key', scheme: EncryptionScheme, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof DecryptionFailed && !error.part) throw new DecryptionFailed(error.message, { name, description: describeEncryption('certificates', scheme).description });
    throw error;
  });
}

/** Decrypted bytes that do not parse: the padding happened to fit, but the key was wrong (or the file is damaged). */
function parseDecrypted(fn: () => void): void {
  try {
    fn();
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

/** Decrypt every encrypted part and shrouded key with one password. */
export async function decryptAll(pfx: ParsedPfx, plain: RawBags, forms: PasswordForms, runner: KdfRunner = new KdfRunner()): Promise<Decrypted> {
  const bags: RawBags = { certificates: [...plain.certificates], keys: [...plain.keys], shroudedKeys: [], seen: { bags: plain.seen.bags } };
  const unwrapKey = (shrouded: RawBags['shroudedKeys'][number]): Promise<Decrypted['keys'][number]> =>
    inPart(
      'private key',
      shrouded.scheme,
      decrypt(shrouded.scheme, shrouded.ciphertext, forms, runner).then((pkcs8) => {
        parseDecrypted(() => expectConstructed(parseAsn1(pkcs8), Tag.SEQUENCE, 'PrivateKeyInfo'));
        return { pkcs8, encryption: shrouded.scheme, friendlyName: shrouded.friendlyName, localKeyId: shrouded.localKeyId, container: shrouded.container };
      }),
    );
  // Start every key derivation at once: PBKDF2 runs on libuv's pool, PKCS#12 KDF chains on the worker threads.
  // Every part is tried even when one fails: a part that decrypts proves the password right (the file is damaged).
  const contents = pfx.items.flatMap((item) =>
    item.kind === 'encrypted'
      ? [
          inPart(
            'certificates',
            item.scheme,
            decrypt(item.scheme, item.ciphertext, forms, runner).then((clear) => {
              parseDecrypted(() => parseSafeContents(clear, bags, item.scheme));
              return null;
            }),
          ),
        ]
      : [],
  );
  const [first, second] = await Promise.all([allParts(plain.shroudedKeys.map(unwrapKey)), allParts(contents)]);
  // Keys inside encrypted contents could not be priced before: they are now, before their work starts.
  const hidden = bags.shroudedKeys.flatMap((k) => schemeJobs(k.scheme, forms));
  if (!runner.fits(hidden)) throw new OverBudget(runner.unitsOf(hidden), bags.shroudedKeys.map((k) => k.scheme));
  const third = await allParts(bags.shroudedKeys.map(unwrapKey));
  const failure = first.failure ?? second.failure ?? third.failure;
  if (failure !== undefined) throw new PartlyDecrypted(failure, first.decrypted + second.decrypted + third.decrypted);
  return {
    certificates: bags.certificates,
    keys: [...bags.keys.map((k) => ({ ...k, encryption: k.container })), ...first.values, ...third.values],
  };
}

