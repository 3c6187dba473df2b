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
 */
export function copySessionData(data: SessionData): SessionData {
  const widgets: Record<string, WidgetRecord> = {};
  for (const id of Object.keys(data.widgets)) {
    const record = data.widgets[id];
    widgets[id] = { value: copyValue(record.value), meta: record.meta };
  }
  return { widgets, user: structuredClone(data.user), keyToWidget: { ...data.keyToWidget }, order: [...data.order] };
}

/** A deep copy; strings, numbers, booleans and null are their own. */
export function copyValue<V>(value: V): V {
  const kind = typeof value;
  return value === null || kind === "string" || kind === "number" || kind === "boolean" || kind === "undefined" ? value : structuredClone(value);
}
