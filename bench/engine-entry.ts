// What the Node-side engine benchmark (perf-engine.mjs) drives: the pure engine, no Worker.
export { elementsApp } from "./apps/elements";
export { AppSession } from "../src/runtime/session";
export { renderTree, renderPage, renderUpdate } from "../src/render/page";
export { diffTrees } from "../src/render/diff";
export { trustedHtml } from "../src/render/html";
export { RenderMemo } from "../src/render/memo";
