/**
 * @module Inspect a zip container's central directory without inflating anything, so that a
 * zip bomb is refused before mammoth, SheetJS (or anything else) expands it.
 */
import { IngestError } from '../document.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** Entries of the central directory, or null when the bytes are not a readable zip archive. */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] | null {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > bytes.length) return null;
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What the entries of a zip container (.docx, .xlsx) may inflate to. */
export interface ZipLimits {
  /** Refuse a container whose entries inflate to more than this in total. */
  maxUnzippedBytes: number;
  /** Refuse a container with an entry compressed more than this many times (zip bombs reach 1000×). */
  maxCompressionRatio: number;
}

/** The part each office format's zip holds its content in: a zip lacking it is not that format. */
export const MAIN_ENTRY = { '.docx': 'word/document.xml', '.xlsx': 'xl/workbook.xml' } as const;
export type OfficeFormat = keyof typeof MAIN_ENTRY;

/**
 * Throws IngestError naming `path` unless `bytes` are a zip archive holding the main part of `kind`
 * whose entries stay within `limits`. Nothing is inflated.
 */
export function checkZipContainer(path: string, bytes: Uint8Array, limits: ZipLimits, kind: OfficeFormat): void {
  const mainEntry = MAIN_ENTRY[kind];
  const entries = listZipEntries(bytes);
  if (!entries) throw new IngestError(path, `not a valid ${kind} (not a zip archive)`, 'bad-container');
  if (!entries.some((entry) => entry.name === mainEntry)) {
    throw new IngestError(path, `not a valid ${kind} (no ${mainEntry})`, 'bad-container');
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    // Zip64 entries report 0xFFFFFFFF here; an office document never needs them.
    if (entry.uncompressedSize === 0xffffffff || (ratio > limits.maxCompressionRatio && entry.uncompressedSize > 1_000_000)) {
      throw new IngestError(path, `refused ${kind}: entry ${entry.name} inflates ${Math.round(ratio)}× (zip bomb?)`, 'zip-bomb');
    }
  }
  if (total > limits.maxUnzippedBytes) {
    throw new IngestError(path, `refused ${kind}: contents inflate to ${total} bytes (limit ${limits.maxUnzippedBytes})`, 'zip-bomb');
  }
}
