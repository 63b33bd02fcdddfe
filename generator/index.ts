// The programmatic API; the CLI is a thin layer over it.
export {
  check,
  generate,
  type CheckResult,
  type CorpusResult,
  type GenerateOptions,
  type ProgressEvent,
  type RunMemo,
} from "./run.js";
export { watch, type WatchOptions, type WatchRun, type Watching } from "./watch/index.js";

export {
  buildModel,
  discoverCorpora,
  projectCorpora,
  renderModel,
  type CorpusRef,
  type RenderOptions,
} from "./pipeline.js";
export { StructgenError, type Diagnostic, type SourceLocation } from "./diagnostics/diagnostic.js";
export { catalogue, type Code } from "./diagnostics/catalogue.js";
export type * from "./ir/model.js";
export type { OutputFile } from "./emit/files.js";
export { reconcile } from "./reconcile/index.js";
export { DEFAULT_POLICIES, type CorpusConfig, type Policies, type Override } from "./reconcile/config.js";
export { loadProject, type Project, type ProjectOptions } from "./config/project.js";
export { findConfig, CONFIG_NAME } from "./config/find.js";
export { OUTPUT_KINDS, type OutputKind, type Flavour, type FormatStyle } from "./config/outputs.js";
export type { Manifest } from "./write/manifest.js";
export type { Difference } from "./write/check.js";
export type { Evidence, ShapeClaim, MemberClaim, SourceInfo } from "./reconcile/evidence.js";

export { compareModels, RULES, type Change, type ChangeKind, type Direction, type Impact } from "./diff/index.js";
