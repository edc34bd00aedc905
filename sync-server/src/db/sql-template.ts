/** A piece of SQL text with its own parameters, spliced into a query by the tagged template. */
export class SqlFragment {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[] = [],
  ) {}
}

/** A quoted identifier (table or column name) for queries whose names come from shared-schema. */
export function ident(name: string): SqlFragment {
  return new SqlFragment(`"${name.replace(/"/g, '""')}"`);
}

/** Identifiers joined by commas: a column list. */
export function idents(names: readonly string[]): SqlFragment {
  return new SqlFragment(names.map((n) => ident(n).text).join(", "));
}

/** A fragment built with the same tagged-template syntax, for composing queries. */
export function fragment(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  const { text, params } = compile(strings, values);
  return new SqlFragment(text, params);
}

/** Values joined by a separator, each a parameter (or a fragment spliced in). */
export function join(values: readonly unknown[], separator = ", "): SqlFragment {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const value of values) {
    if (value instanceof SqlFragment) {
      parts.push(renumber(value, params.length));
      params.push(...value.params);
    } else {
      params.push(value);
      parts.push(`$${params.length}`);
    }
  }
  return new SqlFragment(parts.join(separator), params);
}

function renumber(f: SqlFragment, offset: number): string {
  if (offset === 0 || f.params.length === 0) return f.text;
  return f.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * Turns a tagged template into numbered-parameter SQL. Values are always parameters, never text;
 * only SqlFragments (identifiers, composed pieces) are spliced in.
 */
export function compile(
  strings: TemplateStringsArray,
  values: readonly unknown[],
): { text: string; params: unknown[] } {
  let text = strings[0] ?? "";
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += renumber(value, params.length);
      params.push(...value.params);
    } else {
      params.push(value);
      text += `$${params.length}`;
    }
    text += strings[i + 1] ?? "";
  });
  return { text, params };
}
