// DESIGN §3: after eviction the session rebuilds its callbacks so each fires exactly once.
import { describe, expect, it, vi } from "vitest";
import { AppSession, defineApp } from "../../src/runtime/session";
import type { ElementNode } from "../../src/elements/types";

function buttonId(roots: { children: unknown[] }[], label: string): string {
  const node = (roots[0].children as ElementNode[]).find((n) => n.type === "button" && n.props.label === label);
  return node!.widget!.id;
}

describe("eviction", () => {
  it("a callback fires exactly once on a new instance restored from the snapshot", async () => {
    const body = vi.fn();
    const app = defineApp((st) => {
      st.sessionState.count ??= 0;
      st.sessionState.bodyRuns = (st.sessionState.bodyRuns ?? 0) + 1;
      body();
      st.button("Increment", { onClick: (by: number) => { st.sessionState.count += by; }, args: [st.sessionState.count + 1] });
      st.markdown(`Count = ${st.sessionState.count}`);
    });
    const first = new AppSession(app);
    const loaded = await first.load();
    const id = buttonId(loaded.roots, "Increment");
    await first.handle({ values: {}, trigger: id }); // count 0 → 1 (args [1])
    // Eviction: only the stored snapshot survives (structured clone, as storage does).
    const stored = structuredClone(first.snapshot());
    const second = new AppSession(app, stored);
    const out = await second.handle({ values: {}, trigger: id }); // args captured in the last run: [2]
    expect(second.peekState("count")).toBe(3);
    // The replay ran on a copy: bodyRuns counts only real runs (load, click, click).
    expect(second.peekState("bodyRuns")).toBe(3);
    expect((out.roots[0].children[1] as ElementNode).props.body).toBe("Count = 3");
  });

  it("no replay is needed when the changed widget has no callback", async () => {
    const body = vi.fn();
    const app = defineApp((st) => {
      body();
      st.checkbox("plain");
    });
    const first = new AppSession(app);
    const loaded = await first.load();
    const id = (loaded.roots[0].children[0] as ElementNode).widget!.id;
    const second = new AppSession(app, structuredClone(first.snapshot()));
    body.mockClear();
    await second.handle({ values: { [id]: "on" } });
    expect(body).toHaveBeenCalledTimes(1);
    expect(second.peekState("x")).toBeUndefined();
  });

  it("an invalid event leaves the snapshot exactly as it was", async () => {
    const app = defineApp((st) => {
      st.slider("s", { minValue: 0, maxValue: 10, key: "s" });
    });
    const session = new AppSession(app);
    const loaded = await session.load();
    const id = (loaded.roots[0].children[0] as ElementNode).widget!.id;
    const before = structuredClone(session.snapshot());
    await expect(session.handle({ values: { [id]: "11" } })).rejects.toThrow();
    await expect(session.handle({ values: { wnope: "1" } })).rejects.toThrow(/no widget/);
    expect(session.snapshot()).toEqual(before);
  });

  it("a replay after eviction is bounded by the run deadline when the last body ran away", async () => {
    const app = defineApp(async (st) => {
      st.button("plain", { onClick: () => { st.sessionState.clicked = true; } });
      if (st.button("spin")) {
        for (;;) {
          st.write("again"); // a yield point: the deadline stops the loop here
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
    });
    const first = new AppSession(app, undefined, { runDeadlineMs: 50 });
    const loaded = await first.load();
    const spin = buttonId(loaded.roots, "spin");
    const plain = buttonId(loaded.roots, "plain");
    const ranAway = await first.handle({ values: {}, trigger: spin });
    expect(ranAway.status).toBe("error");
    // Evicted: the replay re-runs the last body (with "spin" pressed) to find the callbacks.
    const second = new AppSession(app, structuredClone(first.snapshot()), { runDeadlineMs: 50 });
    const out = await second.handle({ values: {}, trigger: plain });
    expect(out.status).toBe("complete");
    expect(second.peekState("clicked")).toBe(true);
  });

  it("widget ids named like Object.prototype members are unknown widgets, not crashes", async () => {
    const session = new AppSession(defineApp((st) => { st.button("b"); }));
    await session.load();
    const before = structuredClone(session.snapshot());
    for (const id of ["toString", "__proto__", "constructor", "hasOwnProperty"]) {
      await expect(session.handle({ values: { [id]: "x" } })).rejects.toThrow(/no widget/);
      await expect(session.handle({ values: {}, trigger: id })).rejects.toThrow(/no button/);
    }
    expect(session.snapshot()).toEqual(before);
  });
});
