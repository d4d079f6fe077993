import { afterAll, beforeAll, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readHeader } from '../../src/lib/backup.ts';
import { login, seedOrg, startTestApp, type TestApp } from '../app.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); await seedOrg(t.database); });
afterAll(() => t.close());

it('probe', async () => {
  const a = await login(t.app, 'admin');
  const show = (label: string, r: { statusCode: number; body: string }) => console.log(label, r.statusCode, r.body.slice(0, 200));
  show('get nope', await t.app.inject({ method: 'GET', url: '/api/v1/nope' }));
  show('get nope authed', await a.get('/api/v1/nope'));
  for (const q of [sql`SELECT * FROM users WHERE id = ${'99999999999'}`, sql`SELECT * FROM users WHERE username = ${'a\u0000b'}`]) {
    try { await t.database.rows(q); } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string; constructor: { name: string } }; code?: string };
      console.log('ERR', err.constructor.name, err.code, err.message.slice(0, 80), '| cause:', err.cause?.constructor.name, err.cause?.code, err.cause?.message);
    }
  }
  try { await readHeader('/nonexistent/x.gz'); } catch (e) { console.log('readHeader missing:', (e as Error).message); }
}, 60000);
