import { describe, expect, it } from "vitest";
import { copySessionData, type SessionData, type WidgetMeta } from "./state";

const meta = (type: string): WidgetMeta => ({ type, props: { options: ["a", "b"] }, trigger: false, default: [], hasCallback: true, disabled: false, label: type });

describe("copySessionData (a replay base)", () => {
  it("copies what a run changes and shares the metas, which runs replace and never change", () => {
    const data: SessionData = {
      widgets: { w1: { value: ["a"], meta: meta("multiselect") }, w2: { value: "text", meta: meta("textInput") } },
      user: { nested: { list: [1, 2] }, count: 1 },
      keyToWidget: { pick: "w1" },
      order: ["w1", "w2"],
    };
    const copy = copySessionData(data);
    expect(copy).toEqual(data);
    expect(copy.widgets.w1.meta).toBe(data.widgets.w1.meta);
    // Everything a later run writes leaves the copy as it was.
    (data.widgets.w1.value as string[]).push("b");
    data.widgets.w2.value = "changed";
    data.widgets.w3 = { value: 1, meta: meta("slider") };
    delete data.widgets.w1;
    (data.user.nested as { list: number[] }).list.push(3);
    data.user.count = 2;
    data.keyToWidget.pick = "w3";
    data.order.push("w3");
    expect(copy).toEqual({
      widgets: { w1: { value: ["a"], meta: meta("multiselect") }, w2: { value: "text", meta: meta("textInput") } },
      user: { nested: { list: [1, 2] }, count: 1 },
      keyToWidget: { pick: "w1" },
      order: ["w1", "w2"],
    });
  });

  it("throws, as a structured clone does, for user state that cannot be stored", () => {
    const data: SessionData = { widgets: {}, user: { f: () => 1 }, keyToWidget: {}, order: [] };
    expect(() => copySessionData(data)).toThrow();
  });
});
