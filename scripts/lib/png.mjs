// Just enough PNG to check an icon without an image library: its size (IHDR) and its text chunks (tEXt), and a
// text chunk added after rendering, which is how an icon records the SVG it was drawn from.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG, in order; throws if `png` is not one. */
export function pngChunks(png) {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const chunks = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length), start: at, end: at + 12 + length });
    at += 12 + length;
  }
  return chunks;
}

/** Width and height in pixels. */
export function pngSize(png) {
  const ihdr = pngChunks(png)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4) };
}

/** The tEXt chunks as key → value. */
export function pngText(png) {
  const out = {};
  for (const c of pngChunks(png)) {
    if (c.type !== 'tEXt') continue;
    const nul = c.data.indexOf(0);
    out[c.data.toString('latin1', 0, nul)] = c.data.toString('latin1', nul + 1);
  }
  return out;
}

/** `png` with a tEXt chunk `key`=`value` (Latin-1) inserted right after IHDR. */
export function withPngText(png, key, value) {
  const ihdr = pngChunks(png)[0];
  const data = Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([png.subarray(0, ihdr.end), head, data, crc, png.subarray(ihdr.end)]);
}
