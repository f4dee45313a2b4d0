/**
 * @module The streams of an OLE compound file, the container of Word 97–2003 (.doc) and Excel 97–2003
 * (.xls) files: which one a file holds tells the two apart (formats.ts), and a file whose directory
 * cannot be listed is damaged, whatever its extension.
 */
import * as XLSX from '@e965/xlsx';

/** SheetJS's compound-file reader (its CFB), typed for what is read of it. */
const compoundFiles = XLSX.CFB as { read(data: Buffer, options: { type: 'buffer' }): { FileIndex: { name: string }[] } };

/** The names of the file's streams and storages; throws when its directory cannot be read. */
export function oleStreamNames(bytes: Uint8Array): Set<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Set(compoundFiles.read(buffer, { type: 'buffer' }).FileIndex.map(({ name }) => name));
}
