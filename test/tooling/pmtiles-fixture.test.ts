import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { pmtilesArchive, solidPng } from '../e2e/pmtiles-fixture.ts';

class BufferSource implements Source {
  constructor(private readonly buf: Buffer) {}
  getKey() {
    return 'mem';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const b = this.buf.subarray(offset, offset + length);
    return { data: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer };
  }
}

describe('the PMTiles test fixture', () => {
  it('is a valid archive that the pmtiles library reads back', async () => {
    const tile = solidPng(256, [200, 220, 240]);
    const p = new PMTiles(new BufferSource(pmtilesArchive(tile)));
    const h = await p.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(2);
    expect(h.maxZoom).toBe(0);
    const got = await p.getZxy(0, 0, 0);
    expect(Buffer.from(got!.data).equals(tile)).toBe(true);
    expect(await p.getZxy(1, 0, 0)).toBeUndefined();
  });
});
