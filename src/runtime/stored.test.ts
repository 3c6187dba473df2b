import { describe, expect, it } from "vitest";
import { AppSession, defineApp, type SessionSnapshot } from "./session";
import { metasOf, restoredSnapshot, sameMetas, storedState } from "./stored";

const app = defineApp((st) => {
  st.sessionState.clicks ??= 0;
  st.textInput("Name", { value: "world" });
  st.checkbox("Agree");
  if (st.button("Click", { onClick: () => void (st.sessionState.clicks += 1) })) st.write("clicked");
  if (st.button("Stamp")) st.sessionState.when = new Date(0);
});

const widgetId = (snapshot: SessionSnapshot, label: string) => Object.keys(snapshot.data.widgets).find((id) => snapshot.data.widgets[id].meta.label === label)!;

/** Through storage: what workerd's structured clone would hand back. */
const stored = (snapshot: SessionSnapshot) => structuredClone({ state: storedState(snapshot), metas: metasOf(snapshot.data) });

describe("the stored snapshot", () => {
  it("restores to the snapshot it was split from, and the session goes on from it as from the original", async () => {
    const session = new AppSession(app);
    await session.load();
    const name = widgetId(session.snapshot(), "Name");
    await session.handle({ values: { [name]: "Ada" } });
    const { state, metas } = stored(session.snapshot());
    const restored = restoredSnapshot(state, metas);
    expect(restored).toEqual(session.snapshot());
    const again = new AppSession(app, restored);
    await again.handle({ values: { [widgetId(restored, "Click")]: undefined }, trigger: widgetId(restored, "Click") });
    expect(again.peekState("clicks")).toBe(1);
    expect(again.snapshot().data.widgets[name].value).toBe("Ada");
  });

  it("stores a replay base that holds the data, but for the buttons its run pressed, as those buttons", async () => {
    const session = new AppSession(app);
    await session.load(); // the first body started from nothing: the base is stored whole
    expect(storedState(session.snapshot()).replay).toHaveProperty("widgets");
    await session.handle({ values: { [widgetId(session.snapshot(), "Name")]: "Ada" } });
    expect(storedState(session.snapshot()).replay).toEqual({ pressed: {} });
    // The callback ran before the body, which started from clicks = 1 with Click pressed.
    const click = widgetId(session.snapshot(), "Click");
    await session.handle({ values: {}, trigger: click });
    const state = storedState(session.snapshot());
    expect(state.replay).toEqual({ pressed: { [click]: true } });
    expect(restoredSnapshot(structuredClone(state), metasOf(session.snapshot().data)).replayBase).toEqual(session.snapshot().replayBase);
    // A body that writes state ends with data its base does not hold: stored whole.
    await session.handle({ values: {}, trigger: widgetId(session.snapshot(), "Stamp") });
    const stamped = session.snapshot();
    expect(storedState(stamped).replay).toHaveProperty("widgets");
    expect(restoredSnapshot(structuredClone(storedState(stamped)), metasOf(stamped.data)).replayBase).toEqual(stamped.replayBase);
    // A Date is not compared: a base holding one is stored whole even when the data holds the same.
    await session.handle({ values: { [widgetId(session.snapshot(), "Name")]: "Bo" } });
    expect(storedState(session.snapshot()).replay).toHaveProperty("widgets");
  });

  it("stores whole a replay base whose state refers to itself, and restores it", async () => {
    const looped = defineApp((st) => {
      if (st.button("Loop")) {
        const node: Record<string, unknown> = { name: "a" };
        node.self = node;
        st.sessionState.node = node;
      }
      st.textInput("Name");
    });
    const session = new AppSession(looped);
    await session.load();
    await session.handle({ values: {}, trigger: widgetId(session.snapshot(), "Loop") });
    await session.handle({ values: { [widgetId(session.snapshot(), "Name")]: "Ada" } });
    const snapshot = session.snapshot();
    const state = storedState(snapshot);
    expect(state.replay).toHaveProperty("widgets");
    const restored = restoredSnapshot(structuredClone(state), metasOf(snapshot.data));
    const node = restored.replayBase!.user.node as Record<string, unknown>;
    expect(node.self).toBe(node);
    expect(restored).toEqual(snapshot);
  });

  it("keeps a restored replay base apart from the data", async () => {
    const session = new AppSession(app);
    await session.load();
    await session.handle({ values: { [widgetId(session.snapshot(), "Name")]: "Ada" } });
    const { state, metas } = stored(session.snapshot());
    const restored = restoredSnapshot(state, metas);
    restored.data.user.clicks = 5;
    expect(restored.replayBase!.user.clicks).toBe(0);
  });

  it("tells metas apart by identity: the same objects, none added or dropped", async () => {
    const session = new AppSession(app);
    await session.load();
    const metas = metasOf(session.snapshot().data);
    await session.handle({ values: { [widgetId(session.snapshot(), "Name")]: "Ada" } });
    expect(sameMetas(metas, metasOf(session.snapshot().data))).toBe(true); // a rerun keeps unchanged metas
    expect(sameMetas(null, metas)).toBe(false);
    expect(sameMetas(structuredClone(metas), metas)).toBe(false);
    const [first, ...rest] = Object.keys(metas);
    expect(sameMetas(Object.fromEntries(rest.map((id) => [id, metas[id]])), metas)).toBe(false);
    expect(sameMetas(metas, Object.fromEntries(rest.map((id) => [id, metas[id]])))).toBe(false);
    expect(sameMetas({ ...metas, [first]: { ...metas[first] } }, metas)).toBe(false);
  });

  it("refuses a stored value whose widget record is missing, naming the widget", () => {
    const state = { values: { wabc: 1 }, user: {}, keyToWidget: {}, order: [], replay: null };
    expect(() => restoredSnapshot(state, {})).toThrow(/widget "wabc"/);
  });
});
