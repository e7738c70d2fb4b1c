// A throw-away PKI made at run time: a test CA, a TLS server certificate for 127.0.0.1, and app certificates.
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A key pair in the PEM forms the tests need. */
interface KeyPems {
  publicKeyPem: string;
  /** PKCS#8 (`-----BEGIN PRIVATE KEY-----`), the form msal-node wants. */
  privateKeyPem: string;
}

/** A certificate with its key and both thumbprint forms. */
export interface TestCertificate extends KeyPems {
  certPem: string;
  /** Upper-case hex SHA-1 thumbprint, as the Entra admin center shows it. */
  thumbprintSha1Hex: string;
  /** Upper-case hex SHA-256 thumbprint. */
  thumbprintSha256Hex: string;
  notAfter: Date;
}

/** The CA and the TLS certificate every test identity provider serves. */
export interface TestPki {
  caPem: string;
  server: TestCertificate;
  /** Issue a certificate an app registration can hold (client assertion signing). */
  createAppCertificate(options?: { commonName?: string; validDays?: number; notBefore?: Date }): TestCertificate;
}

function rsaKeys(): KeyPems {
  // Node generates RSA keys natively in milliseconds; forge only assembles the X.509 structures.
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function toForgePrivate(pkcs8Pem: string): forge.pki.rsa.PrivateKey {
  const pkcs1 = createPrivateKey(pkcs8Pem).export({ type: 'pkcs1', format: 'pem' }).toString();
  return forge.pki.privateKeyFromPem(pkcs1);
}

function describe(certPem: string, keys: KeyPems): TestCertificate {
  const x509 = new X509Certificate(certPem);
  return {
    ...keys,
    certPem,
    thumbprintSha1Hex: x509.fingerprint.replace(/:/g, '').toUpperCase(),
    thumbprintSha256Hex: x509.fingerprint256.replace(/:/g, '').toUpperCase(),
    notAfter: new Date(x509.validTo),
  };
}

interface IssueOptions {
  subject: string;
  keys: KeyPems;
  issuer?: { cert: forge.pki.Certificate; keyPem: string };
  isCa?: boolean;
  altNames?: Array<{ type: number; value?: string; ip?: string }>;
  notBefore?: Date;
  validDays?: number;
}

function issue(options: IssueOptions): { cert: forge.pki.Certificate; pem: string } {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(options.keys.publicKeyPem);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + (options.validDays ?? 30) * 86_400_000);
  const subject = [{ name: 'commonName', value: options.subject }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  const extensions: unknown[] = [
    { name: 'basicConstraints', cA: options.isCa ?? false, critical: true },
    options.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (options.altNames) {
    extensions.push({ name: 'subjectAltName', altNames: options.altNames });
    extensions.push({ name: 'extKeyUsage', serverAuth: true });
  }
  cert.setExtensions(extensions as Parameters<forge.pki.Certificate['setExtensions']>[0]);
  const signingKey = toForgePrivate(options.issuer?.keyPem ?? options.keys.privateKeyPem);
  cert.sign(signingKey, forge.md.sha256.create());
  return { cert, pem: forge.pki.certificateToPem(cert) };
}

/** Make a CA and a server certificate for `localhost`, `127.0.0.1` and `::1`. */
export function createTestPki(): TestPki {
  const caKeys = rsaKeys();
  const ca = issue({ subject: 'Graph Connection Workbench Test CA', keys: caKeys, isCa: true });
  const serverKeys = rsaKeys();
  const server = issue({
    subject: 'localhost',
    keys: serverKeys,
    issuer: { cert: ca.cert, keyPem: caKeys.privateKeyPem },
    altNames: [
      { type: 2, value: 'localhost' },
      { type: 7, ip: '127.0.0.1' },
      { type: 7, ip: '::1' },
    ],
  });
  return {
    caPem: ca.pem,
    server: describe(server.pem + ca.pem, serverKeys),
    createAppCertificate(options = {}) {
      const keys = rsaKeys();
      const app = issue({
        subject: options.commonName ?? 'Workbench test app',
        keys,
        ...(options.notBefore ? { notBefore: options.notBefore } : {}),
        validDays: options.validDays ?? 365,
      });
      return describe(app.pem, keys);
    },
  };
}
