/**
 * @module In-process Chinese full-text search over tasks: a character-bigram inverted index
 * (plus single characters for one-character queries) narrows the candidates, and an exact
 * substring check on the folded text confirms them, so any substring of a task's text finds it
 * without scanning every task (bigram-postings.ts). Queries that match nowhere as written are
 * segmented into words (jieba) and ranked by how many of the words a task contains.
 *
 * Ranking is BM25 (ranking.ts), but only the few candidates that can still reach the top `limit`
 * (top-hits.ts) are scored on their text: each posting also records the gram's count in the task
 * and whether the title has it, which bounds a task's score from above without reading the task,
 * and where the gram first occurs, which confirms most longer matches without reading it either.
 *
 * Snippets mark matches with « and » (U+00AB, U+00BB) in plain text, never HTML: a client
 * splits on the markers and renders the parts as text.
 */
import { gramIndexSteps, postingsOfTerm, postingsWithout, type GramIndex, type Postings } from './bigram-postings.js';
import { splitTerms } from './fold-text.js';
import {
  foldContentsSteps,
  spanOf,
  textOf,
  unfoldedUnitsSteps,
  type FoldedCorpus,
  type TitleSpans,
  type UnfoldedUnits,
} from './folded-corpus.js';
import { createScorer, idfOf, rankExact, rankSimilar } from './ranking.js';
import { fillUpWords, segmentWords } from './segment-words.js';
import { makeSnippet } from './snippet.js';
import type { RankedHit } from './top-hits.js';
import { runToEnd, type Steps } from '../turns.js';

export interface SearchDocument {
  id: string;
  title: string;
  text: string;
  jurisdictionId: string;
  /**
   * The task's document. Tasks come in the order of (jurisdiction, document, position) in it, and
   * tasks of two parts of an index that tie are ranked in that order (see searchParts); '' when not given.
   */
  policyId?: string;
}

export interface SearchOptions {
  /** Only tasks of this jurisdiction. */
  jurisdictionId?: string | null;
  /** @default 20 */
  limit?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Whether every term matched as written (else: some of the query's segmented words did). */
  exact: boolean;
  /** Task text around the first match, matches between « and ». */
  snippet: string;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Re-reads the tasks it was built from, after an ingest (indexes built from a store). */
  refresh?(): Promise<void>;
}

/**
 * One string per task: an array, or a list read from an index's bytes that makes each string when
 * asked (serialise-search-index.ts), rather than millions of strings as the index is read.
 */
export interface TaskStrings {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Everything a built index holds, task `i` at position `i` of each list: what serialiseSearchIndex writes. */
export interface SearchIndexData {
  ids: TaskStrings;
  /** Where the titles lie in `corpus`: ranking weighs a term in the title more (ranking.ts). */
  titles: TitleSpans;
  jurisdictionIds: TaskStrings;
  policyIds: TaskStrings;
  /**
   * What is searched, folded: the text, preceded by the title when the text does not contain it
   * (foldContentsSteps). Task `i` is `units[starts[i]]` to `units[starts[i + 1]]`.
   */
  corpus: FoldedCorpus;
  /** The same contents as written (for snippets): where they differ from `corpus.units`. */
  unfolded: UnfoldedUnits;
  grams: GramIndex;
}

/** An index built in this process, from documents or from bytes. */
export interface BuiltSearchIndex extends SearchIndex {
  readonly data: SearchIndexData;
}

export function createSearchIndex(documents: readonly SearchDocument[]): BuiltSearchIndex {
  return runToEnd(searchIndexSteps(documents));
}

/** createSearchIndex in steps, to build it in turns of the event loop (see turns.ts). */
export function* searchIndexSteps(documents: readonly SearchDocument[]): Steps<BuiltSearchIndex> {
  const { contents, corpus, titles } = yield* foldContentsSteps(documents);
  const unfolded = yield* unfoldedUnitsSteps(contents, corpus);
  const grams = yield* gramIndexSteps(corpus, titles);
  return searchIndexOf({
    ids: documents.map((doc) => doc.id),
    titles,
    jurisdictionIds: documents.map((doc) => doc.jurisdictionId),
    policyIds: documents.map((doc) => doc.policyId ?? ''),
    corpus,
    unfolded,
    grams,
  });
}

/** The index answering from `data` (built here or read back from bytes). */
export function searchIndexOf(data: SearchIndexData): BuiltSearchIndex {
  return { ...searchParts([{ data, removed: NONE_REMOVED }]), data };
}

/** One part of an index searched in parts: the tasks of `data` but those at the positions `removed` (ascending). */
export interface IndexPart {
  data: SearchIndexData;
  removed: Int32Array;
}

const NONE_REMOVED = new Int32Array(0);

/**
 * One index over the tasks of several parts (an index built earlier without the tasks replaced
 * since, and one of the tasks written since: see kept-search-index.ts), answering as one index
 * built from all their tasks would, score for score and in the same order: term weights and
 * length norms are taken over every part's tasks, and tasks of two parts that tie are ranked by
 * jurisdiction and document, the order such an index is built in. Parts hold no document in common.
 */
export function searchParts(parts: readonly IndexPart[]): SearchIndex {
  let taskCount = 0;
  let totalLength = 0;
  for (const { data, removed } of parts) {
    taskCount += data.ids.length - removed.length;
    totalLength += data.corpus.units.length;
    for (const index of removed) {
      const { from, to } = spanOf(data.corpus, index);
      totalLength -= to - from;
    }
  }
  const statistics = { taskCount, totalLength };
  const prepared = parts.map(({ data, removed }, part) => ({
    part,
    data,
    removed,
    scopes: scopesOf(data),
    scorer: createScorer(data.corpus, data.titles, statistics),
  }));

  function search(query: string, { jurisdictionId = null, limit = 20 }: SearchOptions = {}): SearchHit[] {
    const terms = splitTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const searched = prepared.map(({ data, removed, scopes, ...rest }) => {
      // A term can come back as a jieba word: found once.
      const found = new Map<string, Postings>();
      return {
        ...rest,
        data,
        scope: jurisdictionId == null ? null : (scopes.get(jurisdictionId) ?? NONE_REMOVED),
        postingsOf: (term: string) => {
          let postings = found.get(term);
          if (!postings) found.set(term, (postings = postingsWithout(postingsOfTerm(data.grams, data.corpus, term), removed)));
          return postings;
        },
      };
    });
    const tasksHolding = (term: string) => searched.reduce((sum, { postingsOf }) => sum + postingsOf(term).docs.length, 0);
    const weightOf = (term: string) => idfOf(statistics, tasksHolding(term));

    // Every term as written: the tasks containing all of them.
    const weighted = terms.map((term) => ({ term, idf: weightOf(term) }));
    const exact = searched.map(({ scorer, scope, postingsOf }) =>
      rankExact(scorer, { termPostings: terms.map(postingsOf), weighted, scope, limit }),
    );
    const exactCount = exact.reduce((sum, { docs }) => sum + docs.length, 0);

    // Fill up with tasks sharing the query's words, each term segmented by jieba.
    let similar: RankedHit[][] = [];
    if (exactCount < limit) {
      const words = fillUpWords([...new Set(terms.flatMap((term) => (term.length > 2 ? segmentWords(term) : [term])))], tasksHolding);
      const weights = words.map(weightOf);
      similar = searched.map(({ scorer, scope, postingsOf }, at) =>
        rankSimilar(scorer, {
          words,
          wordPostings: words.map(postingsOf),
          weights,
          scope,
          exclude: exact[at]?.docs ?? NONE_REMOVED,
          limit: limit - exactCount,
        }),
      );
    }

    const ranked = [
      ...inOneOrder(exact.map(({ hits }) => hits)).map((found) => ({ ...found, exact: true })),
      ...inOneOrder(similar).map((found) => ({ ...found, exact: false })),
    ];
    return ranked.slice(0, limit).map(({ data: { ids, corpus, unfolded }, hit, exact }) => ({
      id: taskField(ids, hit.index),
      score: hit.score,
      exact,
      snippet: makeSnippet(textOf(corpus, hit.index, unfolded), textOf(corpus, hit.index), hit.terms),
    }));
  }

  /** Each part's hits, ranked, as one list: by score, then in the order of one index of all tasks. */
  function inOneOrder(hitsOfParts: readonly RankedHit[][]): { part: number; data: SearchIndexData; hit: RankedHit }[] {
    const all = prepared.flatMap(({ part, data }) => (hitsOfParts[part] ?? []).map((hit) => ({ part, data, hit })));
    if (parts.length <= 1) return all;
    return all.sort(
      (a, b) =>
        b.hit.score - a.hit.score ||
        (a.part === b.part
          ? a.hit.index - b.hit.index
          : byCodeUnits(a.data.jurisdictionIds.at(a.hit.index) ?? '', b.data.jurisdictionIds.at(b.hit.index) ?? '') ||
            byCodeUnits(a.data.policyIds.at(a.hit.index) ?? '', b.data.policyIds.at(b.hit.index) ?? '') ||
            a.part - b.part),
    );
  }

  return { size: taskCount, search };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each jurisdiction's tasks of an index, made once per index. */
const scopesMade = new WeakMap<SearchIndexData, Map<string, Int32Array>>();
function scopesOf(data: SearchIndexData): Map<string, Int32Array> {
  let scopes = scopesMade.get(data);
  if (!scopes) scopesMade.set(data, (scopes = groupByJurisdiction(data.jurisdictionIds)));
  return scopes;
}

/** Task `index`'s entry of one of the index's lists; throws for an index outside them (a bug). */
function taskField(list: TaskStrings, index: number): string {
  const value = list.at(index);
  if (value === undefined) throw new RangeError(`task ${index} is outside an index of ${list.length} tasks`);
  return value;
}

/** Each jurisdiction's tasks, ascending. */
function groupByJurisdiction(jurisdictionIds: TaskStrings): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  for (let index = 0; index < jurisdictionIds.length; index += 1) {
    const jurisdictionId = jurisdictionIds.at(index) ?? '';
    const list = lists.get(jurisdictionId);
    if (list) list.push(index);
    else lists.set(jurisdictionId, [index]);
  }
  return new Map([...lists].map(([jurisdictionId, list]) => [jurisdictionId, Int32Array.from(list)]));
}
