// The Markdown documentation emitter: docs/README.md, docs/types/<Type>.md per named type and,
// for a reconciled corpus, docs/reconciliation.md.
import { bannerLines } from "../banner.js";
import { fragmentOf, type Emitter, type OutputFile } from "../files.js";
import { indexPage } from "./index-page.js";
import { typePage } from "./page.js";
import { pageContext, pageSite } from "./page-context.js";
import { reconciliationPage } from "./reconciliation.js";
import { buildSite } from "./site.js";

export const emitDocs: Emitter = (model, options) => {
  const site = buildSite(model);
  const banner = bannerLines("md", model.name);
  // Final text: the banner, then a page prettier (markdown, fixed options) leaves unchanged.
  const file = (path: string, body: string): OutputFile => ({ path, kind: "md", content: banner + body, final: true });
  const report = reconciliationPage(site);
  return [
    file("docs/README.md", indexPage(site)),
    ...(report !== undefined ? [file("docs/reconciliation.md", report)] : []),
    ...site.types.map((t) => {
      // The page sees only its context, so a memoized page is exactly what rendering gives.
      const context = pageContext(site, t);
      const page = fragmentOf(options, "docs-page", t, context, () => typePage(pageSite(t, context), t));
      return file(`docs/types/${site.slugs.get(t.name)!}`, page);
    }),
  ];
};
