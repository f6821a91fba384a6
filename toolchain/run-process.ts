// The seam between the library and child processes: everything that runs helm or
// kubeconform goes through a ProcessRunner, so tests can substitute one.
import { spawn } from 'node:child_process';

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the process could not start (e.g. ENOENT) or was killed on timeout. */
  readonly error?: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

export type ProcessRunner = (command: string, args: readonly string[], options?: RunOptions) => Promise<ProcessResult>;

export const runProcess: ProcessRunner = (command, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let error: string | undefined;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          error = `timed out after ${options.timeoutMs} ms`;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (e) => {
      error = e.message;
    });
    child.on('close', (status) => {
      if (timer) clearTimeout(timer);
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ...(error !== undefined ? { error } : {}),
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
