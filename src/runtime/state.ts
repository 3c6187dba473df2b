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

export function copySessionData(data: SessionData): SessionData {
  return structuredClone(data);
}
