// The served extension is a build of src/client/edgelit.js; this keeps the two from drifting.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { buildClient } from "../../scripts/build-client.mjs";

describe("client build", () => {
  it("public/_edgelit/edgelit-0.1.0.js is the current build of src/client/edgelit.js (npm run build:client)", async () => {
    const served = readFileSync(new URL("../../public/_edgelit/edgelit-0.1.0.js", import.meta.url), "utf8");
    expect(served).toBe(await buildClient());
  });
});
