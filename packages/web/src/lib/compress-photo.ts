import { IMAGE_MAX_SIDE } from '@anzhi/core';

/**
 * A photo as a small JPEG: upright by its EXIF orientation, at most 2048 px on the long side, quality 0.8, without
 * metadata (a canvas keeps none, so the GPS position never leaves the phone). A 12 MP phone photo of 4–8 MB becomes
 * ~0.5–1 MB. Null when the browser cannot decode the file (e.g. HEIC outside Safari): the original goes up as it is.
 */
export async function compressPhoto(file: Blob, maxSide = IMAGE_MAX_SIDE, quality = 0.8): Promise<Blob | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  // JPEG has no transparency: a transparent screenshot turns white, not black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  // A photo already small (a JPEG under 2048 px) may not get smaller; then the original is the better upload.
  return blob && blob.size < file.size ? blob : null;
}

/** The file name of a photo re-encoded as JPEG. */
export const jpegName = (name: string) => `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'}.jpg`;
