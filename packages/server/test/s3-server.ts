import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../src/lib/storage-s3.ts';

export interface TestS3Server {
  /** What ANZHI_S3_* would say for this server (s3rver's built-in account: it checks the access key, not V4 signatures). */
  settings: S3Settings;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** An S3-compatible server (s3rver) in this process, on a random loopback port, with one empty bucket. */
export async function startS3Server(bucket = 'anzhi-test'): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  let closed = false;
  const settings: S3Settings = {
    url: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
  };
  return {
    settings,
    env: {
      ANZHI_S3_URL: settings.url,
      ANZHI_S3_BUCKET: bucket,
      ANZHI_S3_ACCESS_KEY: settings.accessKeyId,
      ANZHI_S3_SECRET_KEY: settings.secretAccessKey,
    },
    // Idempotent: a test may stop the server early to see the app cope.
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
