import { describe, expect, it } from 'vitest';
import { FIXTURE_SOURCE, fixtureDoc } from '../../tests/support/ingest-doc-fixture.js';
import { buildGraphRows, validateRows, type GraphRows } from './graph-rows.js';
import { IngestError } from '../document.js';
import { textOfParts } from '../../graph-schema/text-parts.js';

describe('buildGraphRows', () => {
  const rows = buildGraphRows(fixtureDoc(), { ingestKey: 'key-1' });

  it('keys the policy by its document number so a revision keeps its id', () => {
    expect(rows.policy.id).toBe('doc:明医改组〔2024〕4号');
    expect(rows.policy.stub).toBe(false);
    expect(textOfParts(rows.text.parts)).toBe(FIXTURE_SOURCE);
    expect(rows.text.edges.map((edge) => edge.from)).toEqual(rows.text.parts.map(() => rows.policy.id));
  });

  it('gives every task a span that points at its own text in the source', () => {
    for (const task of rows.tasks) {
      expect(FIXTURE_SOURCE.slice(task.spanStart, task.spanEnd)).toBe(task.text);
    }
  });

  it('nests the sub-measure under its item and the item under its section', () => {
    const idOf = (path: string) => rows.tasks.find((task) => task.path === path)?.id;
    expect(rows.taskParts).toEqual([
      { from: idOf('一'), to: idOf('一/1') },
      { from: idOf('一/1'), to: idOf('一/1/①') },
    ]);
  });

  it('puts the role on the responsibility edge, not on the agency', () => {
    expect(rows.responsible.map((edge) => [edge.to, edge.role])).toEqual([
      ['350400:HEALTH', 'lead'],
      ['350400:MEDICAL_INSURANCE', 'support'],
    ]);
  });

  it('maps a target span back to the printed target', () => {
    const [target] = rows.targets;
    expect(target && FIXTURE_SOURCE.slice(target.spanStart, target.spanEnd)).toBe('达到90%以上');
  });

  it('turns a cited national document into a stub policy of the nation', () => {
    expect(rows.citedPolicies).toMatchObject([
      { id: 'doc:国办发〔2024〕29号', stub: true, jurisdictionId: '000000', issuer: '国务院办公厅' },
    ]);
    expect(rows.cites).toHaveLength(1);
  });

  it('brings the jurisdiction ancestors along', () => {
    expect(rows.jurisdictions.map((node) => node.id).sort()).toEqual(['000000', '350000', '350400']);
  });

  it('records warnings with their source offset', () => {
    expect(rows.policy.warnings).toEqual(['@3 LATIN_WORD: stray English word']);
  });

  it('rejects an edge row that breaks graph-schema, naming the file, the edge and the property', () => {
    const [first] = rows.responsible;
    const bad = { ...rows, responsible: [{ ...first, role: 'boss' }] } as unknown as GraphRows;
    expect(() => validateRows(bad, 'plan.txt')).toThrow(IngestError);
    expect(() => validateRows(bad, 'plan.txt')).toThrow(/^plan\.txt: invalid RESPONSIBLE edge \S+ → 350400:HEALTH role: /);
  });

  it('rejects link evidence that is not a JSON list of offsets, four per matched phrase', () => {
    const link = { from: rows.tasks[1]?.id ?? '', to: 'N-PAY', score: 0.5, method: 'test', kind: 'adapted' as const, curated: false };
    for (const evidence of ['[{"localText":"x"}]', '[0,2,0]']) {
      const bad: GraphRows = { ...rows, implementsLinks: [{ ...link, evidence }] };
      expect(() => validateRows(bad, 'plan.txt'), evidence).toThrow(
        /^plan\.txt: invalid IMPLEMENTS edge .* evidence: not a JSON list of evidence offsets, four per phrase/,
      );
    }
    for (const evidence of ['[]', '[0,2,1,3]']) {
      const good: GraphRows = { ...rows, implementsLinks: [{ ...link, evidence }] };
      expect(() => validateRows(good, 'plan.txt'), evidence).not.toThrow();
    }
  });
});
