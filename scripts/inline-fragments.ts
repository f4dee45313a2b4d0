/**
 * @module A GraphQL Code Generator document transform (see codegen.ts) that writes every fragment
 * spread out as the fragment's fields. The explorer's documents share their shapes as fragments,
 * but the server's cost limit (graphql-armor, server/limits.ts) counts each spread as one more
 * level of depth (×1.5), so a document with spreads costs several times the same selection
 * written out: the documents sent stay the selections they were before fragments, and the API's
 * limits stay as they are. Every fragment here is on the concrete type of the field it is
 * spread in (the SDL has no interfaces or unions), so writing it out selects the same fields.
 */
import {
  Kind,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

export function inlineFragments(documents: readonly DocumentNode[]): DocumentNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const document of documents) {
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const inline = (selectionSet: SelectionSetNode, spreading: readonly string[]): SelectionSetNode => ({
    ...selectionSet,
    selections: selectionSet.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`unknown fragment "${name}"`);
        if (spreading.includes(name)) throw new Error(`fragment "${name}" spreads itself`);
        if (selection.directives?.length) throw new Error(`a spread of "${name}" has directives, which writing it out would drop`);
        return [...inline(fragment.selectionSet, [...spreading, name]).selections];
      }
      return selection.selectionSet ? [{ ...selection, selectionSet: inline(selection.selectionSet, spreading) }] : [selection];
    }),
  });
  const inlineDefinition = (definition: DefinitionNode): DefinitionNode =>
    definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION
      ? {
          ...definition,
          selectionSet: inline(definition.selectionSet, definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name.value] : []),
        }
      : definition;
  return documents.map((document) => ({ ...document, definitions: document.definitions.map(inlineDefinition) }));
}
