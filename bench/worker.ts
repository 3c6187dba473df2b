/** The bench Worker: the product's Worker and session object over the bench registry (build.mjs swaps apps/index.ts). */
export { default, Session } from "../src/index";
