import { createCipheriv, createHash, createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import type { PfxProfile } from '../../../shared/certificates';
import { WorkbenchError } from '../../errors';
import { OID } from '../asn1/oids';
import * as der from '../asn1/writer';
import { keyMatches } from '../x509/chain';
import { loadCertificate } from '../x509/describe';
import { MAX_ITERATIONS } from './algorithms';
import { deriveKey } from './decrypt';
import { KDF_ID, passwordForms, type PasswordForms, pkcs12Kdf } from './kdf';
import { computeMac } from './mac';

/** What goes into a new PFX. */
export interface WritePkcs12Options {
  /** DER of the certificate the key belongs to. */
  certificate: Uint8Array;
  /** DER of further certificates (intermediates, root). */
  chain?: Uint8Array[];
  /** The private key, as a KeyObject or PKCS#8 DER. */
  privateKey: KeyObject | Uint8Array;
  password: string;
  /** 'modern' = OpenSSL 3 default (AES-256, SHA-256 MAC); 'compat' = 3DES / SHA-1 for older Windows. Default modern. */
  profile?: PfxProfile;
  friendlyName?: string;
  /** KDF and MAC iterations; default 2048 (as OpenSSL 3). */
  iterations?: number;
}

/** Iterations when none are given: OpenSSL 3's default. */
export const DEFAULT_EXPORT_ITERATIONS = 2048;

async function encrypt(
  profile: PfxProfile,
  plaintext: Uint8Array,
  password: PasswordForms,
  iterations: number,
): Promise<{ algorithm: Buffer; ciphertext: Buffer }> {
  if (profile === 'modern') {
    const salt = randomBytes(16);
    const iv = randomBytes(16);
    const key = await deriveKey({ kind: 'pbkdf2', salt, iterations, keyLength: 32, prf: 'sha256' }, password.utf8, 32);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    const kdf = der.algorithm(
      OID.pbkdf2,
      der.sequence(der.octetString(salt), der.integer(iterations), der.algorithm(OID.hmacWithSHA256, der.nullValue())),
    );
    return {
      algorithm: der.algorithm(OID.pbes2, der.sequence(kdf, der.algorithm(OID.aes256CBC, der.octetString(iv)))),
      ciphertext: Buffer.concat([cipher.update(plaintext), cipher.final()]),
    };
  }
  const salt = randomBytes(8);
  const [key, iv] = await Promise.all([
    pkcs12Kdf('sha1', password.bmp, salt, KDF_ID.key, iterations, 24),
    pkcs12Kdf('sha1', password.bmp, salt, KDF_ID.iv, iterations, 8),
  ]);
  const cipher = createCipheriv('des-ede3-cbc', key, iv);
  return {
    algorithm: der.algorithm(
      OID.pbeWithSHAAnd3KeyTripleDESCBC,
      der.sequence(der.octetString(salt), der.integer(iterations)),
    ),
    ciphertext: Buffer.concat([cipher.update(plaintext), cipher.final()]),
  };
}

function attributes(friendlyName: string | undefined, localKeyId: Buffer): Buffer {
  const list = [der.sequence(der.oid(OID.localKeyId), der.setOf(der.octetString(localKeyId)))];
  if (friendlyName) list.push(der.sequence(der.oid(OID.friendlyName), der.setOf(der.bmpString(friendlyName))));
  return der.setOf(...list);
}

function certBag(certificate: Uint8Array, attrs?: Buffer): Buffer {
  const value = der.sequence(der.oid(OID.x509Certificate), der.explicit(0, der.octetString(certificate)));
  return der.sequence(der.oid(OID.certBag), der.explicit(0, value), ...(attrs ? [attrs] : []));
}

function invalid(message: string, field: string): WorkbenchError {
  return new WorkbenchError('pfx.invalid_options', message, { details: { field } });
}

/**
 * Write a PKCS#12 file. 'modern' is the OpenSSL 3 default profile: certificate and key bags PBES2 AES-256-CBC with
 * PBKDF2-HMAC-SHA256, SHA-256 MAC. 'compat' uses pbeWithSHAAnd3-KeyTripleDES-CBC for both bags and a SHA-1 MAC,
 * which every Windows version imports. Passwords are UTF-8 for PBES2 and BMPString for the PKCS#12 KDF.
 */
export async function writePkcs12(options: WritePkcs12Options): Promise<Buffer> {
  const profile = options.profile ?? 'modern';
  if (profile !== 'modern' && profile !== 'compat')
    throw invalid(`Unknown export profile "${String(profile)}".`, 'profile');
  if (typeof options.password !== 'string' || options.password.length === 0) {
    throw new WorkbenchError(
      'pfx.export_password_required',
      'Enter a password for the PFX file: it protects the private key.',
      {
        hint: 'Use "Generate" for a strong password, and keep it with the connection settings.',
      },
    );
  }
  const iterations = options.iterations ?? DEFAULT_EXPORT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw invalid('The iteration count is out of range.', 'iterations');
  const certificate = loadCertificate(options.certificate);
  const chain = (options.chain ?? []).map((c) => loadCertificate(c));
  let key: KeyObject;
  try {
    key =
      options.privateKey instanceof Uint8Array
        ? createPrivateKey({ key: Buffer.from(options.privateKey), format: 'der', type: 'pkcs8' })
        : options.privateKey;
  } catch {
    throw invalid('The private key cannot be read (PKCS#8 DER expected).', 'privateKey');
  }
  if (key.type !== 'private') throw invalid('A private key is needed, not a public key.', 'privateKey');
  if (!keyMatches(certificate, key)) {
    throw new WorkbenchError(
      'pfx.export_key_mismatch',
      'The private key does not belong to this certificate, so the PFX would not work.',
      {
        hint: 'Choose the key that was generated together with the certificate.',
      },
    );
  }
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const forms = passwordForms(options.password);
  const localKeyId = createHash('sha1').update(certificate.raw).digest();
  const attrs = attributes(options.friendlyName, localKeyId);

  const certContents = der.sequence(certBag(certificate.raw, attrs), ...chain.map((c) => certBag(c.raw)));
  const [certs, shrouded] = await Promise.all([
    encrypt(profile, certContents, forms, iterations),
    encrypt(profile, pkcs8, forms, iterations),
  ]);
  const keyBag = der.sequence(
    der.oid(OID.pkcs8ShroudedKeyBag),
    der.explicit(0, der.sequence(shrouded.algorithm, der.octetString(shrouded.ciphertext))),
    attrs,
  );

  const encryptedData = der.sequence(
    der.oid(OID.encryptedData),
    der.explicit(
      0,
      der.sequence(
        der.integer(0),
        der.sequence(der.oid(OID.data), certs.algorithm, der.implicitPrimitive(0, certs.ciphertext)),
      ),
    ),
  );
  const keyData = der.sequence(der.oid(OID.data), der.explicit(0, der.octetString(der.sequence(keyBag))));
  const authSafe = der.sequence(encryptedData, keyData);

  const hash = profile === 'modern' ? 'sha256' : 'sha1';
  const macSalt = randomBytes(profile === 'modern' ? 16 : 8);
  const mac = await computeMac({ kind: 'hmac', hash, salt: macSalt, iterations }, forms, authSafe);
  const macData = der.sequence(
    der.sequence(der.algorithm(hash === 'sha256' ? OID.sha256 : OID.sha1, der.nullValue()), der.octetString(mac)),
    der.octetString(macSalt),
    der.integer(iterations),
  );
  return der.sequence(
    der.integer(3),
    der.sequence(der.oid(OID.data), der.explicit(0, der.octetString(authSafe))),
    macData,
  );
}
