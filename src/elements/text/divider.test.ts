import { describe, expect, it } from "vitest";
import { renderFirst } from "./test-support";

describe("st.divider", () => {
  it("renders a horizontal rule", async () => {
    expect(await renderFirst((st) => void st.divider())).toBe('<hr class="el-divider">');
  });
});
