import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStageContext, processDocument } from '../pipeline.js';
import { readSource } from './read-source.js';

/** Read from tests/fixtures/formats, where each .doc was written from a .docx (its README). */
const readFixture = (path: string) => readSource(path.split('/').at(-1) ?? path, new Uint8Array(readFileSync(path)));

describe('readDoc', () => {
  it('keeps a table row on one line when a cell holds several paragraphs, and quotes and dashes as written', async () => {
    const { sourceText, format } = await readFixture('tests/fixtures/formats/cells.doc');
    expect(format).toBe('doc');
    expect(sourceText.split('\n').filter((line) => line !== '')).toEqual([
      '某县2024年深化医药卫生体制改革重点任务分工表',
      '序号\t重点任务\t牵头单位\t完成时限',
      '1\t推进紧密型县域医共体建设。 2024年底前实现医共体全覆盖。\t县卫生健康委\t2024年12月底前',
      '2\t做实家庭医生签约服务。\t县卫生健康委 县医保局\t长期坚持',
      '“三医”联动——持续推进。',
    ]);
  });

  it('gives the tasks the same document gives as a .docx, and no agency or deadline the .docx does not', async () => {
    const context = await loadStageContext('seeds');
    const tasksOf = async (source: Awaited<ReturnType<typeof readSource>>) =>
      processDocument({ source, messages: [] }, context).tasks.map(({ path, title, text, agencies, deadline }) => ({
        path,
        title,
        text,
        agencies: agencies.map(({ name, role }) => `${name} ${role}`),
        deadline: deadline?.date ?? null,
      }));
    const fromDoc = await tasksOf(await readFixture('tests/fixtures/formats/deqing-2020-health-reform-task-division.doc'));
    const fromDocx = await tasksOf(await readFixture('tests/fixtures/real/deqing-2020-health-reform-task-division.docx'));
    expect(fromDoc.map(({ path, title, text }) => ({ path, title, text }))).toEqual(
      fromDocx.map(({ path, title, text }) => ({ path, title, text })),
    );
    expect(fromDoc.filter((task) => task.agencies.length > 0 && task.deadline !== null).length).toBeGreaterThan(3);
    fromDoc.forEach((task, i) => {
      const docx = fromDocx[i];
      // A cell merged down the rows of a task's measures is an empty cell under the first row in a .doc's text.
      expect(docx?.agencies, task.path).toEqual(expect.arrayContaining(task.agencies));
      if (task.deadline !== null) expect(task.deadline, task.path).toBe(docx?.deadline);
    });
  });

  it('refuses a damaged .doc, naming the file', async () => {
    await expect(readFixture('tests/fixtures/bad/broken.doc')).rejects.toThrow(/^broken\.doc: unreadable \.doc: /u);
  });
});
