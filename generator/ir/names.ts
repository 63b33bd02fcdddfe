// Names: how a schema name becomes a type identifier. Resolve, reconcile and every emitter
// share this, so it lives beside the IR, not in an emitter.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words that cannot name a TypeScript type, or that would shadow something a reader relies on. */
const RESERVED_TYPE_NAMES = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of unknown never object bigint undefined async await " +
    "infer is keyof readonly unique satisfies accessor out asserts global namespace abstract __proto__ then " +
    "Object Array String Number Boolean Date Error Function Promise Record Partial Required Readonly Map Set Symbol " +
    // The generated validators module's own names: validators.d.ts's interfaces and class, and
    // types whose validate…/is…/assert… would repeat a runtime.js function (isTime, validateWith, …).
    // test/hostile checks this list against runtime.js and declarations.ts.
    "Drift ValidationIssue ValidateOptions ValidationResult ValidationError Valid With Time DateTime Duration Uuid " +
    "Uri UriReference JsonPointer Email Hostname Ipv4 Ipv6 Int64 Uint64 Int128 Uint128"
  ).split(" "),
);

export const isIdentifier = (name: string): boolean => IDENTIFIER.test(name);

/**
 * A safe, valid TypeScript type name for a schema name; `taken` keeps results unique (Name_2,
 * Name_3, …). A caller naming many types against a growing `taken` passes `next` too: the suffix
 * search then resumes where it stopped, so thousands of types wanting one name cost linear time.
 */
export function typeIdentifier(
  name: string,
  taken?: Pick<ReadonlySet<string>, "has">,
  next?: Map<string, number>,
): string {
  let id = name.replace(/[^A-Za-z0-9_]/g, "_");
  if (id === "" || /^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED_TYPE_NAMES.has(id)) id = `${id}_`;
  if (taken && taken.has(id)) {
    const base = id;
    let i = next?.get(base) ?? 2;
    for (id = `${base}_${i}`; taken.has(id); id = `${base}_${i}`) i++;
    next?.set(base, i + 1);
  }
  return id;
}
