import { describe, expect, it } from 'vitest';
import {
  decodeKeyIdentifier,
  keyThumbprints,
  strictBase64,
} from '../../../../src/core/registration/thumbprint-encoding';
import { fixture, recordingCertificate } from './manifest-builders';

describe('customKeyIdentifier encodings (entra-facts §1.4)', () => {
  const sha1 = '7AB4DD9219E5E03ECC025136572DFAA262EC85CB';

  it('reads a 40-character hex thumbprint as hex first, although it is also valid base64', () => {
    expect(strictBase64(sha1)).not.toBeNull();
    expect(decodeKeyIdentifier(sha1)).toMatchObject({ encoding: 'hex-sha1', sha1 });
    expect(decodeKeyIdentifier(sha1.toLowerCase())).toMatchObject({ encoding: 'hex-sha1', sha1 });
  });

  it('reads base64 of the 20 SHA-1 bytes (the Graph doc sample: 2iD8ppbE… = DA20FCA6…)', () => {
    const doc = JSON.parse(
      fixture('06_graph_selfSignedCertificate_addTokenSigningCertificate_response.json').toString('utf8'),
    ) as { customKeyIdentifier: string; thumbprint: string };
    expect(decodeKeyIdentifier(doc.customKeyIdentifier)).toMatchObject({
      encoding: 'base64-sha1',
      sha1: doc.thumbprint,
    });
  });

  it('reads base64 of the hex text (the trap)', () => {
    expect(decodeKeyIdentifier(Buffer.from(sha1).toString('base64'))).toMatchObject({
      encoding: 'base64-hex-text',
      sha1,
    });
    expect(decodeKeyIdentifier(Buffer.from(sha1.toLowerCase()).toString('base64'))).toMatchObject({
      encoding: 'base64-hex-text',
      sha1,
    });
  });

  it('reads SHA-256 in hex and in base64', () => {
    const sha256 = recordingCertificate().thumbprintSha256;
    expect(decodeKeyIdentifier(sha256)).toMatchObject({ encoding: 'hex-sha256', sha256 });
    expect(decodeKeyIdentifier(Buffer.from(sha256, 'hex').toString('base64'))).toMatchObject({
      encoding: 'base64-sha256',
      sha256,
    });
  });

  it('names free text and unreadable values instead of guessing', () => {
    expect(decodeKeyIdentifier(Buffer.from('BBBB').toString('base64'))).toMatchObject({
      encoding: 'text',
      text: 'BBBB',
    });
    expect(decodeKeyIdentifier('Tog/O1Hv1LtdsbPU5nPphbMduD=')).toMatchObject({ encoding: 'unreadable', sha1: null });
    expect(decodeKeyIdentifier(Buffer.from([0, 1, 2, 200]).toString('base64')).encoding).toBe('unreadable');
    expect(decodeKeyIdentifier(null).encoding).toBe('absent');
    expect(decodeKeyIdentifier('  ').encoding).toBe('absent');
  });

  it('takes thumbprints of the key (base64 DER) and refuses what is not DER', () => {
    const cert = recordingCertificate();
    expect(keyThumbprints(cert.derBase64)).toEqual({ sha1: cert.thumbprintSha1, sha256: cert.thumbprintSha256 });
    expect(keyThumbprints('MIICuDCCAaCgAwIBAgIIYXJsNtL4oUMwDQYJKoZIhvcNAQEL...StP8s/w==')).toBeNull();
    expect(
      keyThumbprints(Buffer.from('hello world, this is not a certificate at all, really not one').toString('base64')),
    ).toBeNull();
  });
});
