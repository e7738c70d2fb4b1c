// Pasted base64 and text files at their edges: byte-order marks, quotes, data: prefixes, escaped line breaks,
// impossible lengths, and the messages that say what is wrong (by position, never by showing the text).
import { describe, expect, it } from 'vitest';
import { bytesToText, decodePastedBase64, tryDecodeBase64 } from '../../../../src/core/certificates/base64';
import { WorkbenchError } from '../../../../src/core/errors';

const ABC = 'QUJD'; // base64 of "ABC"
const failure = (text: string): WorkbenchError => {
  try {
    decodePastedBase64(text);
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error(`decoded ${JSON.stringify(text)}`);
};

describe('bytesToText', () => {
  it('reads UTF-16 little- and big-endian with their byte-order marks (PowerShell 5.1 redirects)', () => {
    expect(bytesToText(Buffer.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]))).toBe('Hi');
    expect(bytesToText(Buffer.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]))).toBe('Hi');
    expect(bytesToText(Buffer.from([0xff, 0xfe]))).toBe('');
    expect(bytesToText(Buffer.from([0xfe, 0xff]))).toBe('');
  });

  it('reads UTF-8, dropping a leading byte-order mark only', () => {
    expect(bytesToText(Buffer.from('\ufeffabc'))).toBe('abc');
    expect(bytesToText(Buffer.from('abc'))).toBe('abc');
    expect(bytesToText(Buffer.from('abc\ufeff'))).toBe('abc\ufeff');
  });

  it('refuses bytes that are neither (no guessing with replacement characters)', () => {
    expect(bytesToText(Buffer.from([0xff, 0x41]))).toBeNull();
    expect(bytesToText(Buffer.from([0x41, 0xfe]))).toBeNull();
    expect(bytesToText(Buffer.from([0xfe, 0x41]))).toBeNull();
    expect(bytesToText(Buffer.from([0xc3, 0x28]))).toBeNull();
    expect(bytesToText(Buffer.from([0xff]))).toBeNull();
    // Only FE FF marks UTF-16 big-endian: a second byte FF after anything else is not a mark (and not UTF-8).
    expect(bytesToText(Buffer.from([0x41, 0xff, 0x00, 0x42]))).toBeNull();
  });
});

describe('pasted base64', () => {
  it.each([
    ['a leading byte-order mark', `\ufeff${ABC}`],
    ['a leading byte-order mark before quotes', `\ufeff"${ABC}"`],
    ['quotes with spaces inside', `"  ${ABC} "`],
    ['single quotes', `'${ABC}'`],
    ['a data: prefix', `data:application/x-pkcs12;base64,${ABC}`],
    ['escaped line breaks from JSON', 'QU\\r\\nJD'],
    ['line breaks and spaces', 'QU\r\n  JD\n'],
  ])('decodes %s', (_what, text) => {
    expect(decodePastedBase64(text).toString('latin1')).toBe('ABC');
  });

  it('decodes base64url (- and _) as well', () => {
    expect([...decodePastedBase64('-_-_')]).toEqual([0xfb, 0xff, 0xbf]);
  });

  it('says null (not bytes) for lengths base64 cannot have, and for nothing', () => {
    expect(tryDecodeBase64('QUJDR')).toBeNull();
    expect(tryDecodeBase64('  ')).toBeNull();
    expect(tryDecodeBase64('QUJDRA')?.toString('latin1')).toBe('ABCD');
  });

  it('names an empty paste, with what to do', () => {
    expect(failure('  \n ')).toMatchObject({
      code: 'pfx.empty_file',
      message: 'There is nothing to decode: the pasted text is empty.',
      hint: 'Paste the base64 text of the .pfx file.',
    });
  });

  it.each([
    ['a character that is not base64', 'QU!D', 'an unexpected character at position 3'],
    ['a quote that does not close', `x"${ABC}"`, 'an unexpected character at position 2'],
    ['text after the closing quote', `"${ABC}"x`, 'an unexpected character at position 1'],
    [
      'a character inside quotes, counted after the quotes and spaces are taken off',
      '" QU!D "',
      'an unexpected character at position 3',
    ],
    [
      'a data: prefix that is not at the start',
      `xdata:application/x-pkcs12;base64,${ABC}`,
      'an unexpected character at position 6',
    ],
    [
      'a character after a byte-order mark in the middle (only a leading one is dropped; this one counts)',
      'QU\ufeffJ!',
      'an unexpected character at position 5',
    ],
    ['padding in the middle', 'QU==QUJD', 'padding (=) in the middle'],
    ['one character too many', 'QUJDR', 'a length that cannot be base64 (one character too many or too few)'],
    ['standard and URL-safe characters mixed', 'Pz+_', 'both standard (+ /) and URL-safe (- _) characters'],
  ])('refuses %s, naming where, never the text', (_what, text, where) => {
    const error = failure(text);
    expect(error).toMatchObject({
      code: 'pfx.invalid_base64',
      message: `This is not base64 text: it has ${where}.`,
      hint: 'Paste exactly the base64 of the .pfx file (letters, digits, + and /, possibly = at the end).',
    });
    expect(error.details).toEqual({ length: expect.any(Number) });
  });

  it('counts the cleaned length in the details', () => {
    expect(failure(' QU==QUJD \n').details).toEqual({ length: 8 });
  });
});
