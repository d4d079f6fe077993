// An S3-compatible server for the cluster test (s3rver, the same package the server's storage tests use), in its own
// process: node s3-server.mjs PORT DIRECTORY. The bucket `anzhi-cluster` exists from the start.
import S3rver from 's3rver';

const [port, directory] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  silent: true,
  directory,
  configureBuckets: [{ name: 'anzhi-cluster' }],
});
await server.run();
console.log(`s3rver listening on 127.0.0.1:${port}`);
const stop = () => server.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
