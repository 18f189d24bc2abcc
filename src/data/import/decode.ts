/**
 * Text encoding of a registry file (issue 7): a BOM says so; else bytes that are valid UTF-8 are
 * UTF-8; else GB18030 (a superset of GBK and GB2312, what Excel on a Chinese Windows writes as "CSV").
 * The detected encoding is shown in the import step, where the user can correct it.
 */

export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: Encoding;
  /** How it was decided: a byte-order mark, strict UTF-8 decoding, or the GB18030 fallback. */
  by: 'bom' | 'utf-8-valid' | 'fallback';
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', by: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', by: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', by: 'bom' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', by: 'utf-8-valid' };
  } catch {
    return { encoding: 'gb18030', by: 'fallback' };
  }
}

/** Decode bytes in `encoding` (GBK is read as GB18030, its superset); a BOM is dropped. */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  const enc = /^(gbk|gb2312|gb18030|cp936)$/i.test(encoding) ? 'gb18030' : encoding;
  return new TextDecoder(enc).decode(bytes).replace(/^\uFEFF/, '');
}
