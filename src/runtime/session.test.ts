import { describe, expect, it } from "vitest";
import { AppSession, defineApp } from "./session";

describe("AppSession smoke", () => {
  it("runs a counter with a callback", async () => {
    const app = defineApp((st) => {
      st.sessionState.count ??= 0;
      st.button("Increment", { onClick: () => { st.sessionState.count += 1; } });
      st.markdown(`Count = ${st.sessionState.count}`);
    });
    const session = new AppSession(app);
    let out = await session.load();
    const buttonId = (out.roots[0].children[0] as any).widget.id;
    out = await session.handle({ values: {}, trigger: buttonId });
    expect((out.roots[0].children[1] as any).props.body).toBe("Count = 1");
  });
});
