// What every emitter returns: files by relative path. Banner and formatting are the writer's job.
import type { Model } from "../ir/model.js";
import { joinParts, textOf, type Joined, type Text } from "../joined.js";

export type { Joined, Text };

export type FileKind = "ts" | "js" | "md" | "json";

export interface OutputFile {
  /** Relative to the corpus output folder, '/' separated. */
  path: string;
  kind: FileKind;
  content: string;
  /** The content is final: banner included and in house style (prettier leaves it unchanged). */
  final?: true;
  /**
   * The content as parts, when a memo joined it (FragmentMemo.joined): `content` is then joined only
   * when read, and a writer that encodes the parts (watch) encodes only those that changed.
   */
  readonly joined?: Joined;
}

/** An output file of text or parts: with parts, `content` is joined when first read (a plain property after). */
export function outputFile(path: string, kind: FileKind, text: Text): OutputFile {
  if (typeof text === "string") return { path, kind, content: text, final: true };
  const file = { path, kind, final: true as const } as OutputFile;
  Object.defineProperty(file, "content", { enumerable: true, configurable: true, get: () => textOf(text) });
  Object.defineProperty(file, "joined", { value: text, enumerable: false });
  return file;
}

/**
 * Memoized per-type fragments (the cache implements it: generator/cache/fragments.ts). `fragment`
 * returns what `compute` returns; it may instead return the text an earlier call computed for the
 * same emitter, type (by content) and context. So `compute` must depend on nothing else: pass it
 * the type and a context built only from what the key holds.
 */
export interface FragmentMemo {
  fragment(emitter: string, type: object, context: unknown, compute: () => string): string;
  /**
   * `fragment(emitter, type, c, () => compute(c))` with `c = context()`, for a context that is a function
   * of `type` and `deps` alone: the memo may give the text it gave the last run for the same type object
   * and deps (each the same value, Object.is) without building the context. The memo keeps `deps`: the
   * caller builds a new array for each call and leaves it as it is.
   */
  fragmentFrom?<C>(
    emitter: string,
    type: object,
    deps: readonly unknown[],
    context: () => C,
    compute: (context: C) => string,
  ): string;
  /**
   * `fragmentFrom(emitter, types[i], deps(i), () => context(i), (c) => compute(i, c))` for each type, in
   * order. `name` names the batch (a file or view, the same from run to run): the memo may give the text
   * its last batch under that name had for the same type object with the same deps, with no lookup per type.
   */
  fragmentsFrom?<C>(
    emitter: string,
    name: string,
    types: readonly object[],
    deps: (i: number) => readonly unknown[],
    context: (i: number) => C,
    compute: (i: number, context: C) => string,
  ): string[];
  /** `value`, or the last run's value under `name` when equal to it (canonical JSON): deps by identity. */
  shared?<T>(name: string, value: T): T;
  /**
   * `compute()` for a value that is a function of the object `of` alone: the memo may give the value it
   * computed before for the same object and name. The caller does not change the value.
   */
  derived?<T>(of: object, name: string, compute: () => T): T;
  /**
   * `assemble(parts)`, or the text it gave the last run under `name` when each part is the same value
   * (Object.is): `assemble` must read nothing the parts do not determine.
   */
  assembled?<P extends readonly unknown[]>(name: string, parts: P, assemble: (parts: P) => string): string;
  /** The parts as one Joined: the last run's object under `name` when its ends, separator and parts are the same. */
  joined?(name: string, head: string, parts: readonly string[], sep: string, tail: string): Joined;
}

export interface EmitOptions {
  /** Without it, an emitter computes every fragment. */
  memo?: FragmentMemo;
}

/** An emitter is a pure function of the IR (and its options). */
export type Emitter = (model: Model, options?: EmitOptions) => OutputFile[];

/** A type's fragment through the memo when there is one. */
export const fragmentOf = (
  options: EmitOptions | undefined,
  emitter: string,
  type: object,
  context: unknown,
  compute: () => string,
): string => (options?.memo ? options.memo.fragment(emitter, type, context, compute) : compute());

/** A type's fragment whose context is a function of the type and `deps` (FragmentMemo.fragmentFrom). */
export function fragmentFrom<C>(
  options: EmitOptions | undefined,
  emitter: string,
  type: object,
  deps: readonly unknown[],
  context: () => C,
  compute: (context: C) => string,
): string {
  const memo = options?.memo;
  if (memo?.fragmentFrom) return memo.fragmentFrom(emitter, type, deps, context, compute);
  const c = context();
  return memo ? memo.fragment(emitter, type, c, () => compute(c)) : compute(c);
}

/** Each type's fragment, as fragmentFrom gives it (FragmentMemo.fragmentsFrom). */
export function fragmentsFrom<C>(
  options: EmitOptions | undefined,
  emitter: string,
  name: string,
  types: readonly object[],
  deps: (i: number) => readonly unknown[],
  context: (i: number) => C,
  compute: (i: number, context: C) => string,
): string[] {
  const memo = options?.memo;
  if (memo?.fragmentsFrom) return memo.fragmentsFrom(emitter, name, types, deps, context, compute);
  return types.map((t, i) =>
    fragmentFrom(
      options,
      emitter,
      t,
      deps(i),
      () => context(i),
      (c) => compute(i, c),
    ),
  );
}

/** A value built per run, as the memo shares it between runs (FragmentMemo.shared). */
export const sharedOf = <T>(options: EmitOptions | undefined, name: string, value: T): T =>
  options?.memo?.shared ? options.memo.shared(name, value) : value;

/** A value computed from `of` alone, through the memo when it has one (FragmentMemo.derived). */
export const derivedOf = <T>(options: EmitOptions | undefined, of: object, name: string, compute: () => T): T =>
  options?.memo?.derived ? options.memo.derived(of, name, compute) : compute();

/** A file's text from its parts, through the memo when it has one (FragmentMemo.assembled). */
export const assembledOf = <P extends readonly unknown[]>(
  options: EmitOptions | undefined,
  name: string,
  parts: P,
  assemble: (parts: P) => string,
): string => (options?.memo?.assembled ? options.memo.assembled(name, parts, assemble) : assemble(parts));

/** `head + parts.join(sep) + tail`: as parts through the memo when it joins them (FragmentMemo.joined). */
export const joinedOf = (
  options: EmitOptions | undefined,
  name: string,
  head: string,
  parts: readonly string[],
  sep: string,
  tail: string,
): Text =>
  options?.memo?.joined ? options.memo.joined(name, head, parts, sep, tail) : joinParts(head, parts, sep, tail);
