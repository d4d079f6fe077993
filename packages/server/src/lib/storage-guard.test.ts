/*
 * Every user file a module stores (uploads, thumbnails; generated documents and criteria or plan imports are not
 * stored as files) goes through `Storage`, so it lands in S3 when that is configured. A module writing to the local
 * disk itself would keep its files on one server process only: this test finds such a write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..');
const WRITES = /\b(?:writeFile|appendFile|createWriteStream|mkdir|mkdtemp|rename|copyFile|unlink|symlink|truncate)(?:Sync)?\s*\(/;

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

it('no module or demo code writes files to the local disk; they go through Storage', () => {
  const offenders = [...sources(path.join(src, 'modules')), ...sources(path.join(src, 'demo'))].filter((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return /from 'node:fs(?:\/promises)?'/.test(text) && WRITES.test(text);
  });
  expect(offenders.map((f) => path.relative(src, f))).toEqual([]);
});

it('the guard sees a write when there is one', () => {
  expect(WRITES.test("await fs.writeFile(path.join(dataDir, 'x.jpg'), bytes)")).toBe(true);
  expect(WRITES.test('fs.createWriteStream(file)')).toBe(true);
  expect(WRITES.test('await writeFile(file, bytes)')).toBe(true);
  expect(WRITES.test('fs.readFileSync(file)')).toBe(false);
});
