import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchDocument } from './search-index.js';

const documents: SearchDocument[] = [
  { id: 'a', title: '深化医保支付方式改革', text: '深化医保支付方式改革，推行按疾病诊断相关分组（DRG）付费。', jurisdictionId: '350400' },
  { id: 'b', title: '推进分级诊疗', text: '推进分级诊疗制度建设，家庭医生签约服务覆盖率达到30%以上。', jurisdictionId: '350400' },
  { id: 'c', title: '完善药品供应保障', text: '完善药品供应保障制度，落实药品集中采购，降低药品虚高价格。', jurisdictionId: '510100' },
  { id: 'd', title: '支付医保', text: '支付医保的反例：两个字组都在，但顺序不同。', jurisdictionId: '510100' },
  { id: 'e', title: '建立现代医院管理制度', text: '建立现代医院管理制度。', jurisdictionId: '510100' },
];

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
    expect(index.search('制度', { jurisdictionId: '510100' }).map((hit) => hit.id).sort()).toEqual(['c', 'e']);
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
