// Contracts for any corpus: createContract over a corpus generated here (the consumer fixture, not
// Cognito), misspelt names throwing with close names, and toMatchContract with registered contracts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  bundledContract,
  checkContract,
  ContractError,
  ContractTypeError,
  createContract,
  type Contract,
  type ValidatorsModule,
} from "../../generator/contract/index.js";
import { useContract } from "../../generator/contract/vitest.js";
import { buildModel, renderModel } from "../../generator/pipeline.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
type Library = "Book" | "Loan" | "Member" | "ShelfStatus";

const book = { isbn: "9780262510875", title: "SICP", authors: ["Abelson", "Sussman"], shelf: "available" };
const getUser = { Username: "x", UserAttributes: [{ Name: "sub", Value: "1" }] };

let tmp: string;
let mod: ValidatorsModule;
let library: Contract<Library>;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), "structgen-typed-contract-"));
  const model = await buildModel({ name: "library", dir: path.join(ROOT, "test/fixtures/consumer/schemas/library") });
  for (const f of await renderModel(model, { emit: ["types", "validators"] })) {
    writeFileSync(path.join(tmp, f.path), f.content);
  }
  mod = (await import(pathToFileURL(path.join(tmp, "validators.js")).href)) as ValidatorsModule;
  library = createContract<Library>(mod, { corpus: "library" });
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The error a call throws (failing the test when it throws none). */
function thrown(f: () => unknown): ContractTypeError {
  try {
    f();
  } catch (e) {
    return e as ContractTypeError;
  }
  throw new Error("expected an error");
}

describe("createContract over a generated corpus", () => {
  it("knows the corpus's types and root types", () => {
    expect(library.corpus).toBe("library");
    expect(library.types).toEqual(["Book", "Loan", "Member", "ShelfStatus"]);
    expect([...library.rootTypes].sort()).toEqual(["Book", "Loan"]);
  });

  it("checks values: errors with pointers, drift recorded in the contract's own log, strict rejects it", () => {
    expect(library.checkContract(book, "Book")).toEqual({ type: "Book", valid: true, errors: [], drift: [] });
    const bad = library.checkContract({ ...book, isbn: "12" }, "Book");
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => e.pointer)).toEqual(["/isbn"]);
    const extra = library.checkContract({ ...book, signed: true }, "Book");
    expect(extra).toMatchObject({ valid: true, drift: [{ pointer: "/signed", kind: "unknown-property" }] });
    expect(library.drift.format()).toContain("Book /signed: unknown-property");
    expect(library.checkContract({ ...book, signed: true }, "Book", { strict: true }).valid).toBe(false);
    expect(() => library.expectContract({ title: "" }, "Book")).toThrow(ContractError);
  });

  it("a misspelt type name throws a ContractTypeError that names the closest types", () => {
    const e = thrown(() => library.checkContract(book, "Bok" as Library));
    expect(e).toBeInstanceOf(ContractTypeError);
    expect(e).toBeInstanceOf(TypeError);
    expect(e.code).toBe("CONTRACT_UNKNOWN_TYPE");
    expect(e.message).toBe('unknown contract type "Bok" in the library corpus; did you mean Book?');
    expect(e.suggestions).toEqual(["Book"]);
    expect(e.hint).toMatch(/ContractType/);
    expect(thrown(() => library.expectContract(book, "shelfstatus" as Library)).suggestions).toEqual(["ShelfStatus"]);
    const none = thrown(() => library.checkContract(book, "Zzzzzzzzzz" as Library));
    expect(none.message).toBe('unknown contract type "Zzzzzzzzzz" in the library corpus');
    // Names the validators table inherits are not types.
    for (const name of ["toString", "__proto__", "constructor"]) {
      expect(thrown(() => library.checkContract(book, name as Library)).code).toBe("CONTRACT_UNKNOWN_TYPE");
    }
  });

  it("the bundled corpus's plain checkContract suggests close names too", () => {
    const e = thrown(() => checkContract(getUser, "AdminGetUserRespons"));
    expect(e.code).toBe("CONTRACT_UNKNOWN_TYPE");
    expect(e.message).toMatch(/^unknown contract type "AdminGetUserRespons" in the cognito-idp corpus; did you mean /);
    expect(e.suggestions[0]).toBe("AdminGetUserResponse");
  });
});

describe("toMatchContract with registered contracts (useContract)", () => {
  const unregister: (() => void)[] = [];
  afterEach(() => {
    for (const u of unregister.splice(0)) u();
  });

  it("checks against the registered corpus, and a misspelt name names the closest type", () => {
    unregister.push(useContract(library));
    expect(book).toMatchContract("Book");
    expect({ title: 5 }).not.toMatchContract("Book");
    expect(() => expect({ title: 5 }).toMatchContract("Book")).toThrow(/to match the Book contract:\n[^]*  \/isbn: /);
    expect(() => expect(book).toMatchContract("Bok")).toThrow(
      'unknown contract type "Bok" in the library corpus; did you mean Book?',
    );
  });

  it("with several corpora, each name finds its own; an unknown one suggests from all of them", async () => {
    unregister.push(useContract(library), useContract(await bundledContract()));
    expect(book).toMatchContract("Book");
    expect(getUser).toMatchContract("GetUserResponse");
    const e = thrown(() => expect(book).toMatchContract("GetUserRespons"));
    expect(e.code).toBe("CONTRACT_NOT_REGISTERED");
    expect(e.suggestions[0]).toBe("GetUserResponse");
    expect(thrown(() => expect(book).toMatchContract("Bok")).message).toMatch(
      /no registered corpus has it; did you mean Book/,
    );
  });

  it("a name two registered corpora share is refused as ambiguous", () => {
    unregister.push(useContract(library), useContract(createContract(mod, { corpus: "library-copy" })));
    const e = thrown(() => expect(book).toMatchContract("Book"));
    expect(e.code).toBe("CONTRACT_AMBIGUOUS_TYPE");
    expect(e.message).toBe('contract type "Book" is in more than one registered corpus: library, library-copy');
  });

  it("unregistered again, the matcher falls back to the bundled corpus", () => {
    const u = useContract(library);
    u();
    expect(getUser).toMatchContract("GetUserResponse");
    expect(thrown(() => expect(book).toMatchContract("Book")).message).toMatch(/in the cognito-idp corpus/);
  });
});
