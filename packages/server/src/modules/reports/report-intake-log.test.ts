import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, seedOrg } from '../../../test/factories.ts';
import { publicReportRequest } from '../../../test/report-kit.ts';
import { freshDatabase } from '../../../test/test-db.ts';
import { buildApp, createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createDiskStorage } from '../../lib/storage.ts';

// Issue 15, confidentiality: the reporter's name and phone never appear in plain text in the server log (at its most
// talkative level), nor in the audit trail, the report's events or the files' rows.
const NAME = '赵铁柱';
const PHONE = '13987654321';

let app: FastifyInstance;
let database: Database;
let filesDir: string;
const lines: string[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-report-log-'));
  const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));
  const config = loadConfig({ ANZHI_DATA_DIR: '/tmp/anzhi-unused', LOG_LEVEL: 'trace' });
  const services = createServices({ database, clock, storage: createDiskStorage(filesDir) });
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config, database, clock, logger: { level: 'trace', stream }, services });
  await seedOrg(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('the reporter’s identity stays out of logs and side tables', () => {
  it('a named report with a photo, a bad submission and a status look-up: name and phone are nowhere in plain text', async () => {
    const factory = await makeEnterprise(database, { name: '示例镇甲五金厂', regionCode: codes.village1 });
    const jpeg = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));
    const fields = {
      description: `老板不让报工伤，举报人${NAME}的工友手被冲床压伤`,
      enterprisePublicCode: factory.publicCode,
      reporterName: NAME,
      reporterPhone: PHONE,
    };
    const res = await app.inject(publicReportRequest(fields, [jpeg], { ip: '203.0.113.9', device: 'dev-1' }));
    expect(res.statusCode, res.body).toBe(201);
    // A refused one too (its error path logs as well).
    const bad = await app.inject(publicReportRequest({ ...fields, reporterPhone: `${PHONE}x` }, [], { ip: '203.0.113.9' }));
    expect(bad.statusCode).toBe(400);
    const { trackingCode, secret } = res.json();
    const status = await app.inject({
      method: 'GET',
      url: `/api/v1/public/reports/${trackingCode}`,
      headers: { 'x-report-secret': secret },
    });
    expect(status.statusCode).toBe(200);
    expect(status.body).not.toContain(PHONE);

    // The control: the same address on another route is logged (the logger works at trace level) …
    await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.77' });
    const log = lines.join('');
    expect(log).toContain('/api/health');
    expect(log).toContain('203.0.113.77');
    // … but the reporter's routes log no request line: a whistleblower's address is not kept (ADR 0024).
    expect(log).not.toContain('203.0.113.9');
    expect(log).not.toContain('/api/v1/public/reports');
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain(NAME);
    expect(log).not.toContain(secret);
    for (const table of ['audit_events', 'report_events', 'files', 'report_throttle', 'reports']) {
      const rows = await database.rows(sql`SELECT * FROM ${sql.identifier(table)}`);
      const text = JSON.stringify(rows);
      expect(text, table).not.toContain(PHONE);
      // The description may say what it says; the name field itself is only stored encrypted.
      if (table !== 'reports') expect(text, table).not.toContain(NAME);
    }
    const [report] = await database.rows<{ reporter_name_enc: string; reporter_phone_enc: string }>(
      sql`SELECT reporter_name_enc, reporter_phone_enc FROM reports`,
    );
    expect(report?.reporter_name_enc).toMatch(/^sm4cbc:1:/);
    expect(report?.reporter_phone_enc).toMatch(/^sm4cbc:1:/);
  });
});
