// The Markdown documentation emitter: docs/README.md, docs/types/<Type>.md per named type and,
// for a reconciled corpus, docs/reconciliation.md.
import { bannerLines } from "../banner.js";
import type { Model } from "../../ir/model.js";
import { assembledOf, fragmentsFrom, sharedOf, type EmitOptions, type Emitter, type OutputFile } from "../files.js";
import { indexPage } from "./index-page.js";
import { typePage } from "./page.js";
import { pageContext, pageDeps, pageSite, siteGlobals } from "./page-context.js";
import { reconciliationPage } from "./reconciliation.js";
import { buildSite } from "./site.js";

export const emitDocs: Emitter = (model, options) => [...docsInBatches(model, options)].flat();

/** Pages a writer takes at a time: the rest are not rendered yet, so they are not all held at once. */
const BATCH = 64;

/** emitDocs's files in order, a batch of pages at a time, each rendered only when its batch is asked for. */
export function* docsInBatches(model: Model, options?: EmitOptions): Generator<OutputFile[]> {
  const site = buildSite(model, options);
  // Final text: the banner, then a page prettier (markdown, fixed options) leaves unchanged. Through a
  // memo, the very text of the last run while its parts are the same: the writer then compares a file's
  // text with what it wrote by identity, not character by character.
  const withBanner = ([corpus, body]: readonly [string, string]) => bannerLines("md", corpus) + body;
  const file = (path: string, body: string): OutputFile => {
    const content = assembledOf(options, `docs-file\0${model.name}\0${path}`, [model.name, body] as const, withBanner);
    return { path, kind: "md", content, final: true };
  };
  // Equal to the last run's, the very same value: the memo then compares pages' deps by identity.
  const globals = sharedOf(options, `docs\0${model.name}`, siteGlobals(site));
  // The report reads the globals, every decision (sorted) and the type each is about.
  const decisions = site.decisions;
  const report =
    model.reconciliation &&
    assembledOf(
      options,
      `docs-reconciliation\0${model.name}`,
      [globals, ...decisions, ...decisions.map((d) => site.subjectType.get(d))],
      () => reconciliationPage(site)!,
    );
  const index = file("docs/README.md", indexPage(site, options));
  yield report !== undefined ? [index, file("docs/reconciliation.md", report)] : [index];
  for (let i = 0; i < site.types.length; i += BATCH) {
    const types = site.types.slice(i, i + BATCH);
    // The page sees only its context, so a memoized page is exactly what rendering gives. The banner is
    // part of the page's fragment (it reads only the corpus name, in the context).
    const pages = fragmentsFrom(
      options,
      "docs-page",
      `docs-pages\0${model.name}\0${i}`,
      types,
      (j) => (options?.memo ? pageDeps(site, types[j]!, globals) : []),
      (j) => pageContext(site, types[j]!),
      (j, c) => withBanner([c.corpus, typePage(pageSite(types[j]!, c), types[j]!)]),
    );
    yield types.map((t, j) => ({
      path: `docs/types/${site.slugs.get(t.name)!}`,
      kind: "md",
      content: pages[j]!,
      final: true,
    }));
  }
}
