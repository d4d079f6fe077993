// Writes the PWA's PNG icons (public/icons/) with no image library: a blue field with a white shield and a check
// mark, drawn per pixel. Run once after changing the drawing; the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const out = path.resolve(import.meta.dirname, '../public/icons');
const blue = [0x1f, 0x4e, 0x9c];
const white = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to the segment a–b, all in unit coordinates. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** `inset`: the share of the side kept clear around the shield (maskable icons need a safe zone). */
function draw(size, inset) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = ((x + 0.5) / size - inset) / (1 - 2 * inset);
      const v = ((y + 0.5) / size - inset) / (1 - 2 * inset);
      // Shield: straight sides down to 55 %, then a curve to a point at the bottom.
      const half = v < 0.55 ? 0.38 : 0.38 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
      const inShield = v > 0.08 && v < 0.95 && Math.abs(u - 0.5) < half;
      const tick = Math.min(segDist(u, v, 0.32, 0.5, 0.45, 0.64), segDist(u, v, 0.45, 0.64, 0.7, 0.36)) < 0.045;
      const colour = inShield && !tick ? white : blue;
      raw.set(colour, y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon-192.png'), draw(192, 0.08));
fs.writeFileSync(path.join(out, 'icon-512.png'), draw(512, 0.08));
fs.writeFileSync(path.join(out, 'icon-maskable-512.png'), draw(512, 0.2));
fs.writeFileSync(path.join(out, 'apple-touch-icon.png'), draw(180, 0.1));
console.log('icons written to', out);
