/**
 * A session's durable data: widget values by widget id, plain user keys, and the key → widget
 * association (SEMANTICS 1.4–1.6, 1.9). Everything here is structured-clonable so the Durable
 * Object can store it as one record; callbacks live elsewhere (memory only).
 */
import type { RawValue } from "../elements/types";

/** What the runtime remembers of a widget between runs (plain data only). */
export interface WidgetMeta {
  type: string;
  /** Props the codec needs to parse a raw value (options, bounds…). */
  props: Record<string, unknown>;
  key?: string;
  formId?: string;
  /** Momentary value (buttons): reset to the default after each run. */
  trigger: boolean;
  default: unknown;
  hasCallback: boolean;
  disabled: boolean;
  /** persistState (D4): keep the value while the widget is not rendered. */
  persist?: "page" | "session";
  label: string;
  /** The fragments the widget was drawn in, outermost first (fragment.ts): its events rerun the last one. */
  fragment?: string[];
}

export interface WidgetRecord {
  value: unknown;
  meta: WidgetMeta;
}

export interface SessionData {
  widgets: Record<string, WidgetRecord>;
  user: Record<string, unknown>;
  keyToWidget: Record<string, string>;
  /** Widget ids in the order they registered in the last run (D5: callback order). */
  order: string[];
}

/** A widget record by id, never one inherited from Object.prototype ("toString", "__proto__"). */
export function ownWidget(data: SessionData, id: string): WidgetRecord | undefined {
  return Object.hasOwn(data.widgets, id) ? data.widgets[id] : undefined;
}

export function emptySessionData(): SessionData {
  return { widgets: {}, user: {}, keyToWidget: {}, order: [] };
}

/** A client event after the edge decoded it: raw values by widget id. */
export interface WidgetEvent {
  /** Raw values of the widgets that changed (one widget, or a whole form). */
  values: Record<string, RawValue>;
  /** The trigger widget (button, submit button) that was pressed, if any. */
  trigger?: string;
  /** The st.form submitted by this event, if any. */
  form?: string;
  /** A fragment to rerun without widget values (its runEvery timer, R122). */
  fragment?: string;
}

/**
 * A copy of `data` that later runs cannot change: records, values, user keys and lists are copied;
 * widget metas are shared, since a run replaces a widget's meta and never changes one (dg.ts). A
 * structured clone of the whole, metas included, was most of what keeping a replay base cost each
 * run (issue 7), and storage writes a meta shared by `data` and its copy once.
 *
 * `previous`, an earlier copy (which nothing changes either), lends the copy what still equals
 * `data`: a record with the same meta and the same primitive value, and the records, user keys,
 * key map and order whole when nothing in them changed. A session copies its data at the start of
 * every run; what the new copy made again stayed alive until the next event (issue 7).
 */
export function copySessionData(data: SessionData, previous?: SessionData | null): SessionData {
  return {
    widgets: copyRecords(data.widgets, previous?.widgets),
    user: previous && samePrimitives(data.user, previous.user) ? previous.user : structuredClone(data.user),
    keyToWidget: previous && samePrimitives(data.keyToWidget, previous.keyToWidget) ? previous.keyToWidget : { ...data.keyToWidget },
    order: previous && sameList(data.order, previous.order) ? previous.order : [...data.order],
  };
}

/**
 * The records copied, each one `previous` holds the same (sameRecord) shared; `previous` itself
 * when it holds them all, in the same order and no others. One walk: a copy is found the same or
 * not as it is made.
 */
function copyRecords(records: Record<string, WidgetRecord>, previous: Record<string, WidgetRecord> | undefined): Record<string, WidgetRecord> {
  const copy: Record<string, WidgetRecord> = {};
  const previousIds = previous ? Object.keys(previous) : [];
  let allShared = previous !== undefined;
  let i = 0;
  for (const id of Object.keys(records)) {
    const record = records[id];
    const before = previous && Object.hasOwn(previous, id) ? previous[id] : undefined;
    if (before && sameRecord(record, before)) copy[id] = before;
    else copy[id] = { value: copyValue(record.value), meta: record.meta };
    allShared &&= copy[id] === before && previousIds[i] === id;
    i++;
  }
  return allShared && i === previousIds.length ? previous! : copy;
}

/** Whether `copy` (a copy's record) holds `record`'s meta and its value, a primitive (a copy of anything else is not compared). */
const sameRecord = (record: WidgetRecord, copy: WidgetRecord): boolean => record.meta === copy.meta && isPrimitive(record.value) && Object.is(record.value, copy.value);

/** Whether `copy` has `value`'s keys in the same order, each holding the same primitive. */
function samePrimitives(value: Record<string, unknown>, copy: Record<string, unknown>): boolean {
  const keys = Object.keys(copy);
  let i = 0;
  for (const key in value) if (keys[i++] !== key || !isPrimitive(value[key]) || !Object.is(value[key], copy[key])) return false;
  return i === keys.length;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isPrimitive(value: unknown): boolean {
  const kind = typeof value;
  return value === null || kind === "string" || kind === "number" || kind === "boolean" || kind === "undefined";
}

/** A deep copy; strings, numbers, booleans and null are their own. */
export function copyValue<V>(value: V): V {
  return isPrimitive(value) ? value : structuredClone(value);
}
