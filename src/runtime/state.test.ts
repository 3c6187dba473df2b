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

  it("shares with an earlier copy what still equals the data, and copies the rest", () => {
    const slider = meta("slider");
    const data: SessionData = {
      widgets: { w1: { value: ["a"], meta: meta("multiselect") }, w2: { value: "text", meta: meta("textInput") }, w3: { value: 1, meta: slider } },
      user: { count: 1, name: "x" },
      keyToWidget: { pick: "w1" },
      order: ["w1", "w2", "w3"],
    };
    const first = copySessionData(data);
    // Nothing changed: every part is the earlier copy's, but for the record of a list (a value that
    // is not a primitive is never compared, so the record map is new too).
    const same = copySessionData(data, first);
    expect(same.widgets).not.toBe(first.widgets);
    expect(same.widgets.w2).toBe(first.widgets.w2);
    expect(same.widgets.w1).not.toBe(first.widgets.w1);
    expect(same.user).toBe(first.user);
    expect(same.keyToWidget).toBe(first.keyToWidget);
    expect(same.order).toBe(first.order);
    // Records of primitives alone, unchanged: the record map itself is shared.
    const primitives: SessionData = { ...data, widgets: { w2: data.widgets.w2, w3: data.widgets.w3 } };
    const once = copySessionData(primitives);
    expect(copySessionData(primitives, once).widgets).toBe(once.widgets);
    // One value changed: that record is new, the other primitive one is shared, a list is copied
    // again (values that are not primitives are never compared), and the copy holds the data.
    data.widgets.w2.value = "changed";
    const next = copySessionData(data, same);
    expect(next).toEqual(data);
    expect(next.widgets).not.toBe(first.widgets);
    expect(next.widgets.w2).not.toBe(first.widgets.w2);
    expect(next.widgets.w3).toBe(first.widgets.w3);
    expect(next.widgets.w1).not.toBe(first.widgets.w1);
    expect(next.widgets.w1.value).not.toBe(data.widgets.w1.value);
    expect(first.widgets.w2.value).toBe("text");
    // A new meta, user keys in another order, a user value that is not a primitive, another order:
    // each is copied again.
    data.widgets.w3 = { value: 1, meta: meta("slider") };
    data.user = { name: "x", count: 1 };
    data.keyToWidget = { pick: "w2" };
    data.order = ["w3", "w2", "w1"];
    const moved = copySessionData(data, next);
    expect(moved).toEqual(data);
    expect(moved.widgets.w3).not.toBe(next.widgets.w3);
    expect(moved.user).not.toBe(next.user);
    expect(moved.keyToWidget).not.toBe(next.keyToWidget);
    expect(moved.order).not.toBe(next.order);
    data.user = { list: [1] };
    const listed = copySessionData(data, copySessionData(data));
    expect(listed.user).toEqual({ list: [1] });
    expect(listed.user.list).not.toBe(data.user.list);
    // Widgets dropped or added: a new record map.
    delete data.widgets.w1;
    const fewer = copySessionData(data, moved);
    expect(Object.keys(fewer.widgets)).toEqual(["w2", "w3"]);
    expect(fewer.widgets.w2).toBe(moved.widgets.w2);
  });

  it("throws, as a structured clone does, for user state that cannot be stored", () => {
    const data: SessionData = { widgets: {}, user: { f: () => 1 }, keyToWidget: {}, order: [] };
    expect(() => copySessionData(data)).toThrow();
  });
});
