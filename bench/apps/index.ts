/**
 * The bench registry: the seed counter (weighed by the first-load benchmark) and the synthetic
 * benchmark apps. bench/build.mjs bundles it in place of apps/index.ts, so the user gallery never
 * lists these.
 */
import type { App } from "../../src/api";
import counter from "../../examples/seeds/counter";
import { elementsApp } from "./elements";

export const apps: Record<string, App> = {
  "/seeds/counter": counter,
  "/bench/app-100": elementsApp(100),
  "/bench/app-1000": elementsApp(1000),
  // The smallest app (title, input, echo): what an event costs besides the script (profile.mjs).
  "/bench/app-3": elementsApp(3),
};
