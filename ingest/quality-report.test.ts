import { describe, expect, it } from 'vitest';
import { fixtureDoc } from '../tests/support/ingest-doc-fixture.js';
import type { IngestDoc, ParsedTask } from './document.js';
import { assessQuality, formatQuality, localGovernmentNamed, numberingStyleOf, type QualityFlagCode } from './quality-report.js';

/** The fixture with its metadata, tasks, text or messages changed. */
function docWith(change: {
  meta?: Partial<NonNullable<IngestDoc['meta']>>;
  tasks?: ParsedTask[];
  text?: string;
  messages?: IngestDoc['messages'];
}): IngestDoc {
  const doc = fixtureDoc();
  const text = change.text ?? doc.normalised.text;
  return {
    ...doc,
    meta: { ...doc.meta, ...change.meta },
    tasks: change.tasks ?? doc.tasks,
    normalised: { text, sourceOffsets: Array.from({ length: text.length + 1 }, (_, i) => i) },
    messages: change.messages ?? doc.messages,
  };
}

function item(path: string, change: Partial<ParsedTask> = {}): ParsedTask {
  const key = path.split('/').pop() ?? '';
  return {
    key: `${key}.`,
    path,
    parentPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null,
    kind: 'item',
    depth: path.split('/').length - 1,
    order: 0,
    title: '推进改革',
    text: `${key}. 推进改革。`,
    span: { start: 0, end: 1 },
    agencies: [],
    targets: [],
    deadline: null,
    supplements: [],
    ...change,
  };
}

const flagCodes = (doc: IngestDoc): QualityFlagCode[] => assessQuality(doc).flags.map((flag) => flag.code);

describe('numberingStyleOf', () => {
  it('names the numbering style of a key, not its number', () => {
    expect(['三、', '（十二）', '12.', '3．', '⑤', '第十一条', '（2）', '(4)'].map(numberingStyleOf)).toEqual([
      '一、',
      '（一）',
      '1.',
      '1.',
      '①',
      '第一条',
      '（1）',
      '（1）',
    ]);
    expect(numberingStyleOf('')).toBe('(unnumbered)');
  });
});

describe('assessQuality', () => {
  it('counts units per depth and style and the items with agencies, targets and deadlines, measures included', () => {
    const quality = assessQuality(fixtureDoc());
    expect(quality.levels).toEqual([
      { depth: 0, style: '一、', count: 1 },
      { depth: 1, style: '1.', count: 1 },
      { depth: 2, style: '①', count: 1 },
    ]);
    // The item's deadline is on its measure ①; it still counts for the item.
    expect(quality.itemsWith).toEqual({ agencies: 1, targets: 1, deadlines: 1 });
    expect(quality).toMatchObject({
      docNumber: '明医改组〔2024〕4号',
      issuedOn: '2024-06-27',
      status: 'final',
      jurisdictionName: '三明市',
    });
  });

  it('counts warnings per code, most frequent first', () => {
    const messages = [
      { offset: 0, code: 'numbering-gap', message: '' },
      { offset: 0, code: 'unknown-agency', message: '' },
      { offset: 0, code: 'numbering-gap', message: '' },
    ];
    expect(assessQuality(docWith({ messages })).warningsByCode).toEqual([
      { code: 'numbering-gap', count: 2 },
      { code: 'unknown-agency', count: 1 },
    ]);
  });

  it('raises no title, date or jurisdiction flag for a well-read document', () => {
    const codes = flagCodes(fixtureDoc());
    for (const code of ['TITLE_LIKE_BODY', 'NO_DATE', 'NATION_FOR_LOCAL_DOCUMENT', 'AGENCIES_MISSED', 'MANY_WARNINGS'] as const)
      expect(codes).not.toContain(code);
  });

  it.each([
    ['a sentence of the body', '根据国务院办公厅通知精神，结合我市实际，制定本方案。', /contains ，/],
    ['a preamble opening', '按照省委省政府部署要求', /starts with 按照/],
    ['a signature whose digits were lost', '三明市卫生健康委员会年月日年全市卫生健康工作主要任务分工方案', /年月日/],
    ['the file name', 'fixture.txt', /file name/],
    ['empty', '', /empty/],
    ['too long', `三明市${'深化医药卫生体制改革'.repeat(7)}方案`, /characters long/],
  ])('flags a title that is %s', (_case, title, reason) => {
    const flag = assessQuality(docWith({ meta: { title } })).flags.find((each) => each.code === 'TITLE_LIKE_BODY');
    expect(flag?.message).toMatch(reason);
  });

  it('flags a document without a date', () => {
    expect(flagCodes(docWith({ meta: { issuedOn: null } }))).toContain('NO_DATE');
  });

  it('flags a document placed under the nation whose text names a local government', () => {
    const local = docWith({ meta: { jurisdictionId: '000000' }, text: '三明市人民政府办公室关于印发方案的通知\n一、推进分级诊疗' });
    expect(assessQuality(local).flags).toContainEqual({
      code: 'NATION_FOR_LOCAL_DOCUMENT',
      message: 'placed under the nation (000000) although the text names 三明市人民政府',
    });
    const national = docWith({ meta: { jurisdictionId: '000000' }, text: '国务院办公厅关于印发方案的通知\n一、推进分级诊疗' });
    expect(flagCodes(national)).not.toContain('NATION_FOR_LOCAL_DOCUMENT');
  });

  it('flags a document read as headings and sub-measures without a single work item', () => {
    const headingsOnly = [item('1', { kind: 'section' }), item('1/①', { kind: 'measure' }), item('2', { kind: 'section' })];
    expect(flagCodes(docWith({ tasks: headingsOnly }))).toContain('NO_ITEMS');
    expect(flagCodes(docWith({}))).not.toContain('NO_ITEMS');
  });

  it('flags a level with a single unit', () => {
    const tasks = [item('1'), item('2'), item('2/1', { kind: 'measure', key: '①' })];
    const flags = assessQuality(docWith({ tasks })).flags.filter((flag) => flag.code === 'SINGLE_UNIT_LEVEL');
    expect(flags.map((flag) => flag.message)).toEqual(['level ① (depth 1) has a single unit']);
  });

  it('flags most items without agencies when the text assigns agencies', () => {
    const tasks = [item('1'), item('2'), item('3')];
    const text = '1. 推进改革。（责任单位：市卫健委）\n2. 推进改革。（市医保局牵头，市财政局配合）\n3. 推进改革。（市财政局负责）';
    expect(flagCodes(docWith({ tasks, text }))).toContain('AGENCIES_MISSED');
    expect(flagCodes(docWith({ tasks, text: '1. 推进改革。\n2. 推进改革。\n3. 推进改革。' }))).not.toContain('AGENCIES_MISSED');
  });

  it('flags many warnings, more than the document has units', () => {
    const messages = Array.from({ length: 21 }, () => ({ offset: 0, code: 'numbering-gap', message: '' }));
    expect(flagCodes(docWith({ messages }))).toContain('MANY_WARNINGS');
    expect(flagCodes(docWith({ messages: messages.slice(1) }))).not.toContain('MANY_WARNINGS');
  });
});

describe('localGovernmentNamed', () => {
  it('finds a registry place name right before a government body', () => {
    expect(localGovernmentNamed('经研究，现将三明市卫生健康委员会《方案》印发')).toBe('三明市卫生健康委员会');
    expect(localGovernmentNamed('各县（市、区）人民政府，市直各有关单位')).toBeNull();
  });
});

describe('formatQuality', () => {
  it('writes metadata, units, shares and warnings on two indented lines and one ⚠ line per flag', () => {
    const doc = docWith({ meta: { issuedOn: null } });
    const lines = formatQuality(assessQuality(doc), { items: 1 });
    expect(lines).toEqual([
      '  明医改组〔2024〕4号 · no date · final · units 一、×1 1.×1 ①×1',
      '  items with agencies 100% · targets 100% · deadlines 100% · warnings LATIN_WORD×1',
      '  ⚠ no date',
      '  ⚠ level 一、 (depth 0) has a single unit',
      '  ⚠ level 1. (depth 1) has a single unit',
      '  ⚠ level ① (depth 2) has a single unit',
    ]);
    expect(lines.some((line) => /^[✓✗]/u.test(line))).toBe(false);
  });

  it('names the top warning kinds and how many more there are, and marks a style used at two depths', () => {
    const messages = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ offset: 0, code, message: '' }));
    const tasks = [item('1'), item('1/1'), item('2'), item('2/1')];
    const [units, shares] = formatQuality(assessQuality(docWith({ messages, tasks })), { items: 4 });
    expect(units).toMatch(/units 1\.×2@0 1\.×2@1$/);
    expect(shares).toMatch(/warnings a×1 b×1 c×1 d×1 \+1 more kinds$/);
  });
});
