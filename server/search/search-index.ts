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
import { gramIndexSteps, postingsOfTerm, type GramIndex, type Postings } from './bigram-postings.js';
import { splitTerms } from './fold-text.js';
import { foldCorpusSteps, textOf, unfoldedUnitsSteps, type FoldedCorpus, type UnfoldedUnits } from './folded-corpus.js';
import { createScorer, rankExact, rankSimilar } from './ranking.js';
import { segmentWords } from './segment-words.js';
import { makeSnippet } from './snippet.js';
import type { RankedHit } from './top-hits.js';
import { runToEnd, type Steps } from '../turns.js';

export interface SearchDocument {
  id: string;
  title: string;
  text: string;
  jurisdictionId: string;
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

/** Everything a built index holds, task `i` at position `i` of each list: what serialiseSearchIndex writes. */
export interface SearchIndexData {
  ids: readonly string[];
  titles: readonly string[];
  jurisdictionIds: readonly string[];
  /**
   * What is searched, folded: the text, preceded by the title when the text does not contain it.
   * Task `i` is `units[starts[i]]` to `units[starts[i + 1]]`.
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
  const titles = documents.map((doc) => doc.title);
  const contents: string[] = [];
  for (const doc of documents) {
    if (contents.length % 4096 === 0) yield;
    contents.push(doc.text.includes(doc.title) ? doc.text : `${doc.title}\n${doc.text}`);
  }
  const corpus = yield* foldCorpusSteps(contents);
  const unfolded = yield* unfoldedUnitsSteps(contents, corpus);
  const grams = yield* gramIndexSteps(corpus, yield* foldCorpusSteps(titles));
  return searchIndexOf({
    ids: documents.map((doc) => doc.id),
    titles,
    jurisdictionIds: documents.map((doc) => doc.jurisdictionId),
    corpus,
    unfolded,
    grams,
  });
}

/** The index answering from `data` (built here or read back from bytes). */
export function searchIndexOf(data: SearchIndexData): BuiltSearchIndex {
  const { ids, titles, corpus, unfolded, grams } = data;
  const scopes = groupByJurisdiction(data.jurisdictionIds);
  const scorer = createScorer(corpus, titles);

  function search(query: string, { jurisdictionId = null, limit = 20 }: SearchOptions = {}): SearchHit[] {
    const terms = splitTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const scope = jurisdictionId == null ? null : (scopes.get(jurisdictionId) ?? new Int32Array(0));
    // A term can come back as a jieba word: find it once.
    const found = new Map<string, Postings>();
    const postingsOf = (term: string) => {
      let postings = found.get(term);
      if (!postings) found.set(term, (postings = postingsOfTerm(grams, corpus, term)));
      return postings;
    };

    // Every term as written: the tasks containing all of them.
    const termPostings = terms.map(postingsOf);
    const weighted = terms.map((term) => ({ term, idf: scorer.idf(postingsOf(term).docs.length) }));
    const exact = rankExact(scorer, { termPostings, weighted, scope, limit });

    // Fill up with tasks sharing the query's words, each term segmented by jieba.
    let similar: RankedHit[] = [];
    if (exact.docs.length < limit) {
      const words = [...new Set(terms.flatMap((term) => (term.length > 2 ? segmentWords(term) : [term])))];
      similar = rankSimilar(scorer, {
        words,
        wordPostings: words.map(postingsOf),
        scope,
        exclude: exact.docs,
        limit: limit - exact.docs.length,
      });
    }

    const ranked = [...exact.hits.map((hit) => ({ hit, exact: true })), ...similar.map((hit) => ({ hit, exact: false }))];
    return ranked.slice(0, limit).map(({ hit, exact }) => ({
      id: taskField(ids, hit.index),
      score: hit.score,
      exact,
      snippet: makeSnippet(textOf(corpus, hit.index, unfolded), textOf(corpus, hit.index), hit.terms),
    }));
  }

  return { size: ids.length, search, data };
}

/** Task `index`'s entry of one of the index's lists; throws for an index outside them (a bug). */
function taskField(list: readonly string[], index: number): string {
  const value = list[index];
  if (value === undefined) throw new RangeError(`task ${index} is outside an index of ${list.length} tasks`);
  return value;
}

/** Each jurisdiction's tasks, ascending. */
function groupByJurisdiction(jurisdictionIds: readonly string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  jurisdictionIds.forEach((jurisdictionId, index) => {
    const list = lists.get(jurisdictionId);
    if (list) list.push(index);
    else lists.set(jurisdictionId, [index]);
  });
  return new Map([...lists].map(([jurisdictionId, list]) => [jurisdictionId, Int32Array.from(list)]));
}
