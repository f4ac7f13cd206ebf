// Reads a secret for the CLI: typed at a prompt on a terminal (nothing echoed), or the first line of stdin when
// stdin is a pipe or a file (scripts). Never from argv, where ps and the shell history would keep it.
import { createInterface } from 'node:readline';
import { UsageError } from './args';

interface TtyInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

const ENTER = new Set(['\r', '\n', '\u0004']); // Enter, or Ctrl-D
const BACKSPACE = new Set(['\u007f', '\b']);
const CTRL_C = '\u0003';

/** One line typed without echo; Ctrl-C rejects. */
function readHidden(input: TtyInput & { setRawMode(mode: boolean): unknown }, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const done = (finish: () => void) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      finish();
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of String(chunk)) {
        if (char === CTRL_C) return done(() => reject(new UsageError('cancelled')));
        if (ENTER.has(char)) return done(() => resolve(typed));
        if (BACKSPACE.has(char)) typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a non-terminal stdin (without its line ending). */
async function firstLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return undefined;
  } finally {
    lines.close();
  }
}

/**
 * A new password: on a terminal, asked twice without echo (the two must match); otherwise the first line of stdin.
 * Throws UsageError when stdin is empty or the two typed passwords differ.
 */
export async function readNewPassword(io: { stdin?: NodeJS.ReadableStream; stderr: NodeJS.WritableStream }, forWhom: string): Promise<string> {
  const input = io.stdin as TtyInput | undefined;
  if (!input) throw new UsageError('no password given: type it at the prompt or pipe it on stdin');
  if (input.isTTY && typeof input.setRawMode === 'function') {
    const tty = input as TtyInput & { setRawMode(mode: boolean): unknown };
    const first = await readHidden(tty, io.stderr, `New password for ${forWhom}: `);
    const again = await readHidden(tty, io.stderr, 'Type it again: ');
    if (first !== again) throw new UsageError('the two passwords differ');
    return first;
  }
  const line = await firstLine(input);
  if (line === undefined || line.replace(/\r$/, '') === '') {
    throw new UsageError('no password on stdin (pipe it as one line, type it at a terminal, or use --generate-password)');
  }
  return line.replace(/\r$/, '');
}
