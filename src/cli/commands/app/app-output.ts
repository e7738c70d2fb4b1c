import type { GraphPreview, PartialFailure } from '../../../shared/graph-apply';
import type { VerifyReport } from '../../../shared/registration';
import type { CliIo } from '../../io';

/** The preview as text: each request with its body, the diff, the scopes asked for and the roles they need. */
export function previewText(p: GraphPreview): string {
  const lines = [`${p.requests.filter((r) => r.writes).length} write request(s) to https://${p.graphHost}:`];
  p.requests.forEach((r, i) => {
    lines.push('', `${i + 1}. ${r.method} ${r.url}`, `   ${r.purpose}`);
    if (r.body !== null && r.body !== undefined)
      lines.push(
        ...JSON.stringify(r.body, null, 2)
          .split('\n')
          .map((l) => `   ${l}`),
      );
  });
  if (p.changes.length) {
    lines.push('', 'Changes:');
    for (const c of p.changes) {
      for (const a of c.added) lines.push(`  + ${c.field}: ${a}`);
      for (const r of c.removed) lines.push(`  - ${c.field}: ${r}`);
      if (c.kept.length) lines.push(`    ${c.field}: kept ${c.kept.length} (${c.kept.join(', ')})`);
    }
  }
  lines.push('', `Sign-in scopes: ${p.scopes.join(', ')}`);
  for (const r of p.roles) lines.push(`  ${r.scope}: needs ${r.role}`);
  for (const n of p.notes) lines.push(`Note: ${n}`);
  return `${lines.join('\n')}\n`;
}

/** Counts of a verification, one line. */
export function verifySummary(report: VerifyReport): string {
  return `Verified: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.info} note(s).`;
}

/** A partial failure as text. */
export function partialText(f: PartialFailure): string {
  return [
    `Stopped at ${f.failedAt.method} ${f.failedAt.url} (HTTP ${f.failedAt.status ?? '—'}${f.failedAt.graphCode ? `, ${f.failedAt.graphCode}` : ''}).`,
    `Created: ${f.created.length ? f.created.map((c) => `${c.label} ${c.id}`).join('; ') : 'nothing'}.`,
    `To finish: ${f.finish}`,
    'To undo:',
    ...f.undo.map((u) => `  ${u}`),
  ].join('\n');
}

/** Say something on the channel that is not the JSON output. */
export function say(io: CliIo, json: boolean, text: string): void {
  if (json) io.err(text);
  else io.out(text);
}
