// The embedded database's thread (ADR 0021). Plain JavaScript so that Node starts it without tsx: it only needs
// PGlite and its socket server. It opens PGlite (a data folder, or memory filled from a dump), serves the PostgreSQL
// wire protocol on a unix socket (or a loopback port), and answers three messages from the main thread: `dump` (the data folder as a
// tarball, for test templates), `close` (stop serving, close PGlite, then end) and nothing else. PGlite runs each
// query synchronously on this thread's loop; the main thread's loop stays free.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, template, socketPath, maxConnections } = workerData;

const db = await PGlite.create({
  dataDir,
  loadDataDir: template ? new Blob([template]) : undefined,
  extensions: { pg_trgm },
});
// A unix socket where there are unix sockets; else (Windows) a port the system picks on the loopback address.
const server = new PGLiteSocketServer(
  socketPath ? { db, path: socketPath, maxConnections } : { db, host: '127.0.0.1', port: 0, maxConnections },
);
await server.start();
const port = socketPath ? undefined : Number(server.getServerConn().split(':').pop());

let closing = false;
parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'dump') {
      const blob = await db.dumpDataDir('none');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      parentPort.postMessage({ type: 'dump', id: msg.id, bytes }, [bytes.buffer]);
    } else if (msg.type === 'close' && !closing) {
      closing = true;
      await server.stop();
      await db.close();
      parentPort.postMessage({ type: 'closed' });
      parentPort.close();
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ type: 'ready', port });
