// Tests only: runs the CLI in-process with captured output, as a terminal-less caller (a pipe for stdin) would.
import { PassThrough, Readable } from 'node:stream';
import { runCli, type CliIo } from './main';

export async function runCaptured(args: string[], options: { env?: Record<string, string>; stdin?: NodeJS.ReadableStream | string } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const stdin = typeof options.stdin === 'string' ? Readable.from([options.stdin]) : (options.stdin ?? Readable.from([]));
  const io: CliIo = { stdin, stdout, stderr, env: { LOG_LEVEL: 'silent', ...options.env } };
  const code = await runCli(args, io);
  return { code, out, err };
}
