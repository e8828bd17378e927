// Why: the small part of GraphQL the manager's clients send to /admin/gql (spec §4.3): one query
// operation with variables, fields with arguments, aliases and nested selections. Anything else
// (fragments, directives, mutations, subscriptions) is refused with a GraphQL error.

export type GqlLocation = { line: number; column: number };
export type GqlError = { message: string; locations?: GqlLocation[]; path?: (string | number)[] };
export type GqlField = { name: string; alias: string; args: Record<string, unknown>; selections: GqlField[] | null; loc: GqlLocation };

export class GqlSyntaxError extends Error {
  constructor(message: string, readonly loc: GqlLocation) {
    super(`Syntax Error: ${message}`);
  }
}

type Token = { kind: "punct" | "name" | "number" | "string" | "eof"; value: string; loc: GqlLocation };

const PUNCT = new Set(["{", "}", "(", ")", ":", "$", "!", "[", "]", "=", "@"]);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const loc = (at: number): GqlLocation => ({ line, column: at - lineStart + 1 });
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") [line, lineStart, i] = [line + 1, i + 1, i + 1];
    else if (c === " " || c === "\t" || c === "\r" || c === "," || c === "\ufeff") i++;
    else if (c === "#") while (i < src.length && src[i] !== "\n") i++;
    else if (PUNCT.has(c)) tokens.push({ kind: "punct", value: c, loc: loc(i++) });
    else if (src.startsWith("...", i)) throw new GqlSyntaxError("Fragments are not supported by this server.", loc(i));
    else if (/[_A-Za-z]/.test(c)) {
      const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ kind: "name", value: m[0], loc: loc(i) });
      i += m[0].length;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new GqlSyntaxError(`Unexpected character '${c}'.`, loc(i));
      tokens.push({ kind: "number", value: m[0], loc: loc(i) });
      i += m[0].length;
    } else if (c === '"') {
      const m = /^"((?:[^"\\\n]|\\.)*)"/.exec(src.slice(i));
      if (!m) throw new GqlSyntaxError("Unterminated string.", loc(i));
      tokens.push({ kind: "string", value: JSON.parse(m[0]) as string, loc: loc(i) });
      i += m[0].length;
    } else throw new GqlSyntaxError(`Unexpected character '${c}'.`, loc(i));
  }
  tokens.push({ kind: "eof", value: "<EOF>", loc: loc(i) });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[], private readonly variables: Record<string, unknown>) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private expect(value: string): Token {
    const t = this.next();
    if (t.value !== value || (t.kind !== "punct" && t.kind !== "name")) throw new GqlSyntaxError(`Expected '${value}', found '${t.value}'.`, t.loc);
    return t;
  }
  private name(): Token {
    const t = this.next();
    if (t.kind !== "name") throw new GqlSyntaxError(`Expected Name, found '${t.value}'.`, t.loc);
    return t;
  }

  /** `query Name($a: Int!) { … }` or `{ … }`; returns the root selections. */
  document(): GqlField[] {
    const first = this.peek();
    if (first.kind === "name") {
      if (first.value !== "query") throw new GqlSyntaxError(`Operation '${first.value}' is not supported by this server.`, first.loc);
      this.next();
      if (this.peek().kind === "name") this.next();
      if (this.peek().value === "(") this.skipBalanced("(", ")");
    }
    const fields = this.selectionSet();
    const rest = this.peek();
    if (rest.kind !== "eof") throw new GqlSyntaxError(`Unexpected '${rest.value}'.`, rest.loc);
    return fields;
  }

  private skipBalanced(open: string, close: string): void {
    let depth = 0;
    do {
      const t = this.next();
      if (t.kind === "eof") throw new GqlSyntaxError(`Expected '${close}', found <EOF>.`, t.loc);
      if (t.value === open && t.kind === "punct") depth++;
      if (t.value === close && t.kind === "punct") depth--;
    } while (depth > 0);
  }

  private selectionSet(): GqlField[] {
    this.expect("{");
    const fields: GqlField[] = [];
    while (this.peek().value !== "}" || this.peek().kind !== "punct") fields.push(this.field());
    this.next();
    if (fields.length === 0) throw new GqlSyntaxError("Expected Name, found '}'.", this.tokens[this.pos - 1].loc);
    return fields;
  }

  private field(): GqlField {
    const first = this.name();
    let name = first.value;
    let alias = first.value;
    if (this.peek().value === ":" && this.peek().kind === "punct") {
      this.next();
      name = this.name().value;
    }
    const args: Record<string, unknown> = {};
    if (this.peek().value === "(" && this.peek().kind === "punct") {
      this.next();
      while (this.peek().value !== ")") {
        const key = this.name().value;
        this.expect(":");
        args[key] = this.value();
      }
      this.next();
    }
    if (this.peek().value === "@") throw new GqlSyntaxError("Directives are not supported by this server.", this.peek().loc);
    const selections = this.peek().value === "{" && this.peek().kind === "punct" ? this.selectionSet() : null;
    return { name, alias, args, selections, loc: first.loc };
  }

  private value(): unknown {
    const t = this.next();
    if (t.kind === "punct" && t.value === "$") return this.variables[this.name().value] ?? null;
    if (t.kind === "number") return Number(t.value);
    if (t.kind === "string") return t.value;
    if (t.kind === "name") return t.value === "true" ? true : t.value === "false" ? false : t.value === "null" ? null : t.value;
    if (t.kind === "punct" && t.value === "[") {
      const items: unknown[] = [];
      while (this.peek().value !== "]") items.push(this.value());
      this.next();
      return items;
    }
    throw new GqlSyntaxError(`Unexpected '${t.value}'.`, t.loc);
  }
}

/** Parses a query document into its root fields, with variables substituted. */
export function parseQuery(query: string, variables: Record<string, unknown> = {}): GqlField[] {
  return new Parser(tokenize(query), variables).document();
}
