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
  FILE_UNREADABLE: { severity: "error", message: "cannot read {path}: {reason}", hint: "Check the file exists and is readable (and is not a symlink loop)." },
  FILE_EMPTY: { severity: "error", message: "the file is empty", hint: "A schema file must hold one JSON object." },
  JSON_SYNTAX: { severity: "error", message: "invalid JSON: {reason}", hint: "Fix the JSON syntax at the position shown." },
  JSON_DUPLICATE_KEY: { severity: "error", message: "duplicate key {key}", hint: "JSON objects must not repeat a key; keep one." },
  SCHEMA_INVALID_TYPE: { severity: "error", message: "a schema document must be a JSON object, not {actual}", hint: "Wrap the definition in an object with `type` and `name`." },
  INPUT_NO_SCHEMAS: { severity: "error", message: "no schema files (*.json) found in {path}", hint: "Point --schemas at a folder of JSON Structure files." },

  // Schema structure
  SCHEMA_ROOT_MISSING_TYPE: { severity: "error", message: "the document declares no type: it has neither `type`, `$root` nor `definitions`", hint: "Add a `type` (and `name`) to the root, or `definitions`." },
  SCHEMA_MISSING_TYPE: { severity: "error", message: "schema has no `type`", hint: "Every schema needs `type` (a type name, a union array, or {\"$ref\": …})." },
  SCHEMA_TYPE_INVALID: { severity: "error", message: "unknown type {typeName}", hint: "Use a JSON Structure type (string, int32, object, array, map, …) or a $ref." },
  SCHEMA_TYPE_ARRAY_EMPTY: { severity: "error", message: "type array cannot be empty", hint: "List at least one type in a union." },
  SCHEMA_TYPE_OBJECT_MISSING_REF: { severity: "error", message: "a `type` object must contain $ref", hint: "Write {\"type\": {\"$ref\": \"#/definitions/Name\"}}." },
  SCHEMA_REF_NOT_FOUND: { severity: "error", message: "$ref target does not exist: {refPath}{chain}", hint: "Define the referenced type or fix the reference." },
  SCHEMA_REF_UNSUPPORTED: { severity: "error", message: "unsupported $ref form: {refPath}", hint: "Use #/definitions/… (JSON Structure) or #/components/schemas/… (the OpenAPI-derived dialect)." },
  SCHEMA_REF_CIRCULAR: { severity: "error", message: "circular alias: {chain}", hint: "A type may not be defined only as itself; recursion must pass through an object, array, set, map or union." },
  SCHEMA_NAME_INVALID: { severity: "error", message: "{keyword} {name} is not a valid name", hint: "Names match [A-Za-z_][A-Za-z0-9_]*." },
  SCHEMA_NAME_MISSING: { severity: "error", message: "the root type has no `name`", hint: "Give the document a `name`: it names the root type." },
  SCHEMA_NAME_DUPLICATE: { severity: "error", message: "type {name} is defined twice: here and in {other}", hint: "Type names must be unique in a corpus; rename one." },
  SCHEMA_PROPERTIES_NOT_OBJECT: { severity: "error", message: "properties must be an object", hint: "Write properties as {\"name\": schema, …}." },
  SCHEMA_REQUIRED_NOT_ARRAY: { severity: "error", message: "required must be an array", hint: "Write required as [\"a\", \"b\"] or [[\"a\"], [\"b\"]]." },
  SCHEMA_REQUIRED_ITEM_NOT_STRING: { severity: "error", message: "required array items must be strings", hint: "List property names." },
  SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED: { severity: "error", message: "required property {propertyName} is not defined in properties", hint: "Add the property or remove it from required." },
  SCHEMA_ADDITIONAL_PROPERTIES_INVALID: { severity: "error", message: "additionalProperties must be a boolean or schema", hint: "Use true, false or a schema." },
  SCHEMA_ARRAY_MISSING_ITEMS: { severity: "error", message: "{typeName} type requires `items`", hint: "Add an `items` schema." },
  SCHEMA_MAP_MISSING_VALUES: { severity: "error", message: "map type requires `values`", hint: "Add a `values` schema." },
  SCHEMA_ENUM_NOT_ARRAY: { severity: "error", message: "enum must be an array", hint: "Write enum as a list of values." },
  SCHEMA_ENUM_EMPTY: { severity: "error", message: "enum array cannot be empty", hint: "List at least one value." },
  SCHEMA_ENUM_DUPLICATES: { severity: "error", message: "enum array contains duplicate value {value}", hint: "Remove the repeated value." },
  SCHEMA_ENUM_MEMBER_TYPE_MISMATCH: { severity: "warning", message: "enum member {value} is a {actual}, but the enum's type is {typeName}", hint: "Likely a conversion defect (YAML reads ON/OFF as booleans); reconciliation can repair it from another source." },
  SCHEMA_PATTERN_NOT_STRING: { severity: "error", message: "pattern must be a string", hint: "Write the pattern as an ECMA-262 regular expression string." },
  SCHEMA_PATTERN_INVALID: { severity: "error", message: "pattern is not a valid regular expression: {pattern} ({reason})", hint: "Patterns are ECMA-262 with the unicode flag." },
  SCHEMA_PATTERN_UNSAFE: { severity: "error", message: "pattern {pattern} nests unbounded quantifiers and can backtrack exponentially", hint: "Rewrite it without a repeated group that itself repeats, e.g. (a+)+ → a+." },
  SCHEMA_MAX_DEPTH_EXCEEDED: { severity: "error", message: "schema nesting is deeper than {maxDepth} levels", hint: "Name the inner types and refer to them instead of nesting." },
  SCHEMA_INTEGER_CONSTRAINT_INVALID: { severity: "error", message: "{keyword} must be a non-negative integer", hint: "Use a whole number ≥ 0." },
  SCHEMA_NUMBER_CONSTRAINT_INVALID: { severity: "error", message: "{keyword} must be a number", hint: "Use a JSON number (a string for 64-bit and larger types)." },
  SCHEMA_MIN_GREATER_THAN_MAX: { severity: "error", message: "{minKeyword} cannot be greater than {maxKeyword}", hint: "Swap or correct the bounds." },
  SCHEMA_COMPOSITION_UNSUPPORTED: { severity: "error", message: "unsupported {keyword} composition: {reason}", hint: "Only an allOf of one reference plus annotations (description, deprecated, …) is understood here." },
  SCHEMA_KEYWORD_WITHOUT_USES: { severity: "warning", message: "{keyword} belongs to the {addin} add-in, which the document does not enable with $uses", hint: "Add \"$uses\": [\"{addin}\"] to the document root; until then the keyword is not enforced." },
  SCHEMA_CONSTRAINT_INVALID_FOR_TYPE: { severity: "error", message: "{constraint} does not apply to {actualType}", hint: "Use the constraint on a type it applies to (lengths on strings, bounds on numbers, items counts on arrays)." },
  SCHEMA_TUPLE_MISSING_DEFINITION: { severity: "error", message: "tuple type requires `properties` and `tuple`", hint: "List the elements in properties and their order in tuple." },
  SCHEMA_TUPLE_ORDER_INVALID: { severity: "error", message: "tuple must list every property name once: {reason}", hint: "Make `tuple` an array holding each property name exactly once." },
  SCHEMA_CHOICE_MISSING_CHOICES: { severity: "error", message: "choice type requires `choices`", hint: "Map each option name to its schema in choices." },
  SCHEMA_CHOICES_NOT_OBJECT: { severity: "error", message: "choices must be an object", hint: "Map each option name to its schema." },
  SCHEMA_COMPOSITION_NOT_ARRAY: { severity: "error", message: "{keyword} must be a non-empty array of schemas", hint: "Write {keyword}: [schema, …]." },
  SCHEMA_EXTENDS_INVALID: { severity: "error", message: "$extends {refPath}: {reason}", hint: "$extends names object types by #/definitions/… pointers; a type cannot extend itself." },
  SCHEMA_IMPORT_NOT_FOUND: { severity: "error", message: "{keyword} {uri}: no document in the corpus has that $id", hint: "Add the imported document to the corpus folder (structgen never fetches from the network)." },
  SCHEMA_FORMAT_UNKNOWN: { severity: "warning", message: "format {format} is not one structgen checks; it is kept as documentation only", hint: "Known formats: date-time, date, time, duration, uuid, uri, uri-reference, json-pointer, email, hostname, ipv4, ipv6." },
  SCHEMA_TYPELESS_ERROR_SHAPE: { severity: "info", message: "document without `type` read as an error shape with an optional message (dialect rule)", hint: "Give the document a `type` to describe the error's members." },
  SCHEMA_ITEMS_MATCH_NAMED: { severity: "info", message: "inlined items are identical to type {name}; referenced by name", hint: "" },

  // Configuration and evidence
  CONFIG_INVALID: { severity: "error", message: "structgen.json: {reason}", hint: "See schemas/structgen.schema.json for the format." },
  SOURCE_MISSING: { severity: "error", message: "evidence source {id} not found: {reason}", hint: "Install or add the source, or mark it optional in structgen.json." },
  SOURCE_SKIPPED: { severity: "warning", message: "optional evidence source {id} skipped: {reason}", hint: "Reconciliation ran without it." },
  OVERRIDE_UNMATCHED: { severity: "error", message: "override for {subject} ({fact}) matches nothing", hint: "Check the subject: Type, Type.Member, Type[] or Type{}." },

  // Generation
  EMIT_TYPESCRIPT_SYNTAX: { severity: "error", message: "internal: generated TypeScript does not parse: {reason}", hint: "This is a structgen bug; please report it with the input." },
  EMIT_VALIDATOR_FAILED: { severity: "error", message: "internal: validator generation failed for {name}: {reason}", hint: "This is a structgen bug; please report it with the input." },

  // Instance validation: what generated validators report (runtime.js copies these messages; a
  // message has at most one {placeholder}, filled from the check's limit, values or pattern).
  INSTANCE_UNREADABLE: { severity: "error", message: "could not be read: {reason}", hint: "Pass plain data: a getter or Proxy threw while the value was read." },
  INSTANCE_MAX_DEPTH_EXCEEDED: { severity: "error", message: "is nested deeper than {maxDepth} levels", hint: "Validators check values to a fixed depth and reject anything deeper." },
  INSTANCE_NULL_EXPECTED: { severity: "error", message: "must be null", hint: "" },
  INSTANCE_BOOLEAN_EXPECTED: { severity: "error", message: "must be a boolean", hint: "" },
  INSTANCE_STRING_EXPECTED: { severity: "error", message: "must be a string", hint: "" },
  INSTANCE_NUMBER_EXPECTED: { severity: "error", message: "must be a number", hint: "" },
  INSTANCE_INTEGER_EXPECTED: { severity: "error", message: "must be an integer", hint: "" },
  INSTANCE_OBJECT_EXPECTED: { severity: "error", message: "must be an object", hint: "" },
  INSTANCE_ARRAY_EXPECTED: { severity: "error", message: "must be an array", hint: "" },
  INSTANCE_STRING_MIN_LENGTH: { severity: "error", message: "must have at least {minLength} characters", hint: "Lengths count Unicode code points." },
  INSTANCE_STRING_MAX_LENGTH: { severity: "error", message: "must have at most {maxLength} characters", hint: "Lengths count Unicode code points." },
  INSTANCE_STRING_PATTERN_MISMATCH: { severity: "error", message: "must match the pattern {pattern}", hint: "The whole value must match." },
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
  INSTANCE_INT_RANGE_INVALID: { severity: "error", message: "must be {range}", hint: "Big integers and decimals travel as strings and are compared exactly." },
  INSTANCE_NUMBER_MINIMUM: { severity: "error", message: "must be at least {minimum}", hint: "" },
  INSTANCE_NUMBER_MAXIMUM: { severity: "error", message: "must be at most {maximum}", hint: "" },
  INSTANCE_NUMBER_EXCLUSIVE_MINIMUM: { severity: "error", message: "must be greater than {exclusiveMinimum}", hint: "" },
  INSTANCE_NUMBER_EXCLUSIVE_MAXIMUM: { severity: "error", message: "must be less than {exclusiveMaximum}", hint: "" },
  INSTANCE_NUMBER_MULTIPLE_OF: { severity: "error", message: "must be a multiple of {multipleOf}", hint: "" },
  INSTANCE_ENUM_MISMATCH: { severity: "error", message: "must be one of {values}", hint: "In strict mode values the sources do not list are errors too." },
  INSTANCE_CONST_MISMATCH: { severity: "error", message: "must be {value}", hint: "" },
  INSTANCE_REQUIRED_PROPERTY_MISSING: { severity: "error", message: "is required", hint: "" },
  INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED: { severity: "error", message: "is not allowed", hint: "In strict mode members no schema declares are errors." },
  INSTANCE_DEPENDENT_REQUIRED: { severity: "error", message: "must have {detail}", hint: "" },
  INSTANCE_MIN_PROPERTIES: { severity: "error", message: "must have at least {minProperties} members", hint: "" },
  INSTANCE_MAX_PROPERTIES: { severity: "error", message: "must have at most {maxProperties} members", hint: "" },
  INSTANCE_MIN_ITEMS: { severity: "error", message: "must have at least {minItems} items", hint: "" },
  INSTANCE_MAX_ITEMS: { severity: "error", message: "must have at most {maxItems} items", hint: "" },
  INSTANCE_TUPLE_ADDITIONAL_ITEMS: { severity: "error", message: "must have no items past the tuple's {length}", hint: "" },
  INSTANCE_SET_DUPLICATE: { severity: "error", message: "must not repeat a value (item {index})", hint: "A set's items are compared as JSON values." },
  INSTANCE_MIN_CONTAINS: { severity: "error", message: "must contain at least {minContains} matching items", hint: "" },
  INSTANCE_MAX_CONTAINS: { severity: "error", message: "must contain at most {maxContains} matching items", hint: "" },
  INSTANCE_ANY_OF_NONE_MATCHED: { severity: "error", message: "must match one of {options}", hint: "No option accepts the value; check it against each." },
  INSTANCE_ONE_OF_INVALID_COUNT: { severity: "error", message: "must match exactly one of {options}", hint: "" },
  INSTANCE_NOT_MATCHED: { severity: "error", message: "must not match {schema}", hint: "" },

  // CLI usage
  USAGE_BAD_ARGUMENT: { severity: "error", message: "{reason}", hint: "Run with --help for usage." },
  INPUT_NOT_JSON: { severity: "error", message: "{path} is not valid JSON: {reason}", hint: "Validate a JSON document." },
} as const satisfies Record<string, CatalogueEntry>;

export type Code = keyof typeof catalogue;
