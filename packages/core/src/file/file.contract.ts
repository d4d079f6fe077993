import { z } from 'zod';

/** The largest upload the server takes (a phone photo before compression, a scanned PDF). */
export const FILE_MAX_BYTES = 15 * 1024 * 1024;
/** Photos are stored re-encoded as JPEG at most this many pixels on the long side… */
export const IMAGE_MAX_SIDE = 2048;
/** …with a thumbnail this many pixels on the long side. */
export const THUMB_MAX_SIDE = 320;

/** What the server accepts, recognised from the bytes; photos are all stored as JPEG. */
export const uploadKinds = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type UploadKind = (typeof uploadKinds)[number];

export const fileUrl = (id: number) => `/api/v1/files/${id}`;
export const fileThumbUrl = (id: number) => `/api/v1/files/${id}/thumb`;

/** An uploaded file as the API returns it; `thumbUrl` is null for PDFs. */
export const uploadedFile = z.object({
  id: z.number().int(),
  mime: z.string(),
  size: z.number().int(),
  originalName: z.string().nullable(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
});
export type UploadedFile = z.infer<typeof uploadedFile>;

/** A list of uploaded file ids in a request body (photos of one step). */
export const fileIdList = (max = 9, message = `最多 ${max} 个文件`) => z.array(z.number().int().positive()).max(max, message);
