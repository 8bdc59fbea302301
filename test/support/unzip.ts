/**
 * A small zip reader for the package test, on node:zlib alone: CI images need not have `unzip`, and the archive is
 * read by code that shares nothing with web-ext's writer (jszip), so a malformed archive cannot pass by being read
 * back with the same library's assumptions. Stored and deflated entries, CRC-checked; no ZIP64, no encryption
 * (a store archive has neither).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The file entries of a zip (directories left out), in central-directory order. */
export function readZip(zip: Buffer): ZipEntry[] {
  // The end record is the last thing in the file, followed only by a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) { end = at; break; }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`central directory entry ${i} is damaged`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`${name}: local header is damaged`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + packed);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method}`);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: size or CRC does not match`);
    entries.push({ name, data });
  }
  return entries;
}

/** Write the entries under `dir`, refusing any name that would land outside it. */
export function extractZip(zip: Buffer, dir: string): ZipEntry[] {
  const entries = readZip(zip);
  for (const e of entries) {
    const rel = normalize(e.name);
    if (rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep)) throw new Error(`${e.name}: outside the archive`);
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, e.data);
  }
  return entries;
}
