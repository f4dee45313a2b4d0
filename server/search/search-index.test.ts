import { describe, expect, it } from 'vitest';
import { foldText, splitTerms } from './fold-text.js';
import { randomSource } from '../testing/random-source.js';
import { sampleSearchDocuments as documents } from '../testing/search-documents.js';
import { createSearchIndex, searchIndexSteps, searchParts, type SearchDocument, type SearchOptions } from './search-index.js';
import { serialiseSearchIndex } from './serialise-search-index.js';
import { fillUpWords, segmentWords } from './segment-words.js';

describe('createSearchIndex', () => {
  const index = createSearchIndex(documents);

  it('finds every task by every substring of two or more characters of its text', () => {
    for (const doc of documents) {
      for (let start = 0; start < doc.text.length - 1; start += 1) {
        for (let end = start + 2; end <= Math.min(doc.text.length, start + 12); end += 1) {
          const phrase = doc.text.slice(start, end);
          if (phrase.trim().length < 2) continue;
          const ids = index.search(phrase, { limit: 50 }).map((hit) => hit.id);
          expect(ids, `"${phrase}"`).toContain(doc.id);
        }
      }
    }
  });

  it('does not return a task whose bigrams match only in another order', () => {
    const hits = index.search('医保支付');
    expect(hits.filter((hit) => hit.exact).map((hit) => hit.id)).toEqual(['a']);
  });

  it('matches full-width letters and digits against half-width queries', () => {
    expect(index.search('drg').map((hit) => hit.id)).toEqual(['a']);
    expect(index.search('３０%').map((hit) => hit.id)).toEqual(['b']);
    // The snippet quotes the text as written, not folded.
    expect(index.search('drg')[0]?.snippet).toBe('深化医保支付方式改革，推行按疾病诊断相关分组（«DRG»）付费。');
  });

  it('requires every whitespace-separated term', () => {
    expect(index.search('药品 集中采购').map((hit) => hit.id)).toEqual(['c']);
  });

  it('finds segmented words when the query is not a substring of any task, after exact matches', () => {
    const hits = index.search('医保支付改革');
    expect(hits[0]).toMatchObject({ id: 'a', exact: false });
  });

  it('ranks a task whose title holds the phrase above one that only mentions it', () => {
    const hits = index.search('制度');
    expect(hits.map((hit) => hit.id).slice(0, 1)).toEqual(['e']);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(['b', 'c', 'e']));
  });

  it('filters by jurisdiction and honours the limit', () => {
    expect(
      index
        .search('制度', { jurisdictionId: '510100' })
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['c', 'e']);
    expect(index.search('制度', { limit: 1 })).toHaveLength(1);
  });

  it('highlights the match in the snippet with « and »', () => {
    const [hit] = index.search('家庭医生');
    expect(hit?.snippet).toBe('推进分级诊疗制度建设，«家庭医生»签约服务覆盖率达到30%以上。');
  });

  it('returns nothing for an empty query', () => {
    expect(index.search('   ')).toEqual([]);
  });
});

/**
 * The ranking the index must reproduce, by scanning every task: BM25 over the terms with a title
 * bonus for tasks containing every term; else tasks sharing at least half the weight of the
 * query's jieba words, scored by that share times BM25 over the words found.
 */
function scanSearch(documents: readonly SearchDocument[], query: string, { jurisdictionId = null, limit = 20 }: SearchOptions = {}) {
  const docs = documents.map((doc) => {
    const content = doc.text.includes(doc.title) ? doc.text : `${doc.title}\n${doc.text}`;
    return { ...doc, content, folded: foldText(content), foldedTitle: foldText(doc.title) };
  });
  const averageLength = docs.reduce((sum, doc) => sum + doc.folded.length, 0) / Math.max(docs.length, 1);
  const idf = (matches: number) => Math.log(1 + (docs.length - matches + 0.5) / (matches + 0.5));
  const containing = (term: string) => docs.flatMap((doc, index) => (doc.folded.includes(term) ? [index] : []));
  const occurrences = (text: string, term: string) => {
    let count = 0;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) count += 1;
    return count;
  };
  const scoreOf = (index: number, terms: { term: string; idf: number }[]) => {
    const doc = docs[index]!;
    const lengthNorm = 1 - 0.75 + (0.75 * doc.folded.length) / averageLength;
    let score = 0;
    for (const { term, idf: weight } of terms) {
      const tf = occurrences(doc.folded, term);
      if (tf === 0) continue;
      score += (weight * tf * 2.2) / (tf + 1.2 * lengthNorm);
      if (doc.foldedTitle.includes(term)) score += weight * 0.5;
    }
    return score;
  };
  const terms = splitTerms(query);
  if (terms.length === 0 || limit <= 0) return [];
  const inScope = (index: number) => jurisdictionId == null || docs[index]!.jurisdictionId === jurisdictionId;
  const exactSets = terms.map(containing);
  const weighted = terms.map((term, i) => ({ term, idf: idf(exactSets[i]!.length) }));
  const exact = exactSets.reduce((all, set) => all.filter((index) => set.includes(index))).filter(inScope);
  const hits = exact.map((index) => ({ index, score: scoreOf(index, weighted), exact: true, terms }));
  if (hits.length < limit) {
    const words = fillUpWords(
      [...new Set(terms.flatMap((term) => (term.length > 2 ? segmentWords(term) : [term])))],
      (word) => containing(word).length,
    );
    const weights = words.map((word) => ({ term: word, idf: idf(containing(word).length) }));
    const totalWeight = weights.reduce((sum, w) => sum + w.idf, 0);
    docs.forEach((doc, index) => {
      if (exact.includes(index) || !inScope(index)) return;
      const found = weights.filter((w) => doc.folded.includes(w.term));
      const coverage = found.reduce((sum, w) => sum + w.idf, 0) / (totalWeight || 1);
      if (found.length === 0 || (words.length > 1 && coverage < 0.5)) return;
      hits.push({ index, score: coverage * scoreOf(index, found), exact: false, terms: found.map((w) => w.term) });
    });
  }
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || a.index - b.index);
  return hits.slice(0, limit).map((hit) => ({ id: docs[hit.index]!.id, exact: hit.exact, score: hit.score }));
}

describe('createSearchIndex against a scan of every task', () => {
  // Few distinct characters: many tasks hold a query's bigrams in another order, many tie,
  // characters repeat (more often than a posting's count holds), full-width forms fold.
  const alphabet = [...Array.from('医保支付改革制度'), '，', ',', 'Ａ', 'a', '０', '0'];
  const random = randomSource(20240611);
  const randomText = (low: number, high: number) => Array.from({ length: random.int(low, high) }, () => random.pick(alphabet)).join('');
  const corpus: SearchDocument[] = Array.from({ length: 400 }, (_, i) => {
    const text = randomText(0, 60);
    const title = random.next() < 0.5 ? text.slice(0, random.int(0, 8)) : randomText(1, 6);
    return { id: `t${i}`, title, text, jurisdictionId: `j${i % 4}` };
  });
  corpus.push(
    { id: 'repeated', title: '医', text: '医'.repeat(300), jurisdictionId: 'j0' },
    { id: 'pairs', title: '医保', text: `${'医保'.repeat(200)}支付`, jurisdictionId: 'j1' },
    { id: 'zeros', title: '0', text: '0'.repeat(150), jurisdictionId: 'j2' },
  );
  corpus.push(...corpus.slice(0, 20).map((doc, i) => ({ ...doc, id: `copy${i}` })));
  const index = createSearchIndex(corpus);

  const queries: { query: string; options: SearchOptions }[] = [];
  while (queries.length < 300) {
    const text = random.pick(corpus).text;
    const length = random.int(1, 6);
    const start = random.int(0, Math.max(0, text.length - length));
    const phrase = text.slice(start, start + length);
    const kind = random.int(0, 3);
    const query =
      kind === 0 ? phrase : kind === 1 ? phrase + randomText(1, 4) : kind === 2 ? `${phrase} ${randomText(1, 3)}` : randomText(2, 7);
    const options: SearchOptions = { limit: random.pick([1, 3, 20, 100]) };
    if (random.next() < 0.3) options.jurisdictionId = random.pick(['j0', 'j1', 'j2', 'j3', 'nowhere']);
    queries.push({ query, options });
  }

  it('returns the same tasks in the same order with the same scores for every query', () => {
    let fallbacks = 0;
    for (const { query, options } of queries) {
      const expected = scanSearch(corpus, query, options);
      const actual = index.search(query, options);
      if (expected.some((hit) => !hit.exact)) fallbacks += 1;
      const label = `${JSON.stringify(query)} ${JSON.stringify(options)}`;
      expect(
        actual.map(({ id, exact }) => ({ id, exact })),
        label,
      ).toEqual(expected.map(({ id, exact }) => ({ id, exact })));
      actual.forEach((hit, k) => expect(hit.score, label).toBeCloseTo(expected[k]!.score, 12));
    }
    // The comparison must have exercised the jieba fallback too.
    expect(fallbacks).toBeGreaterThan(30);
  });
});

describe('searchParts', () => {
  // Documents of a few tasks each, in the order an index is built in (jurisdiction, document,
  // position); an index of them, then some replaced, deleted and added: one index of the tasks
  // left, and one of the documents written since.
  const alphabet = Array.from('医保支付改革制度，Ａa０');
  const random = randomSource(20261205);
  const randomText = (low: number, high: number) => Array.from({ length: random.int(low, high) }, () => random.pick(alphabet)).join('');
  const documentOf = (policyId: string, jurisdictionId: string, texts: readonly string[]): SearchDocument[] =>
    texts.map((text, seq) => ({ id: `${policyId}#${seq}`, title: text.slice(0, text.length % 7), text, jurisdictionId, policyId }));
  const inIndexOrder = (documents: readonly SearchDocument[]) =>
    [...documents].sort(
      (a, b) =>
        (a.jurisdictionId + ' ' + (a.policyId ?? '')).localeCompare(b.jurisdictionId + ' ' + (b.policyId ?? '')) ||
        Number(a.id.split('#')[1]) - Number(b.id.split('#')[1]),
    );
  const textsOf = new Map<string, string[]>();
  for (let i = 0; i < 60; i += 1)
    textsOf.set(
      `p${String(i).padStart(2, '0')}`,
      Array.from({ length: random.int(1, 8) }, () => randomText(0, 40)),
    );
  const jurisdictionOf = (policyId: string) => `j${Number(policyId.slice(1)) % 4}`;
  const documentsOf = (texts: ReadonlyMap<string, string[]>) =>
    inIndexOrder([...texts].flatMap(([policyId, each]) => documentOf(policyId, jurisdictionOf(policyId), each)));
  const before = documentsOf(textsOf);
  const base = createSearchIndex(before);

  const written = new Map<string, string[]>();
  for (let i = 0; i < 60; i += 4)
    written.set(
      `p${String(i).padStart(2, '0')}`,
      Array.from({ length: random.int(0, 8) }, () => randomText(0, 40)),
    );
  // Copies of tasks left in the first index: the same text scores the same, and ties across the parts.
  for (let i = 1; i < 60; i += 12)
    written.set(`p${String(i).padStart(2, '0')}`, [...(textsOf.get(`p${String(i + 1).padStart(2, '0')}`) ?? [])]);
  for (let i = 60; i < 70; i += 1)
    written.set(
      `p${i}`,
      Array.from({ length: random.int(1, 8) }, () => randomText(0, 40)),
    );
  const after = new Map([...textsOf, ...written]);
  const since = createSearchIndex(documentsOf(written));
  const removed = Int32Array.from(before.flatMap((doc, at) => (written.has(doc.policyId ?? '') ? [at] : [])));
  const parted = searchParts([
    { data: base.data, removed },
    { data: since.data, removed: new Int32Array(0) },
  ]);
  const whole = createSearchIndex(documentsOf(after));

  it('answers as one index of every task left would: the same tasks, scores, order and snippets', () => {
    expect(parted.size).toBe(whole.size);
    let tiesAcrossParts = 0;
    let fallbacks = 0;
    for (let k = 0; k < 300; k += 1) {
      const text = random.pick([...after.values()].flat().filter((each) => each.length > 0));
      const length = random.int(1, 5);
      const start = random.int(0, Math.max(0, text.length - length));
      const query = random.next() < 0.7 ? text.slice(start, start + length) : randomText(2, 7);
      const options: SearchOptions = { limit: random.pick([1, 3, 20, 100]) };
      if (random.next() < 0.3) options.jurisdictionId = random.pick(['j0', 'j1', 'j2', 'j3']);
      const expected = whole.search(query, options);
      expect(parted.search(query, options), `${JSON.stringify(query)} ${JSON.stringify(options)}`).toEqual(expected);
      if (expected.some((hit) => !hit.exact)) fallbacks += 1;
      const sinceIds = new Set(Array.from({ length: since.data.ids.length }, (_, at) => since.data.ids.at(at)));
      for (let i = 1; i < expected.length; i += 1) {
        if (
          expected[i]?.score === expected[i - 1]?.score &&
          sinceIds.has(expected[i]?.id ?? '') !== sinceIds.has(expected[i - 1]?.id ?? '')
        )
          tiesAcrossParts += 1;
      }
    }
    // The comparison must have ranked tasks of the two parts that tie, and used the segmented words.
    expect(tiesAcrossParts).toBeGreaterThan(10);
    expect(fallbacks).toBeGreaterThan(10);
  });

  it('finds nothing of a removed task', () => {
    const gone = before.find((doc) => doc.policyId === 'p00' && doc.text.length >= 4);
    expect(gone).toBeDefined();
    const hits = parted.search(gone?.text ?? '', { limit: 1000 });
    expect(hits.map((hit) => hit.id)).not.toContain(gone?.id);
  });
});

describe('createSearchIndex ranking', () => {
  it('orders tasks with equal scores by their order in the index, also when the limit cuts through them', () => {
    const twins = Array.from({ length: 30 }, (_, i) => ({
      id: `twin${i}`,
      title: '标题',
      text: '推进分级诊疗。',
      jurisdictionId: i % 2 ? 'odd' : 'even',
    }));
    const index = createSearchIndex(twins);
    expect(index.search('分级诊疗', { limit: 5 }).map((hit) => hit.id)).toEqual(['twin0', 'twin1', 'twin2', 'twin3', 'twin4']);
    expect(index.search('分级诊疗', { limit: 3, jurisdictionId: 'odd' }).map((hit) => hit.id)).toEqual(['twin1', 'twin3', 'twin5']);
  });

  it('takes the best tasks of the jurisdiction, not the best tasks that happen to be in it', () => {
    const strong = Array.from({ length: 25 }, (_, i) => ({
      id: `strong${i}`,
      title: '医保支付',
      text: '医保支付改革。',
      jurisdictionId: 'elsewhere',
    }));
    const local = [
      { id: 'weak', title: '其他', text: `其他工作，${'很长的内容'.repeat(20)}，也提到医保支付。`, jurisdictionId: 'here' },
      { id: 'better', title: '医保支付', text: '医保支付方式改革。', jurisdictionId: 'here' },
    ];
    const index = createSearchIndex([...strong, ...local]);
    expect(index.search('医保支付', { jurisdictionId: 'here', limit: 1 }).map((hit) => hit.id)).toEqual(['better']);
    expect(index.search('医保支付', { jurisdictionId: 'here' }).map((hit) => hit.id)).toEqual(['better', 'weak']);
  });

  it('finds a term that first occurs whole after the first 65,535 characters of a long task', () => {
    const filler = '甲'.repeat(70_000);
    const index = createSearchIndex([
      { id: 'long', title: '长文', text: `医保，${filler}保支，支付，${filler}医保支付。`, jurisdictionId: 'x' },
      { id: 'decoy', title: '长文', text: `医保，${filler}保支，支付，${filler}。`, jurisdictionId: 'x' },
    ]);
    const hits = index.search('医保支付');
    expect(hits.filter((hit) => hit.exact).map((hit) => hit.id)).toEqual(['long']);
    expect(hits[0]?.snippet).toContain('«医保支付»');
  });

  it('ranks by the full count of a character repeated more often than a posting can record', () => {
    // Same length, so only the counts differ: 300 must beat 200 even though postings cap counts at 127.
    const index = createSearchIndex([
      { id: 'two hundred', title: '', text: '医'.repeat(200) + '甲'.repeat(100), jurisdictionId: 'x' },
      { id: 'three hundred', title: '', text: '医'.repeat(300), jurisdictionId: 'x' },
    ]);
    expect(index.search('医', { limit: 1 }).map((hit) => hit.id)).toEqual(['three hundred']);
  });

  it('returns nothing from an empty index', () => {
    expect(createSearchIndex([]).search('医保')).toEqual([]);
  });
});

describe('searchIndexSteps', () => {
  it('builds the index of createSearchIndex in steps of a few hundred tasks', () => {
    const many: SearchDocument[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `t${i}`,
      title: `任务${i}`,
      text: `第${i}项：推进医保支付方式改革，做实家庭医生签约服务。`,
      jurisdictionId: String(110000 + (i % 7)),
    }));
    const steps = searchIndexSteps(many);
    let turns = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) turns += 1;
    // Each pass over 5,000 tasks stops at least every 512 of them.
    expect(turns).toBeGreaterThanOrEqual(4 * Math.floor(5000 / 512));
    const bytes = (index: ReturnType<typeof createSearchIndex>) => Buffer.from(serialiseSearchIndex(index));
    expect(bytes(step.value).equals(bytes(createSearchIndex(many)))).toBe(true);
  });
});
