import { describe, expect, it } from 'vitest';
import type { AgencyMention, ExtractedDoc, ParsedTask } from '../document.js';
import { loadAgencyTable } from './agency-table.js';
import { resolveDoc, resolveIssuer } from './resolve-doc.js';

function task(path: string, names: string[]): ParsedTask {
  const agencies: AgencyMention[] = names.map((name, position) => ({
    name,
    role: position === 0 ? 'lead' : 'support',
    position,
    span: { start: position, end: position + 1 },
  }));
  return {
    key: path,
    path,
    parentPath: null,
    kind: 'item',
    depth: 0,
    order: 0,
    title: '',
    text: '',
    span: { start: 0, end: 0 },
    agencies,
    targets: [],
    deadline: null,
    supplements: [],
  };
}

function docOf(tasks: ParsedTask[], jurisdictionId = '350400'): ExtractedDoc {
  return {
    source: { path: 'test.txt', sha256: '', byteLength: 0, format: 'txt', encoding: 'utf-8', sourceText: '' },
    normalised: { text: 'abcdefgh', sourceOffsets: [10, 11, 12, 13, 14, 15, 16, 17, 18] },
    meta: {
      title: 't',
      docNumber: null,
      issuer: null,
      issuedOn: null,
      status: 'final',
      coversFrom: null,
      coversTo: null,
      jurisdictionId,
      year: 2024,
    },
    tasks,
    citations: [],
    messages: [],
  };
}

describe('resolveDoc', () => {
  it('keys every mention by task path and printed name', () => {
    const doc = resolveDoc(docOf([task('1', ['市卫健委', '教育局']), task('2', ['市医保局'])]));
    expect(doc.agencies.get('1\u0000市卫健委')?.id).toBe('350400:HEALTH');
    expect(doc.agencies.get('1\u0000教育局')?.id).toBe('350400:EDUCATION');
    expect(doc.agencies.get('2\u0000市医保局')?.type).toBe('MEDICAL_INSURANCE');
  });

  it('gives a bare name after a 市 body the same unnamed city when the document’s place is not known', () => {
    const doc = resolveDoc(docOf([task('1', ['市卫生计生委', '发展改革委'])], '000000'));
    expect(doc.agencies.get('1\u0000发展改革委')).toMatchObject({ type: 'DEVELOPMENT_REFORM', name: '市发展和改革委员会' });
  });

  it('gives a bare name after a 县 body in a city’s document the same county, not the city', () => {
    const doc = resolveDoc(docOf([task('1', ['县卫健委', '财政局']), task('2', ['财政局'])]));
    expect(doc.agencies.get('1\u0000财政局')).toMatchObject({ type: 'FINANCE', name: '县财政局' });
    expect(doc.agencies.get('2\u0000财政局')?.id).toBe('350400:FINANCE');
  });

  it('collects the names an agency was printed under as its aliases', () => {
    const doc = resolveDoc(docOf([task('1', ['市卫健委']), task('2', ['卫健委'])]));
    expect(doc.agencies.get('1\u0000市卫健委')?.aliases.sort()).toEqual(['卫健委', '市卫健委']);
  });

  it('reports an unknown agency once, at its source offset, and keeps it as OTHER', () => {
    const doc = resolveDoc(docOf([task('1', ['市卫健委', '市蚕桑站']), task('2', ['市蚕桑站'])]));
    expect(doc.agencies.get('1\u0000市蚕桑站')).toMatchObject({ type: 'OTHER', name: '市蚕桑站' });
    expect(doc.messages).toEqual([expect.objectContaining({ code: 'unknown-agency', offset: 11 })]);
  });

  it('types the issuing commission’s own divisions (医政科, 机关党办, 委办公室) as the commission, not OTHER', () => {
    const doc = resolveDoc({
      ...docOf([task('1', ['医政科', '规财科（信息中心）', '机关党办', '委办公室', '保健办', '市第一医院'])]),
      meta: {
        title: 't',
        docNumber: null,
        issuer: '三明市卫生\n健康委员会',
        issuedOn: null,
        status: 'final',
        coversFrom: null,
        coversTo: null,
        jurisdictionId: '350400',
        year: 2020,
      },
    });
    const types = ['医政科', '规财科（信息中心）', '机关党办', '委办公室', '保健办', '市第一医院'].map(
      (name) => doc.agencies.get(`1\u0000${name}`)?.type,
    );
    expect(types).toEqual(['HEALTH', 'HEALTH', 'HEALTH', 'HEALTH', 'HEALTH', 'HOSPITAL']);
  });

  it('leaves divisions untyped when the issuer is unknown, and a government’s 办 is no division of it', () => {
    expect(resolveDoc(docOf([task('1', ['医政科'])])).agencies.get('1\u0000医政科')?.type).toBe('OTHER');
    const byGovernment = resolveDoc({
      ...docOf([task('1', ['文明办', '医改科'])]),
      meta: {
        title: 't',
        docNumber: null,
        issuer: '三明市人民政府办公室',
        issuedOn: null,
        status: 'final',
        coversFrom: null,
        coversTo: null,
        jurisdictionId: '350400',
        year: 2020,
      },
    });
    expect(byGovernment.agencies.get('1\u0000文明办')?.type).toBe('OTHER');
    expect(byGovernment.agencies.get('1\u0000医改科')?.type).toBe('GOVERNMENT_OFFICE');
  });

  it('resolves joint issuers by the first body printed', () => {
    expect(resolveIssuer('三明市市场监督管理局三明市医疗保障局', { jurisdictionId: '350400', table: loadAgencyTable() })?.type).toBe(
      'MARKET_REGULATION',
    );
    expect(resolveIssuer('中共三明市委、三明市人民政府', { jurisdictionId: '350400', table: loadAgencyTable() })?.type).toBe('GOVERNMENT');
  });
});
