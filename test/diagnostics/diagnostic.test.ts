import { describe, expect, it } from "vitest";
import { diagnostic } from "../../generator/diagnostics/diagnostic.js";

describe("diagnostic()", () => {
  it("regression: hints are templates too (SCHEMA_KEYWORD_WITHOUT_USES printed a literal {addin})", () => {
    const d = diagnostic("SCHEMA_KEYWORD_WITHOUT_USES", { keyword: "minLength", addin: "JSONStructureValidation" });
    expect(d.hint).toBe(
      'Add "$uses": ["JSONStructureValidation"] to the document root; until then the keyword is not enforced.',
    );
    expect(d.message).toContain("minLength belongs to the JSONStructureValidation add-in");
  });

  it("usage hints name the command to ask for help", () => {
    const d = diagnostic("USAGE_UNKNOWN_OPTION", {
      option: "--tpye",
      help: "structgen validate --help",
      suggestion: "",
    });
    expect(d.message).toBe("unknown option --tpye");
    expect(d.hint).toBe("Run `structgen validate --help` for the options.");
  });
});
