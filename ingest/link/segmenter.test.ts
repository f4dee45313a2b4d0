import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentWords, wordBoundaries, wordsOf } from './segmenter.js';

describe('segmenter', () => {
  it('answers a text segmented before as the first time, whatever the caller did with that answer', () => {
    const text = '推进县域医共体建设，加强家庭医生签约服务。';
    const first = contentWords(text);
    expect(first.has('家庭医生') || first.has('签约')).toBe(true);
    const expected = [...first];
    first.clear();
    expect([...contentWords(text)]).toEqual(expected);
    const boundaries = wordBoundaries(text);
    const expectedBoundaries = [...boundaries];
    boundaries.add(3);
    boundaries.delete(0);
    expect([...wordBoundaries(text)]).toEqual(expectedBoundaries);
  });

  it('cuts a text as jieba cuts it whole, on every line of the seeds and the real documents', () => {
    const reference = Jieba.withDict(dict);
    const lines = ['seeds', 'tests/fixtures/real'].flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n')),
    );
    // Tabs, runs of punctuation, brackets, numbers and letters amid Chinese text: the seams of the runs.
    lines.push('（一）推进DRG/DIP支付方式改革，2025年底前覆盖率达100%。——《意见》【附件】：①②\t〇、「医保」！？');
    expect(lines.length).toBeGreaterThan(1000);
    const differing = lines.filter((line) => JSON.stringify(wordsOf(line)) !== JSON.stringify(reference.cut(line, false)));
    expect(differing).toEqual([]);
  });

  it('keeps the cut of a run that keeps recurring among thousands of others, and cuts it once', () => {
    const recurring = '落实公立医院党委领导下的院长负责制';
    const expected = [...wordsOf(`${recurring}。`)];
    const cut = vi.spyOn(Jieba.prototype, 'cut');
    try {
      for (let other = 0; other < 20_000; other += 1) {
        wordsOf(`第${other}项：推进分级诊疗制度建设。`);
        if (other % 500 === 0) expect([...wordsOf(`${recurring}。`)]).toEqual(expected);
      }
      expect(cut.mock.calls.filter(([text]) => text === recurring)).toHaveLength(0);
      expect(cut.mock.calls.length).toBeGreaterThanOrEqual(20_000);
    } finally {
      cut.mockRestore();
    }
  });

  it('cuts a clause shared by two texts once: a sub-measure is part of its item', () => {
    const cut = vi.spyOn(Jieba.prototype, 'cut');
    try {
      wordsOf('完善城乡居民医保筹资机制；健全重特大疾病医疗保险和救助制度。');
      wordsOf('①健全重特大疾病医疗保险和救助制度。');
      expect(cut.mock.calls.filter(([text]) => text === '健全重特大疾病医疗保险和救助制度')).toHaveLength(1);
    } finally {
      cut.mockRestore();
    }
  });
});
