// The three seeds that update a header drawn above the button that changes it.
import { describe, expect, it } from "vitest";
import { headings, useBrowser } from "./browser";

const browser = useBrowser();

describe("seed: three ways to update an earlier header", () => {
  const cases = [
    { path: "/seeds/rerun", button: "Foo", way: "st.rerun()" },
    { path: "/seeds/rerun-callback", button: "Bar", way: "a callback" },
    { path: "/seeds/rerun-container", button: "Baz", way: "a container drawn above the button" },
  ];
  for (const { path, button, way } of cases) {
    it(`${way}: one click turns the header "Title" into "${button}"`, async () => {
      const { page, posts } = await browser.open(path);
      expect(await headings(page)).toEqual(["Title"]);
      await page.getByRole("button", { name: button, exact: true }).click();
      await expect.poll(() => headings(page)).toEqual([button]);
      expect(posts).toHaveLength(1);
    });
  }
});
