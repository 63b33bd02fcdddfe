// A file's text as parts (FragmentMemo.joined): what emitters produce, and what the writer and its memo
// take, without joining the parts into one string unless something reads it whole.

/**
 * A text as `head + parts.join(sep) + tail`, never changed once made: a memo gives the same object for
 * the same text, so it is compared by identity where a text would be by value.
 */
export interface Joined {
  readonly head: string;
  readonly parts: readonly string[];
  readonly sep: string;
  readonly tail: string;
}

/** A file's text, or its parts. */
export type Text = string | Joined;

const joinedTexts = new WeakMap<Joined, string>();

/** The text itself (a Joined's joined once, and kept while it lives). */
export function textOf(t: Text): string {
  if (typeof t === "string") return t;
  let text = joinedTexts.get(t);
  if (text === undefined) joinedTexts.set(t, (text = joinParts(t.head, t.parts, t.sep, t.tail)));
  return text;
}

/** `head + parts.join(sep) + tail` in one join: a concatenation after it is copied again when read whole. */
export function joinParts(head: string, parts: readonly string[], sep: string, tail: string): string {
  if (parts.length === 0) return head + tail;
  const all = [...parts];
  all[0] = head + all[0]!;
  all[all.length - 1] += tail;
  return all.join(sep);
}
