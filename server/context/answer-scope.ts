/**
 * @module The jurisdictions a shared answer rests on, so that it outlives writes to others (see
 * KeptGraph.touchedSince): an upload to one county then leaves the comparisons and task pages of
 * every other as they were, instead of having each computed again by the next reader (on a national
 * store, a compare costs tens of milliseconds, and under 50 readers every answer was computed again
 * after each upload).
 *
 * An answer rests on the jurisdictions its root fields name (ROOT_SCOPES) only while its selection
 * stays among their rows: a field that reaches another jurisdiction's documents or tasks (a parent
 * document's task, the documents citing this one, every implementation of an item) makes it rest on
 * the whole graph. Fields are judged type by type (LOCAL_TYPES): a type not listed, and so a type
 * added later, reaches anywhere.
 */
import { getNamedType, isCompositeType, Kind, type DocumentNode, type GraphQLCompositeType, type SelectionSetNode } from 'graphql';
import type { SharedQuery } from './shared-answers.js';

/** The jurisdictions a root field's answer is of, from its arguments; null when it is of every one. */
const ROOT_SCOPES: Readonly<Record<string, (args: Record<string, unknown>) => readonly unknown[] | null>> = {
  compare: ({ a, b }) => [a, b],
  tasks: ({ jurisdictionId }) => (jurisdictionId == null ? null : [jurisdictionId]),
  policies: ({ jurisdictionId }) => (jurisdictionId == null ? null : [jurisdictionId]),
  coverage: ({ jurisdictionIds }) => (Array.isArray(jurisdictionIds) ? jurisdictionIds : null),
};

/**
 * Types whose rows belong to the jurisdiction of the object they are reached from (or to no
 * jurisdiction: the national items, which a write of theirs changes everywhere, see touchedSince),
 * with their fields that leave it to another jurisdiction's rows of a type listed here; a field to a
 * type not listed (a task's derivesFrom, to DerivesFromLink) leaves it anyway. An agency's aliases
 * leave it: another jurisdiction's document may add a name to an agency of this one's tasks.
 */
const LOCAL_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    Comparison: [],
    CompareRow: [],
    TargetDifference: [],
    Coverage: [],
    CoverageCell: [],
    CoverageColumn: [],
    Jurisdiction: ['parent'],
    Policy: ['cites', 'citedBy'],
    Task: [],
    Span: [],
    TaskAgency: [],
    Agency: ['aliases'],
    Target: [],
    ImplementsLink: [],
    LinkEvidence: [],
    NationalItem: ['implementations', 'implementedBy'],
  }).map(([type, leaving]) => [type, new Set(leaving)]),
);

/**
 * Whether every field selected below `type` stays among the rows of the jurisdictions it is reached
 * from. The query was validated: its fragments are on the type they are spread in (no type of
 * LOCAL_TYPES implements an interface or belongs to a union), and spread in no cycle.
 */
function staysLocal(selectionSet: SelectionSetNode, type: GraphQLCompositeType, document: DocumentNode): boolean {
  const leaving = LOCAL_TYPES.get(type.name);
  if (!leaving || !('getFields' in type)) return false;
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.INLINE_FRAGMENT) return staysLocal(selection.selectionSet, type, document);
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = document.definitions.find(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      return fragment?.kind === Kind.FRAGMENT_DEFINITION && staysLocal(fragment.selectionSet, type, document);
    }
    const name = selection.name.value;
    if (name.startsWith('__')) return true;
    const field = type.getFields()[name];
    if (!field || leaving.has(name)) return false;
    const fieldType = getNamedType(field.type);
    if (!selection.selectionSet) return true;
    return isCompositeType(fieldType) && staysLocal(selection.selectionSet, fieldType, document);
  });
}

/**
 * The jurisdictions the answer to `query` rests on, every one a string; null when it rests on the
 * whole graph (a root field not in ROOT_SCOPES, or a selection leaving them).
 */
export function jurisdictionsOfAnswer(query: SharedQuery): string[] | null {
  const jurisdictions = new Set<string>();
  const rootType = query.schema.getQueryType();
  for (const { name, args, selection } of query.roots) {
    const scope = args && ROOT_SCOPES[name]?.(args);
    if (!scope?.every((id): id is string => typeof id === 'string')) return null;
    const field = rootType?.getFields()[name];
    if (!field || !selection.selectionSet) return null;
    const fieldType = getNamedType(field.type);
    if (!isCompositeType(fieldType) || !staysLocal(selection.selectionSet, fieldType, query.document)) return null;
    for (const id of scope) jurisdictions.add(id);
  }
  return [...jurisdictions];
}
