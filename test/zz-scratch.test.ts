import { it } from "vitest";
import { typesSource } from "../generator/emit/typescript/index.js";
import { toJsonSchema } from "../generator/emit/json-schema/index.js";
import { arr, enm, map, member, model, named, obj, prim, ref, set, union } from "./helpers/ir.js";
it("x", () => {
  const m = model("t", [
    named("Person", obj([
      member("name", prim("string", { pattern: { source: "[a-z]+", unicode: false } }), true, { doc: "The name. */ export const pwned = 1; /*" }),
      member("x-weird key", prim("int8")),
      member("pw", prim("string"), false, { sensitive: true, deprecated: "use other" }),
      member("status", ref("Status")),
      member("when", prim("datetime")),
      member("tags", map(prim("string"))),
      member("codes", set(prim("int32"))),
      member("__proto__", prim("string")),
    ], false), { doc: "A person.\n@internal fake tag */ export const pwned2 = 2; /*", deprecated: "" }),
    named("Status", enm(["b", "a", "C"])),
    named("Id", prim("string")),
    named("List", arr(ref("Person"))),
    named("U", union(prim("string"), ref("Person"))),
  ]);
  console.log(typesSource(m));
  console.log(JSON.stringify(toJsonSchema(m), null, 1));
});
