// The certificate session: bounded, redacting, wiping what it drops.
import { describe, expect, it } from 'vitest';
import { CertificateSession, certificatesView, loadCertificate } from '../../../../src/core/certificates';
import { Redactor } from '../../../../src/core/log/redact';
import { testCertificate } from '../../../fixtures/pkcs12/test-certificates';

describe('CertificateSession', () => {
  it('holds at most 20 certificates, dropping the least recently stored first', async () => {
    const cert = await testCertificate('ec-p256', 'Session Test');
    const session = new CertificateSession();
    const view = () => certificatesView([loadCertificate(cert.der)], { origin: 'certificate-file' });
    const refs = Array.from({ length: 21 }, () => session.hold('a.cer', view()).ref);
    expect(session.size).toBe(20);
    expect(() => session.get(refs[0]!)).toThrow(expect.objectContaining({ code: 'pfx.session_expired' }));
    expect(session.get(refs[20]!).fileName).toBe('a.cer');
    await session.dispose();
  });

  it('registers passwords and PFX base64 with the log redactor and zeroes PFX bytes it drops', async () => {
    const redactor = new Redactor();
    const session = new CertificateSession({ redactor });
    const pfx = Buffer.from('pretend these are the bytes of a PFX file');
    const ref = session.holdLocked('x.pfx', 'pfx-file', pfx);
    expect(redactor.redact(`base64 ${pfx.toString('base64')}`)).toBe('base64 [redacted]');
    session.discard(ref);
    expect(pfx.every((b) => b === 0)).toBe(true);
    const cert = await testCertificate('ec-p256', 'Session Test');
    const opened = certificatesView([loadCertificate(cert.der)], { origin: 'certificate-file' });
    session.hold(null, { ...opened, password: 'Hunter-Two-Secret' });
    expect(redactor.redact('the password is Hunter-Two-Secret')).not.toContain('Hunter-Two-Secret');
    await session.dispose();
  });
});
