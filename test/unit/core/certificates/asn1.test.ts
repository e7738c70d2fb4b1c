import { describe, expect, it } from 'vitest';
import {
  Asn1Error,
  parseAsn1,
  readBigInt,
  readBitString,
  readOctets,
  readOid,
  readString,
  readTime,
} from '../../../../src/core/certificates/asn1/reader';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { toBer } from '../../../fixtures/pkcs12/build-pfx';

describe('DER writer and BER reader', () => {
  it('round-trips integers, OIDs, strings, bit strings and times', () => {
    const encoded = der.sequence(
      der.integer(0),
      der.integer(127),
      der.integer(128),
      der.integer(2n ** 70n),
      der.integer(Uint8Array.of(0x00, 0x00, 0xff)),
      der.oid('1.2.840.113549.1.12.10.1.2'),
      der.oid('2.999.3'),
      der.utf8String('Zoë 密码'),
      der.bmpString('Näme 🙂'),
      der.printableString('DE'),
      der.bitString(Uint8Array.of(0x80), 7),
      der.time(new Date('2030-05-06T07:08:09Z')),
      der.time(new Date('2051-01-02T03:04:05Z')),
    );
    const [a, b, c, d, e, f, g, h, i, j, k, l, m] = parseAsn1(encoded).children;
    expect([readBigInt(a), readBigInt(b), readBigInt(c), readBigInt(d), readBigInt(e)]).toEqual([
      0n,
      127n,
      128n,
      2n ** 70n,
      255n,
    ]);
    expect(readOid(f)).toBe('1.2.840.113549.1.12.10.1.2');
    expect(readOid(g)).toBe('2.999.3');
    expect(readString(h)).toBe('Zoë 密码');
    expect(readString(i)).toBe('Näme 🙂');
    expect(readString(j)).toBe('DE');
    const bits = readBitString(k);
    expect([[...bits.bytes], bits.unusedBits]).toEqual([[0x80], 7]);
    expect(l!.tag).toBe(23); // UTCTime before 2050
    expect(readTime(l).toISOString()).toBe('2030-05-06T07:08:09.000Z');
    expect(m!.tag).toBe(24); // GeneralizedTime from 2050
    expect(readTime(m).toISOString()).toBe('2051-01-02T03:04:05.000Z');
  });

  it('encodes long lengths and sorts SET OF members as DER requires', () => {
    const big = der.octetString(new Uint8Array(70_000));
    expect([...big.subarray(0, 5)]).toEqual([0x04, 0x83, 0x01, 0x11, 0x70]);
    const set = der.setOf(der.integer(5), der.integer(1));
    expect([...set]).toEqual([0x31, 6, 0x02, 1, 1, 0x02, 1, 5]);
  });

  it('reads BER: indefinite lengths and constructed OCTET STRINGs (as in Windows exports)', () => {
    const inner = der.sequence(der.octetString(Buffer.alloc(100, 7)), der.oid('1.2.3.4'));
    const ber = toBer(inner);
    expect(ber[1]).toBe(0x80);
    const node = parseAsn1(ber);
    expect(node.indefinite).toBe(true);
    expect(Buffer.from(readOctets(node.children[0])).equals(Buffer.alloc(100, 7))).toBe(true);
    expect(readOid(node.children[1])).toBe('1.2.3.4');
  });

  it('says "truncated" when the data ends early and "damaged" when an element overruns its parent', () => {
    const full = der.sequence(der.octetString(Buffer.alloc(40)));
    expect(() => parseAsn1(full.subarray(0, 20))).toThrow(expect.objectContaining({ truncated: true }));
    const overrun = Buffer.from(der.sequence(der.sequence(der.octetString(Buffer.alloc(4))), der.nullValue()));
    overrun[5] = 6; // the OCTET STRING claims more than its SEQUENCE holds, though the data goes on
    expect(() => parseAsn1(overrun)).toThrow(expect.objectContaining({ truncated: false }));
    expect(() => parseAsn1(Buffer.concat([full, Uint8Array.of(0)]))).toThrow(Asn1Error);
    expect(parseAsn1(Buffer.concat([full, Uint8Array.of(0)]), { allowTrailing: true }).end).toBe(full.length);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = Buffer.concat([
      Buffer.alloc(2000, 0x30).map((_, i) => (i % 2 === 0 ? 0x30 : 0x80)),
      Buffer.alloc(2000),
    ]);
    expect(() => parseAsn1(deep)).toThrow(/Nesting too deep/);
  });

  it('rejects malformed OIDs, times and empty integers', () => {
    expect(() => readOid(parseAsn1(Uint8Array.of(0x06, 0x01, 0x81)))).toThrow(Asn1Error);
    expect(() => readTime(parseAsn1(Buffer.from([0x17, 0x03, 0x31, 0x32, 0x33])))).toThrow(Asn1Error);
    expect(() => readBigInt(parseAsn1(Uint8Array.of(0x02, 0x00)))).toThrow(Asn1Error);
  });
});
