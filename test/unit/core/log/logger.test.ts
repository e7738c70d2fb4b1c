// Log lines: redacted, and bytes never printed.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../src/core/log/logger';

describe('logger', () => {
  it('prints a Buffer, a Uint8Array or an ArrayBuffer in the data as its size, never its bytes', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l) });
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' });
    log.error('oops', { key, view: new Uint8Array(key), raw: new Uint8Array(key).buffer, nested: { list: [key] } });
    const line = lines[0]!;
    expect(line).toContain(`"key":"[${key.length} bytes]"`);
    expect(line).toContain(`"view":"[${key.length} bytes]"`);
    expect(line).toContain(`"raw":"[${key.length} bytes]"`);
    expect(line).toContain(`"list":["[${key.length} bytes]"]`);
    expect(line).not.toContain([...key.subarray(0, 8)].join(','));
  });
});
