/**
 * @module POST /api/documents: a document sent as the raw body (name in the X-File-Name header,
 * percent-encoded for Chinese names) or as multipart/form-data (field "file", optional field
 * "name"). It is size-limited (413), type-checked by extension and leading bytes (415), then run
 * through the ingest pipeline from its bytes: a document the pipeline refuses answers 422 with
 * the file name and the reason and stores nothing; a loaded one refreshes the search index.
 */
import { ingestBytes } from '../../ingest/pipeline.js';
import { BodyTooLarge, readBodyLimited } from '../read-body.js';
import { safeUploadName, uploadTypeProblem } from './upload-type.js';
import type { WriteContext } from './write-context.js';
import { refusal, WriteRefused, type WriteReply } from './write-reply.js';

/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

interface Upload {
  rawName: string | null;
  bytes: Uint8Array;
}

function tooLarge(limit: number): WriteReply {
  return refusal(413, 'PAYLOAD_TOO_LARGE', `The document is larger than the upload limit of ${limit} bytes.`);
}

function decodedHeader(value: string | null): string | null {
  if (value === null) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

async function readUpload(request: Request, limit: number): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    return { rawName: decodedHeader(request.headers.get('x-file-name')), bytes: await readBodyLimited(request, limit) };
  }
  const body = await readBodyLimited(request, limit + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new WriteRefused(refusal(400, 'BAD_REQUEST', 'The multipart body could not be read.'));
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    throw new WriteRefused(refusal(400, 'BAD_REQUEST', 'The multipart body has no file field named "file".'));
  }
  if (file.size > limit) throw new BodyTooLarge(limit);
  const named = form.get('name');
  const rawName = typeof named === 'string' && named.trim() ? named : 'name' in file && typeof file.name === 'string' ? file.name : null;
  return { rawName, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function handleUpload(request: Request, context: WriteContext): Promise<WriteReply> {
  let upload: Upload;
  try {
    upload = await readUpload(request, context.maxUploadBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge(context.maxUploadBytes);
    throw error;
  }
  const name = safeUploadName(upload.rawName ?? '');
  if (!name) {
    return refusal(400, 'BAD_REQUEST', 'Name the document: send its file name in the X-File-Name header or a multipart "name" field.');
  }
  if (upload.bytes.length === 0) return refusal(422, 'empty', `${name}: empty file`);
  const typeProblem = uploadTypeProblem(name, upload.bytes);
  if (typeProblem) return refusal(415, 'UNSUPPORTED_MEDIA_TYPE', typeProblem);

  const report = await context.oneAtATime(async () => ingestBytes(context.store, name, upload.bytes, await context.sourceContext()));
  if (!report.ok) {
    if (report.code === 'UNEXPECTED') {
      // Not the document's fault (a store or code failure): the details go to the log only.
      context.logger.error(`upload ${name} failed`, report.error);
      return refusal(500, 'INTERNAL', `${name} could not be stored because of a server error; see the server log.`);
    }
    if (report.code === 'oversized') return tooLarge(context.maxUploadBytes);
    return refusal(422, report.code, report.error);
  }
  if (report.outcome !== 'unchanged') await context.searchIndex.refresh?.();
  const status = report.outcome === 'created' ? 201 : 200;
  return { status, body: { ...report } };
}
