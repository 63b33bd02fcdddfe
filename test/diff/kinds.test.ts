// Every kind of change, in both dialects, from fixture corpora (test/fixtures/diff/<dialect>/):
// each row names the old and new layers and the changes the diff must report, no more, no fewer.
import { afterAll, describe, expect, it } from "vitest";
import { CHANGE_KINDS, type Change, type ChangeKind } from "../../generator/diff/change.js";
import { changesBetween, removeLayered } from "./corpora.js";

type Want = Partial<Change> & Pick<Change, "subject" | "kind" | "severity">;
type Row = [title: string, { old: string[]; new: string[]; want: Want[] }];

afterAll(removeLayered);

const B = ["base"];
const plus = (layer: string) => ["base", layer];

// Core JSON Structure: no operations, so the direction is unknown and both sides count.
const CORE: Row[] = [
  [
    "type added",
    {
      old: B,
      new: plus("voucher"),
      want: [{ subject: "Voucher", kind: "type-added", read: "safe", write: "safe", severity: "safe" }],
    },
  ],
  [
    "type removed",
    {
      old: plus("voucher"),
      new: B,
      want: [{ subject: "Voucher", kind: "type-removed", read: "breaking", write: "breaking", severity: "breaking" }],
    },
  ],
  [
    "optional member added",
    {
      old: B,
      new: plus("member-added-optional"),
      want: [{ subject: "Order.gift", kind: "member-added", new: "boolean, optional", severity: "safe" }],
    },
  ],
  [
    "required member added",
    {
      old: B,
      new: plus("member-added-required"),
      want: [
        {
          subject: "Order.currency",
          kind: "member-added",
          new: "string, required",
          read: "safe",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  ["identical corpora", { old: B, new: B, want: [] }],
  [
    "optional member added to a closed object: old readers reject it",
    {
      old: plus("object-closed"),
      new: plus("closed-member-added"),
      want: [{ subject: "Order.gift", kind: "member-added", read: "breaking", write: "safe", severity: "breaking" }],
    },
  ],
  [
    "member removed",
    {
      old: B,
      new: plus("member-removed"),
      want: [
        { subject: "Order.note", kind: "member-removed", read: "breaking", write: "breaking", severity: "breaking" },
      ],
    },
  ],
  [
    "member became required",
    {
      old: B,
      new: plus("member-required"),
      want: [
        {
          subject: "Order.placed",
          kind: "member-required",
          old: "optional",
          new: "required",
          read: "safe",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "member became optional",
    {
      old: B,
      new: plus("member-optional"),
      want: [
        {
          subject: "Order.quantity",
          kind: "member-optional",
          old: "required",
          new: "optional",
          read: "breaking",
          write: "safe",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "member retyped",
    {
      old: B,
      new: plus("type-changed"),
      want: [{ subject: "Order.note", kind: "type-changed", old: "string", new: "int32", severity: "breaking" }],
    },
  ],
  [
    "member widened (int32 to double)",
    {
      old: B,
      new: plus("type-widened"),
      want: [
        {
          subject: "Order.quantity",
          kind: "type-changed",
          old: "int32",
          new: "double",
          read: "warning",
          write: "safe",
          severity: "warning",
        },
      ],
    },
  ],
  [
    "member narrowed (double to int32)",
    {
      old: plus("type-widened"),
      new: B,
      want: [
        {
          subject: "Order.quantity",
          kind: "type-changed",
          old: "double",
          new: "int32",
          read: "safe",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "items retyped",
    {
      old: B,
      new: plus("items-changed"),
      want: [{ subject: "Order.tags[]", kind: "type-changed", old: "string", new: "int32", severity: "breaking" }],
    },
  ],
  [
    "map values retyped",
    {
      old: B,
      new: plus("map-values-changed"),
      want: [{ subject: "Order.extra{}", kind: "type-changed", severity: "breaking" }],
    },
  ],
  [
    "a reference now names another type",
    {
      old: B,
      new: plus("ref-retargeted"),
      want: [
        { subject: "Order.status", kind: "type-changed", old: "Status", new: "State", severity: "safe" },
        // What the new name admits, compared with what the old one did: a closed enum gained a value.
        { subject: "Order.status", kind: "enum-value-added", new: "returned", read: "breaking", severity: "breaking" },
        { subject: "State", kind: "type-added", severity: "safe" },
      ],
    },
  ],
  [
    "enum value added (closed enum)",
    {
      old: B,
      new: plus("enum-value-added"),
      want: [
        {
          subject: "Status",
          kind: "enum-value-added",
          new: "returned",
          read: "breaking",
          write: "safe",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "enum value removed",
    {
      old: B,
      new: plus("enum-value-removed"),
      want: [
        {
          subject: "Status",
          kind: "enum-value-removed",
          old: "cancelled",
          read: "warning",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "choice option added",
    {
      old: B,
      new: plus("choice-option-added"),
      want: [
        {
          subject: "Payment",
          kind: "option-added",
          new: "voucher",
          read: "breaking",
          write: "safe",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "choice option removed",
    {
      old: B,
      new: plus("choice-option-removed"),
      want: [
        {
          subject: "Payment",
          kind: "option-removed",
          old: "cash",
          read: "warning",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "union option added",
    {
      old: B,
      new: plus("union-option-added"),
      want: [{ subject: "Amount", kind: "option-added", new: "null", severity: "breaking" }],
    },
  ],
  [
    "union option removed",
    {
      old: plus("union-option-added"),
      new: B,
      want: [{ subject: "Amount", kind: "option-removed", old: "null", severity: "breaking" }],
    },
  ],
  [
    "constraint tightened",
    {
      old: B,
      new: plus("constraint-tightened"),
      want: [
        {
          subject: "Order.id",
          kind: "constraint-tightened",
          detail: "maxLength",
          old: 16,
          new: 8,
          read: "safe",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "constraint loosened",
    {
      old: B,
      new: plus("constraint-loosened"),
      want: [
        {
          subject: "Order.id",
          kind: "constraint-loosened",
          detail: "maxLength",
          old: 16,
          new: 32,
          read: "warning",
          write: "safe",
          severity: "warning",
        },
      ],
    },
  ],
  [
    "format changed",
    {
      old: B,
      new: plus("constraint-changed"),
      want: [
        {
          subject: "Order.contact",
          kind: "constraint-changed",
          detail: "format",
          old: "email",
          new: "hostname",
          read: "warning",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "array became a set",
    {
      old: B,
      new: plus("array-became-set"),
      want: [
        {
          subject: "Order.lines",
          kind: "constraint-tightened",
          detail: "uniqueItems",
          old: false,
          new: true,
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "object closed to undeclared members",
    {
      old: B,
      new: plus("object-closed"),
      want: [
        {
          subject: "Order",
          kind: "constraint-tightened",
          detail: "additionalProperties",
          old: true,
          new: false,
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "pattern changed",
    {
      old: B,
      new: plus("pattern-changed"),
      want: [
        {
          subject: "Line.sku",
          kind: "pattern-changed",
          old: "^[A-Z]{3}-[0-9]{4}$",
          new: "^[A-Z]{2}-[0-9]{6}$",
          read: "warning",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "deprecation added",
    {
      old: B,
      new: plus("deprecation-added"),
      want: [
        { subject: "Order.note", kind: "deprecation-added", read: "warning", write: "warning", severity: "warning" },
      ],
    },
  ],
  [
    "deprecation removed",
    {
      old: plus("deprecation-added"),
      new: B,
      want: [{ subject: "Order.note", kind: "deprecation-removed", severity: "safe" }],
    },
  ],
  [
    "docs changed",
    {
      old: B,
      new: plus("docs-changed"),
      want: [
        {
          subject: "Order.note",
          kind: "docs-changed",
          old: "Free text from the buyer.",
          new: "Free text from the buyer, shown on the invoice.",
          severity: "safe",
        },
      ],
    },
  ],
  [
    "became sensitive",
    {
      old: B,
      new: plus("sensitivity-added"),
      want: [{ subject: "Order.secret", kind: "sensitivity-added", severity: "warning" }],
    },
  ],
  [
    "no longer sensitive",
    {
      old: plus("sensitivity-added"),
      new: B,
      want: [{ subject: "Order.secret", kind: "sensitivity-removed", severity: "safe" }],
    },
  ],
  [
    "default changed",
    {
      old: B,
      new: plus("default-changed"),
      want: [
        {
          subject: "Order.quantity",
          kind: "default-changed",
          old: 1,
          new: 2,
          read: "safe",
          write: "warning",
          severity: "warning",
        },
      ],
    },
  ],
];

// The OpenAPI-derived dialect, reconciled with a botocore model whose operations give each type
// its side: GetOrder reads GetOrderResponse (OrderType, ReceiptType, …), PutOrder writes
// PutOrderRequest (OrderType, NoteType, PriorityType). OrderType is both; LegacyType neither.
const DIALECT: Row[] = [
  [
    "type added, reached by no operation",
    {
      old: B,
      new: plus("extra-type"),
      want: [{ subject: "VoucherType", kind: "type-added", direction: "unknown", severity: "safe" }],
    },
  ],
  [
    "type removed, reached by no operation: both sides count",
    {
      old: plus("extra-type"),
      new: B,
      want: [{ subject: "VoucherType", kind: "type-removed", direction: "unknown", severity: "breaking" }],
    },
  ],
  [
    "optional member added to a response type",
    {
      old: B,
      new: plus("receipt-member-added"),
      want: [{ subject: "ReceiptType.Tip", kind: "member-added", direction: "read", severity: "safe" }],
    },
  ],
  [
    "required member added to a type only read: safe",
    {
      old: B,
      new: plus("receipt-member-added-required"),
      want: [
        {
          subject: "ReceiptType.Tax",
          kind: "member-added",
          read: "safe",
          write: "breaking",
          direction: "read",
          severity: "safe",
        },
      ],
    },
  ],
  [
    "required member added to a request: breaks writers",
    {
      old: B,
      new: plus("request-member-added-required"),
      want: [
        {
          subject: "PutOrderRequest.Token",
          kind: "member-added",
          read: "safe",
          write: "breaking",
          direction: "write",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "member removed from a response",
    {
      old: B,
      new: plus("receipt-member-removed"),
      want: [{ subject: "ReceiptType.Channel", kind: "member-removed", direction: "read", severity: "breaking" }],
    },
  ],
  [
    "member of a request became required",
    {
      old: B,
      new: plus("note-required"),
      want: [{ subject: "PutOrderRequest.Note", kind: "member-required", direction: "write", severity: "breaking" }],
    },
  ],
  [
    "member of a response became required: safe for its readers",
    {
      old: B,
      new: plus("receipt-state-required"),
      want: [{ subject: "ReceiptType.State", kind: "member-required", direction: "read", severity: "safe" }],
    },
  ],
  [
    "member of a response became optional",
    {
      old: B,
      new: plus("order-optional-in-response"),
      want: [
        {
          subject: "GetOrderResponse.Order",
          kind: "member-optional",
          read: "breaking",
          direction: "read",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "type retyped",
    {
      old: B,
      new: plus("amount-retyped"),
      want: [
        {
          subject: "AmountType",
          kind: "type-changed",
          old: "double",
          new: "string",
          direction: "read",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "timestamps policy changed: the wire form of dates",
    {
      old: B,
      new: plus("timestamps-schema"),
      want: [
        {
          subject: "DateType",
          kind: "type-changed",
          old: "datetime (epoch seconds)",
          new: "datetime",
          direction: "both",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "enum value added to a response enum (open after reconciliation): a warning",
    {
      old: B,
      new: plus("receipt-state-added"),
      want: [
        {
          subject: "ReceiptStateType",
          kind: "enum-value-added",
          new: "VOID",
          read: "warning",
          write: "safe",
          direction: "read",
          severity: "warning",
        },
      ],
    },
  ],
  [
    "enum value added to a request enum: safe",
    {
      old: B,
      new: plus("priority-added"),
      want: [
        { subject: "PriorityType", kind: "enum-value-added", new: "URGENT", direction: "write", severity: "safe" },
      ],
    },
  ],
  [
    "enum value removed from an enum used both ways",
    {
      old: B,
      new: plus("status-removed"),
      want: [
        {
          subject: "OrderStatusType",
          kind: "enum-value-removed",
          old: "SHIPPED",
          direction: "both",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "enum value added by the evidence alone (a newer botocore model)",
    {
      old: B,
      new: plus("evidence-receipt-state"),
      want: [{ subject: "ReceiptStateType", kind: "enum-value-added", new: "DISPUTED", severity: "warning" }],
    },
  ],
  [
    "member added by the evidence alone",
    {
      old: B,
      new: plus("evidence-member-added"),
      want: [{ subject: "OrderType.Discount", kind: "member-added", direction: "both", severity: "safe" }],
    },
  ],
  [
    "enums closed by policy",
    {
      old: B,
      new: plus("enums-closed"),
      want: [
        { subject: "OrderStatusType", kind: "enum-closed", direction: "both", severity: "warning" },
        { subject: "PriorityType", kind: "enum-closed", direction: "write", severity: "safe" },
        { subject: "ReceiptStateType", kind: "enum-closed", direction: "read", severity: "warning" },
      ],
    },
  ],
  [
    "enums opened by policy",
    {
      old: plus("enums-closed"),
      new: B,
      want: [
        { subject: "OrderStatusType", kind: "enum-opened", severity: "warning" },
        { subject: "PriorityType", kind: "enum-opened", severity: "safe" },
        { subject: "ReceiptStateType", kind: "enum-opened", severity: "warning" },
      ],
    },
  ],
  [
    "known value added (from a model's prose)",
    {
      old: B,
      new: plus("evidence-channel-value"),
      want: [
        {
          subject: "ReceiptType.Channel",
          kind: "known-value-added",
          new: "MOBILE_APP",
          read: "warning",
          write: "safe",
          direction: "read",
          severity: "warning",
        },
      ],
    },
  ],
  [
    "known value removed",
    {
      old: plus("evidence-channel-value"),
      new: B,
      want: [
        {
          subject: "ReceiptType.Channel",
          kind: "known-value-removed",
          old: "MOBILE_APP",
          read: "safe",
          write: "warning",
          direction: "read",
          severity: "safe",
        },
      ],
    },
  ],
  [
    "constraint of a request type tightened",
    {
      old: B,
      new: plus("note-tightened"),
      want: [
        {
          subject: "NoteType",
          kind: "constraint-tightened",
          detail: "maxLength",
          direction: "write",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "constraint of a request type loosened: safe",
    {
      old: plus("note-tightened"),
      new: B,
      want: [
        { subject: "NoteType", kind: "constraint-loosened", detail: "maxLength", direction: "write", severity: "safe" },
      ],
    },
  ],
  [
    "constraint of a response type tightened: safe",
    {
      old: B,
      new: plus("channel-tightened"),
      want: [
        // Reconciliation gave the member its own copy of ChannelType (with known values), which
        // no operation reaches any longer: both copies tightened.
        { subject: "ChannelType", kind: "constraint-tightened", direction: "unknown", severity: "breaking" },
        { subject: "ReceiptType.Channel", kind: "constraint-tightened", direction: "read", severity: "safe" },
      ],
    },
  ],
  [
    "constraint of a type used both ways loosened",
    {
      old: B,
      new: plus("order-id-loosened"),
      want: [
        {
          subject: "OrderIdType",
          kind: "constraint-loosened",
          old: 64,
          new: 128,
          read: "warning",
          write: "safe",
          direction: "both",
          severity: "warning",
        },
      ],
    },
  ],
  [
    "pattern changed",
    {
      old: B,
      new: plus("order-id-pattern"),
      want: [
        {
          subject: "OrderIdType",
          kind: "pattern-changed",
          old: "[A-Z0-9-]+",
          new: "[A-Za-z0-9-]+",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "deprecation added by the model",
    {
      old: B,
      new: plus("evidence-deprecated"),
      want: [
        { subject: "PutOrderRequest.Priority", kind: "deprecation-added", direction: "write", severity: "warning" },
      ],
    },
  ],
  [
    "deprecation removed",
    {
      old: plus("evidence-deprecated"),
      new: B,
      want: [{ subject: "PutOrderRequest.Priority", kind: "deprecation-removed", severity: "safe" }],
    },
  ],
  [
    "docs changed",
    {
      old: B,
      new: plus("docs-changed"),
      want: [
        {
          subject: "ReceiptType.Total",
          kind: "docs-changed",
          old: "What was paid.",
          new: "What was paid, tax included.",
          severity: "safe",
        },
      ],
    },
  ],
  [
    "became sensitive (the model says so)",
    {
      old: B,
      new: plus("evidence-sensitive"),
      want: [{ subject: "NoteType", kind: "sensitivity-added", direction: "write", severity: "warning" }],
    },
  ],
  [
    "no longer sensitive",
    {
      old: plus("evidence-sensitive"),
      new: B,
      want: [{ subject: "NoteType", kind: "sensitivity-removed", severity: "safe" }],
    },
  ],
  [
    "operation added",
    {
      old: B,
      new: plus("operation-added"),
      want: [{ subject: "DeleteOrder()", kind: "operation-added", severity: "safe" }],
    },
  ],
  [
    "operation removed",
    {
      old: plus("operation-added"),
      new: B,
      want: [
        {
          subject: "DeleteOrder()",
          kind: "operation-removed",
          read: "breaking",
          write: "breaking",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "operation now returns another type",
    {
      old: B,
      new: plus("operation-output-changed"),
      want: [
        {
          subject: "PutOrder()",
          kind: "operation-changed",
          detail: "output",
          old: "PutOrderResponse",
          new: "GetOrderResponse",
          direction: "read",
          severity: "breaking",
        },
      ],
    },
  ],
  [
    "error added to an operation",
    {
      old: B,
      new: plus("error-added"),
      want: [
        {
          subject: "PutOrder()",
          kind: "error-added",
          new: "OrderNotFoundException",
          direction: "read",
          severity: "safe",
        },
      ],
    },
  ],
  [
    "error removed from an operation",
    {
      old: plus("error-added"),
      new: B,
      want: [{ subject: "PutOrder()", kind: "error-removed", old: "OrderNotFoundException", severity: "safe" }],
    },
  ],
];

/** Kinds a dialect cannot express, and why; every other kind has a row. */
const INEXPRESSIBLE: Record<string, Partial<Record<ChangeKind, string>>> = {
  core: {
    "enum-opened": "enums open only through reconciliation with a service model",
    "enum-closed": "enums open only through reconciliation with a service model",
    "known-value-added": "known values come from a service model's prose",
    "known-value-removed": "known values come from a service model's prose",
    "operation-added": "core JSON Structure has no operations",
    "operation-removed": "core JSON Structure has no operations",
    "operation-changed": "core JSON Structure has no operations",
    "error-added": "core JSON Structure has no operations",
    "error-removed": "core JSON Structure has no operations",
  },
  dialect: {
    "option-added": "the OpenAPI-derived files have no unions or choices",
    "option-removed": "the OpenAPI-derived files have no unions or choices",
    "constraint-changed": "the OpenAPI-derived files carry no formats beyond the type's own",
    "default-changed": "the OpenAPI-derived files carry no defaults",
  },
};

const FIELDS = ["subject", "kind", "detail", "old", "new", "read", "write", "severity", "direction"] as const;
const pick = (c: Change, want: Want) => Object.fromEntries(FIELDS.filter((f) => f in want).map((f) => [f, c[f]]));

for (const [dialect, rows] of [
  ["core", CORE],
  ["dialect", DIALECT],
] as const) {
  describe(`diff kinds: ${dialect}`, () => {
    it.each(rows)("%s", async (_title, { old, new: next, want }) => {
      const changes = await changesBetween(dialect, old, next);
      expect(changes.map((c, i) => pick(c, want[i] ?? c))).toEqual(want);
    });

    it("has a row for every kind it can express", () => {
      const covered = new Set(rows.flatMap(([, r]) => r.want.map((w) => w.kind)));
      const missing = CHANGE_KINDS.filter((k) => !covered.has(k) && !INEXPRESSIBLE[dialect]![k]);
      expect(missing).toEqual([]);
    });
  });
}
