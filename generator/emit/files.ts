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

/** An emitter is a pure function of the IR. */
export type Emitter = (model: Model) => OutputFile[];
