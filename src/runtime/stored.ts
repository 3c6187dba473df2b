/**
 * A session's snapshot as the Durable Object stores it: split so that an event writes what it
 * changed and little else (issue 7). SQLite keeps a stored value of more than about 1 KB (its
 * key-value table has no rowid) in overflow pages, and rewriting those, with the free list they
 * leave, was most of what an event wrote: the widget metas (the same every run), the replay base
 * (mostly a copy of the data) and the page's fingerprints. Now the metas are their own record,
 * written when one of them changes, and a replay base that holds the data (but for the buttons
 * pressed in its run) is stored as those buttons' values. Pure: the Durable Object reads and
 * writes the parts.
 */
import type { SessionSnapshot } from "./session";
import { isPlainObject } from "./identity";
import { copySessionData, type SessionData, type WidgetMeta, type WidgetRecord } from "./state";

/** Everything but the metas: the values by widget id, the user state and the rest. */
export interface StoredState {
  values: Record<string, unknown>;
  user: Record<string, unknown>;
  keyToWidget: Record<string, string>;
  order: string[];
  /**
   * The replay base. When it holds the data above but for the triggers pressed in its run (a
   * button's value is reset once the run is over), those triggers' values; else itself.
   */
  replay: SessionData | { pressed: Record<string, unknown> } | null;
  scope?: SessionSnapshot["scope"];
  fragments?: SessionSnapshot["fragments"];
}

/** Each widget's meta by widget id. A meta is never changed once made (state.ts), only replaced. */
export type StoredMetas = Record<string, WidgetMeta>;

export function storedState(snapshot: SessionSnapshot): StoredState {
  const { data, replayBase } = snapshot;
  const values: Record<string, unknown> = {};
  for (const id in data.widgets) values[id] = data.widgets[id].value;
  const pressed = replayBase === null ? null : pressedOver(replayBase, data);
  const replay = replayBase === null ? null : pressed ? { pressed } : replayBase;
  return { values, user: data.user, keyToWidget: data.keyToWidget, order: data.order, replay, scope: snapshot.scope, fragments: snapshot.fragments };
}

export function metasOf(data: SessionData): StoredMetas {
  const metas: StoredMetas = {};
  for (const id in data.widgets) metas[id] = data.widgets[id].meta;
  return metas;
}

/** Whether `metas` are the very metas `written` holds (the same objects, none added or dropped). */
export function sameMetas(written: StoredMetas | null, metas: StoredMetas): boolean {
  if (written === null) return false;
  let count = 0;
  for (const id in metas) {
    if (written[id] !== metas[id]) return false;
    count++;
  }
  for (const _ in written) count--;
  return count === 0;
}

/** The snapshot the parts were split from (the replay base a copy of the data when marked so). */
export function restoredSnapshot(state: StoredState, metas: StoredMetas): SessionSnapshot {
  const widgets: Record<string, WidgetRecord> = {};
  for (const id in state.values) {
    const meta = metas[id];
    if (meta === undefined) throw new Error(`The stored session has a value for widget "${id}" but no record of the widget.`);
    widgets[id] = { value: state.values[id], meta };
  }
  const data: SessionData = { widgets, user: state.user, keyToWidget: state.keyToWidget, order: state.order };
  let replayBase = state.replay;
  if (replayBase !== null && "pressed" in replayBase) {
    const pressed = replayBase.pressed;
    replayBase = copySessionData(data);
    for (const id in pressed) replayBase.widgets[id].value = pressed[id];
  }
  return { data, replayBase, scope: state.scope, fragments: state.fragments };
}

/**
 * The values of the triggers `base` holds pressed, when it otherwise holds what `data` holds (the
 * same widgets and metas, values and user state); null when it holds anything else.
 */
function pressedOver(base: SessionData, data: SessionData): Record<string, unknown> | null {
  const pressed: Record<string, unknown> = {};
  let count = 0;
  for (const id in base.widgets) {
    const { meta, value } = base.widgets[id];
    const other = data.widgets[id];
    if (other === undefined || other.meta !== meta) return null;
    if (!samePlain(value, other.value, 0)) {
      if (!meta.trigger) return null;
      pressed[id] = value;
    }
    count++;
  }
  for (const _ in data.widgets) count--;
  return count === 0 && samePlain(base.user, data.user, 0) && samePlain(base.keyToWidget, data.keyToWidget, 0) && samePlain(base.order, data.order, 0) ? pressed : null;
}

/** Deeper data counts as different (and so does data that refers to itself, which session state may). */
const MAX_DEPTH = 32;

/**
 * Deep equality of plain data (strings, numbers as Object.is, booleans, null, undefined, arrays,
 * plain objects). Anything else (a Date, a Map, a class instance) counts as different, so such a
 * replay base is stored whole rather than risk a copy that is not the same.
 */
function samePlain(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return typeof a !== "object" || a === null || isPlain(a);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || !isPlain(a) || !isPlain(b)) return false;
  if (depth === MAX_DEPTH) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i], depth + 1) || (i in a) !== (i in b)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !samePlain(x[key], y[key], depth + 1)) return false;
    count++;
  }
  for (const _ in y) count--;
  return count === 0;
}

function isPlain(value: object): boolean {
  return Array.isArray(value) || isPlainObject(value);
}
