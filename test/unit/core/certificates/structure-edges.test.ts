// Issue 19 (mutation testing of pkcs12/structure.ts): the outer PFX, AuthenticatedSafe, SafeContents and bag
// attributes, and the words an admin reads when one of them is wrong. Self-built DER (RFC 7292 gives the shapes):
// no tool here writes a PFX of version 2, signedData integrity, nested safeContentsBags or a non-X.509 CertBag.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { emptyBags, parsePfx, parseSafeContents } from '../../../../src/core/certificates/pkcs12/structure';
import { assemble, dataContent, pbe3des } from '../../../fixtures/pkcs12/work-bombs';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

const PASSWORD = 'Structure-Test-Password-19';
let ec: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  return () => shutdownCertificateWorkers();
});

type Failure = { code?: string; message: string };

const certBag = (cert: Uint8Array, ...attributes: Buffer[]) =>
  der.sequence(
    der.oid(OID.certBag),
    der.explicit(0, der.sequence(der.oid(OID.x509Certificate), der.explicit(0, der.octetString(cert)))),
    ...attributes,
  );
const attribute = (type: string, value: Buffer) => der.sequence(der.oid(type), der.setOf(value));
const nested = (...bags: Buffer[]) =>
  der.sequence(der.oid(OID.safeContentsBag), der.explicit(0, der.sequence(...bags)));
const plainData = (authSafe: Buffer) => der.sequence(der.oid(OID.data), der.explicit(0, der.octetString(authSafe)));

describe('the outer PFX', () => {
  it('a PFX of version 2 is refused, naming the version it found', async () => {
    const authSafe = der.sequence(dataContent([certBag(ec.der)]));
    const pfx = der.sequence(der.integer(2), plainData(authSafe));
    // The parser says which version; the file sniffer in front of it already calls such a file "not a PFX".
    expect(() => parsePfx(pfx)).toThrow('PFX version 2 (expected 3)');
    expect(parsePfx(der.sequence(der.integer(3), plainData(authSafe))).items).toHaveLength(1);
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as Failure;
    expect(error.code).toBe('pfx.not_pkcs12');
  });

  it('a PFX signed with a public key (signedData) is refused as an unsupported integrity mode', async () => {
    const authSafe = der.sequence(dataContent([certBag(ec.der)]));
    const signed = der.sequence(der.oid('1.2.840.113549.1.7.2'), der.explicit(0, der.octetString(authSafe)));
    const error = (await failureOf(openPkcs12(der.sequence(der.integer(3), signed), PASSWORD))) as Failure;
    expect(error.code).toBe('pfx.unsupported_algorithm');
    expect(error.message).toContain('the integrity mode');
    expect(error.message).toContain('1.2.840.113549.1.7.2');
  });

  it('an AuthenticatedSafe part that is neither data nor encryptedData is refused, naming a part of the file', async () => {
    const enveloped = der.sequence(der.oid('1.2.840.113549.1.7.3'), der.explicit(0, der.sequence(der.integer(0))));
    const pfx = await assemble([dataContent([certBag(ec.der)]), enveloped], null);
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as Failure;
    expect(error.code).toBe('pfx.unsupported_algorithm');
    expect(error.message).toContain('a part of the file');
    expect(error.message).toContain('1.2.840.113549.1.7.3');
  });
});

describe('bag attributes', () => {
  it('reads a BMPString friendlyName and the localKeyId, and shows them with the certificate', async () => {
    const keyId = Buffer.from('0a0b0c0d', 'hex');
    const pfx = await assemble(
      [
        dataContent([
          certBag(
            ec.der,
            der.setOf(
              attribute(OID.friendlyName, der.bmpString('Ünïcode Connector ✓')),
              attribute(OID.localKeyId, der.octetString(keyId)),
            ),
          ),
        ]),
      ],
      null,
    );
    const contents = await openPkcs12(pfx, PASSWORD);
    expect(contents.certificates).toHaveLength(1);
    expect(contents.certificates[0]!.friendlyName).toBe('Ünïcode Connector ✓');
    expect(contents.certificates[0]!.localKeyId?.toString('hex')).toBe('0a0b0c0d');
  });

  it('ignores a friendlyName that is not a BMPString and a localKeyId that is not an OCTET STRING', () => {
    const bags = emptyBags();
    const attributes = der.setOf(
      attribute(OID.friendlyName, der.utf8String('not a BMPString')),
      attribute(OID.localKeyId, der.utf8String('abcd')),
    );
    parseSafeContents(der.sequence(certBag(ec.der, attributes)), bags, null);
    expect(bags.certificates).toHaveLength(1);
    expect(bags.certificates[0]!.friendlyName).toBeNull();
    expect(bags.certificates[0]!.localKeyId).toBeNull();
  });

  it('a localKeyId given before the friendlyName is read as well; an attribute with no value is skipped', () => {
    const bags = emptyBags();
    const attributes = der.setOf(
      der.sequence(der.oid(OID.friendlyName), der.setOf()),
      attribute(OID.localKeyId, der.octetString(Buffer.from([1, 2, 3]))),
      attribute(OID.friendlyName, der.bmpString('Second')),
    );
    parseSafeContents(der.sequence(certBag(ec.der, attributes)), bags, null);
    expect(bags.certificates[0]!.friendlyName).toBe('Second');
    expect(bags.certificates[0]!.localKeyId?.toString('hex')).toBe('010203');
  });
});

describe('nested SafeContents and other bags', () => {
  const deep = (levels: number) => {
    let bag = certBag(ec.der);
    for (let i = 0; i < levels; i += 1) bag = nested(bag);
    return der.sequence(bag);
  };

  it('finds a certificate 4 safeContentsBags deep', () => {
    const bags = emptyBags();
    parseSafeContents(deep(4), bags, null);
    expect(bags.certificates).toHaveLength(1);
    expect(bags.certificates[0]!.der.equals(Buffer.from(ec.der))).toBe(true);
  });

  it('refuses 5 levels as a damaged file: SafeContents nested too deep', async () => {
    expect(() => parseSafeContents(deep(5), emptyBags(), null)).toThrow('SafeContents nested too deep');
    const pfx = await assemble([plainData(deep(5))], null);
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as Failure;
    expect(error.code).toBe('pfx.corrupt');
    expect(error.message).toBe('The PFX file is damaged (SafeContents nested too deep).');
  });

  it('counts a CertBag that is not X.509 as other certificates, and names CRL, secret and unknown bags', () => {
    const bags = emptyBags();
    const sdsiCert = der.sequence(
      der.oid(OID.certBag),
      der.explicit(
        0,
        der.sequence(der.oid('1.2.840.113549.1.9.22.2'), der.explicit(0, der.octetString(Buffer.from('sdsi')))),
      ),
    );
    const crl = der.sequence(der.oid(OID.crlBag), der.explicit(0, der.sequence(der.oid('1.2.840.113549.1.9.23.1'))));
    const secret = der.sequence(der.oid(OID.secretBag), der.explicit(0, der.sequence(der.oid('1.2.3.4'))));
    const unknown = der.sequence(der.oid('1.2.3.4.5'), der.explicit(0, der.nullValue()));
    parseSafeContents(der.sequence(sdsiCert, crl, secret, unknown), bags, null);
    expect(bags.certificates).toHaveLength(0);
    expect(bags.other).toEqual(['other certificates', 'CRLs', 'secrets', 'other items']);
    expect(bags.seen.bags).toBe(4);
  });
});

describe('part labels in damaged-file details', () => {
  it('a MacData without a salt names the MAC salt', async () => {
    const authSafe = der.sequence(dataContent([certBag(ec.der)]));
    const macData = der.sequence(
      der.sequence(der.algorithm(OID.sha256, der.nullValue()), der.octetString(Buffer.alloc(32))),
    );
    const pfx = der.sequence(der.integer(3), plainData(authSafe), macData);
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as Failure;
    expect(error.code).toBe('pfx.corrupt');
    expect(error.message).toMatch(/^The PFX file is damaged \(.*MAC salt.*\)\.$/);
  });

  it('a MacData that is not a SEQUENCE names MacData; a SafeBag or CertBag that is not one names it', async () => {
    const authSafe = der.sequence(dataContent([certBag(ec.der)]));
    const pfx = der.sequence(der.integer(3), plainData(authSafe), der.octetString(Buffer.alloc(4)));
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as Failure;
    expect(error.message).toMatch(/^The PFX file is damaged \(.*MacData.*\)\.$/);
    expect(() => parseSafeContents(der.sequence(der.octetString(Buffer.alloc(2))), emptyBags(), null)).toThrow(
      /SafeBag/,
    );
    const badCertBag = der.sequence(der.oid(OID.certBag), der.explicit(0, der.octetString(Buffer.alloc(2))));
    expect(() => parseSafeContents(der.sequence(badCertBag), emptyBags(), null)).toThrow(/CertBag/);
  });
});

describe('the part each damaged-structure detail names', () => {
  const int3 = der.integer(3);
  const empty = Buffer.alloc(0);
  const data = plainData(der.sequence(dataContent([])));
  const pfxWith = (...parts: Buffer[]) => der.sequence(int3, plainData(der.sequence(...parts)));
  const encryptedData = (inner: Buffer) => der.sequence(der.oid(OID.encryptedData), inner);
  const pfxCases: Array<[string, Buffer]> = [
    ['PFX version is missing', der.sequence()],
    ['PFX version: expected an INTEGER', der.sequence(der.octetString(empty), data)],
    ['PFX content is missing', der.sequence(int3)],
    ['PFX content: expected a SEQUENCE', der.sequence(int3, der.octetString(empty))],
    ['PFX content type is missing', der.sequence(int3, der.sequence())],
    ['PFX content: expected [0] content', der.sequence(int3, der.sequence(der.oid(OID.data)))],
    ['AuthenticatedSafe: expected a SEQUENCE', der.sequence(int3, plainData(der.setOf()))],
    ['ContentInfo type is missing', pfxWith(der.sequence())],
    ['data content: expected [0] content', pfxWith(der.sequence(der.oid(OID.data)))],
    ['encryptedData: expected [0] content', pfxWith(encryptedData(der.octetString(empty)))],
    ['EncryptedData is missing', pfxWith(encryptedData(der.explicit(0, empty)))],
    ['EncryptedData: expected a SEQUENCE', pfxWith(encryptedData(der.explicit(0, der.octetString(empty))))],
    ['EncryptedContentInfo is missing', pfxWith(encryptedData(der.explicit(0, der.sequence(der.integer(0)))))],
    [
      'EncryptedContentInfo: expected a SEQUENCE',
      pfxWith(encryptedData(der.explicit(0, der.sequence(der.integer(0), der.octetString(empty))))),
    ],
    [
      'content encryption algorithm is missing',
      pfxWith(encryptedData(der.explicit(0, der.sequence(der.integer(0), der.sequence(der.oid(OID.data)))))),
    ],
    ['MAC digest is missing', der.sequence(int3, data, der.sequence())],
    ['MAC digest: expected a SEQUENCE', der.sequence(int3, data, der.sequence(der.octetString(empty)))],
    ['MAC algorithm is missing', der.sequence(int3, data, der.sequence(der.sequence()))],
    [
      'MAC algorithm: expected a SEQUENCE',
      der.sequence(int3, data, der.sequence(der.sequence(der.octetString(empty)))),
    ],
    ['MAC algorithm OID is missing', der.sequence(int3, data, der.sequence(der.sequence(der.sequence())))],
    [
      'MAC value is missing',
      der.sequence(int3, data, der.sequence(der.sequence(der.algorithm(OID.sha256, der.nullValue())))),
    ],
  ];

  const digest = der.sequence(der.algorithm(OID.sha256, der.nullValue()), der.octetString(Buffer.alloc(32)));
  const macSalt = der.octetString(Buffer.alloc(8));
  const withMac = (...macParts: Buffer[]) => der.sequence(int3, data, der.sequence(...macParts));
  const pbkdf2 = (prf: string = OID.hmacWithSHA256) =>
    der.algorithm(
      OID.pbkdf2,
      der.sequence(
        der.octetString(Buffer.alloc(16)),
        der.integer(2048),
        der.integer(32),
        der.algorithm(prf, der.nullValue()),
      ),
    );
  const pbmac1 = (params?: Buffer) =>
    withMac(
      der.sequence(der.algorithm(OID.pbmac1, params), der.octetString(Buffer.alloc(32))),
      macSalt,
      der.integer(1),
    );
  pfxCases.push(
    ['PFX: expected a SEQUENCE', der.setOf()],
    [
      'MAC value: expected an OCTET STRING',
      withMac(der.sequence(der.algorithm(OID.sha256, der.nullValue()), der.nullValue())),
    ],
    ['MAC salt: expected an OCTET STRING', withMac(digest, der.integer(1))],
    ['MAC iterations: empty INTEGER', withMac(digest, macSalt, der.tlv(0x02, empty))],
    ['PBMAC1 parameters: expected a SEQUENCE', pbmac1()],
    ['PBMAC1 key derivation: expected a SEQUENCE', pbmac1(der.sequence())],
    ['PBMAC1 scheme: expected a SEQUENCE', pbmac1(der.sequence(pbkdf2()))],
    ['PBMAC1 scheme OID is missing', pbmac1(der.sequence(pbkdf2(), der.sequence()))],
    // What the admin reads for a refused algorithm names the part: "... for the integrity check, which this app cannot read."
    [
      'for the integrity check (MAC), which',
      withMac(der.sequence(der.algorithm('1.2.3.4'), der.octetString(Buffer.alloc(32))), macSalt),
    ],
    ['for the integrity check, which', pbmac1(der.sequence(pbkdf2(), der.algorithm('1.2.3.4')))],
    ['PRF of the integrity check, which', pbmac1(der.sequence(pbkdf2('1.2.3.4'), der.algorithm(OID.hmacWithSHA256)))],
    [
      'for the integrity check, which',
      pbmac1(
        der.sequence(
          der.algorithm(
            OID.scrypt,
            der.sequence(
              der.octetString(Buffer.alloc(16)),
              der.integer(1024),
              der.integer(8),
              der.integer(1),
              der.integer(32),
            ),
          ),
          der.algorithm(OID.hmacWithSHA256),
        ),
      ),
    ],
    ['iterations for the integrity check;', withMac(digest, macSalt, der.integer(50_000_000))],
    [
      'for the certificates, which',
      pfxWith(
        encryptedData(
          der.explicit(0, der.sequence(der.integer(0), der.sequence(der.oid(OID.data), der.algorithm('1.2.3.4')))),
        ),
      ),
    ],
    [
      'encrypted content: ',
      pfxWith(
        encryptedData(
          der.explicit(
            0,
            der.sequence(der.integer(0), der.sequence(der.oid(OID.data), pbe3des(2048), der.tlv(0xa0, der.integer(1)))),
          ),
        ),
      ),
    ],
  );

  it.each(pfxCases)('PFX: %s', (detail, pfx) => {
    expect(() => parsePfx(pfx)).toThrow(detail);
  });

  const bag = (type: string, value: Buffer) => der.sequence(der.oid(type), der.explicit(0, value));
  const bagCases: Array<[string, Buffer]> = [
    ['SafeContents: expected a SEQUENCE', der.setOf()],
    ['SafeBag type is missing', der.sequence(der.sequence())],
    ['SafeBag: expected [0] value', der.sequence(der.sequence(der.oid(OID.certBag)))],
    ['SafeBag value is missing', der.sequence(bag(OID.certBag, empty))],
    ['CertBag type is missing', der.sequence(bag(OID.certBag, der.sequence()))],
    ['certificate: expected [0] content', der.sequence(bag(OID.certBag, der.sequence(der.oid(OID.x509Certificate))))],
    [
      'EncryptedPrivateKeyInfo: expected a SEQUENCE',
      der.sequence(bag(OID.pkcs8ShroudedKeyBag, der.octetString(empty))),
    ],
    ['key encryption algorithm is missing', der.sequence(bag(OID.pkcs8ShroudedKeyBag, der.sequence()))],
    [
      'encrypted key: expected an OCTET STRING',
      der.sequence(bag(OID.pkcs8ShroudedKeyBag, der.sequence(pbe3des(2048), der.nullValue()))),
    ],
    ['encrypted key is missing', der.sequence(bag(OID.pkcs8ShroudedKeyBag, der.sequence(pbe3des(2048))))],
  ];

  it.each(bagCases)('SafeContents: %s', (detail, contents) => {
    expect(() => parseSafeContents(contents, emptyBags(), null)).toThrow(detail);
  });
});

describe('what the parser tolerates', () => {
  it('ignores padding after the PFX, as OpenSSL does', () => {
    const pfx = der.sequence(der.integer(3), plainData(der.sequence(dataContent([certBag(ec.der)]))));
    expect(parsePfx(Buffer.concat([pfx, Buffer.alloc(16)])).items).toHaveLength(1);
  });

  it('an encryptedData part without encrypted content has an empty ciphertext', () => {
    const algorithm = pbe3des(2048);
    const part = der.sequence(
      der.oid(OID.encryptedData),
      der.explicit(0, der.sequence(der.integer(0), der.sequence(der.oid(OID.data), algorithm))),
    );
    const item = parsePfx(der.sequence(der.integer(3), plainData(der.sequence(part)))).items[0]!;
    expect(item.kind).toBe('encrypted');
    expect(item.kind === 'encrypted' && item.ciphertext.length).toBe(0);
  });

  it('skips attributes that are not SEQUENCEs, empty ones, and values under other attribute types', () => {
    const bags = emptyBags();
    const notASequence = der.tlv(
      0x31,
      Buffer.concat([der.oid(OID.friendlyName), der.setOf(der.bmpString('Inside a SET'))]),
    );
    const attributes = der.setOf(
      notASequence,
      der.sequence(),
      attribute('1.2.840.113549.1.9.99', der.bmpString('Some other text')),
      attribute('1.2.840.113549.1.9.98', der.octetString(Buffer.from([9, 9]))),
    );
    parseSafeContents(der.sequence(certBag(ec.der, attributes)), bags, null);
    expect(bags.certificates).toHaveLength(1);
    expect(bags.certificates[0]!.friendlyName).toBeNull();
    expect(bags.certificates[0]!.localKeyId).toBeNull();
  });
});
