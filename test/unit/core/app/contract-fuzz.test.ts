// Every contract method against random JSON: no crash, no hang, always a Result, failures typed.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../src/core/app/dispatcher';
import { createHandlers } from '../../../../src/core/app/handlers';
import { methodNames } from '../../../../src/shared/contract';
import { isErrorCode } from '../../../../src/shared/errors';
import { pick, prng } from '../../../support/fuzz';
import { createTestHost } from '../../../support/test-context';

const SEED = 7;
const PER_METHOD = 60;

function randomJson(random: () => number, depth = 0): unknown {
  const roll = pick(random, depth > 2 ? 6 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, 3600][pick(random, 6)];
    case 3:
      return [
        '',
        'a',
        '../../etc/passwd',
        'https://evil.example.com',
        '\u0000',
        'x'.repeat(20_000),
        '00000000-0000-0000-0000-000000000000',
      ][pick(random, 7)];
    case 4:
      return undefined;
    case 5:
      return 'text';
    case 6:
    case 7:
      return Object.fromEntries(
        Array.from({ length: pick(random, 5) }, () => [
          ['id', 'text', 'url', 'name', 'profileId', 'password', 'theme', 'auth', 'ref', '__proto__', 'constructor'][
            pick(random, 11)
          ],
          randomJson(random, depth + 1),
        ]),
      );
    default:
      return Array.from({ length: pick(random, 4) }, () => randomJson(random, depth + 1));
  }
}

describe('contract schema fuzz', () => {
  it(`answers ${PER_METHOD} random inputs per method with a Result; failures carry a known code`, async () => {
    const host = createTestHost();
    const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log });
    const random = prng(SEED);
    let calls = 0;
    for (const name of methodNames) {
      for (let i = 0; i < PER_METHOD; i++) {
        const input = randomJson(random);
        const result = await Promise.race([
          dispatcher.call(name, input),
          new Promise<never>((_ok, fail) =>
            setTimeout(() => fail(new Error(`${name} hung on ${JSON.stringify(input)?.slice(0, 200)}`)), 5000),
          ),
        ]);
        calls += 1;
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(isErrorCode(result.error.code), `${name}: ${result.error.code}`).toBe(true);
          expect(result.error.code, `${name} crashed on ${JSON.stringify(input)?.slice(0, 200)}`).not.toBe(
            'internal.unexpected',
          );
          expect(result.error.message.length).toBeGreaterThan(10);
        }
      }
    }
    expect(calls).toBe(methodNames.length * PER_METHOD);
  }, 120_000);

  it('refuses non-object inputs for every method that takes an object', async () => {
    const host = createTestHost();
    const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log });
    for (const name of methodNames) {
      for (const input of [null, 42, 'x', [], true]) {
        const result = await dispatcher.call(name, input);
        expect(result, name).toMatchObject({ ok: false, error: { code: 'ipc.invalid_input' } });
      }
    }
  });
});
