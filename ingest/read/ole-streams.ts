/**
 * @module The streams of an OLE compound file, the container of Word 97–2003 (.doc) and Excel 97–2003
 * (.xls) files: which one a file holds tells the two apart (formats.ts), and a file whose directory
 * cannot be listed is damaged, whatever its extension.
 */
import * as XLSX from '@e965/xlsx';

/** The first bytes of every OLE compound file. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Why bytes named with `extension`, a format kept in an OLE compound file, are not one; null when they start as one. */
export function oleHeaderProblem(bytes: Uint8Array, extension: string): string | null {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) return null;
  return `not a ${extension} (a ${extension} is an OLE compound file; it does not start with its header)`;
}

/** SheetJS's compound-file reader (its CFB), typed for what is read of it. */
const compoundFiles = XLSX.CFB as { read(data: Buffer, options: { type: 'buffer' }): { FileIndex: { name: string }[] } };

/** The names of the file's streams and storages; throws when its directory cannot be read. */
export function oleStreamNames(bytes: Uint8Array): Set<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Set(compoundFiles.read(buffer, { type: 'buffer' }).FileIndex.map(({ name }) => name));
}
