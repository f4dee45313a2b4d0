import { describe, expect, it } from 'vitest';
import { buildSchema, Kind, parse, validate, visit, type FieldNode, type SelectionNode } from 'graphql';
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

  it("COMPARE asks of a row's tasks what the compare view reads, not each task's agencies and linked items in full", () => {
    // Over ten years a compare holds over a thousand tasks, each in the row of every item it implements.
    const fieldNamed = (name: string, within: readonly SelectionNode[]): FieldNode | undefined =>
      within.find((selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === name);
    const fieldsOf = (node: FieldNode | undefined) =>
      new Set((node?.selectionSet?.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : [])));
    let task: FieldNode | undefined;
    visit(parse(queries.COMPARE), {
      Field(node: FieldNode) {
        if (node.name.value === 'tasksA') task = node;
      },
    });
    const taskFields = task?.selectionSet?.selections ?? [];
    expect(fieldsOf(task)).toContain('title');
    expect(fieldsOf(task)).not.toContain('agencies');
    expect(fieldsOf(fieldNamed('jurisdiction', taskFields))).toEqual(new Set(['id']));
    const implementsFields = fieldNamed('implements', taskFields)?.selectionSet?.selections ?? [];
    expect(fieldsOf(fieldNamed('nationalItem', implementsFields))).toEqual(new Set(['id']));
  });
});
