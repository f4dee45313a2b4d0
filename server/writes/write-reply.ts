/** @module The JSON answers of the write endpoints: a status, a body, and any extra headers. */

export interface WriteReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A refusal a client can act on: the message says what to change; `code` is stable for programs. */
export function refusal(status: number, code: string, message: string, headers?: Record<string, string>): WriteReply {
  return { status, body: { error: message, code }, ...(headers ? { headers } : {}) };
}

/** An expected refusal thrown from deep inside a handler (e.g. from a store transaction, rolling it back). */
export class WriteRefused extends Error {
  constructor(readonly reply: WriteReply) {
    super(String(reply.body.error));
    this.name = 'WriteRefused';
  }
}
