import { IMAGE_MAX_SIDE, THUMB_MAX_SIDE } from '@anzhi/core';
import sharp from 'sharp';

/** Past this, a small file may still decode to gigabytes (a "decompression bomb"); phone photos are ≤ 50 MP. */
export const MAX_INPUT_PIXELS = 100_000_000;

export type PhotoResult =
  | { ok: true; main: Buffer; thumb: Buffer; width: number; height: number }
  | { ok: false; reason: 'unreadable' | 'too_many_pixels' };

/**
 * A photo as the platform keeps it: upright by its EXIF orientation, at most 2048 px on the long side, JPEG
 * quality 80 in sRGB, with every piece of metadata (EXIF, GPS, camera serials, ICC) dropped — sharp writes none
 * unless asked. Transparent PNG areas turn white. The thumbnail is made from the result, 320 px on the long side.
 */
export async function processPhoto(bytes: Buffer): Promise<PhotoResult> {
  try {
    const { data: main, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(main)
      .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 70 })
      .toBuffer();
    return { ok: true, main, thumb, width: info.width, height: info.height };
  } catch (e) {
    return { ok: false, reason: /pixel limit/i.test((e as Error).message) ? 'too_many_pixels' : 'unreadable' };
  }
}
