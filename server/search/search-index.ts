/**
 * @module In-process Chinese full-text search over tasks: a character-bigram inverted index
 * (plus single characters for one-character queries) narrows the candidates, and an exact
 * substring check on the folded text confirms them, so any substring of a task's text finds it
 * without scanning every task. Queries that match nowhere as written are segmented into words
 * (jieba) and ranked by how many of the words a task contains.
 *
 * Snippets mark matches with « and » (U+00AB, U+00BB) in plain text, never HTML: a client
 * splits on the markers and renders the parts as text.
 */
import { foldText, splitTerms } from './fold-text.js';
import { segmentWords } from './segment-words.js';
import { makeSnippet } from './snippet.js';

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

interface IndexedDocument extends SearchDocument {
  /** What is searched: the text, preceded by the title when the text does not contain it. */
  content: string;
  folded: string;
  foldedTitle: string;
}

/** BM25 constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const docs: IndexedDocument[] = documents.map((doc) => {
    const content = doc.text.includes(doc.title) ? doc.text : `${doc.title}\n${doc.text}`;
    return { ...doc, content, folded: foldText(content), foldedTitle: foldText(doc.title) };
  });
  const grams = new Map<string, number[]>();
  docs.forEach((doc, index) => {
    const seen = new Set<string>();
    for (let i = 0; i < doc.folded.length; i += 1) {
      seen.add(doc.folded[i]!);
      if (i + 1 < doc.folded.length) seen.add(doc.folded.slice(i, i + 2));
    }
    for (const gram of seen) {
      const postings = grams.get(gram);
      if (postings) postings.push(index);
      else grams.set(gram, [index]);
    }
  });
  const averageLength = docs.reduce((sum, doc) => sum + doc.folded.length, 0) / Math.max(docs.length, 1);

  /** Documents whose folded content contains `term` exactly, found through the index. */
  function containing(term: string): number[] {
    if (term.length === 1) return grams.get(term) ?? [];
    const lists: number[][] = [];
    for (let i = 0; i + 1 < term.length; i += 1) {
      const postings = grams.get(term.slice(i, i + 2));
      if (!postings) return [];
      lists.push(postings);
    }
    lists.sort((a, b) => a.length - b.length);
    let candidates = lists[0] ?? [];
    for (const list of lists.slice(1)) {
      const members = new Set(list);
      candidates = candidates.filter((index) => members.has(index));
      if (candidates.length === 0) return [];
    }
    // Bigrams in any order admit false positives (e.g. 支付医保 for 医保支付): verify.
    return candidates.filter((index) => docs[index]!.folded.includes(term));
  }

  function occurrences(haystack: string, term: string): number {
    let count = 0;
    for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + term.length)) count += 1;
    return count;
  }

  function idf(matches: number): number {
    return Math.log(1 + (docs.length - matches + 0.5) / (matches + 0.5));
  }

  /** BM25 of a document over terms it contains, with a bonus for terms in the title. */
  function scoreOf(doc: IndexedDocument, terms: readonly { term: string; idf: number }[]): number {
    const lengthNorm = 1 - B + (B * doc.folded.length) / averageLength;
    let score = 0;
    for (const { term, idf: weight } of terms) {
      const tf = occurrences(doc.folded, term);
      if (tf === 0) continue;
      score += (weight * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
      if (doc.foldedTitle.includes(term)) score += weight * 0.5;
    }
    return score;
  }

  function search(query: string, { jurisdictionId = null, limit = 20 }: SearchOptions = {}): SearchHit[] {
    const terms = splitTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const inScope = (index: number) => jurisdictionId == null || docs[index]!.jurisdictionId === jurisdictionId;

    // Every term as written: the documents containing all of them.
    const exactSets = terms.map((term) => containing(term));
    const weighted = terms.map((term, i) => ({ term, idf: idf(exactSets[i]!.length) }));
    let exact = exactSets.reduce((acc, set) => {
      const members = new Set(set);
      return acc.filter((index) => members.has(index));
    });
    exact = exact.filter(inScope);
    const hits: { index: number; score: number; exact: boolean; terms: string[] }[] = exact.map((index) => ({
      index,
      score: scoreOf(docs[index]!, weighted),
      exact: true,
      terms,
    }));

    // Fill up with documents sharing the query's words, each term segmented by jieba.
    if (hits.length < limit) {
      const words = [...new Set(terms.flatMap((term) => (term.length > 2 ? segmentWords(term) : [term])))];
      const wordSets = words.map((word) => ({ word, set: containing(word) }));
      const weights = wordSets.map(({ word, set }) => ({ term: word, idf: idf(set.length) }));
      const totalWeight = weights.reduce((sum, w) => sum + w.idf, 0);
      const already = new Set(exact);
      const matched = new Map<number, string[]>();
      for (const { word, set } of wordSets) {
        for (const index of set) {
          if (already.has(index) || !inScope(index)) continue;
          const list = matched.get(index);
          if (list) list.push(word);
          else matched.set(index, [word]);
        }
      }
      for (const [index, found] of matched) {
        const foundWeights = weights.filter((w) => found.includes(w.term));
        const coverage = foundWeights.reduce((sum, w) => sum + w.idf, 0) / (totalWeight || 1);
        // A single common word out of several is noise, not an answer.
        if (words.length > 1 && coverage < 0.5) continue;
        hits.push({ index, score: coverage * scoreOf(docs[index]!, foundWeights), exact: false, terms: found });
      }
    }

    hits.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || a.index - b.index);
    return hits.slice(0, limit).map((hit) => {
      const doc = docs[hit.index]!;
      return { id: doc.id, score: hit.score, exact: hit.exact, snippet: makeSnippet(doc.content, doc.folded, hit.terms) };
    });
  }

  return { size: docs.length, search };
}
