/**
 * @module The hand-labelled link set (tests/lineage/labelled-links.json) and a simple locator that
 * finds each labelled item's text in the seed files by its phrase. The locator belongs to the
 * evaluation only: it stands in for read/normalise/segment so the linker can be measured on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TASK_KINDS } from '../../../graph-schema/model.js';
import { END_MATTER } from '../../conventions.js';
import { readSeedJson } from '../seed-file.js';

export const labelledEntrySchema = z.object({
  jurisdiction: z.string().min(1),
  kind: z.enum(TASK_KINDS),
  /** A phrase found in exactly one seed file; its first occurrence starts or lies inside the item. */
  phrase: z.string().min(2),
  nationalItemIds: z.array(z.string().min(1)),
  note: z.string().optional(),
});

export const labelledSetSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  labeller: z.string(),
  date: z.string(),
  entries: z.array(labelledEntrySchema).min(1),
});

export type LabelledEntry = z.infer<typeof labelledEntrySchema>;

export const DEFAULT_LABELLED_SET = fileURLToPath(new URL('../../../tests/lineage/labelled-links.json', import.meta.url));
export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

export function loadLabelledSet(file: string = DEFAULT_LABELLED_SET): LabelledEntry[] {
  return readSeedJson(labelledSetSchema, file, 'BAD_LABELLED_SET').entries;
}

export interface LocatedEntry extends LabelledEntry {
  file: string;
  text: string;
  title: string;
}

/** The start of a numbered unit in running text: "1、", "7. ", "（一）", "(十一)", "二、". */
const UNIT_START = /^\s*(?:\d+\s*[.、．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/u;
const MEASURE = /<p>\s*([\s\S]*?)\s*<\/p>/gu;

function titleOf(text: string): string {
  const first = text.replace(/^\s+/u, '').split(/[。\n\t]/u)[0] ?? '';
  return first.trim();
}

/** The text of the unit the phrase belongs to, in a seed's raw text. */
export function locateIn(source: string, entry: LabelledEntry): { text: string; title: string } | null {
  const at = source.indexOf(entry.phrase);
  if (at < 0) return null;
  const lineStart = source.lastIndexOf('\n', at) + 1;
  const newline = source.indexOf('\n', at);
  const lineEnd = newline < 0 ? source.length : newline;
  const line = source.slice(lineStart, lineEnd);

  if (line.includes('\t')) {
    // A table row: 工作任务 | 主要目标要求 | 细化措施 | 责任单位 | …
    const cells = line.split('\t');
    let offset = lineStart;
    const index = cells.findIndex((cell) => {
      const found = offset <= at && at < offset + cell.length;
      offset += cell.length + 1;
      return found;
    });
    const cell = cells[index] ?? '';
    if (entry.kind === 'measure') {
      for (const match of cell.matchAll(MEASURE)) {
        const body = match[1] ?? '';
        if (body.includes(entry.phrase)) {
          const text = body.replace(/^[①②③④⑤⑥⑦⑧⑨⑩]\s*/u, '');
          return { text, title: titleOf(text) };
        }
      }
      return null;
    }
    if (entry.kind === 'section') return { text: cell.trim(), title: cell.trim() };
    const text = cells
      .slice(index)
      .join('\t')
      .replace(/<\/?p>/gu, '');
    return { text, title: titleOf(cell) };
  }

  const lines = [line];
  if (entry.kind !== 'section') {
    // Running text continues across page breaks until the next numbered unit.
    let cursor = lineEnd + 1;
    while (cursor < source.length && lines.length < 4) {
      const nextNewline = source.indexOf('\n', cursor);
      const nextEnd = nextNewline < 0 ? source.length : nextNewline;
      const next = source.slice(cursor, nextEnd);
      cursor = nextEnd + 1;
      if (next.trim() === '') continue;
      if (UNIT_START.test(next.replace(/^\[bookmark:[^\]]*\]/u, '')) || next.includes('\t') || END_MATTER.test(next.trim())) break;
      lines.push(next);
    }
  }
  const text = lines.join('').trim();
  return { text, title: titleOf(text.replace(UNIT_START, '')) };
}

/** Locates every entry in the seed files; throws when a phrase is missing or ambiguous. */
export function locateLabelledSet(entries: LabelledEntry[], seedDir: string = DEFAULT_SEED_DIR): LocatedEntry[] {
  const files = readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ file: name, source: readFileSync(join(seedDir, name), 'utf8') }));
  return entries.map((entry) => {
    const hits = files.filter(({ source }) => source.includes(entry.phrase));
    if (hits.length !== 1) throw new Error(`phrase "${entry.phrase}" found in ${hits.length} seed files`);
    const hit = hits[0] as { file: string; source: string };
    const located = locateIn(hit.source, entry);
    if (!located) throw new Error(`phrase "${entry.phrase}" not located as a ${entry.kind}`);
    return { ...entry, file: hit.file, ...located };
  });
}
