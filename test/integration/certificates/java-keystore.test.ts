// Issue 15.4 with Java's keytool: its JKS and JCEKS files are named, and the command the hint gives makes a PFX
// that opens.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../src/core/certificates';
import { failureOf } from '../../fixtures/pkcs12/test-certificates';

const keytool = spawnSync('keytool', ['-help'], { encoding: 'utf8' }).status === 0;
// Not a reference tool .ci/run installs (a JDK is large), so a missing keytool stays a skip with its reason, in CI too.
if (!keytool)
  console.warn(
    '[skipped] keytool is missing (a JDK, e.g. Debian package default-jre-headless): skipping the Java keystore checks.',
  );
const STOREPASS = 'changeit';

describe.skipIf(!keytool)('Java keystores made by keytool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-keytool-'));
  afterAll(() => shutdownCertificateWorkers());

  it.each(['JKS', 'JCEKS'])(
    '%s: refused as a Java keystore; the hint’s keytool command makes a PFX that opens',
    async (type) => {
      const store = join(dir, `keystore.${type.toLowerCase()}`);
      execFileSync(
        'keytool',
        [
          '-genkeypair',
          '-alias',
          'app',
          '-keyalg',
          'EC',
          '-groupname',
          'secp256r1',
          '-dname',
          `CN=Keytool ${type}`,
          '-validity',
          '30',
          '-storetype',
          type,
          '-keystore',
          store,
          '-storepass',
          STOREPASS,
          '-keypass',
          STOREPASS,
        ],
        { stdio: 'pipe' },
      );
      const error = await failureOf(openPkcs12(readFileSync(store), STOREPASS));
      expect(error).toMatchObject({
        code: 'pfx.not_pkcs12',
        message: `This is a Java keystore (${type}), not a PFX. Java's keytool converts it to one.`,
      });
      const hint = (error as { hint?: string }).hint!;
      const command = hint.slice(hint.indexOf('keytool ')).split(' ').slice(1);
      // The command as given, run in the keystore's folder, with the passwords keytool would ask for.
      execFileSync('keytool', [...command, '-srcstorepass', STOREPASS, '-deststorepass', STOREPASS, '-noprompt'], {
        cwd: dir,
        stdio: 'pipe',
      });
      const contents = await openPkcs12(readFileSync(join(dir, 'keystore.p12')), STOREPASS);
      expect(contents.privateKeys).toHaveLength(1);
      expect(contents.certificates[0]!.x509.subject).toBe(`CN=Keytool ${type}`);
      rmSync(join(dir, 'keystore.p12'));
    },
    120_000,
  );
});
