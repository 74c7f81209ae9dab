/**
 * Where the command line reads and writes: the process's streams by default, captured strings in
 * tests. Commands never touch `process` directly, so `main()` runs in-process in a test.
 */

export interface OutputStream {
  /** Bytes are UTF-8 text (a batch's rows, as its workers encoded them). */
  write(chunk: string | Uint8Array): unknown;
  /** A terminal: the human summary may use colour. */
  isTTY?: boolean;
  /** Present on real streams: used to wait for 'drain' when a write is buffered. */
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIO {
  /** Read when a scenario is named `-`. */
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Relative FILE arguments are read from here. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** The command as given, `convene` first: recorded in the manifests of the files it writes. */
  command: string[];
}

export function resolveIO(io: Partial<CliIO> = {}, argv: string[] = []): CliIO {
  return {
    command: io.command ?? ['convene', ...argv],
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    env: io.env ?? process.env,
  };
}

/** Writes text, waiting for the stream to drain when it asks us to (large batches to a pipe). */
export async function writeText(stream: OutputStream, text: string | Uint8Array): Promise<void> {
  const flushed = stream.write(text);
  if (flushed === false && stream.once) {
    await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}

/** UTF-8 bytes as text: what a stream that keeps text (a test's, a command's captured output) does with a row chunk. */
export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything but the empty string. */
export function useColour(io: CliIO): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
}

/** Scenario text (names, labels) printed as text: control characters could drive the terminal. */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
