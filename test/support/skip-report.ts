// A Vitest reporter that lists every skipped test with its reason at the end of a run, so a skip is never silent.
// The reason is the test's ctx.skip(note), or what the test file printed as `[skipped] …` (see reference-tools.ts).
// With GCW_SKIP_REPORT set (scripts/test.mjs does), the list is also written there as JSON for the final summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export interface SkippedTest {
  file: string;
  test: string;
  reason: string;
}

export const NO_REASON = 'no reason given (a skip must say why: print `[skipped] <reason>` or call ctx.skip(reason))';

export default class SkipReport implements Reporter {
  private readonly reasons = new Map<string, Set<string>>();
  /** With -t, the tests whose names do not match are "skipped" too: those (the ones without a reason) are not listed. */
  private filtered = false;

  onInit(vitest: Vitest): void {
    this.filtered = Boolean(vitest.config.testNamePattern);
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (!log.taskId) return;
    for (const match of log.content.matchAll(/^\[skipped\] (.+)$/gm)) {
      const set = this.reasons.get(log.taskId) ?? new Set<string>();
      set.add(match[1]!.trim());
      this.reasons.set(log.taskId, set);
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: SkippedTest[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        const printed = [test.id, module.id]
          .map((id) => [...(this.reasons.get(id) ?? [])].join(' '))
          .find((r) => r.length > 0);
        if (this.filtered && !note && !printed) continue;
        skipped.push({
          file: relative(process.cwd(), module.moduleId),
          test: test.fullName,
          reason: note ?? printed ?? NO_REASON,
        });
      }
    }
    if (skipped.length > 0) {
      console.log(`\nSkipped tests (${skipped.length}):`);
      for (const s of skipped) console.log(`  - ${s.file} › ${s.test}\n      ${s.reason}`);
    }
    const out = process.env.GCW_SKIP_REPORT;
    if (out) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(skipped, null, 2));
    }
  }
}
