// One command run as a process, timed from outside: wall time and peak resident memory
// (GNU time's %M, or polling /proc when /usr/bin/time is missing), optionally pinned to
// given cores with taskset.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessRun {
  readonly ms: number;
  readonly peakRssMb: number;
  /** User + system CPU time (GNU time's %U + %S); robust to other load on the machine. */
  readonly cpuMs?: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const HAS_TIME = fs.existsSync('/usr/bin/time');
const HAS_TASKSET = ['/usr/bin/taskset', '/bin/taskset'].some((p) => fs.existsSync(p));

/** Peak RSS of a process tree root by polling /proc (fallback when GNU time is missing). */
function pollPeak(pid: number, peak: { kb: number }): NodeJS.Timeout {
  return setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak.kb = Math.max(peak.kb, Number(m[1]));
    } catch {
      // the process ended
    }
  }, 5);
}

export function runMeasured(command: string, args: readonly string[], options: { cores?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessRun> {
  const pinned = options.cores && HAS_TASKSET ? ['taskset', '-c', options.cores] : [];
  const timed = HAS_TIME ? ['/usr/bin/time', '-f', 'BVCHART_PEAK_KB=%M BVCHART_CPU=%U %S'] : [];
  const argv = [...timed, ...pinned, command, ...args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0] as string, argv.slice(1), { env: options.env ?? process.env });
    const peak = { kb: 0 };
    const poller = HAS_TIME || child.pid === undefined ? undefined : pollPeak(child.pid, peak);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      if (poller) clearInterval(poller);
      const stderr = Buffer.concat(err).toString('utf8');
      const reported = /BVCHART_PEAK_KB=(\d+) BVCHART_CPU=([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        ms,
        peakRssMb: Math.round((reported ? Number(reported[1]) : peak.kb) / 1024),
        ...(reported ? { cpuMs: Math.round((Number(reported[2]) + Number(reported[3])) * 1000) } : {}),
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: stderr.replace(/BVCHART_PEAK_KB=.*\n?/, ''),
      });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
