import sharp from 'sharp';

/**
 * The perceptual hash of a photo (64-bit dHash): greyscale, resized to 9×8, each pixel compared with its right-hand
 * neighbour (brighter on the left → 1), 64 bits as 16 hex digits. Re-encoding, resizing and small edits change few
 * bits, so the reused-photo signal compares hashes by Hamming distance.
 */
export async function photoDHash(bytes: Buffer): Promise<string> {
  const px = await sharp(bytes).rotate().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = px[y * 9 + x] ?? 0;
      const right = px[y * 9 + x + 1] ?? 0;
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

/** How many of the 64 bits differ. */
export function hashDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
