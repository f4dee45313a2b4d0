/**
 * The stages as contracts: each takes the document its predecessor returns. These checks are made by
 * the type checker (`npm test` runs it first): each `@ts-expect-error` fails the typecheck if the
 * call below it ever compiles.
 */
import { describe, expect, it } from 'vitest';
import type { ReadDoc } from './document.js';
import { extractDoc } from './extract/index.js';
import { linkDoc, type LinkContext } from './link/index.js';
import { normaliseDoc } from './normalise/index.js';
import { resolveDoc } from './resolve/index.js';
import { segmentDoc } from './segment/index.js';

describe('the ingest stages', () => {
  it('do not compile when run out of order', () => {
    const outOfOrder = (read: ReadDoc, context: LinkContext) => {
      // @ts-expect-error segment needs a normalised document
      segmentDoc(read);
      // @ts-expect-error extract needs a segmented document
      extractDoc(normaliseDoc(read));
      // @ts-expect-error resolve needs an extracted document
      resolveDoc(segmentDoc(normaliseDoc(read)));
      // @ts-expect-error link needs a resolved document
      linkDoc(extractDoc(segmentDoc(normaliseDoc(read))), context);
      return linkDoc(resolveDoc(extractDoc(segmentDoc(normaliseDoc(read)))), context);
    };
    expect(outOfOrder).toBeTypeOf('function');
  });

  it('run in order on a small document, each adding its part', () => {
    const read: ReadDoc = {
      source: {
        path: 'plan.txt',
        sha256: '',
        byteLength: 0,
        format: 'txt',
        encoding: 'utf-8',
        sourceText: '三明市医改任务\n一、推进分级诊疗\n1. 建设医共体。（责任单位：市卫健委）',
      },
      messages: [],
    };
    const extracted = extractDoc(segmentDoc(normaliseDoc(read)));
    expect(extracted.tasks.map((task) => task.path)).toEqual(['一', '一/1']);
    expect(resolveDoc(extracted).agencies.get('一/1\u0000市卫健委')?.type).toBe('HEALTH');
  });
});
