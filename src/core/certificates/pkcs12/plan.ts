// What a file asks for, in words an admin can check ("8 parts × 10,000,000 iterations"), and the refusals that say so.
import { WorkbenchError } from '../../errors';
import type { EncryptionScheme } from './algorithms';
import { MAX_BAGS, SCRYPT_MAX_BLOCK_SIZE, SCRYPT_MAX_MEMORY, scryptMemory, WORK_BUDGET } from './budget';
import type { PfxMacData } from './structure';

const count = (n: number): string => n.toLocaleString('en-US');
const mib = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${count(Math.round(bytes / 1024 ** 3))} GiB` : `${count(Math.round(bytes / 1024 ** 2))} MiB`;
const times = (n: number, what: string): string => `${count(n)} part${n === 1 ? '' : 's'} × ${what}`;

function schemeCost(scheme: EncryptionScheme): string {
  if (scheme.kind === 'pkcs12-pbe') return `${count(scheme.iterations)} iterations`;
  const { kdf } = scheme;
  if (kdf.kind === 'pbkdf2') return `${count(kdf.iterations)} iterations`;
  return `scrypt N=${count(kdf.cost)}, r=${kdf.blockSize}, p=${kdf.parallelization} (${mib(scryptMemory(kdf.cost, kdf.blockSize, kdf.parallelization))} each)`;
}

/** "8 parts × 10,000,000 iterations and a MAC with 2,048 iterations". */
export function describeAsk(parts: EncryptionScheme[], mac: PfxMacData | null): string {
  const groups = new Map<string, number>();
  for (const part of parts) {
    const cost = schemeCost(part);
    groups.set(cost, (groups.get(cost) ?? 0) + 1);
  }
  const list = [...groups].sort((a, b) => b[1] - a[1]).map(([cost, n]) => times(n, cost));
  if (mac) list.push(`a MAC with ${count(mac.iterations)} iteration${mac.iterations === 1 ? '' : 's'}`);
  if (list.length === 0) return 'no key derivation';
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
}

const HINT =
  'Real PFX files need a small part of this. If the file is genuine, export it again with the usual settings (Windows: AES256-SHA256; OpenSSL 3: openssl pkcs12 -export); otherwise do not use it.';

/** The file asks for more key-derivation work than one open may spend. */
export function overBudgetError(ask: string, units: number, remaining: number): WorkbenchError {
  const ratio = units / WORK_BUDGET;
  const size =
    ratio >= 1.05
      ? `${ratio.toFixed(1)} times the key-derivation work this app allows for one file`
      : 'more key-derivation work than this app has left for this file';
  return new WorkbenchError(
    'pfx.over_budget',
    `The file asks for ${ask}: ${size}. It was refused before any of that work started.`,
    {
      hint: HINT,
      details: { ask, units, remaining, budget: WORK_BUDGET },
    },
  );
}

/** scrypt parameters that would take gigabytes of memory. */
export function scryptRefused(cost: number, blockSize: number, parallelization: number, role: string): WorkbenchError {
  const memory = scryptMemory(cost, blockSize, parallelization);
  const why =
    blockSize > SCRYPT_MAX_BLOCK_SIZE
      ? `a block size r=${blockSize} (at most ${SCRYPT_MAX_BLOCK_SIZE} is accepted)`
      : parallelization > 16
        ? `a parallelization p=${parallelization} (at most 16 is accepted)`
        : `${mib(memory)} of memory (at most ${mib(SCRYPT_MAX_MEMORY)} is accepted)`;
  return new WorkbenchError(
    'pfx.over_budget',
    `The file asks scrypt for ${role} with N=${count(cost)}, r=${blockSize}, p=${parallelization}: ${why}. It was refused before any work started.`,
    {
      hint: HINT,
      details: {
        ask: `scrypt N=${cost}, r=${blockSize}, p=${parallelization}`,
        memory,
        maxMemory: SCRYPT_MAX_MEMORY,
        maxBlockSize: SCRYPT_MAX_BLOCK_SIZE,
      },
    },
  );
}

/** More bags than any real file holds. */
export function tooManyBags(found: number): WorkbenchError {
  return new WorkbenchError(
    'pfx.too_many_bags',
    `The file holds more than ${count(MAX_BAGS)} items (${count(found)} so far); real PFX files hold a few, a Java truststore about 150. It was not opened.`,
    {
      hint: 'Export only the certificate you need, with its private key and chain.',
      details: { found, limit: MAX_BAGS },
    },
  );
}

/** The open was cancelled or ran past its deadline. */
export function stoppedError(reason: 'cancelled' | 'deadline', deadlineMs: number): WorkbenchError {
  if (reason === 'cancelled') {
    return new WorkbenchError('pfx.cancelled', 'Opening the file was cancelled.', {
      hint: 'Open it again when you are ready.',
    });
  }
  return new WorkbenchError(
    'pfx.timed_out',
    `Opening the file took longer than ${count(Math.round(deadlineMs / 1000))} seconds and was stopped.`,
    {
      hint: 'The computer may be very busy: close other programs and try again. A file that always takes this long asks for too much work; export it again with the usual settings.',
      details: { deadlineMs },
    },
  );
}
