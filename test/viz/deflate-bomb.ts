/**
 * A decompression bomb for the size limits: `size` bytes of one repeated byte, deflated raw. Made
 * by streaming 1 MiB pieces through zlib, so neither the 1.5 GB it stands for nor anything near it
 * is ever held: at best compression deflate packs a run of one byte about 1,000 to 1, so 1.5 GB
 * comes to about 1.5 MB (a 2 MB `z.` link).
 */
import { createDeflateRaw } from 'node:zlib';

export async function deflateBomb(size: number, byte = 0x20): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (piece: Buffer) => out.push(piece));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const piece = Buffer.alloc(1 << 20, byte);
  for (let written = 0; written < size; written += piece.length) {
    const part = size - written < piece.length ? piece.subarray(0, size - written) : piece;
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(out);
}
