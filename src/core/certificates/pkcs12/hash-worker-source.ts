// Source of the worker that runs long iterated-hash chains (the PKCS#12 key derivation) off the main thread.
// It is a string so it starts with `new Worker(source, { eval: true })` in Electron's main process without bundler
// configuration; the SHA loops are the same functions the main thread uses, inserted by their text.
import { iterateSha1, iterateSha256 } from './sha-iterate';

/** The worker's JavaScript source (CommonJS, for `eval: true`). */
export const HASH_WORKER_SOURCE = `'use strict';
// Transpilers that keep function names may insert __name(); it is a no-op here.
var __name = function (target) { return target; };
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const iterateSha256 = ${iterateSha256.toString()};
const iterateSha1 = ${iterateSha1.toString()};
function digestOnce(name, data) {
  return typeof crypto.hash === 'function' ? crypto.hash(name, data, 'buffer') : crypto.createHash(name).update(data).digest();
}
function iterate(name, input, rounds) {
  let digest = digestOnce(name, input);
  if (rounds <= 1) return digest;
  if (name === 'sha256') return iterateSha256(digest, rounds - 1, 8);
  if (name === 'sha224') return iterateSha256(digest, rounds - 1, 7);
  if (name === 'sha1') return iterateSha1(digest, rounds - 1);
  for (let i = 1; i < rounds; i++) digest = digestOnce(name, digest);
  return digest;
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
