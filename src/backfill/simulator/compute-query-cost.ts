import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  parse,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

/** A query's rate-limit cost by GitHub's documented formula, with the request count it is computed from. */
export interface QueryCost {
  /** Requests needed to fulfil every connection, assuming each reaches its `first` / `last` limit. */
  requests: number;
  /** `requests / 100`, rounded, at least 1. */
  points: number;
}

/**
 * GitHub's GraphQL rate-limit formula ("Calculating a rate limit score before running the call"): add up the
 * requests needed for each connection — a connection (a field with a `first` or `last` argument) needs one request
 * per node its parent connections can return, i.e. the product of their limits — divide by 100, round, minimum 1.
 * `node(id:)` and plain objects do not multiply. Fragments (inline and named) are followed.
 */
export function computeQueryCost(query: string | DocumentNode, variables: Record<string, unknown> = {}): QueryCost {
  const document = typeof query === 'string' ? parse(query) : query;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;
  const walk = (selectionSet: SelectionSetNode, multiplier: number) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, multiplier);
        continue;
      }
      if (!selection.selectionSet) continue;
      const limit = selection.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
      if (limit) {
        requests += multiplier;
        walk(selection.selectionSet, multiplier * toNumber(limit.value, variables));
      } else {
        walk(selection.selectionSet, multiplier);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1);
  }
  return { requests, points: Math.max(1, Math.round(requests / 100)) };
}

function toNumber(value: ValueNode, variables: Record<string, unknown>): number {
  const resolved = valueFromASTUntyped(value, variables);
  return typeof resolved === 'number' ? resolved : 0;
}
