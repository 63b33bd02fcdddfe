// Hand-made IR models for the docs tests: a small shop corpus and a reconciled one, both full of
// hostile text (HTML, Markdown syntax, backticks, pipes, line breaks).
import type { Model } from "../../generator/ir/model.js";
import {
  arr,
  decision,
  enm,
  epochSeconds,
  known,
  map,
  member,
  model,
  named,
  obj,
  prim,
  ref,
  set,
  sourcedEnum,
  union,
} from "../helpers/ir.js";

export const HOSTILE =
  "Hi </p><script>alert(1)</script> &lt;script&gt;x&lt;/script&gt; a|b `tick` ``two`` */ line\nbreak [x](javascript:alert(1)) <img src=x onerror=y>";

/** A small corpus: a root order with a ref, a list of inline objects, an enum, an error and aliases. */
export const shop: Model = model("shop", [
  named(
    "Order",
    obj(
      [
        member(
          "Id",
          prim("string", { minLength: 1, maxLength: 36, pattern: { source: "^[a-z|`]+$", unicode: false } }),
          true,
        ),
        member("Customer", ref("Customer"), true, { doc: "Who <b>placed</b> it." }),
        member(
          "Items",
          arr(obj([member("Name", prim("string"), true), member("Qty", prim("int32", { minimum: 1 }))])),
          true,
        ),
        member("Status", ref("Status")),
        member("Tags", map(prim("string"))),
        member("Codes", set(prim("int32"))),
        member("Note", union(prim("string"), ref("Customer"), prim("null")), false, {
          doc: HOSTILE,
          deprecated: "use `Notes` | other",
        }),
        member("Placed", prim("datetime")),
      ],
      false,
    ),
    { root: true, doc: "<p>An order. Placed by a customer.</p><ul><li>one</li><li>two <code>x|y</code></li></ul>" },
  ),
  named("Customer", obj([member("Name", prim("string"), true)]), { doc: "A customer." }),
  named("Status", enm(["shipped", "Pending", 3, "a`b", "new", null, HOSTILE, true])),
  named("NotFound", obj([member("message", prim("string"))]), { role: "error", doc: HOSTILE }),
  named("Sku", prim("string", { pattern: { source: "^(a|b)``c</script>$", unicode: false }, maxLength: 8 })),
  named("Skus", arr(ref("Sku"), { minItems: 1 })),
  // A regex for a literal pipe, and text with a backslash before a pipe.
  named("Pipe", prim("string", { pattern: { source: "^a\\|b$", unicode: false } }), { doc: "a\\|b" }),
  named("Weird$Name", ref("Customer"), { sourceName: "ns/Weird$Name" }),
]);

/** A reconciled corpus: per-source facts, open enums, known values, epoch seconds, decisions. */
export const HOSTILE_BR = "x<br>y";
export const reconciled: Model = model(
  "idp",
  [
    named(
      "User",
      obj([
        member(
          "Mfa",
          known([
            [
              "SMS",
              [
                ["json-structure", "lists"],
                ["botocore", "lists"],
              ],
            ],
            [
              "EMAIL",
              [
                ["json-structure", "omits"],
                ["botocore", "lists"],
              ],
            ],
          ]),
        ),
        member(
          "Factors",
          arr(
            known(
              [
                ["TOTP", [["override", HOSTILE]]],
                ["PASSKEY", [["override", HOSTILE]]],
              ],
              {},
              "knownValues",
            ),
          ),
        ),
        member("Created", epochSeconds(), true),
        member("Old", prim("string"), false, { deprecated: "Use New.", doc: "Old name." }),
        member("Gone", prim("string"), false, { deprecated: "Deprecated.", doc: "Gone." }),
        member("Said", prim("string"), false, {
          deprecated: "No longer supported.",
          doc: "No longer supported. Do not use.",
        }),
        member("Mode", ref("Mode")),
        member(
          "Evil",
          known([
            [
              HOSTILE,
              [
                [HOSTILE, "lists"],
                ["botocore", HOSTILE],
              ],
            ],
          ]),
        ),
      ]),
      { root: true },
    ),
    named(
      "Mode",
      sourcedEnum([
        [
          "ON",
          [
            ["json-structure", 'lists "ON"'],
            ["botocore", "lists"],
            ["aws-sdk", "lists"],
          ],
        ],
        [
          "NEW",
          [
            ["json-structure", "omits"],
            ["botocore", "lists"],
            ["aws-sdk", "omits"],
          ],
        ],
        ["SEEN", [["recorded", "observed"]]],
        [
          "OFF",
          [
            ["json-structure", "lists false"],
            ["botocore", 'repaired boolean false to "OFF"'],
          ],
        ],
        ["PINNED", [["override", HOSTILE]]],
        ["BARE", []],
      ]),
    ),
    named("Closed", sourcedEnum([["A", [["json-structure", 'lists "A"']]]], false)),
    named("When", epochSeconds()),
    named(
      "Codes",
      known(
        [
          ["X1", [["botocore", "lists"]]],
          [
            "Y2",
            [
              ["botocore", "omits"],
              ["aws-sdk", "lists"],
            ],
          ],
        ],
        { maxLength: 4 },
      ),
    ),
  ],
  {
    sources: [
      { id: "json-structure", kind: "json-structure", description: "the idp JSON Structure files" },
      { id: "botocore", kind: "botocore", description: `botocore ${HOSTILE}` },
      { id: "aws-sdk", kind: "aws-sdk", description: "SDK declarations" },
    ],
    authority: "botocore",
    decisions: [
      decision(
        "User.Mfa",
        "known-values",
        [
          ["json-structure", "prose lists SMS"],
          ["botocore", "prose lists SMS, EMAIL"],
        ],
        "known values SMS, EMAIL",
        "knownValuesFromProse",
      ),
      decision(
        "User.Factors[]",
        "override:knownValues",
        [
          ["reconciled", "none"],
          ["override", '["PASSKEY","TOTP"]'],
        ],
        'knownValues = ["PASSKEY","TOTP"]',
        "override",
        { reason: HOSTILE, disagreement: false },
      ),
      decision(
        "Mode",
        "enum-members",
        [
          ["json-structure", "lists ON, OFF"],
          ["botocore", "lists ON, NEW, OFF"],
          ["aws-sdk", "lists ON, OFF"],
        ],
        "members: ON, NEW, OFF",
        "enumMembers=union",
      ),
      decision(
        "When",
        "timestamp",
        [
          ["json-structure", "datetime"],
          ["botocore", "timestamp"],
        ],
        "wire view: epoch seconds",
        "timestamps=protocol",
      ),
      decision(
        "User.Old",
        "deprecated",
        [
          ["json-structure", "prose: Use New."],
          ["botocore", "prose: Use New."],
        ],
        "deprecated",
        "deprecatedFromProse",
        { disagreement: false },
      ),
      decision(
        "Ghost",
        "type-missing",
        [
          ["json-structure", "no such type"],
          ["botocore", "object"],
        ],
        "not added: nothing in the corpus refers to it",
        "types",
      ),
      decision(
        "Ghost2",
        "type-missing",
        [
          ["json-structure", "no such type"],
          ["botocore", "object"],
        ],
        "not added: nothing in the corpus refers to it",
        "types",
      ),
      decision(
        "Codes",
        "type-missing",
        [
          ["json-structure", "no such type"],
          ["botocore", "string"],
        ],
        "imported from botocore",
        "types",
      ),
      decision(
        `User.${HOSTILE}`,
        HOSTILE,
        [
          [HOSTILE, HOSTILE],
          ["botocore", HOSTILE_BR],
        ],
        HOSTILE,
        HOSTILE,
        { reason: HOSTILE },
      ),
      decision("Mode", "Sources", [["json-structure", "x"]], "", "rule"),
    ],
  },
);
