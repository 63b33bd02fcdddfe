// structgen diff as a library: compare two reconciled models, judge each change, format the report.
export {
  CHANGE_KINDS,
  KIND_LABEL,
  worse,
  type Change,
  type ChangeKind,
  type Direction,
  type FactValue,
  type Impact,
} from "./change.js";
export { compareModels } from "./compare.js";
export { RULES, ruleFor, type Rule } from "./rules.js";
export { directions, directionOf, type Directions } from "./direction.js";
export { diffCorpus, diffReport, exitCode, type CorpusDiff, type DiffReport } from "./report.js";
export { formatText, type TextOptions } from "./format-text.js";
export { formatMarkdown } from "./format-markdown.js";
