// The served client assets are builds of src/client/; this keeps them from drifting, and keeps
// their names tied to their content (they are cached for a year as immutable).
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { planClient, staleClient } from "../../scripts/build-client.mjs";
import { ASSET } from "../wire";

describe("client build", () => {
  it("public/_edgelit/ holds the current builds of src/client/ and no old ones (npm run build:client)", async () => {
    expect(staleClient(await planClient())).toEqual([]);
  });

  it("names each built asset by a hash of its content, and the pages use those names", async () => {
    const { files } = await planClient();
    const names = Object.keys(files);
    expect(names.map((name) => name.replace(/\.[0-9a-f]{10}\./, ".#."))).toEqual(["edgelit.#.js", "edgelit.#.css", "icon.#.svg", "boot.#.js"]);
    expect([ASSET.extension, ASSET.stylesheet, ASSET.icon, ASSET.boot]).toEqual(names.map((name) => `/_edgelit/${name}`));
  });
});
