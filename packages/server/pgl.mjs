import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

let t = Date.now();
const a = await PGlite.create({ extensions: { pg_trgm } });
console.log('fresh mem', Date.now() - t, process.memoryUsage().rss >> 20);
await a.exec('create extension pg_trgm; create table t(id int)');
t = Date.now();
const dump = await a.dumpDataDir('none');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
const b = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm } });
console.log('load', Date.now() - t, process.memoryUsage().rss >> 20);
console.log((await b.query("select show_trgm('重大事故隐患') s, current_setting('server_version') v")).rows);
