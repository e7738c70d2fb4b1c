// Source of the worker that runs long iterated-hash chains (the PKCS#12 key derivation) off the main thread.
// It is a string so it starts with `new Worker(source, { eval: true })` in Electron's main process without bundler
// configuration. SHA-1/224/256 use generated, unrolled JavaScript; other hashes call crypto.hash per round.
import { UNROLLED_SHA_SOURCE } from './sha-unrolled-source';

/** The worker's JavaScript source (CommonJS, for `eval: true`). */
export const HASH_WORKER_SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
${UNROLLED_SHA_SOURCE}
const UNROLLED = { sha256: [sha256Rounds, 8], sha224: [sha224Rounds, 7], sha1: [sha1Rounds, 5] };
function digestOnce(name, data) {
  return typeof crypto.hash === 'function' ? crypto.hash(name, data, 'buffer') : crypto.createHash(name).update(data).digest();
}
function iterate(name, input, rounds) {
  let digest = digestOnce(name, input);
  if (rounds <= 1) return digest;
  const unrolled = UNROLLED[name];
  if (!unrolled) {
    for (let i = 1; i < rounds; i++) digest = digestOnce(name, digest);
    return digest;
  }
  const [run, words] = unrolled;
  const state = new Int32Array(8);
  for (let i = 0; i < words; i++) state[i] = digest.readInt32BE(i * 4);
  run(state, rounds - 1);
  const out = Buffer.alloc(words * 4);
  for (let i = 0; i < words; i++) out.writeInt32BE(state[i], i * 4);
  return out;
}
parentPort.on('message', (message) => {
  try {
    const digest = iterate(message.hash, Buffer.from(message.input), message.rounds);
    parentPort.postMessage({ id: message.id, digest });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;
