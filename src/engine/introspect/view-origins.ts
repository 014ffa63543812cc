/**
 * Where a view's columns come from, read from its stored query tree (pg_rewrite.ev_action of
 * its `_RETURN` rule, as text). PostgreSQL records, for each output column that is a plain
 * column of a table, that table's oid and the column's number (TargetEntry resorigtbl and
 * resorigcol: what a client's PQftable reports); expressions have none. The catalog offers
 * this nowhere else: information_schema.view_column_usage says which base columns a view
 * uses, not which view column shows which (`SELECT id AS code, code AS id` would fool a match
 * by names). PostgREST reads the same fields for the same reason.
 *
 * The text is PostgreSQL's node-tree format (nodes `{TYPE :field value …}`, lists `( … )`,
 * tokens with backslash escapes, `<>` for NULL), read here by its own tokenising rules.
 */

/** A token, a node or a list. */
type Item = string | TreeNode | Item[];
interface TreeNode {
  type: string;
  fields: Map<string, Item[]>;
}

/** pg_strtok's rules: ( ) { } are tokens of their own; others end at whitespace or one of those, a backslash escaping the next character. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      i++;
      continue;
    }
    if ('(){}'.includes(ch)) {
      tokens.push(ch);
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !' \n\t(){}'.includes(text[i]!)) i += text[i] === '\\' && i + 1 < text.length ? 2 : 1;
    tokens.push(text.slice(start, i));
  }
  return tokens;
}

class Reader {
  private at = 0;
  constructor(private readonly tokens: string[]) {}

  item(): Item {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new Error('the query tree ended early');
    if (token === '(') {
      const list: Item[] = [];
      while (this.peek() !== ')') list.push(this.item());
      this.at++;
      return list;
    }
    if (token === '{') {
      const type = this.tokens[this.at++] ?? '';
      const fields = new Map<string, Item[]>();
      let current: Item[] | undefined;
      while (this.peek() !== '}') {
        const next = this.peek();
        // A field's first value is taken whatever it looks like (a column named ":x" is a value there).
        if (typeof next === 'string' && next.startsWith(':') && !(current && current.length === 0)) {
          current = [];
          fields.set(next.slice(1), current);
          this.at++;
        } else {
          const value = this.item();
          current?.push(value);
        }
      }
      this.at++;
      return { type, fields };
    }
    return token;
  }

  private peek(): string | undefined {
    const token = this.tokens[this.at];
    if (token === undefined) throw new Error('the query tree ended early');
    return token;
  }
}

function field(node: TreeNode, name: string): Item | undefined {
  return node.fields.get(name)?.[0];
}

function isNode(item: Item | undefined, type: string): item is TreeNode {
  return typeof item === 'object' && !Array.isArray(item) && item.type === type;
}

export interface ColumnOrigin {
  /** pg_class oid of the table (or view) the column is taken from, as text. */
  table: string;
  /** Its attribute number there. */
  attnum: number;
}

/**
 * The origin of each output column of the view whose `_RETURN` rule has this query tree, by
 * the view column's number (1, 2, …). Columns that are expressions are left out. Undefined
 * when the text is not one query as expected (the caller then treats the view as keyless).
 */
export function viewColumnOrigins(queryTree: string): Map<number, ColumnOrigin> | undefined {
  let parsed: Item;
  try {
    parsed = new Reader(tokenize(queryTree)).item();
  } catch {
    return undefined;
  }
  const query = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : undefined;
  if (!isNode(query, 'QUERY')) return undefined;
  const targets = field(query, 'targetList');
  if (!Array.isArray(targets)) return undefined;
  const origins = new Map<number, ColumnOrigin>();
  for (const entry of targets) {
    if (!isNode(entry, 'TARGETENTRY') || field(entry, 'resjunk') !== 'false') continue;
    const [resno, table, attnum] = ['resno', 'resorigtbl', 'resorigcol'].map((name) => Number(field(entry, name)));
    if (Number.isInteger(resno) && Number.isInteger(table) && Number.isInteger(attnum) && table! > 0 && attnum! > 0)
      origins.set(resno!, { table: String(table), attnum: attnum! });
  }
  return origins;
}
