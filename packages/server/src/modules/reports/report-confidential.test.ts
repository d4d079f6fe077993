import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { makeReport } from '../../../test/report-kit.ts';
import { freshDatabase } from '../../../test/test-db.ts';
import { openEmbeddedDatabase, sql } from '../../db/client.ts';
import { writeBackup } from '../../lib/backup.ts';
import { createIdentityCipher, newIdentityKey } from '../../lib/identity-cipher.ts';

/**
 * Confidentiality at rest (issue 15 "Confidentiality"): the reporter's phone and name are SM4 ciphertext in the
 * database — absent in plain text from the embedded database's files, from a backup, and from the row itself.
 */
const PHONE = '13912345678';
const NAME = '欧阳保密';
const needles = [Buffer.from(PHONE, 'ascii'), Buffer.from(NAME, 'utf8')];
const embedded = process.env.ANZHI_TEST_DB !== 'postgres';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-confidential-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}
const found = (bytes: Buffer) => needles.filter((n) => bytes.includes(n)).map((n) => n.toString('utf8'));

describe('举报人身份 at rest', () => {
  it.skipIf(!embedded)('never in the embedded database files nor in a backup, in plain text', async () => {
    const dir = path.join(root, 'pgdata');
    const identity = createIdentityCipher(newIdentityKey());
    const database = await openEmbeddedDatabase({ pgliteDir: dir, pgliteTemplate: fs.readFileSync(inject('pgliteTemplate')) });
    const backup = path.join(root, 'backup.anzhi');
    try {
      const report = await makeReport(database.db, identity, { regionCode: '110101001001', reporterName: NAME, reporterPhone: PHONE });
      // The cipher is real: the key gives the identity back.
      expect(identity.decrypt(report.reporterPhoneEnc as string)).toBe(PHONE);
      await writeBackup(database, backup);
      await database.rows(sql`CHECKPOINT`);
    } finally {
      await database.close();
    }
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(10);
    const leaks = files.flatMap((f) => found(fs.readFileSync(f)).map((n) => `${path.relative(dir, f)}: ${n}`));
    expect(leaks).toEqual([]);
    const gz = fs.readFileSync(backup);
    const plain = zlib.gunzipSync(gz);
    // The backup holds the report (its ciphertext), not the identity.
    expect(plain.includes(Buffer.from('reporter_phone_enc'))).toBe(true);
    expect(found(gz)).toEqual([]);
    expect(found(plain)).toEqual([]);
  });

  it('never in the row: every column of the reports row is free of them', async () => {
    const database = await freshDatabase();
    try {
      const identity = createIdentityCipher(newIdentityKey());
      const report = await makeReport(database.db, identity, { regionCode: '110101001001', reporterName: NAME, reporterPhone: PHONE });
      const [row] = await database.rows<{ t: string }>(sql`SELECT reports::text AS t FROM reports WHERE id = ${report.id}`);
      expect(row?.t).toContain(report.trackingCode);
      expect(row?.t).not.toContain(PHONE);
      expect(row?.t).not.toContain(NAME);
      const all = await database.rows<{ t: string }>(sql`SELECT string_agg(r::text, '\n') AS t FROM reports r`);
      expect(found(Buffer.from(all[0]?.t ?? '', 'utf8'))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
