import { it } from "vitest";
import { parseJson } from "/work/main/generator/load/parse-json.js";
it("x", () => {
  const cases: Record<string,string> = {
    trunc: '{\n  "a": [1, 2',
    trailing: '{\n  "a": 1,\n}',
    trailingArr: '[1,2,]',
    comment: '{\n  // hi\n  "a": 1\n}',
    blockc: '{ /* x */ "a": 1 }',
    dup: '{\n  "a": 1,\n  "b": {"c": 1, "c": 2}\n}',
    empty: '',
    ws: '  \n ',
    proto: '{"__proto__": {"polluted": true}, "x": 1}',
    bom: '\uFEFF{\n  "a": 1\n}',
  };
  for (const [k, v] of Object.entries(cases)) console.log(k, JSON.stringify(parseJson(k+".json", v), null, 0));
  const r = parseJson("p.json", '{\n  "a": {\n    "b~c/d": [true, {"x": 1}]\n  }\n}');
  if (r.ok) for (const p of ["", "/a", "/a/b~0c~1d", "/a/b~0c~1d/1", "/a/b~0c~1d/1/x", "/a/nope/deeper"]) console.log(p, r.doc.locate(p));
});
