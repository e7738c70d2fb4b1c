// A small BER/DER reader: real Windows PFX files use indefinite lengths and constructed OCTET STRINGs, so BER is accepted.

/** Tag numbers of the universal class used here. */
export const Tag = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  NUMERIC_STRING: 18,
  PRINTABLE_STRING: 19,
  T61_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE_STRING: 26,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const;

/** Tag classes. */
export const TagClass = { UNIVERSAL: 0, APPLICATION: 1, CONTEXT: 2, PRIVATE: 3 } as const;

/** A malformed or truncated encoding; `truncated` when the data ended early. */
export class Asn1Error extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
    this.name = 'Asn1Error';
  }
}

/** One decoded element; `children` is set for constructed elements. */
export interface Asn1Node {
  tagClass: number;
  constructed: boolean;
  tag: number;
  /** Offset of the identifier octet in `source`. */
  start: number;
  /** Offset just past the element (past the end-of-contents octets for indefinite lengths). */
  end: number;
  contentStart: number;
  contentEnd: number;
  indefinite: boolean;
  source: Uint8Array;
  children: Asn1Node[];
}

const MAX_DEPTH = 48;

/** Decode one element from `bytes`; trailing bytes are an error unless `allowTrailing`. */
export function parseAsn1(bytes: Uint8Array, options: { allowTrailing?: boolean } = {}): Asn1Node {
  const node = readElement(bytes, 0, bytes.length, 0);
  if (!options.allowTrailing && node.end !== bytes.length)
    throw new Asn1Error(`Unexpected ${bytes.length - node.end} bytes after the data`);
  return node;
}

function readElement(src: Uint8Array, offset: number, limit: number, depth: number): Asn1Node {
  if (depth > MAX_DEPTH) throw new Asn1Error('Nesting too deep');
  let pos = offset;
  if (pos >= limit) throw new Asn1Error('Data ends before an element', limit === src.length);
  const first = src[pos++]!;
  const tagClass = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let i = 0; ; i++) {
      if (pos >= limit) throw new Asn1Error('Data ends inside a tag', limit === src.length);
      if (i >= 4) throw new Asn1Error('Tag number too large');
      const b = src[pos++]!;
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= limit) throw new Asn1Error('Data ends before a length', limit === src.length);
  const lengthByte = src[pos++]!;
  let length = -1;
  if (lengthByte < 0x80) length = lengthByte;
  else if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw new Asn1Error('Length field too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (pos >= limit) throw new Asn1Error('Data ends inside a length', limit === src.length);
      length = length * 256 + src[pos++]!;
    }
  }
  const contentStart = pos;
  const node: Asn1Node = {
    tagClass,
    constructed,
    tag,
    start: offset,
    end: 0,
    contentStart,
    contentEnd: 0,
    indefinite: length < 0,
    source: src,
    children: [],
  };
  if (length >= 0) {
    // Running past a parent's end is damage; running past the end of the data is a cut-off file.
    if (contentStart + length > limit)
      throw new Asn1Error('Element runs past the end of the data', limit === src.length);
    node.contentEnd = contentStart + length;
    node.end = node.contentEnd;
    if (constructed) {
      let p = contentStart;
      while (p < node.contentEnd) {
        const child = readElement(src, p, node.contentEnd, depth + 1);
        node.children.push(child);
        p = child.end;
      }
    }
    return node;
  }
  if (!constructed) throw new Asn1Error('Indefinite length on a primitive element');
  let p = contentStart;
  for (;;) {
    if (p + 2 > limit) throw new Asn1Error('Indefinite-length element has no end', limit === src.length);
    if (src[p] === 0 && src[p + 1] === 0) break;
    const child = readElement(src, p, limit, depth + 1);
    node.children.push(child);
    p = child.end;
  }
  node.contentEnd = p;
  node.end = p + 2;
  return node;
}

/** Content octets of a primitive element (not copied). */
export function contentOf(node: Asn1Node): Uint8Array {
  return node.source.subarray(node.contentStart, node.contentEnd);
}

/** The whole encoding of the element, header included (not copied). */
export function encodingOf(node: Asn1Node): Uint8Array {
  return node.source.subarray(node.start, node.end);
}

/** True when the node has this universal tag. */
export function isUniversal(node: Asn1Node | undefined, tag: number): node is Asn1Node {
  return node !== undefined && node.tagClass === TagClass.UNIVERSAL && node.tag === tag;
}

/** True when the node is context-specific [n]. */
export function isContext(node: Asn1Node | undefined, n: number): node is Asn1Node {
  return node !== undefined && node.tagClass === TagClass.CONTEXT && node.tag === n;
}

/** The node itself if it is a universal constructed element of that tag, else a format error. */
export function expectConstructed(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (!isUniversal(node, tag) || !node.constructed)
    throw new Asn1Error(`${what}: expected a ${tag === Tag.SET ? 'SET' : 'SEQUENCE'}`);
  return node;
}

/** The i-th child, or a format error naming what was expected. */
export function childAt(node: Asn1Node, index: number, what: string): Asn1Node {
  const child = node.children[index];
  if (!child) throw new Asn1Error(`${what} is missing`);
  return child;
}

/** Decode an OBJECT IDENTIFIER to dotted form. */
export function readOid(node: Asn1Node | undefined, what = 'Object identifier'): string {
  if (!isUniversal(node, Tag.OID) || node.constructed) throw new Asn1Error(`${what}: expected an OID`);
  const bytes = contentOf(node);
  if (bytes.length === 0 || bytes.length > 64) throw new Asn1Error(`${what}: bad OID length`);
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) throw new Asn1Error(`${what}: OID arc too large`);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    } else if (i === bytes.length - 1) throw new Asn1Error(`${what}: OID ends mid-arc`);
  }
  return parts.join('.');
}

/** Decode an INTEGER (two's complement) to a bigint. */
export function readBigInt(node: Asn1Node | undefined, what = 'Integer'): bigint {
  if (!isUniversal(node, Tag.INTEGER) || node.constructed) throw new Asn1Error(`${what}: expected an INTEGER`);
  const bytes = contentOf(node);
  if (bytes.length === 0) throw new Asn1Error(`${what}: empty INTEGER`);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  if (bytes[0]! & 0x80) value -= 1n << BigInt(bytes.length * 8);
  return value;
}

/** Decode an INTEGER that must fit a safe JS number. */
export function readNumber(node: Asn1Node | undefined, what = 'Integer'): number {
  const value = readBigInt(node, what);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw new Asn1Error(`${what}: value too large`);
  return Number(value);
}

/** The unsigned magnitude bytes of an INTEGER (leading zero octet dropped), e.g. a serial number. */
export function readIntegerBytes(node: Asn1Node | undefined, what = 'Integer'): Uint8Array {
  if (!isUniversal(node, Tag.INTEGER) || node.constructed) throw new Asn1Error(`${what}: expected an INTEGER`);
  const bytes = contentOf(node);
  return bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes;
}

/**
 * Octets of an OCTET STRING, primitive or constructed (BER chunks are joined).
 * Also used for IMPLICIT [n] OCTET STRINGs, so the tag is not checked when `anyTag` is set.
 */
export function readOctets(node: Asn1Node | undefined, what = 'Octet string', anyTag = false): Uint8Array {
  if (!node || (!anyTag && !isUniversal(node, Tag.OCTET_STRING)))
    throw new Asn1Error(`${what}: expected an OCTET STRING`);
  if (!node.constructed) return contentOf(node);
  const chunks: Uint8Array[] = [];
  const collect = (n: Asn1Node): void => {
    for (const child of n.children) {
      if (!isUniversal(child, Tag.OCTET_STRING))
        throw new Asn1Error(`${what}: bad chunk in a constructed OCTET STRING`);
      if (child.constructed) collect(child);
      else chunks.push(contentOf(child));
    }
  };
  collect(node);
  return Buffer.concat(chunks);
}

/** A BIT STRING's bytes and unused-bit count. */
export function readBitString(
  node: Asn1Node | undefined,
  what = 'Bit string',
): { bytes: Uint8Array; unusedBits: number } {
  if (!isUniversal(node, Tag.BIT_STRING) || node.constructed) throw new Asn1Error(`${what}: expected a BIT STRING`);
  const content = contentOf(node);
  if (content.length === 0 || content[0]! > 7) throw new Asn1Error(`${what}: bad BIT STRING`);
  return { bytes: content.subarray(1), unusedBits: content[0]! };
}

/** A BOOLEAN. */
export function readBoolean(node: Asn1Node | undefined, what = 'Boolean'): boolean {
  if (!isUniversal(node, Tag.BOOLEAN) || node.constructed || node.contentEnd - node.contentStart !== 1)
    throw new Asn1Error(`${what}: expected a BOOLEAN`);
  return node.source[node.contentStart] !== 0;
}

/** Decode any of the ASN.1 character string types. */
export function readString(node: Asn1Node | undefined, what = 'String'): string {
  if (!node || node.tagClass !== TagClass.UNIVERSAL) throw new Asn1Error(`${what}: expected a string`);
  const bytes = node.constructed ? readOctets(node, what, true) : contentOf(node);
  switch (node.tag) {
    case Tag.UTF8_STRING:
      return Buffer.from(bytes).toString('utf8');
    case Tag.PRINTABLE_STRING:
    case Tag.IA5_STRING:
    case Tag.NUMERIC_STRING:
    case Tag.VISIBLE_STRING:
    case Tag.T61_STRING:
      return Buffer.from(bytes).toString('latin1');
    case Tag.BMP_STRING:
      return decodeBmp(bytes);
    case Tag.UNIVERSAL_STRING: {
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        const cp = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return out;
    }
    default:
      throw new Asn1Error(`${what}: expected a string`);
  }
}

/** UTF-16BE (BMPString) to a JS string; a trailing NUL pair is dropped. */
export function decodeBmp(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out.replace(/\0+$/, '');
}

/** Decode UTCTime or GeneralizedTime to a Date. */
export function readTime(node: Asn1Node | undefined, what = 'Time'): Date {
  if (!node || node.constructed || (!isUniversal(node, Tag.UTC_TIME) && !isUniversal(node, Tag.GENERALIZED_TIME)))
    throw new Asn1Error(`${what}: expected a time`);
  const text = Buffer.from(contentOf(node)).toString('latin1');
  const utc = node.tag === Tag.UTC_TIME;
  const m = utc
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/.exec(text);
  if (!m) throw new Asn1Error(`${what}: bad time value`);
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900;
  const fraction = utc ? 0 : Number(`0.${m[7] ?? '0'}`) * 1000;
  let ms = Date.UTC(
    year,
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Math.floor(fraction),
  );
  const zone = utc ? m[7] : m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  if (!Number.isFinite(ms)) throw new Asn1Error(`${what}: bad time value`);
  return new Date(ms);
}
