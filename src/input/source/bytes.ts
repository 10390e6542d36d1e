/**
 * An input's bytes, read once from start to end: a file, a FIFO or a pipe by its path, or standard input for
 * `-`. Nothing here reads anything a second time, so a pipe gives the same result as the file it came from.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { errorText } from './errors.js';

/**
 * How much is read at once. Larger reads save little once reading overlaps with the work, and text decoded
 * from larger chunks lives longer in the heap.
 */
const READ_BYTES = 64 * 1024;

/** An input to read: `name` as messages show it, `path` to open (a Buffer when the name is not valid UTF-8). */
export interface InputFile {
  name: string;
  path: string | Buffer;
  /** `-`: standard input. */
  stdin: boolean;
}

export interface ByteConsumer {
  push(bytes: Uint8Array): void;
  end(): void;
  fail(message: string): void;
  /** True once the rest of the input is not needed. */
  readonly finished: boolean;
}

/**
 * Streams `input` into `consumer`. `opened(regular)` is called first, once the input is open (regular: a
 * regular file, which could be read again; standard input never counts as one). An input that cannot be opened
 * throws the error of open() to the caller.
 */
export async function readBytes(input: InputFile, consumer: ByteConsumer, opened: (regular: boolean) => void): Promise<void> {
  if (input.stdin) {
    opened(false);
    await readStdin(consumer);
    return;
  }
  const handle: FileHandle = await open(input.path, 'r');
  let regular = false;
  try {
    regular = (await handle.stat()).isFile();
  } catch {
    regular = false;
  }
  opened(regular);
  // Two buffers in turn: the next chunk is read (on libuv's threads) into one while the other is decoded, parsed
  // and checked. The consumer keeps nothing of a chunk once push() returns (decoders copy what they hold over).
  const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)] as const;
  let turn = 0;
  const read = (): Promise<Buffer> => {
    const buffer = buffers[turn++ % 2] as Buffer;
    return handle.read(buffer, 0, READ_BYTES, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  };
  let next: Promise<Buffer> | undefined = read();
  try {
    for (;;) {
      let chunk: Buffer;
      try {
        chunk = await next;
      } catch (error) {
        next = undefined;
        consumer.fail(`reading the file failed (${errorText(error)})`);
        return;
      }
      if (chunk.length === 0) {
        next = undefined;
        break;
      }
      next = read();
      consumer.push(chunk);
      if (consumer.finished) return;
    }
    consumer.end();
  } finally {
    // A read still under way must finish before the file is closed; its result (or error) is not needed.
    if (next !== undefined) await next.catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

/** Standard input, as a stream: fd 0 may be a pipe, a socket or a file, and may not be opened again by name. */
async function readStdin(consumer: ByteConsumer): Promise<void> {
  try {
    for await (const chunk of process.stdin) {
      consumer.push(chunk as Buffer);
      if (consumer.finished) {
        process.stdin.destroy();
        return;
      }
    }
  } catch (error) {
    consumer.fail(`reading standard input failed (${errorText(error)})`);
    return;
  }
  consumer.end();
}
