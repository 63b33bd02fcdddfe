// Type syntax, parsed as TypeScript's parser does (parseType and its callees) but keeping only the
// node shapes the SDK reader looks at: unions, arrays, references, parentheses, literals and type
// literals. Everything else is "other", with its extent, so getText() still works.
import { Cursor, RESERVED } from "./cursor.js";
import type { Token } from "./lexer.js";

interface Span {
  start: number;
  end: number;
}

export type TypeNode =
  | (Span & { kind: "union"; parts: TypeNode[] })
  | (Span & { kind: "array"; element: TypeNode })
  | (Span & { kind: "ref"; nameEnd: number; args: TypeNode[] })
  | (Span & { kind: "paren"; inner: TypeNode })
  | (Span & { kind: "literal"; string?: string })
  | (Span & { kind: "typeLiteral"; members: Member[] })
  | (Span & { kind: "keyword" | "other" });

/** A member of an interface, class or type literal. Only properties carry a name the reader uses. */
export interface Member {
  kind: "property" | "other";
  /** The name as written (quotes and brackets included), as ts-morph's getName() gives it. */
  name: string;
  /** Index of the member's first token (its JSDoc is in that token's trivia). */
  token: number;
  optional: boolean;
  isStatic: boolean;
  type: TypeNode | undefined;
}

const KEYWORD_TYPES = new Set([
  "any",
  "unknown",
  "string",
  "number",
  "bigint",
  "symbol",
  "boolean",
  "undefined",
  "never",
  "object",
]);
/** Reserved words that still start a type. */
const TYPE_STARTERS = new Set(["void", "null", "this", "typeof", "new", "true", "false", "function", "import"]);
const MODIFIERS = new Set([
  "abstract",
  "accessor",
  "async",
  "const",
  "declare",
  "default",
  "export",
  "in",
  "public",
  "private",
  "protected",
  "readonly",
  "static",
  "out",
  "override",
]);

export function parseType(c: Cursor, noConditional = false): TypeNode {
  c.enter();
  const t = typeOrConditional(c, noConditional);
  c.depth--;
  return t;
}

function typeOrConditional(c: Cursor, noConditional: boolean): TypeNode {
  const start = c.tok.start;
  if (isStartOfFunctionType(c)) return functionType(c);
  const t = unionOrIntersection(c, "|");
  if (!noConditional && !c.tok.lineBreak && c.is("extends")) {
    c.next();
    parseType(c, true);
    c.expect("?");
    parseType(c);
    c.expect(":");
    parseType(c);
    return { kind: "other", start, end: c.prevEnd };
  }
  return t;
}

/** A return type, where `x is T` may stand. */
export function returnType(c: Cursor): TypeNode {
  const start = c.tok.start;
  if ((c.isIdentifier() || c.is("this")) && c.is("is", c.peek()) && !c.peek().lineBreak) {
    c.next();
    c.next();
    parseType(c);
    return { kind: "other", start, end: c.prevEnd };
  }
  return parseType(c);
}

function isStartOfFunctionType(c: Cursor): boolean {
  if (c.is("<") || c.is("new")) return true;
  if (c.is("abstract") && c.is("new", c.peek())) return true;
  return c.is("(") && c.lookAhead(() => unambiguouslyFunctionType(c));
}

function unambiguouslyFunctionType(c: Cursor): boolean {
  c.next();
  if (c.is(")") || c.is("...")) return true;
  while (MODIFIERS.has(c.tok.value) && c.isWord() && c.isWord(c.peek())) c.next();
  if (c.isIdentifier() || c.is("this")) c.next();
  else if (c.is("[") || c.is("{")) c.skipGroup();
  else return false;
  if (c.is(":") || c.is(",") || c.is("?") || c.is("=")) return true;
  if (c.is(")")) {
    c.next();
    return c.is("=>");
  }
  return false;
}

function functionType(c: Cursor): TypeNode {
  const start = c.tok.start;
  c.eat("abstract");
  c.eat("new");
  if (c.is("<")) typeParameters(c);
  if (!c.is("(")) c.fail("expected `(`");
  c.skipGroup();
  c.expect("=>");
  returnType(c);
  return { kind: "other", start, end: c.prevEnd };
}

function unionOrIntersection(c: Cursor, op: "|" | "&"): TypeNode {
  const start = c.tok.start;
  const operand = (): TypeNode => {
    if (isStartOfFunctionType(c)) return functionType(c);
    return op === "|" ? unionOrIntersection(c, "&") : typeOperator(c);
  };
  const leading = c.eat(op);
  const first = operand();
  if (!c.is(op) && !leading) return first;
  const parts = [first];
  while (c.eat(op)) parts.push(operand());
  return op === "|" ? { kind: "union", start, end: c.prevEnd, parts } : { kind: "other", start, end: c.prevEnd };
}

function typeOperator(c: Cursor): TypeNode {
  const start = c.tok.start;
  if (c.is("keyof") || c.is("unique") || c.is("readonly")) {
    c.next();
    c.enter();
    typeOperator(c);
    c.depth--;
    return { kind: "other", start, end: c.prevEnd };
  }
  if (c.is("infer")) {
    c.next();
    if (!c.isWord()) c.fail("expected a type parameter name");
    c.next();
    if (c.is("extends")) {
      // `infer X extends C`, unless the `extends` begins a conditional type (`? :` follows).
      const saved = c.i;
      c.next();
      parseType(c, true);
      if (c.is("?")) c.i = saved;
    }
    return { kind: "other", start, end: c.prevEnd };
  }
  return postfix(c);
}

function postfix(c: Cursor): TypeNode {
  let t = nonArray(c);
  while (!c.tok.lineBreak) {
    if (c.is("!")) {
      c.next();
      t = { kind: "other", start: t.start, end: c.prevEnd };
    } else if (c.is("?")) {
      if (c.lookAhead(() => (c.next(), isStartOfType(c)))) return t;
      c.next();
      t = { kind: "other", start: t.start, end: c.prevEnd };
    } else if (c.is("[")) {
      c.next();
      if (c.eat("]")) t = { kind: "array", start: t.start, end: c.prevEnd, element: t };
      else {
        parseType(c);
        c.expect("]");
        t = { kind: "other", start: t.start, end: c.prevEnd };
      }
    } else break;
  }
  return t;
}

function isStartOfType(c: Cursor): boolean {
  const t = c.tok;
  if (t.kind === "string" || t.kind === "number" || t.kind === "template") return true;
  if (t.kind === "ident") return !RESERVED.has(t.value) || TYPE_STARTERS.has(t.value);
  if (t.kind !== "punct") return false;
  if (t.value === "-") return c.peek().kind === "number";
  return ["{", "[", "<", "|", "&", "*", "?", "!", "...", "("].includes(t.value);
}

function nonArray(c: Cursor): TypeNode {
  const t = c.tok;
  const start = t.start;
  const done = (kind: "keyword" | "other" | "literal"): TypeNode => ({ kind, start, end: c.prevEnd });
  if (t.kind === "string") {
    c.next();
    return { kind: "literal", start, end: c.prevEnd, string: t.value };
  }
  if (t.kind === "number") return (c.next(), done("literal"));
  if (t.kind === "template") {
    if (t.template === "whole") return (c.next(), done("literal"));
    if (t.template !== "head") c.fail("expected a type");
    c.next();
    for (;;) {
      parseType(c);
      const piece = c.tok;
      if (piece.kind !== "template" || piece.template === "head" || piece.template === "whole")
        c.fail("expected the rest of the template literal type");
      c.next();
      if (piece.template === "tail") return done("other");
    }
  }
  if (t.kind === "punct") {
    if (t.value === "-" && c.peek().kind === "number") return (c.next(), c.next(), done("literal"));
    if (t.value === "(") {
      c.next();
      const inner = parseType(c);
      c.expect(")");
      return { kind: "paren", start, end: c.prevEnd, inner };
    }
    if (t.value === "[") return (c.skipGroup(), done("other"));
    if (t.value === "{") {
      if (isStartOfMappedType(c)) return (c.skipGroup(), done("other"));
      c.next();
      const members = typeMembers(c);
      return { kind: "typeLiteral", start, end: c.prevEnd, members };
    }
    c.fail("expected a type");
  }
  if (t.kind !== "ident") c.fail("expected a type");
  const word = t.value;
  if (KEYWORD_TYPES.has(word) && !c.is(".", c.peek())) return (c.next(), done("keyword"));
  if (word === "true" || word === "false" || word === "null") return (c.next(), done("literal"));
  if (word === "void") return (c.next(), done("keyword"));
  if (word === "this") {
    c.next();
    if (c.is("is") && !c.tok.lineBreak) {
      c.next();
      parseType(c);
      return done("other");
    }
    return done("keyword");
  }
  if (word === "asserts" && c.isWord(c.peek()) && !c.peek().lineBreak) {
    c.next();
    c.next();
    if (c.eat("is")) parseType(c);
    return done("other");
  }
  if (word === "typeof") {
    c.next();
    if (c.is("import")) importType(c);
    else entityName(c);
    if (c.is("<") && !c.tok.lineBreak) typeArguments(c);
    return done("other");
  }
  if (word === "import") return (importType(c), done("other"));
  if (word === "function") c.fail("JSDoc function types are not TypeScript");
  const nameEnd = entityName(c);
  const args = c.is("<") && !c.tok.lineBreak ? typeArguments(c) : [];
  return { kind: "ref", start, end: c.prevEnd, nameEnd, args };
}

/** `A.B.C`: returns its end. */
function entityName(c: Cursor): number {
  if (!c.isWord()) c.fail("expected a type");
  c.next();
  while (c.is(".") && !c.is("<", c.peek())) {
    c.next();
    if (!c.isWord() && c.tok.kind !== "private") c.fail("expected a name after `.`");
    c.next();
  }
  return c.prevEnd;
}

function importType(c: Cursor): void {
  c.expect("import");
  if (!c.is("(")) c.fail("expected `(`");
  c.skipGroup();
  if (c.is(".")) {
    c.next();
    entityName(c);
  }
  if (c.is("<") && !c.tok.lineBreak) typeArguments(c);
}

function isStartOfMappedType(c: Cursor): boolean {
  return c.lookAhead(() => {
    c.next();
    if (c.is("+") || c.is("-")) return (c.next(), c.is("readonly"));
    if (c.is("readonly")) c.next();
    if (!c.is("[")) return false;
    c.next();
    if (!c.isIdentifier()) return false;
    c.next();
    return c.is("in");
  });
}

export function typeArguments(c: Cursor): TypeNode[] {
  c.expect("<");
  const args: TypeNode[] = [];
  do {
    if (c.is(">")) break;
    args.push(parseType(c));
  } while (c.eat(","));
  c.expect(">");
  return args;
}

/** `<T extends C = D, …>` on a declaration or signature. */
export function typeParameters(c: Cursor): void {
  c.expect("<");
  do {
    if (c.is(">")) break;
    while ((c.is("in") || c.is("out") || c.is("const")) && c.isWord(c.peek())) c.next();
    if (!c.isIdentifier()) c.fail("expected a type parameter name");
    c.next();
    if (c.eat("extends")) parseType(c);
    if (c.eat("=")) parseType(c);
  } while (c.eat(","));
  c.expect(">");
}

/** `<T>(params): R` of a method, call or construct signature, or function. */
export function signature(c: Cursor): void {
  if (c.is("<")) typeParameters(c);
  if (!c.is("(")) c.fail("expected `(`");
  c.skipGroup();
  if (c.eat(":")) returnType(c);
}

/** Members of a type literal or interface body, after its `{`, through its `}`. */
export function typeMembers(c: Cursor): Member[] {
  const members: Member[] = [];
  while (!c.eat("}")) {
    if (c.tok.kind === "eof") c.fail("expected `}`");
    members.push(typeMember(c));
    // parseTypeMemberSemicolon
    if (!c.eat(",")) c.semicolon();
  }
  return members;
}

function typeMember(c: Cursor): Member {
  const token = c.i;
  const other = (): Member => ({ kind: "other", name: "", token, optional: false, isStatic: false, type: undefined });
  if (c.is("(") || c.is("<")) return (signature(c), other());
  if (c.is("new") && (c.is("(", c.peek()) || c.is("<", c.peek()))) return (c.next(), signature(c), other());
  const { isStatic } = modifiers(c, false);
  if ((c.is("get") || c.is("set")) && canFollowGetOrSet(c, c.peek())) {
    c.next();
    propertyName(c);
    signature(c);
    return other();
  }
  if (isIndexSignature(c)) return (indexSignature(c), other());
  const name = propertyName(c);
  const optional = c.eat("?");
  if (c.is("(") || c.is("<")) return (signature(c), other());
  const type = c.eat(":") ? parseType(c) : undefined;
  if (c.eat("=")) skipInitializer(c);
  return { kind: "property", name, token, optional, isStatic, type };
}

/** Modifiers as TypeScript's parseModifiers takes them (a modifier word followed by a name). */
export function modifiers(c: Cursor, inClass: boolean): { isStatic: boolean; any: boolean } {
  let isStatic = false;
  let any = false;
  for (;;) {
    const t = c.tok;
    if (!c.isWord() || !MODIFIERS.has(t.value)) break;
    const n = c.peek();
    let ok: boolean;
    if (t.value === "static") ok = !isStatic && !(inClass && c.is("{", n)) && canFollowModifier(c, n);
    else if (t.value === "const") ok = inClass ? !n.lineBreak && canFollowModifier(c, n) : c.is("enum", n);
    else if (t.value === "export") ok = !c.is("*", n) && !c.is("as", n) && !c.is("{", n) && canFollowModifier(c, n);
    else if (t.value === "default") ok = false;
    else ok = !n.lineBreak && canFollowModifier(c, n);
    if (!ok) break;
    if (t.value === "static") isStatic = true;
    any = true;
    c.next();
  }
  return { isStatic, any };
}

const isLiteralPropertyName = (t: Token): boolean => t.kind === "ident" || t.kind === "string" || t.kind === "number";
function canFollowModifier(c: Cursor, t: Token): boolean {
  return (
    c.is("[", t) || c.is("{", t) || c.is("*", t) || c.is("...", t) || t.kind === "private" || isLiteralPropertyName(t)
  );
}
export function canFollowGetOrSet(c: Cursor, t: Token): boolean {
  return c.is("[", t) || t.kind === "private" || isLiteralPropertyName(t);
}

/** `[key: K]: V` rather than a computed property name (isUnambiguouslyIndexSignature). */
export function isIndexSignature(c: Cursor): boolean {
  if (!c.is("[")) return false;
  return c.lookAhead(() => {
    c.next();
    if (c.is("...") || c.is("]")) return true;
    if (c.isWord() && MODIFIERS.has(c.tok.value)) {
      c.next();
      if (c.isIdentifier()) return true;
    } else if (!c.isIdentifier()) return false;
    else c.next();
    if (c.is(":") || c.is(",")) return true;
    if (!c.is("?")) return false;
    c.next();
    return c.is(":") || c.is(",") || c.is("]");
  });
}

export function indexSignature(c: Cursor): void {
  c.skipGroup();
  if (c.eat(":")) parseType(c);
}

/** A property name as written: identifier or keyword, string, number, #private or [computed]. */
export function propertyName(c: Cursor): string {
  const t = c.tok;
  if (c.is("[")) {
    const end = c.skipGroup();
    return c.text.slice(t.start, end);
  }
  if (t.kind === "ident" || t.kind === "string" || t.kind === "number" || t.kind === "private") {
    c.next();
    return c.text.slice(t.start, t.end);
  }
  return c.fail("expected a property name");
}

/** An initializer (`= value`): literals in declaration files; skipped to the end of the member. */
export function skipInitializer(c: Cursor): void {
  const start = c.i;
  for (;;) {
    const t = c.tok;
    if (t.kind === "eof" || c.is(";") || c.is(",") || c.is("}") || (c.i > start && t.lineBreak)) break;
    if (c.is("(") || c.is("[") || c.is("{") || (t.kind === "template" && t.template === "head")) c.skipGroup();
    else c.next();
  }
  if (c.i === start) c.fail("expected a value");
}
