// What every emitter returns: files by relative path. Banner and formatting are the writer's job.
import type { Model } from "../ir/model.js";

export type FileKind = "ts" | "js" | "md" | "json";

export interface OutputFile {
  /** Relative to the corpus output folder, '/' separated. */
  path: string;
  kind: FileKind;
  content: string;
  /** The content is final: banner included and in house style (prettier leaves it unchanged). */
  final?: true;
}

/**
 * Memoized per-type fragments (the cache implements it: generator/cache/fragments.ts). `fragment`
 * returns what `compute` returns; it may instead return the text an earlier call computed for the
 * same emitter, type (by content) and context. So `compute` must depend on nothing else: pass it
 * the type and a context built only from what the key holds.
 */
export interface FragmentMemo {
  fragment(emitter: string, type: object, context: unknown, compute: () => string): string;
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
