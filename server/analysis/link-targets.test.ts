import { describe, expect, it } from 'vitest';
import { targetsOfLink, type LinkWording } from './link-targets.js';

// 临汾 2022 （十八）, shortened: elderly-care figures in one sentence, informatisation's in a later one.
const text =
  '协同推进相关领域改革。深化医养结合,市级确定1所基层医养结合服务试点示范项目,45%二级以上综合医院设置老年医学科,养老机构与周边医疗机构签约100%全覆盖。' +
  '抓好信息化建设,深入推进“互联网+医疗健康”,远程医疗服务县级全覆盖。年底前各县区完成。';
const links: LinkWording[] = [
  { itemId: 'elderly-care', phrases: ['医养结合', '老年医学科'] },
  { itemId: 'informatisation', phrases: ['信息化', '互联网+医疗健康', '远程医疗'] },
];
const target = (figure: string, offsetInTask?: number) => ({ text: figure, offsetInTask });
const figures = (targets: readonly { text: string; offsetInTask: number | undefined }[], itemId: string, among = links) =>
  targetsOfLink(text, targets, among, itemId, (each) => each.offsetInTask).map((each) => each.text);

describe('targetsOfLink', () => {
  const all = [target('1所'), target('45%'), target('100%')];

  it("gives a link the figures of the sentences holding its wording, not another reform's", () => {
    expect(figures(all, 'elderly-care')).toEqual(['1所', '45%', '100%']);
    expect(figures(all, 'informatisation')).toEqual([]);
  });

  it('reads a figure printed twice where its offset puts it', () => {
    const first = text.indexOf('全覆盖');
    const second = text.lastIndexOf('全覆盖');
    expect(figures([target('全覆盖', second + 2)], 'informatisation')).toEqual(['全覆盖']);
    expect(figures([target('全覆盖', second + 2)], 'elderly-care')).toEqual([]);
    expect(figures([target('全覆盖', first - 1)], 'elderly-care')).toEqual(['全覆盖']);
  });

  it("gives every link a figure whose sentence holds no link's wording, one not in the text, and all of a task's only link", () => {
    expect(figures([target('年底前')], 'informatisation')).toEqual(['年底前']);
    expect(figures([target('年底前')], 'elderly-care')).toEqual(['年底前']);
    expect(figures([target('90%')], 'elderly-care')).toEqual(['90%']);
    expect(figures(all, 'informatisation', [links[1]!])).toEqual(['1所', '45%', '100%']);
  });

  it('reads a sentence across a line break, which text copied from a page puts anywhere', () => {
    const broken = '深化医养结合,45%二级以上综合医院设置\n老年医学科。抓好信息化建设。';
    expect(targetsOfLink(broken, [target('45%')], links, 'elderly-care').map((each) => each.text)).toEqual(['45%']);
    const onlyAfterBreak: LinkWording[] = [{ itemId: 'elderly-care', phrases: ['老年医学科'] }, links[1]!];
    expect(targetsOfLink(broken, [target('45%')], onlyAfterBreak, 'informatisation')).toEqual([]);
  });
});
