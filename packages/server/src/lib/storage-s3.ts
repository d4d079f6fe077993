import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { checkedKey, type Storage, sha256Of } from './storage.ts';

export interface S3Settings {
  /** The endpoint, e.g. http://127.0.0.1:9000 (MinIO) or https://oss-cn-hangzhou.aliyuncs.com. */
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.pdf': 'application/pdf' };

function notFound(e: unknown): boolean {
  return e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound');
}

/**
 * An S3-compatible bucket through the official AWS SDK (ADR 0015). The storage key is the object key, unchanged;
 * path-style addressing, because MinIO and most self-hosted stores have no per-bucket DNS names. Each object
 * carries its sha256 as user metadata, so `stat` (and `anzhi files migrate`) can verify it without a download.
 */
export function createS3Storage(s: S3Settings): Storage {
  const client = new S3Client({
    endpoint: s.url,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    // The SDK's default CRC32 checksums on every request are an AWS extension that MinIO, OSS and OBS versions
    // handle unevenly; send and check them only where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
  const Bucket = s.bucket;
  return {
    kind: 's3',
    location: `s3://${s.bucket}（${s.url}）`,
    async put(key, bytes) {
      const Key = checkedKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: MIME[Key.slice(Key.lastIndexOf('.'))] ?? 'application/octet-stream',
          Metadata: { sha256: sha256Of(bytes) },
        }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
        if (!out.Body) return Buffer.alloc(0);
        return Buffer.from(await out.Body.transformToByteArray());
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async stat(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: checkedKey(key) }));
        return { size: Number(out.ContentLength ?? 0), sha256: out.Metadata?.sha256 ?? null };
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkedKey(key) }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    close() {
      client.destroy();
    },
  };
}
