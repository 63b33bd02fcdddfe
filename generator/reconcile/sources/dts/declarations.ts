// The top-level declarations of a .d.ts file that the SDK reader looks at (variables, interfaces,
// classes), and the names exported by `export { … }`, `export default X` or `export = X`. Other
// statements (imports, type aliases, enums, namespaces, functions) are checked for shape and skipped,
// as ts-morph's getVariableDeclarations/getInterfaces/getClasses skip them.
import { Cursor } from "./cursor.js";
import {
  canFollowGetOrSet,
  indexSignature,
  isIndexSignature,
  modifiers,
  parseType,
  propertyName,
  signature,
  skipInitializer,
  typeMembers,
  typeParameters,
  type Member,
  type TypeNode,
} from "./types.js";

export interface VariableDeclaration {
  name: string;
  /** The statement carries `export`. */
  exportKeyword: boolean;
  /** Index of the statement's first token. */
  token: number;
  type: TypeNode | undefined;
}

export interface ObjectDeclaration {
  name: string | undefined;
  exportKeyword: boolean;
  token: number;
  members: Member[];
}

export interface Declarations {
  variables: VariableDeclaration[];
  interfaces: ObjectDeclaration[];
  classes: ObjectDeclaration[];
  /** Local names exported by an export list, `export default Name` or `export = Name`. */
  exported: Set<string>;
  /** The file is a module (it imports or exports something). */
  isModule: boolean;
  /** It has export lists or assignments; without them every declaration of a .d.ts module is exported. */
  hasExportStatements: boolean;
}

/** TypeScript's answer to "is this top-level declaration exported?" for a declaration file. */
export function isExported(d: Declarations, name: string | undefined, exportKeyword: boolean): boolean {
  if (exportKeyword) return true;
  return d.isModule && name !== undefined && (!d.hasExportStatements || d.exported.has(name));
}

const DECLARATION_WORDS = new Set([
  "const",
  "let",
  "var",
  "interface",
  "class",
  "abstract",
  "type",
  "enum",
  "namespace",
  "module",
  "global",
  "function",
  "async",
]);

export function parseDeclarations(c: Cursor): Declarations {
  const out: Declarations = {
    variables: [],
    interfaces: [],
    classes: [],
    exported: new Set(),
    isModule: false,
    hasExportStatements: false,
  };
  while (c.tok.kind !== "eof") statement(c, out);
  return out;
}

function statement(c: Cursor, out: Declarations): void {
  const token = c.i;
  if (c.eat(";")) return;
  let exportKeyword = false;
  if (c.is("export")) {
    const n = c.peek();
    if (!c.is("as", n)) out.isModule = true;
    if (c.is("{", n) || c.is("*", n) || (c.is("type", n) && (c.is("{", c.peek(2)) || c.is("*", c.peek(2))))) {
      c.next();
      return exportClause(c, out);
    }
    if (c.is("=", n)) {
      c.next();
      c.next();
      return exportedExpression(c, out);
    }
    if (c.is("as", n) || c.is("import", n)) return skipStatement(c);
    c.next();
    exportKeyword = true;
    if (c.eat("default") && !isDefaultDeclaration(c)) return exportedExpression(c, out);
  }
  if (c.is("declare") && !c.peek().lineBreak && c.isWord(c.peek()) && DECLARATION_WORDS.has(c.peek().value)) c.next();
  declaration(c, token, exportKeyword, out);
}

function isDefaultDeclaration(c: Cursor): boolean {
  if (c.is("class") || c.is("interface") || c.is("function")) return true;
  if (c.is("abstract")) return c.is("class", c.peek());
  return c.is("async") && c.is("function", c.peek()) && !c.peek().lineBreak;
}

function declaration(c: Cursor, token: number, exportKeyword: boolean, out: Declarations): void {
  const word = c.isWord() ? c.tok.value : "";
  const next = c.peek();
  if (word === "const" && c.is("enum", next)) return (c.next(), skipEnum(c));
  if (word === "const" || word === "let" || word === "var") return variables(c, token, exportKeyword, out);
  if (word === "interface") return void out.interfaces.push(interfaceDeclaration(c, token, exportKeyword));
  if (word === "abstract" && c.is("class", next)) c.next();
  if (c.is("class")) return void out.classes.push(classDeclaration(c, token, exportKeyword));
  if (word === "type" && c.isWord(next)) return typeAlias(c);
  if (word === "enum") return skipEnum(c);
  if (word === "namespace" || word === "module" || word === "global") return skipModule(c);
  if (word === "function" || (word === "async" && c.is("function", next))) return skipFunction(c);
  if (word === "import") return void (skipImport(c) && (out.isModule = true));
  c.fail("expected a declaration");
}

function variables(c: Cursor, token: number, exportKeyword: boolean, out: Declarations): void {
  c.next();
  do {
    const t = c.tok;
    let name: string;
    if (c.is("{") || c.is("[")) name = c.text.slice(t.start, c.skipGroup());
    else if (c.isWord()) name = c.text.slice(t.start, c.next().end);
    else c.fail("expected a variable name");
    if (!c.tok.lineBreak) c.eat("!");
    const type = c.eat(":") ? parseType(c) : undefined;
    if (c.eat("=")) skipInitializer(c);
    out.variables.push({ name, exportKeyword, token, type });
  } while (c.eat(","));
  c.semicolon();
}

function interfaceDeclaration(c: Cursor, token: number, exportKeyword: boolean): ObjectDeclaration {
  c.expect("interface");
  if (!c.isWord()) c.fail("expected an interface name");
  const name = c.text.slice(c.tok.start, c.next().end);
  if (c.is("<")) typeParameters(c);
  if (c.eat("extends"))
    do parseType(c);
    while (c.eat(","));
  c.expect("{");
  return { name, exportKeyword, token, members: typeMembers(c) };
}

function classDeclaration(c: Cursor, token: number, exportKeyword: boolean): ObjectDeclaration {
  c.expect("class");
  let name: string | undefined;
  if (c.isWord() && !c.is("extends") && !c.is("implements")) name = c.text.slice(c.tok.start, c.next().end);
  if (c.is("<")) typeParameters(c);
  if (c.eat("extends")) {
    // An expression (in declaration files, a name with type arguments).
    const from = c.i;
    while (!c.is("{") && !c.is("implements") && c.tok.kind !== "eof") {
      if (c.is("(") || c.is("[") || c.is("<")) c.skipGroup(true);
      else c.next();
    }
    if (c.i === from) c.fail("expected a base class");
  }
  if (c.eat("implements"))
    do parseType(c);
    while (c.eat(","));
  c.expect("{");
  const members: Member[] = [];
  while (!c.eat("}")) {
    if (c.tok.kind === "eof") c.fail("expected `}`");
    const m = classMember(c);
    if (m) members.push(m);
  }
  return { name, exportKeyword, token, members };
}

/** parseClassElement: properties kept, everything else read and dropped. */
function classMember(c: Cursor): Member | undefined {
  const token = c.i;
  if (c.eat(";")) return undefined;
  if (c.is("@")) c.fail("decorators are not allowed in a declaration file");
  const mods = modifiers(c, true);
  const bodyOrSemicolon = (): undefined => {
    if (c.is("{")) c.skipGroup();
    else c.semicolon();
    return undefined;
  };
  if (c.is("static") && c.is("{", c.peek())) return (c.next(), c.skipGroup(), undefined);
  if ((c.is("get") || c.is("set")) && canFollowGetOrSet(c, c.peek())) {
    c.next();
    propertyName(c);
    signature(c);
    return bodyOrSemicolon();
  }
  if (c.is("constructor") || (c.tok.kind === "string" && c.tok.value === "constructor" && c.is("(", c.peek()))) {
    c.next();
    signature(c);
    return bodyOrSemicolon();
  }
  if (isIndexSignature(c)) return (indexSignature(c), c.semicolon(), undefined);
  if (c.eat("*")) {
    propertyName(c);
    c.eat("?");
    signature(c);
    return bodyOrSemicolon();
  }
  const t = c.tok;
  if (!(t.kind === "ident" || t.kind === "string" || t.kind === "number" || t.kind === "private" || c.is("["))) {
    c.fail(mods.any ? "expected a member name" : "expected a class member");
  }
  const name = propertyName(c);
  const optional = c.eat("?");
  if (c.is("(") || c.is("<")) {
    signature(c);
    return bodyOrSemicolon();
  }
  if (!optional && !c.tok.lineBreak) c.eat("!");
  const type = c.eat(":") ? parseType(c) : undefined;
  if (c.eat("=")) skipInitializer(c);
  c.semicolon();
  return { kind: "property", name, token, optional, isStatic: mods.isStatic, type };
}

function typeAlias(c: Cursor): void {
  c.expect("type");
  c.next();
  if (c.is("<")) typeParameters(c);
  c.expect("=");
  if (c.is("intrinsic") && !c.is(".", c.peek())) c.next();
  else parseType(c);
  c.semicolon();
}

function skipEnum(c: Cursor): void {
  c.expect("enum");
  if (!c.isWord()) c.fail("expected an enum name");
  c.next();
  if (!c.is("{")) c.fail("expected `{`");
  c.skipGroup();
}

/** `namespace A.B { … }`, `module "m" { … }`, `module "m";`, `global { … }`. */
function skipModule(c: Cursor): void {
  c.next();
  while (c.isWord() || c.tok.kind === "string" || c.is(".")) c.next();
  if (c.is("{")) c.skipGroup();
  else c.semicolon();
}

function skipFunction(c: Cursor): void {
  c.eat("async");
  c.expect("function");
  c.eat("*");
  if (c.isWord()) c.next();
  signature(c);
  if (c.is("{")) c.skipGroup();
  else c.semicolon();
}

/** `import … from "m";`, `import "m";`, `import X = require("m");`, `import X = A.B;`: true unless the last. */
function skipImport(c: Cursor): boolean {
  c.expect("import");
  const equals = c.lookAhead(() => (c.eat("type"), c.isWord() && (c.next(), c.is("="))));
  if (equals) {
    while (!c.is("=")) c.next();
    c.next();
    const external = c.eat("require");
    if (external) {
      if (!c.is("(")) c.fail("expected `(`");
      c.skipGroup();
    } else {
      while (c.isWord() || c.is(".")) c.next();
    }
    c.semicolon();
    return external;
  }
  while (c.tok.kind !== "string") {
    if (c.tok.kind === "eof" || c.is(";")) c.fail("expected a module name");
    if (c.is("{")) c.skipGroup();
    else c.next();
  }
  c.next();
  attributes(c);
  c.semicolon();
  return true;
}

/** `with { … }` (or `assert { … }`) after a module name. */
function attributes(c: Cursor): void {
  if ((c.is("with") || c.is("assert")) && !c.tok.lineBreak && c.is("{", c.peek())) {
    c.next();
    c.skipGroup();
  }
}

/** After `export`: `{ a, b as c } [from "m"]`, `* [as n] from "m"`, with an optional `type`. */
function exportClause(c: Cursor, out: Declarations): void {
  out.hasExportStatements = true;
  c.eat("type");
  if (c.eat("*")) {
    if (c.eat("as")) c.next();
    c.expect("from");
    if (c.tok.kind !== "string") c.fail("expected a module name");
    c.next();
    attributes(c);
    return c.semicolon();
  }
  c.expect("{");
  const names: string[] = [];
  while (!c.eat("}")) {
    if (c.is("type") && (c.isWord(c.peek()) || c.peek().kind === "string") && !c.is("as", c.peek())) c.next();
    const local = c.tok;
    if (!c.isWord() && local.kind !== "string") c.fail("expected a name to export");
    c.next();
    if (c.eat("as")) {
      if (!c.isWord() && c.tok.kind !== "string") c.fail("expected the exported name");
      c.next();
    }
    names.push(local.value);
    if (!c.eat(",")) {
      c.expect("}");
      break;
    }
  }
  if (c.eat("from")) {
    if (c.tok.kind !== "string") c.fail("expected a module name");
    c.next();
    attributes(c);
    return c.semicolon();
  }
  for (const n of names) out.exported.add(n);
  c.semicolon();
}

/** `export default X;` / `export = X;`: a plain name exports that declaration. */
function exportedExpression(c: Cursor, out: Declarations): void {
  out.hasExportStatements = true;
  if (c.isIdentifier() && c.lookAhead(() => (c.next(), c.canSemicolon()))) {
    out.exported.add(c.next().value);
    return c.semicolon();
  }
  skipStatement(c);
}

/** Any other statement: to its `;` (or where a line break ends it), brackets skipped whole. */
function skipStatement(c: Cursor): void {
  const from = c.i;
  while (!(c.i > from && c.canSemicolon()) && c.tok.kind !== "eof") {
    if (c.is("(") || c.is("[") || c.is("{")) c.skipGroup();
    else c.next();
  }
  c.eat(";");
}
