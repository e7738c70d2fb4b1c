import { describe, expect, it } from 'vitest';
import { tokenCommand } from '../../../src/cli/commands/token';
import type { CliIo } from '../../../src/cli/io';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** `gcw token decode -` in process, the token on stdin; what it printed. */
async function decode(header: Record<string, unknown>): Promise<string> {
  let out = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: () => undefined,
    readStdin: () =>
      Promise.resolve(`${b64url(header)}.${b64url({ aud: 'https://graph.microsoft.com', scp: 'Files.Read' })}.c2ln`),
    env: {},
    cwd: '/',
  };
  await tokenCommand.run(['decode', '-'], io, { json: false });
  return out;
}

describe('gcw token decode', () => {
  it('names the algorithm from the header', async () => {
    expect(await decode({ alg: 'RS256', typ: 'JWT' })).toContain('(user, RS256); the signature is not checked');
  });

  it('shows an "alg" that is not a string as JSON, not as [object Object] (a token is input)', async () => {
    const text = await decode({ alg: { name: 'RS256' } });
    expect(text).toContain('{"name":"RS256"}); the signature is not checked');
    expect(text).not.toContain('[object Object]');
  });
});
