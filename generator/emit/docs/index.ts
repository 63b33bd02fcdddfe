// The Markdown documentation emitter: docs/README.md, docs/types/<Type>.md per named type and,
// for a reconciled corpus, docs/reconciliation.md.
import type { Emitter, OutputFile } from "../files.js";
import { indexPage } from "./index-page.js";
import { typePage } from "./page.js";
import { reconciliationPage } from "./reconciliation.js";
import { buildSite } from "./site.js";

export const emitDocs: Emitter = (model) => {
  const site = buildSite(model);
  const pages: OutputFile[] = site.types.map((t) => ({ path: `docs/types/${site.slugs.get(t.name)!}`, kind: "md", content: typePage(site, t) }));
  const report = reconciliationPage(site);
  return [
    { path: "docs/README.md", kind: "md", content: indexPage(site) },
    ...(report !== undefined ? [{ path: "docs/reconciliation.md", kind: "md" as const, content: report }] : []),
    ...pages,
  ];
};
