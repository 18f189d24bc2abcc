/**
 * A minimal PMTiles v3 archive written here (no open PMTiles of the area ships with the project): one
 * solid-colour 256×256 PNG at zoom 0, uncompressed directories. Used to test the `pmtiles` basemap.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A solid-colour RGB PNG. */
export function solidPng(size: number, [r, g, b]: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** A PMTiles v3 archive holding `tile` (PNG) as the only tile, z0/0/0. */
export function pmtilesArchive(tile: Buffer): Buffer {
  // Root directory: 1 entry (tile id 0, run length 1, length, offset 0 written as offset + 1).
  const dir = Buffer.from([
    ...varint(1),
    ...varint(0),
    ...varint(1),
    ...varint(tile.length),
    ...varint(0 + 1),
  ]);
  const meta = Buffer.from('{}');
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOff = 127;
  const metaOff = rootOff + dir.length;
  const dataOff = metaOff + meta.length;
  const u64 = (v: number, at: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(rootOff, 8);
  u64(dir.length, 16);
  u64(metaOff, 24);
  u64(meta.length, 32);
  u64(dataOff, 40); // no leaf directories
  u64(0, 48);
  u64(dataOff, 56);
  u64(tile.length, 64);
  u64(1, 72); // addressed tiles
  u64(1, 80); // tile entries
  u64(1, 88); // tile contents
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(2, 99); // tile type: png
  header.writeUInt8(0, 100); // min zoom
  header.writeUInt8(0, 101); // max zoom
  header.writeInt32LE(-1800000000, 102);
  header.writeInt32LE(-850511287, 106);
  header.writeInt32LE(1800000000, 110);
  header.writeInt32LE(850511287, 114);
  header.writeUInt8(0, 118);
  header.writeInt32LE(1179000000, 119);
  header.writeInt32LE(287000000, 123);
  return Buffer.concat([header, dir, meta, tile]);
}
