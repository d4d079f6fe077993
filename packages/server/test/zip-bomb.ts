// Hostile zip archives for the budget tests, built without ever holding the expanded bytes in memory.
import { once } from 'node:events';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  crc: number;
  size: number;
  /** What the headers claim the part expands to; a lie when it differs from `size`. */
  declaredSize?: number;
}

/** `total` bytes of `unit` repeated, deflated as a stream: a few hundred MB become well under a MB. */
export async function deflatedRepeat(unit: string, total: number, prefix = '', suffix = ''): Promise<ZipPart & { name: '' }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const block = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(unit))));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await write(Buffer.from(prefix));
  const end = size + total;
  while (size < end) {
    const room = Math.min(block.length, end - size);
    await write(block.subarray(0, room - (room % Buffer.byteLength(unit)) || block.length));
  }
  await write(Buffer.from(suffix));
  deflate.end();
  await once(deflate, 'end');
  return { name: '', data: Buffer.concat(out), crc, size };
}

export function deflated(name: string, text: string | Buffer): ZipPart {
  const raw = typeof text === 'string' ? Buffer.from(text) : text;
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** A zip archive of the parts, local headers and central directory both carrying the declared sizes. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    central.push(dir, name);
    offset += local.length + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;

/** The parts of a minimal .xlsx around a given sheet1.xml. */
export function xlsxParts(sheet: ZipPart): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org';
  return [
    deflated(
      '[Content_Types].xml',
      `${CT}<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    deflated(
      '_rels/.rels',
      `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflated(
      'xl/workbook.xml',
      `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ];
}

/** The parts of a minimal .docx around a given document.xml. */
export function docxParts(document: ZipPart): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org';
  return [
    deflated('[Content_Types].xml', `${CT}<Default Extension="xml" ContentType="application/xml"/></Types>`),
    deflated(
      '_rels/.rels',
      `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    { ...document, name: 'word/document.xml' },
  ];
}
