// Producer quirks in a PFX's encrypted parts: tried only after the MAC has proved the password right, and only
// within the open's work budget. Some tools derive the MAC key from one form of the password and encrypt with another
// (Bouncy Castle and node-forge: ISO-8859-1 bytes for PBES2; old NSS: the BMPString form), and one old NSS file
// states AES-128 while its key is 32 bytes.
import type { EncryptionScheme, Pbes2Cipher } from './algorithms';
import { decryptPbe, nodeDecrypt, pbes2Cipher, pbes2Spec, schemeJobs } from './decrypt';
import { legacyLatin1Forms, type PasswordForms, passwordForms } from './kdf';
import type { KdfJob, KdfRunner } from './kdf-runner';
import { DecryptionFailed } from './legacy-ciphers';

/** One way of decrypting a part that the standard does not describe. */
interface Attempt {
  /** What was done, for the protection text: "from the password's ISO-8859-1 bytes, not UTF-8 (…)". */
  quirk: string;
  jobs: KdfJob[];
  run: () => Promise<Buffer>;
}

/** A password form and how to say it. */
interface Form {
  bytes: Buffer;
  quirk: string | null;
}

const AES: Array<{ name: Pbes2Cipher['name']; keyLength: number; label: string }> = [
  { name: 'aes-128-cbc', keyLength: 16, label: 'AES-128-CBC' },
  { name: 'aes-256-cbc', keyLength: 32, label: 'AES-256-CBC' },
  { name: 'aes-192-cbc', keyLength: 24, label: 'AES-192-CBC' },
];

/** One byte per UTF-16 code unit (its low byte): ISO-8859-1 for Latin-1 text, what Java's PKCS5PasswordToBytes does. */
function oneBytePerChar(password: string): Buffer {
  return Buffer.from(Array.from({ length: password.length }, (_, i) => password.charCodeAt(i) & 0xff));
}

const unique = (forms: Form[], tried: Buffer[]): Form[] => {
  const seen = [...tried];
  return forms.filter((f) => (seen.some((b) => b.equals(f.bytes)) ? false : (seen.push(f.bytes), true)));
};

/** PBES2 password forms other than the one already tried. */
function pbes2Forms(password: string | null, tried: PasswordForms): Form[] {
  if (password === null) return [];
  const bmp = passwordForms(password).bmp;
  return unique(
    [
      {
        bytes: oneBytePerChar(password),
        quirk:
          "the password's ISO-8859-1 bytes, not UTF-8 (as Bouncy Castle and node-forge write for non-ASCII passwords)",
      },
      { bytes: bmp, quirk: "the password's BMPString (UTF-16) form, not UTF-8 (as old NSS wrote)" },
      { bytes: bmp.subarray(0, bmp.length - 2), quirk: "the password's UTF-16 form without its terminator, not UTF-8" },
    ],
    [tried.utf8],
  );
}

/** PKCS#12 PBE password forms other than the one already tried. */
function pbeForms(password: string | null, tried: PasswordForms): Form[] {
  if (password === null) return [];
  const bmp = passwordForms(password).bmp;
  return unique(
    [
      { bytes: bmp, quirk: "the password's BMPString form" },
      {
        bytes: tried.bmp.subarray(0, tried.bmp.length - 2),
        quirk: "the password's BMPString without its 00 00 terminator",
      },
      {
        bytes: legacyLatin1Forms(password).bmp,
        quirk: "the password's UTF-8 bytes each taken as one character (as OpenSSL before 1.1.0 wrote)",
      },
    ],
    [tried.bmp],
  );
}

function attempts(
  scheme: EncryptionScheme,
  data: Uint8Array,
  password: string | null,
  tried: PasswordForms,
  runner: KdfRunner,
): Attempt[] {
  if (scheme.kind === 'pkcs12-pbe') {
    return pbeForms(password, tried).map((form) => {
      const forms = { utf8: Buffer.alloc(0), bmp: form.bytes };
      return {
        quirk: `derived from ${form.quirk}`,
        jobs: schemeJobs(scheme, forms),
        run: () => decryptPbe(scheme, data, forms.bmp, runner),
      };
    });
  }
  const { kdf, cipher } = scheme;
  const list: Attempt[] = [];
  const stated = AES.find((a) => a.name === cipher.name);
  const forms: Form[] = [{ bytes: tried.utf8, quirk: null }, ...pbes2Forms(password, tried)];
  for (const form of forms) {
    const from = form.quirk ? `encrypted from ${form.quirk}` : null;
    if (!stated) {
      if (!form.quirk) continue; // the standard form was the first try
      const job = { spec: pbes2Spec(kdf, cipher.keyLength), password: form.bytes };
      list.push({
        quirk: from!,
        jobs: [job],
        run: async () => pbes2Cipher(cipher, await runner.derive(job.spec, job.password), data),
      });
      continue;
    }
    // AES: one 32-byte derivation serves every key size (PBKDF2's and scrypt's output keys are prefixes of longer ones).
    const job = { spec: pbes2Spec({ ...kdf, keyLength: null }, 32), password: form.bytes };
    for (const aes of [stated, ...AES.filter((a) => a !== stated)]) {
      const standard = aes === stated && (kdf.keyLength === null || kdf.keyLength === aes.keyLength);
      if (!form.quirk && standard) continue; // the first try
      const size =
        aes === stated
          ? null
          : `with a ${aes.keyLength}-byte key (${aes.label}) although the file states ${stated.label}${stated.keyLength === 16 && aes.keyLength === 32 ? ' (as an old NSS wrote)' : ''}`;
      const stretched =
        aes === stated && !standard
          ? `with the ${aes.keyLength}-byte key ${aes.label} needs although the file states a ${kdf.keyLength}-byte key`
          : null;
      const quirk = [from, size ?? stretched].filter(Boolean).join(', ');
      list.push({
        quirk,
        jobs: [job],
        run: async () =>
          nodeDecrypt(
            aes.name,
            (await runner.derive(job.spec, job.password)).subarray(0, aes.keyLength),
            cipher.iv,
            data,
          ),
      });
    }
  }
  return list;
}

/** How the search for a part went when no form worked. */
export interface QuirkSearch {
  tried: number;
  /** The budget ran out before every form was tried. */
  stoppedByBudget: boolean;
}

/**
 * Try the quirky ways of decrypting a part, cheapest first, while they fit in the budget. `accept` throws
 * DecryptionFailed for bytes that do not parse as the part must. Returns the clear bytes and what was done, or how the
 * search went.
 */
export async function decryptWithQuirks(
  scheme: EncryptionScheme,
  data: Uint8Array,
  password: string | null,
  tried: PasswordForms,
  runner: KdfRunner,
  accept: (clear: Buffer) => void,
): Promise<{ clear: Buffer; quirk: string } | QuirkSearch> {
  const search: QuirkSearch = { tried: 0, stoppedByBudget: false };
  for (const attempt of attempts(scheme, data, password, tried, runner)) {
    if (!runner.fits(attempt.jobs)) {
      search.stoppedByBudget = true;
      break;
    }
    search.tried++;
    try {
      const clear = await attempt.run();
      accept(clear);
      return { clear, quirk: attempt.quirk };
    } catch (error) {
      if (!(error instanceof DecryptionFailed)) throw error;
    }
  }
  return search;
}
