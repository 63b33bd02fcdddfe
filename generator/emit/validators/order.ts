// The order ajv compiles the named types in. ajv compiles a referenced schema inside the one
// that refers to it, so a chain of references a few hundred types long (T0 → T1 → … → T1999)
// overflows the stack. Such a corpus is compiled leaves first: each reference is then already
// compiled when it is met. Every other corpus keeps name order, and so its output byte for byte.
import type { Model } from "../../ir/model.js";
import { referencedNames } from "../../ir/walk.js";

/** Reference chains deeper than this are compiled leaves first (ajv overflows at about 200). */
export const MAX_COMPILE_NESTING = 64;

export interface CompileOrder {
  names: string[];
  /** The deepest nesting of compiles in name order, as a depth-first walk of references finds it. */
  nesting: number;
}

export function compileOrder(model: Model): CompileOrder {
  const byName = new Map(model.types.map((t) => [t.name, t]));
  const postOrder: string[] = [];
  const state = new Map<string, "open" | "done">();
  let nesting = 0;
  for (const t of model.types) {
    if (state.has(t.name)) continue;
    // Iterative: the walk itself must not recurse as deep as the chain.
    const stack = [{ name: t.name, refs: referencedNames(t.node), next: 0 }];
    state.set(t.name, "open");
    while (stack.length > 0) {
      nesting = Math.max(nesting, stack.length);
      const top = stack[stack.length - 1]!;
      const ref = top.refs[top.next++];
      if (ref === undefined) {
        stack.pop();
        state.set(top.name, "done");
        postOrder.push(top.name);
      } else if (!state.has(ref) && byName.has(ref)) {
        state.set(ref, "open");
        stack.push({ name: ref, refs: referencedNames(byName.get(ref)!.node), next: 0 });
      }
    }
  }
  return { names: nesting > MAX_COMPILE_NESTING ? postOrder : model.types.map((t) => t.name), nesting };
}
