import { describe, expect, it } from 'vitest';
import { buildSchema, Kind, parse, validate, visit, type FieldNode } from 'graphql';
import { apiTypeDefs } from '../../../server/schema/type-defs.js';
import * as queries from './queries.js';

const documents = Object.entries(queries as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe('the explorer queries', () => {
  it('are all found (one document per view and panel)', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      [
        'COMPARE',
        'COVERAGE',
        'COVERAGE_COUNTS',
        'GAP_AUDIT',
        'IMPLEMENTATIONS',
        'JURISDICTIONS',
        'JURISDICTION_DETAIL',
        'LINEAGE',
        'NATIONAL_ITEMS',
        'NATIONAL_ITEM_DETAIL',
        'NATIONAL_ITEM_LINEAGE',
        'POLICY_DETAIL',
        'SEARCH',
        'TASK_DETAIL',
      ].sort(),
    );
  });

  const schema = buildSchema(apiTypeDefs());
  for (const [name, document] of documents) {
    it(`${name} validates against the server's SDL`, () => {
      const errors = validate(schema, parse(document)).map((error) => error.message);
      expect(errors).toEqual([]);
    });
  }

  it("COMPARE asks of a row's tasks what the compare view reads: through the row's links, not each task's agencies, jurisdiction, every link or every target", () => {
    // Over ten years a compare holds over a thousand tasks, each in the row of every item it implements.
    const fieldsOf = (node: FieldNode | undefined) =>
      new Set((node?.selectionSet?.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : [])));
    const fields = new Map<string, FieldNode>();
    visit(parse(queries.COMPARE), {
      Field(node: FieldNode) {
        fields.set(node.name.value, node);
      },
    });
    expect(fields.has('tasksA')).toBe(false);
    const links = fields.get('linksA');
    expect(fieldsOf(links)).toEqual(new Set(['score', 'targets', 'task']));
    const task = (links?.selectionSet?.selections ?? []).find(
      (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === 'task',
    );
    expect(fieldsOf(task)).toContain('title');
    // A task's targets come with the link they bear on (server/analysis/link-targets.ts).
    for (const left of ['agencies', 'jurisdiction', 'implements', 'targets']) expect(fieldsOf(task)).not.toContain(left);
  });
});
