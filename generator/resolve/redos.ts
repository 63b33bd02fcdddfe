// Patterns that can backtrack exponentially, e.g. (a+)+ or (\w*)*: a quantified group whose
// body can itself repeat without bound. Validators run on data from the network, so such a
// pattern is refused at generation time rather than left as a denial-of-service.

/** True when the pattern nests an unbounded quantifier inside another. */
export function hasNestedQuantifier(source: string): boolean {
  // Each open group records whether its body holds an unbounded quantifier.
  const stack: boolean[] = [];
  let inClass = false;
  const unboundedAt = (i: number): boolean => {
    const c = source[i];
    if (c === "*" || c === "+") return true;
    if (c === "{") return /^\{\d+,\}/.test(source.slice(i));
    return false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") stack.push(false);
    else if (c === ")") {
      const inner = stack.pop() ?? false;
      const quantified = unboundedAt(i + 1);
      if (inner && quantified) return true;
      // The group's own repetition makes the enclosing group's body repeat too.
      if ((inner || quantified) && stack.length > 0) stack[stack.length - 1] = true;
    } else if (unboundedAt(i) && stack.length > 0) stack[stack.length - 1] = true;
  }
  return false;
}
