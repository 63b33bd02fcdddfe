// The one error catalogue. Every stage reports through these codes; names follow the
// JSON Structure SDK's error-messages.json where a code there fits.

export type Severity = "error" | "warning" | "info";

export interface CatalogueEntry {
  severity: Severity;
  /** Message template; `{name}` is filled from the diagnostic's params. */
  message: string;
  /** One line of help for the user. */
  hint: string;
}

export const catalogue = {
  // Reading files
  FILE_UNREADABLE: {
    severity: "error",
    message: "cannot read {path}: {reason}",
    hint: "Check the file exists and is readable (and is not a symlink loop).",
  },
  FILE_SYMLINK_OUTSIDE_CORPUS: {
    severity: "error",
    message: "{path} is a symlink to {target}, outside the corpus folder: not followed",
    hint: "Copy the files into the corpus folder, or point --schemas (or the config's input) at their real folder.",
  },
  FILE_NOT_UTF8: {
    severity: "error",
    message: "the file is not valid UTF-8: byte {byte} at offset {offset}",
    hint: "Save the file as UTF-8 (JSON text is UTF-8, RFC 8259).",
  },
  FILE_TOO_LARGE: {
    severity: "error",
    message: "{path} is {size} bytes, over the limit of {limit} bytes for one schema file",
    hint: "Split the schema into several files.",
  },
  FILE_EMPTY: { severity: "error", message: "the file is empty", hint: "A schema file must hold one JSON object." },
  JSON_SYNTAX: {
    severity: "error",
    message: "invalid JSON: {reason}",
    hint: "Fix the JSON syntax at the position shown.",
  },
  JSON_DUPLICATE_KEY: {
    severity: "error",
    message: "duplicate key {key}",
    hint: "JSON objects must not repeat a key; keep one.",
  },
  SCHEMA_INVALID_TYPE: {
    severity: "error",
    message: "a schema document must be a JSON object, not {actual}",
    hint: "Wrap the definition in an object with `type` and `name`.",
  },
  INPUT_NO_SCHEMAS: {
    severity: "error",
    message: "no schema files (*.json) found in {path}",
    hint: "Point --schemas at a folder of JSON Structure files.",
  },

  // Schema structure
  SCHEMA_ROOT_MISSING_TYPE: {
    severity: "error",
    message: "the document declares no type: it has neither `type`, `$root` nor `definitions`",
    hint: "Add a `type` (and `name`) to the root, or `definitions`.",
  },
  SCHEMA_MISSING_TYPE: {
    severity: "error",
    message: "schema has no `type`",
    hint: 'Every schema needs `type` (a type name, a union array, or {"$ref": …}).',
  },
  SCHEMA_TYPE_INVALID: {
    severity: "error",
    message: "unknown type {typeName}",
    hint: "Use a JSON Structure type (string, int32, object, array, map, …) or a $ref.",
  },
  SCHEMA_TYPE_ARRAY_EMPTY: {
    severity: "error",
    message: "type array cannot be empty",
    hint: "List at least one type in a union.",
  },
  SCHEMA_TYPE_OBJECT_MISSING_REF: {
    severity: "error",
    message: "a `type` object must contain $ref",
    hint: 'Write {"type": {"$ref": "#/definitions/Name"}}.',
  },
  SCHEMA_REF_NOT_FOUND: {
    severity: "error",
    message: "$ref target does not exist: {refPath}{chain}",
    hint: "Define the referenced type or fix the reference.",
  },
  SCHEMA_REF_UNSUPPORTED: {
    severity: "error",
    message: "unsupported $ref form: {refPath}",
    hint: "Use #/definitions/… (JSON Structure) or #/components/schemas/… (the OpenAPI-derived dialect).",
  },
  SCHEMA_REF_CIRCULAR: {
    severity: "error",
    message: "circular alias: {chain}",
    hint: "A type may not be defined only as itself; recursion must pass through an object, array, set, map or union.",
  },
  SCHEMA_NAME_INVALID: {
    severity: "error",
    message: "{keyword} {name} is not a valid name",
    hint: "Names match [A-Za-z_][A-Za-z0-9_]*.",
  },
  SCHEMA_NAME_MISSING: {
    severity: "error",
    message: "the root type has no `name`",
    hint: "Give the document a `name`: it names the root type.",
  },
  SCHEMA_NAME_DUPLICATE: {
    severity: "error",
    message: "type {name} is defined twice: here and in {other}",
    hint: "Type names must be unique in a corpus; rename one.",
  },
  SCHEMA_PROPERTIES_NOT_OBJECT: {
    severity: "error",
    message: "properties must be an object",
    hint: 'Write properties as {"name": schema, …}.',
  },
  SCHEMA_REQUIRED_NOT_ARRAY: {
    severity: "error",
    message: "required must be an array",
    hint: 'Write required as ["a", "b"] or [["a"], ["b"]].',
  },
  SCHEMA_REQUIRED_ITEM_NOT_STRING: {
    severity: "error",
    message: "required array items must be strings",
    hint: "List property names.",
  },
  SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED: {
    severity: "error",
    message: "required property {propertyName} is not defined in properties",
    hint: "Add the property or remove it from required.",
  },
  SCHEMA_ADDITIONAL_PROPERTIES_INVALID: {
    severity: "error",
    message: "additionalProperties must be a boolean or schema",
    hint: "Use true, false or a schema.",
  },
  SCHEMA_ARRAY_MISSING_ITEMS: {
    severity: "error",
    message: "{typeName} type requires `items`",
    hint: "Add an `items` schema.",
  },
  SCHEMA_MAP_MISSING_VALUES: {
    severity: "error",
    message: "map type requires `values`",
    hint: "Add a `values` schema.",
  },
  SCHEMA_ENUM_NOT_ARRAY: {
    severity: "error",
    message: "enum must be an array",
    hint: "Write enum as a list of values.",
  },
  SCHEMA_ENUM_EMPTY: { severity: "error", message: "enum array cannot be empty", hint: "List at least one value." },
  SCHEMA_ENUM_DUPLICATES: {
    severity: "error",
    message: "enum array contains duplicate value {value}",
    hint: "Remove the repeated value.",
  },
  SCHEMA_ENUM_MEMBER_TYPE_MISMATCH: {
    severity: "warning",
    message: "enum member {value} is a {actual}, but the enum's type is {typeName}",
    hint: "Likely a conversion defect (YAML reads ON/OFF as booleans); reconciliation can repair it from another source.",
  },
  SCHEMA_PATTERN_NOT_STRING: {
    severity: "error",
    message: "pattern must be a string",
    hint: "Write the pattern as an ECMA-262 regular expression string.",
  },
  SCHEMA_PATTERN_INVALID: {
    severity: "error",
    message: "pattern is not a valid regular expression: {pattern} ({reason})",
    hint: "Patterns are ECMA-262 with the unicode flag.",
  },
  SCHEMA_PATTERN_UNSAFE: {
    severity: "error",
    message: "pattern {pattern} nests unbounded quantifiers and can backtrack exponentially",
    hint: "Rewrite it without a repeated group that itself repeats, e.g. (a+)+ → a+.",
  },
  SCHEMA_MAX_DEPTH_EXCEEDED: {
    severity: "error",
    message: "schema nesting is deeper than {maxDepth} levels",
    hint: "Name the inner types and refer to them instead of nesting.",
  },
  SCHEMA_INTEGER_CONSTRAINT_INVALID: {
    severity: "error",
    message: "{keyword} must be a non-negative integer",
    hint: "Use a whole number ≥ 0.",
  },
  SCHEMA_NUMBER_CONSTRAINT_INVALID: {
    severity: "error",
    message: "{keyword} must be a number",
    hint: "Use a JSON number (a string for 64-bit and larger types).",
  },
  SCHEMA_MIN_GREATER_THAN_MAX: {
    severity: "error",
    message: "{minKeyword} cannot be greater than {maxKeyword}",
    hint: "Swap or correct the bounds.",
  },
  SCHEMA_COMPOSITION_UNSUPPORTED: {
    severity: "error",
    message: "unsupported {keyword} composition: {reason}",
    hint: "Only an allOf of one reference plus annotations (description, deprecated, …) is understood here.",
  },
  SCHEMA_KEYWORD_WITHOUT_USES: {
    severity: "warning",
    message: "{keyword} belongs to the {addin} add-in, which the document does not enable with $uses",
    hint: 'Add "$uses": ["{addin}"] to the document root; until then the keyword is not enforced.',
  },
  SCHEMA_CONSTRAINT_INVALID_FOR_TYPE: {
    severity: "error",
    message: "{constraint} does not apply to {actualType}",
    hint: "Use the constraint on a type it applies to (lengths on strings, bounds on numbers, items counts on arrays).",
  },
  SCHEMA_TUPLE_MISSING_DEFINITION: {
    severity: "error",
    message: "tuple type requires `properties` and `tuple`",
    hint: "List the elements in properties and their order in tuple.",
  },
  SCHEMA_TUPLE_ORDER_INVALID: {
    severity: "error",
    message: "tuple must list every property name once: {reason}",
    hint: "Make `tuple` an array holding each property name exactly once.",
  },
  SCHEMA_CHOICE_MISSING_CHOICES: {
    severity: "error",
    message: "choice type requires `choices`",
    hint: "Map each option name to its schema in choices.",
  },
  SCHEMA_CHOICES_NOT_OBJECT: {
    severity: "error",
    message: "choices must be an object",
    hint: "Map each option name to its schema.",
  },
  SCHEMA_COMPOSITION_NOT_ARRAY: {
    severity: "error",
    message: "{keyword} must be a non-empty array of schemas",
    hint: "Write {keyword}: [schema, …].",
  },
  SCHEMA_EXTENDS_INVALID: {
    severity: "error",
    message: "$extends {refPath}: {reason}",
    hint: "$extends names object types by #/definitions/… pointers; a type cannot extend itself.",
  },
  SCHEMA_EXTENDS_TOO_DEEP: {
    severity: "error",
    message: "$extends chains more than {maxDepth} types: {chain}",
    hint: "Flatten the hierarchy: each level copies every inherited member into the derived type.",
  },
  SCHEMA_IMPORT_NOT_FOUND: {
    severity: "error",
    message: "{keyword} {uri}: no document in the corpus has that $id",
    hint: "Add the imported document to the corpus folder (structgen never fetches from the network).",
  },
  SCHEMA_FORMAT_UNKNOWN: {
    severity: "warning",
    message: "format {format} is not one structgen checks; it is kept as documentation only",
    hint: "Known formats: date-time, date, time, duration, uuid, uri, uri-reference, json-pointer, email, hostname, ipv4, ipv6.",
  },
  SCHEMA_TYPELESS_ERROR_SHAPE: {
    severity: "info",
    message: "document without `type` read as an error shape with an optional message (dialect rule)",
    hint: "Give the document a `type` to describe the error's members.",
  },
  SCHEMA_ITEMS_MATCH_NAMED: {
    severity: "info",
    message: "inlined items are identical to type {name}; referenced by name",
    hint: "",
  },

  // Configuration and evidence
  CONFIG_INVALID: {
    severity: "error",
    message: "{file}: {reason}",
    hint: "The format is structgen.config.schema.json in the structgen package; point `$schema` at it for completion.",
  },
  CONFIG_LEGACY_FILE: {
    severity: "error",
    message: "{path} is no longer read; structgen.config.json at the project root replaces it. Put in it: {migration}",
    hint: "Paths in structgen.config.json are relative to it, as the values above are; then delete the old file.",
  },
  CONFIG_UNSUPPORTED: {
    severity: "error",
    message: "{reason}",
    hint: "Choose another setting; this build of structgen does not offer it yet.",
  },
  USAGE_CONFIG_NOT_FOUND: {
    severity: "error",
    message: "config file {path} not found: {reason}",
    hint: "Pass --config the path of a structgen.config.json, or leave it out to use the one above the working folder.",
  },
  SOURCE_MISSING: {
    severity: "error",
    message: "evidence source {id} not found: {reason}",
    hint: "Install or add the source, or mark it optional in structgen.config.json.",
  },
  SOURCE_SKIPPED: {
    severity: "warning",
    message: "optional evidence source {id} skipped: {reason}",
    hint: "Reconciliation ran without it.",
  },
  SOURCE_FACTS_USED: {
    severity: "warning",
    message: "evidence source {id}: {reason}; using the facts recorded from {package} {version} in {facts}",
    hint: "Install the package to read it directly; while the recorded facts match it, the output is the same.",
  },
  SOURCE_FACTS_INVALID: {
    severity: "error",
    message: "recorded facts {path}: {reason}",
    hint: "Record the file again from the installed package (see its $comment), or fix it where shown.",
  },
  SDK_DECLARATION_SYNTAX: {
    severity: "error",
    message: "cannot read the SDK's declarations: {reason}",
    hint: "The aws-sdk source reads an AWS SDK v3 client's dist-types/models/*.d.ts; reinstall the package, or report the construct.",
  },
  OVERRIDE_UNMATCHED: {
    severity: "error",
    message: "override for {subject} ({fact}) matches nothing",
    hint: "Check the subject: Type, Type.Member, Type[] or Type{}.",
  },

  // Generation
  EMIT_TYPESCRIPT_SYNTAX: {
    severity: "error",
    message: "internal: generated TypeScript does not parse: {reason}",
    hint: "This is a structgen bug; please report it with the input.",
  },
  EMIT_VALIDATOR_FAILED: {
    severity: "error",
    message: "internal: validator generation failed for {name}: {reason}",
    hint: "This is a structgen bug; please report it with the input.",
  },

  // The output folder: never destroy, and I/O failures that are the user's to fix (not structgen bugs)
  USAGE_OUT_OVERLAPS_INPUT: {
    severity: "error",
    message: "the output folder {out} {relation} the input {input}",
    hint: "Write the output apart from the schemas and the evidence, e.g. --out generated.",
  },
  USAGE_OUT_IS_WORKING_FOLDER: {
    severity: "error",
    message: "the output folder {out} is the working folder itself",
    hint: "Write into a subfolder such as generated/ (--out generated).",
  },
  USAGE_OUT_IS_FILE: {
    severity: "error",
    message: "the output folder {out} is a file",
    hint: "Point --out at a folder (it is created when missing), or move the file away.",
  },
  USAGE_CACHE_IN_OUTPUT: {
    severity: "error",
    message: "the cache folder {cache} lies inside the output folder {out}, which is published",
    hint: "Point STRUCTGEN_CACHE_DIR elsewhere (or unset it to use node_modules/.cache/structgen), or pass --no-cache.",
  },
  OUTPUT_PATH_TAKEN: {
    severity: "error",
    message: "{path}: {what} is where structgen writes {target}; nothing was written",
    hint: "Move it away (structgen never overwrites or deletes what it did not write), then run generate again.",
  },
  OUTPUT_FOREIGN_FILE: {
    severity: "warning",
    message: "{path}: {reason}; left where it is",
    hint: "structgen writes and removes only the files its .structgen-manifest.json lists; move this one if unwanted.",
  },
  OUTPUT_LOCKED: {
    severity: "error",
    message: "{path} is being written by another structgen run ({holder}); waited {seconds} s for its lock file {lock}",
    hint: "Wait for that run to finish. If no structgen is running, delete the lock file and run again.",
  },
  OUTPUT_NOT_A_FOLDER: {
    severity: "error",
    message: "cannot write {path}: a part of the path is a file, not a folder ({reason})",
    hint: "Point --out at a folder, or move the file that stands in the way.",
  },
  OUTPUT_NOT_WRITABLE: {
    severity: "error",
    message: "cannot write {path}: permission denied or read-only file system ({reason})",
    hint: "Make the output folder writable, or choose another --out; the previous output is unchanged.",
  },
  OUTPUT_DISK_FULL: {
    severity: "error",
    message: "cannot write {path}: no space left on the device ({reason})",
    hint: "Free some disk space (or raise the quota) and run generate again; the previous output is unchanged.",
  },
  OUTPUT_FILE_TOO_LARGE: {
    severity: "error",
    message: "cannot write {path}: the file is larger than the file-size limit allows ({reason})",
    hint: "Raise the limit (ulimit -f) and run generate again; the previous output is unchanged.",
  },
  OUTPUT_WRITE_FAILED: {
    severity: "error",
    message: "cannot write {path}: {reason}",
    hint: "Check the output folder and the disk, then run generate again; the previous output is unchanged.",
  },

  // structgen/contract at run time: thrown (as ContractTypeError / StructgenError) by the helpers, never printed.
  CONTRACT_UNKNOWN_TYPE: {
    severity: "error",
    message: "unknown contract type {type}{corpus}{suggestion}",
    hint: "Type names are case-sensitive; the corpus's contract.d.ts lists them as ContractType.",
  },
  CONTRACT_AMBIGUOUS_TYPE: {
    severity: "error",
    message: "contract type {type} is in more than one registered corpus: {corpora}",
    hint: "Use that corpus's own expectContract (generated/<corpus>/contract.js), or register one of them.",
  },
  CONTRACT_NOT_REGISTERED: {
    severity: "error",
    message: "unknown contract type {type}: no registered corpus has it{suggestion}",
    hint: "Register the corpus's contract first: useContract(contract) from structgen/contract/vitest.",
  },
  CONTRACT_NO_BUNDLED_CORPUS: {
    severity: "error",
    message: "no bundled corpus to check against: {reason}",
    hint: "Use your corpus's generated contract (generated/<corpus>/contract.js) or createContract(validators).",
  },
  // Instance validation: what generated validators report (runtime.js copies these messages; a
  // message has at most one {placeholder}, filled from the check's limit, values or pattern).
  INSTANCE_UNREADABLE: {
    severity: "error",
    message: "could not be read: {reason}",
    hint: "Pass plain data: a getter or Proxy threw while the value was read.",
  },
  INSTANCE_MAX_DEPTH_EXCEEDED: {
    severity: "error",
    message: "is nested deeper than {maxDepth} levels",
    hint: "Validators check values to a fixed depth and reject anything deeper.",
  },
  INSTANCE_NULL_EXPECTED: { severity: "error", message: "must be null", hint: "" },
  INSTANCE_BOOLEAN_EXPECTED: { severity: "error", message: "must be a boolean", hint: "" },
  INSTANCE_STRING_EXPECTED: { severity: "error", message: "must be a string", hint: "" },
  INSTANCE_NUMBER_EXPECTED: { severity: "error", message: "must be a number", hint: "" },
  INSTANCE_INTEGER_EXPECTED: { severity: "error", message: "must be an integer", hint: "" },
  INSTANCE_OBJECT_EXPECTED: { severity: "error", message: "must be an object", hint: "" },
  INSTANCE_ARRAY_EXPECTED: { severity: "error", message: "must be an array", hint: "" },
  INSTANCE_STRING_MIN_LENGTH: {
    severity: "error",
    message: "must have at least {minLength} characters",
    hint: "Lengths count Unicode code points.",
  },
  INSTANCE_STRING_MAX_LENGTH: {
    severity: "error",
    message: "must have at most {maxLength} characters",
    hint: "Lengths count Unicode code points.",
  },
  INSTANCE_STRING_PATTERN_MISMATCH: {
    severity: "error",
    message: "must match the pattern {pattern}",
    hint: "The whole value must match.",
  },
  INSTANCE_DATETIME_FORMAT_INVALID: { severity: "error", message: "must be an RFC 3339 date-time", hint: "" },
  INSTANCE_DATE_FORMAT_INVALID: { severity: "error", message: "must be an RFC 3339 full-date", hint: "" },
  INSTANCE_TIME_FORMAT_INVALID: { severity: "error", message: "must be an RFC 3339 time", hint: "" },
  INSTANCE_DURATION_FORMAT_INVALID: { severity: "error", message: "must be an ISO 8601 duration", hint: "" },
  INSTANCE_UUID_FORMAT_INVALID: { severity: "error", message: "must be a UUID", hint: "" },
  INSTANCE_URI_FORMAT_INVALID: { severity: "error", message: "must be a {format}", hint: "" },
  INSTANCE_JSONPOINTER_FORMAT_INVALID: { severity: "error", message: "must be a JSON pointer", hint: "" },
  INSTANCE_FORMAT_EMAIL_INVALID: { severity: "error", message: "must be an email address", hint: "" },
  INSTANCE_FORMAT_HOSTNAME_INVALID: { severity: "error", message: "must be a hostname", hint: "" },
  INSTANCE_FORMAT_IPV4_INVALID: { severity: "error", message: "must be an IPv4 address", hint: "" },
  INSTANCE_FORMAT_IPV6_INVALID: { severity: "error", message: "must be an IPv6 address", hint: "" },
  INSTANCE_INT_RANGE_INVALID: {
    severity: "error",
    message: "must be {range}",
    hint: "Big integers and decimals travel as strings and are compared exactly.",
  },
  INSTANCE_NUMBER_MINIMUM: { severity: "error", message: "must be at least {minimum}", hint: "" },
  INSTANCE_NUMBER_MAXIMUM: { severity: "error", message: "must be at most {maximum}", hint: "" },
  INSTANCE_NUMBER_EXCLUSIVE_MINIMUM: {
    severity: "error",
    message: "must be greater than {exclusiveMinimum}",
    hint: "",
  },
  INSTANCE_NUMBER_EXCLUSIVE_MAXIMUM: { severity: "error", message: "must be less than {exclusiveMaximum}", hint: "" },
  INSTANCE_NUMBER_MULTIPLE_OF: { severity: "error", message: "must be a multiple of {multipleOf}", hint: "" },
  INSTANCE_ENUM_MISMATCH: {
    severity: "error",
    message: "must be one of {values}",
    hint: "In strict mode values the sources do not list are errors too.",
  },
  INSTANCE_CONST_MISMATCH: { severity: "error", message: "must be {value}", hint: "" },
  INSTANCE_REQUIRED_PROPERTY_MISSING: { severity: "error", message: "is required", hint: "" },
  INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED: {
    severity: "error",
    message: "is not allowed",
    hint: "In strict mode members no schema declares are errors.",
  },
  INSTANCE_DEPENDENT_REQUIRED: { severity: "error", message: "must have {detail}", hint: "" },
  INSTANCE_MIN_PROPERTIES: { severity: "error", message: "must have at least {minProperties} members", hint: "" },
  INSTANCE_MAX_PROPERTIES: { severity: "error", message: "must have at most {maxProperties} members", hint: "" },
  INSTANCE_MIN_ITEMS: { severity: "error", message: "must have at least {minItems} items", hint: "" },
  INSTANCE_MAX_ITEMS: { severity: "error", message: "must have at most {maxItems} items", hint: "" },
  INSTANCE_TUPLE_ADDITIONAL_ITEMS: {
    severity: "error",
    message: "must have no items past the tuple's {length}",
    hint: "",
  },
  INSTANCE_SET_DUPLICATE: {
    severity: "error",
    message: "must not repeat a value (item {index})",
    hint: "A set's items are compared as JSON values.",
  },
  INSTANCE_MIN_CONTAINS: { severity: "error", message: "must contain at least {minContains} matching items", hint: "" },
  INSTANCE_MAX_CONTAINS: { severity: "error", message: "must contain at most {maxContains} matching items", hint: "" },
  INSTANCE_ANY_OF_NONE_MATCHED: {
    severity: "error",
    message: "must match one of {options}",
    hint: "No option accepts the value; check it against each.",
  },
  INSTANCE_ONE_OF_INVALID_COUNT: { severity: "error", message: "must match exactly one of {options}", hint: "" },
  INSTANCE_NOT_MATCHED: { severity: "error", message: "must not match {schema}", hint: "" },

  // CLI usage
  // CLI usage: every USAGE_* error exits 2. Messages end in {suggestion} ("; did you mean …?") where one helps.
  USAGE_BAD_ARGUMENT: { severity: "error", message: "{reason}", hint: "Run with --help for usage." },
  USAGE_DIFF_INPUT: {
    severity: "error",
    message: "{arg}: {reason}",
    hint: "Give a corpus folder, a schemas folder with structgen.json, or git:<rev>[:<path>].",
  },
  USAGE_GIT_REVISION: {
    severity: "error",
    message: "{arg}: {reason}",
    hint: "Run inside a git repository and name a revision it has, e.g. git:HEAD~1 or git:main:schemas.",
  },
  USAGE_NO_COMMAND: {
    severity: "error",
    message: "name a command: {commands}",
    hint: "Run `structgen --help` for usage.",
  },
  USAGE_UNKNOWN_COMMAND: {
    severity: "error",
    message: "unknown command {name}{suggestion}",
    hint: "Run `structgen --help` for the commands.",
  },
  USAGE_UNKNOWN_OPTION: {
    severity: "error",
    message: "unknown option {option}{suggestion}",
    hint: "Run `{help}` for the options.",
  },
  USAGE_OPTION_VALUE: {
    severity: "error",
    message: "option {option} {reason}",
    hint: "Write `{option} VALUE` or `{option}=VALUE` for options that take one.",
  },
  USAGE_UNEXPECTED_ARGUMENT: {
    severity: "error",
    message: "unexpected argument {argument}: {command} takes no file arguments",
    hint: "Run `structgen {command} --help` for usage.",
  },
  USAGE_NO_FILES: {
    severity: "error",
    message: "no input files (use - for standard input)",
    hint: "Name one or more JSON files, or - to read standard input.",
  },
  USAGE_UNREADABLE_ARGUMENT: {
    severity: "error",
    message: "cannot read {argument}: {reason}",
    hint: "Check the path exists, is readable, and is a {expected}.",
  },
  USAGE_UNKNOWN_TYPE: {
    severity: "error",
    message: "unknown type {type}{suggestion}",
    hint: "Type names are case-sensitive; see the corpus's types.ts or docs/README.md.",
  },
  USAGE_TYPE_REQUIRED: {
    severity: "error",
    message: "--type is required: the corpus has {count} root types",
    hint: "Name the type to validate against with --type NAME.",
  },
  USAGE_UNKNOWN_CORPUS: {
    severity: "error",
    message: "unknown corpus {name}{suggestion}",
    hint: "Corpora here: {corpora}.",
  },
  INPUT_NOT_JSON: {
    severity: "error",
    message: "{path} is not valid JSON: {reason}",
    hint: "Validate a JSON document.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type Code = keyof typeof catalogue;
