/**
 * The apps this server runs, by URL path. To add an app, write a file that does
 * `export default defineApp((st) => { … })` and add one line here; to add a page to the gallery
 * (a multipage app at "/"), add one line to the `pages` of apps/gallery.ts instead.
 */
import type { App } from "../src/api";
import e2eAddress from "../examples/e2e/address";
import e2eCache from "../examples/e2e/cache";
import e2eFocus from "../examples/e2e/focus";
import e2eFragments from "../examples/e2e/fragments";
import e2eReliability from "../examples/e2e/reliability";
import e2eXss from "../examples/e2e/xss";
import gallery from "./gallery";

export const apps: Record<string, App> = {
  "/": gallery,
  "/e2e/address": e2eAddress,
  "/e2e/cache": e2eCache,
  "/e2e/focus": e2eFocus,
  "/e2e/fragments": e2eFragments,
  "/e2e/reliability": e2eReliability,
  "/e2e/xss": e2eXss,
};
