import { createInterface } from 'node:readline';
import type { ConfirmPort, ConfirmQuestion } from '../../core/os/ports';

/** How long a question waits for its answer before the safe answer is taken. */
export const CONFIRM_TIMEOUT_MS = 120_000;

/**
 * The desktop app asks some questions in a native dialog, never through the page, so a script in the page cannot
 * answer them. gcw ui asks them in the terminal it runs in (the page is told to look there); without a terminal, or
 * after two minutes without an answer, the safe answer (`cancelLabel`) is taken.
 */
export function terminalConfirm(options: {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** Tell the page the question waits in the terminal. */
  announce: (question: ConfirmQuestion) => void;
  timeoutMs?: number;
}): ConfirmPort {
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (question: ConfirmQuestion) =>
    new Promise<boolean>((resolve) => {
      if (!options.input.isTTY) return resolve(false);
      options.announce(question);
      const rl = createInterface({ input: options.input, output: options.output, terminal: true });
      let settled = false;
      const finish = (answer: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        rl.close();
        resolve(answer);
      };
      const timer = setTimeout(() => {
        options.output.write(`\nNo answer: "${question.cancelLabel}".\n`);
        finish(false);
      }, options.timeoutMs ?? CONFIRM_TIMEOUT_MS);
      // Ctrl+C while the question waits: the safe answer, then gcw ui stops as it would otherwise.
      rl.on('SIGINT', () => {
        finish(false);
        process.kill(process.pid, 'SIGINT');
      });
      rl.question(
        `\n${question.title}\n${question.message}\n${question.detail}\nType y for "${question.confirmLabel}"; anything else means "${question.cancelLabel}": `,
        (line) => finish(/^\s*y(es)?\s*$/i.test(line)),
      );
    });
  return {
    confirm(question) {
      // One question at a time: two pages saving at once must not share one prompt.
      const answer = queue.then(() => ask(question));
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
}
