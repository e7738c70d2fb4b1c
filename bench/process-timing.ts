// Whole-process timings for the benchmarks: each command runs as its own process, timed by bash around it (bash's
// $EPOCHREALTIME, so no extra process and no Node spawn cost is counted), and commands alternate run by run so load
// from other processes hits every side alike. Timings never gate tests.
import { spawnSync } from 'node:child_process';

/** A command to time: argv and extra environment; `ok` lists the exit codes that count as a normal run. */
export interface TimedCommand {
  label: string;
  argv: string[];
  env?: Record<string, string>;
  ok?: number[];
  cwd?: string;
}

/** One run: wall time and the CPU time (user + system, all threads) of the process, in milliseconds. */
export interface Timing {
  wall: number;
  cpu: number;
}

/** Time one run of `command`; throws when it exits with an unexpected code. */
export function timeOnce(command: TimedCommand): Timing {
  // bash's `times` prints the CPU time of its children: here only the command.
  const script = 'a=$EPOCHREALTIME; "$@" >/dev/null 2>&1; s=$?; b=$EPOCHREALTIME; echo "$a $b $s"; times';
  const r = spawnSync('bash', ['-c', script, 'bash', ...command.argv], {
    encoding: 'utf8',
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    maxBuffer: 1024 * 1024,
  });
  const [first, , children] = r.stdout.trim().split('\n');
  const [a, b, status] = (first ?? '').split(' ');
  const seconds = (text: string | undefined) => Number((text ?? '').replace(',', '.'));
  const code = Number(status);
  if (!(command.ok ?? [0]).includes(code))
    throw new Error(`${command.label}: exit ${code} (${command.argv.join(' ')})`);
  const cpu = [...(children ?? '').matchAll(/(\d+)m([\d.,]+)s/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 60 + seconds(m[2]),
    0,
  );
  return { wall: (seconds(b) - seconds(a)) * 1000, cpu: cpu * 1000 };
}

/** `runs` rounds; in each, every command runs once, in order. Returns the timings per label. */
export function interleaved(runs: number, commands: TimedCommand[]): Map<string, Timing[]> {
  const times = new Map(commands.map((c) => [c.label, [] as Timing[]]));
  for (const c of commands) timeOnce(c); // one untimed round: disk cache and first-run costs
  for (let i = 0; i < runs; i++) for (const c of commands) times.get(c.label)!.push(timeOnce(c));
  return times;
}

/** Peak resident memory of one run, in MiB: the process reports its own maxRSS when it exits (a preloaded hook). */
export function peakMemory(command: TimedCommand): { mib: number; ms: number; code: number | null } {
  const hook = `data:text/javascript,${encodeURIComponent('process.on("exit", () => process.stderr.write(`\\nmaxrss-kib:${process.resourceUsage().maxRSS}\\n`));')}`;
  const [node, ...rest] = command.argv;
  const started = performance.now();
  const r = spawnSync(node!, ['--import', hook, ...rest], {
    encoding: 'utf8',
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const kib = Number(/maxrss-kib:(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (!(command.ok ?? [0]).includes(r.status ?? -1))
    throw new Error(`${command.label}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  return { mib: kib / 1024, ms, code: r.status };
}

export const min = (values: number[]): number => Math.min(...values);

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (n: number): string => n.toFixed(n < 10 ? 1 : 0);

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
