import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../src/plugins/error-handler.ts';
import { registerWebStatic } from '../src/plugins/web-static.ts';

describe('the built web app is sent compressed, hashed assets cached for good', () => {
  let dir: string;
  let app: FastifyInstance;
  const script = `console.log(${JSON.stringify('安治'.repeat(2000))});`;
  const serviceWorker = `self.addEventListener('fetch', () => {}); // ${'x'.repeat(2000)}`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script src="/assets/app-Ab12Cd.js"></script>');
    const asset = path.join(dir, 'assets/app-Ab12Cd.js');
    fs.writeFileSync(asset, script);
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
    fs.writeFileSync(path.join(dir, 'sw.js'), serviceWorker);
    fs.writeFileSync(`${path.join(dir, 'sw.js')}.br`, zlib.brotliCompressSync(serviceWorker));
    fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify({ name: '安治 排查', start_url: '/dual/m' }));
    app = Fastify();
    expect(await registerWebStatic(app, dir)).toBe(true);
    registerErrorHandler(app, { spa: true });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the brotli copy to a browser that accepts it, with a year of immutable caching', async () => {
    const res = await app.inject({ url: '/assets/app-Ab12Cd.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
  });

  it('sends gzip to a browser without brotli, and plain bytes to one that accepts neither', async () => {
    const gz = await app.inject({ url: '/assets/app-Ab12Cd.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/app-Ab12Cd.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates index.html on every visit, and does not publish the compressed copies as files of their own', async () => {
    const index = await app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/assets/app-Ab12Cd.js.br' })).statusCode).toBe(404);
  });

  it('sends index.html for client-side routes, but a 404 for a hashed asset that does not exist', async () => {
    const route = await app.inject({ url: '/admin/users' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toMatch(/text\/html/);
    expect(route.headers['cache-control']).toBe('no-cache');
    const gone = await app.inject({ url: '/assets/page-Old123.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/json/);
    expect(gone.headers['cache-control']).toBeUndefined();
  });

  it('serves the service worker and the manifest of the installable check pages, the worker revalidated on every visit', async () => {
    // A cached sw.js would keep phones on an old release: browsers must ask each time (ADR 0025).
    const sw = await app.inject({ url: '/sw.js', headers: { 'accept-encoding': 'br' } });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(sw.rawPayload).toString()).toBe(serviceWorker);
    const manifest = await app.inject({ url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.json()).toMatchObject({ start_url: '/dual/m' });
  });
});
