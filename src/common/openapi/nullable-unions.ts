type Schema = Record<string, unknown>;

/**
 * OpenAPI 3.0 allows `nullable` only beside a `type`, but the swagger plugin puts it beside a
 * `oneOf`/`anyOf` for a property typed `A | B | null` (e.g. a number or a decimal string, or
 * null). Moves it into the first typed branch, which says the same thing validly. In place.
 */
export function moveNullableIntoUnions(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(moveNullableIntoUnions);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  const union = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (schema.nullable === true && schema.type === undefined && Array.isArray(union)) {
    const typed = union.find((branch) => branch.type !== undefined);
    if (typed) {
      delete schema.nullable;
      typed.nullable = true;
    }
  }
  Object.values(schema).forEach(moveNullableIntoUnions);
}
