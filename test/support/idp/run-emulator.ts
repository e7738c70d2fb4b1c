// Run the Entra emulator as its own process (for the CLI, end-to-end runs and manual tries):
//   node --import tsx test/support/idp/run-emulator.ts [--ca-file /tmp/gcw-ca.pem]
// It prints one JSON line (origin, host, caFile, tenant, apps, users) and serves until SIGTERM or SIGINT.
// Point a child process at it with NODE_EXTRA_CA_CERTS=<caFile> and the Custom environment
// (sign-in host and Graph host = `host`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from './certs';
import { startEntraEmulator } from './entra/server';
import { contosoScenario } from './scenario';

const argIndex = process.argv.indexOf('--ca-file');
const caFile =
  argIndex > 0 ? (process.argv[argIndex + 1] ?? '') : join(mkdtempSync(join(tmpdir(), 'gcw-emulator-')), 'ca.pem');
const pki = createTestPki();
const s = contosoScenario(pki);
s.tenant.applicationGrants = { [s.webApp.clientId]: ['Sites.Read.All'] };
const idp = await startEntraEmulator({ tenants: [s.tenant], pki });
writeFileSync(caFile, pki.caPem);
console.log(
  JSON.stringify({
    origin: idp.origin,
    host: idp.host,
    caFile,
    tenantId: s.tenantId,
    domain: s.domain,
    webApp: {
      clientId: s.webApp.clientId,
      secret: s.webApp.secretValue,
      secretId: s.webApp.secretId,
      certificatePem: s.certificate.certPem,
      privateKeyPem: s.certificate.privateKeyPem,
    },
    publicApp: { clientId: s.publicApp.clientId },
    user: s.user,
    admin: s.admin,
  }),
);
const stop = () => void idp.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
