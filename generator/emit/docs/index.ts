// The Markdown documentation emitter: docs/README.md plus docs/types/<Type>.md per named type.
import type { Emitter, OutputFile } from "../files.js";
import { indexPage } from "./index-page.js";
import { typePage } from "./page.js";
import { buildSite } from "./site.js";

export const emitDocs: Emitter = (model) => {
  const site = buildSite(model);
  const pages: OutputFile[] = site.types.map((t) => ({ path: `docs/types/${site.slugs.get(t.name)!}`, kind: "md", content: typePage(site, t) }));
  return [{ path: "docs/README.md", kind: "md", content: indexPage(site) }, ...pages];
};
