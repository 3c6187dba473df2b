/**
 * `st.dialog` (SEMANTICS 1.14): a modal fragment. Calling the returned function opens it: its body
 * runs as a fragment whose container is a native `<dialog>` (elements/layout/dialog.ts), so its
 * widgets cause fragment runs (R129). A full run that does not call it again closes it (R130).
 *
 * Decisions: the dialog is drawn at the end of the main area when opened, never inside the
 * container the call was made in (Streamlit draws it in its own event root): it is then outside
 * any form, column, closed expander or hidden tab that would swallow it, and with JavaScript off
 * it shows as a plain box in the page's flow. It is a fragment of its own, so inside a fragment
 * it writes outside that fragment's container, as D7 allows for elements.
 */
import { triggerCodec } from "../elements/widgets/common";
import type { BlockNode } from "../elements/types";
import { Dg } from "./dg";
import { StreamlitAPIException } from "./errors";
import { describePosition, enterFragment, fragmentId, fragmentMessages, fragmentsOf, register, type RunFragments } from "./fragment";
import { MAIN_ROOT, type Run } from "./run";

export interface DialogOptions {
  /** "small" (the default), "medium" or "large". */
  width?: "small" | "medium" | "large";
  /** False: no close button, and Escape or a click outside does not close it (R130, ≥1.48). */
  dismissible?: boolean;
  /**
   * What closing it by hand does: "ignore" (the default: nothing is sent), "rerun" (a full app
   * rerun), or a callback that runs before that rerun. Without JavaScript only the close button sends it.
   */
  onDismiss?: "ignore" | "rerun" | (() => unknown);
  /** Names the dialog (its identity otherwise comes from its function's source text). */
  key?: string | number;
}

/** Props of a dialog block, as its renderer reads them. */
export interface DialogProps {
  id: string;
  title: string;
  width: "small" | "medium" | "large";
  dismissible: boolean;
  /** The widget id of the dismiss trigger (onDismiss other than "ignore"). */
  dismiss?: string;
  /** The run that opened it: in the DOM id, so a dialog opened again is a new node for htmx (it shows again). */
  opened: number;
}

const WIDTHS = ["small", "medium", "large"];

export function createDialog<A extends unknown[], R>(
  place: Dg,
  title: string,
  fn: (...args: A) => R,
  options: DialogOptions = {},
): (...args: A) => R {
  if (typeof title !== "string" || title === "") throw new StreamlitAPIException(dialogMessages.title());
  if (typeof fn !== "function") throw new StreamlitAPIException(fragmentMessages.notAFunction("dialog"));
  const width = options.width ?? "small";
  if (!WIDTHS.includes(width)) throw new StreamlitAPIException(dialogMessages.width(String(width)));
  const onDismiss = options.onDismiss ?? "ignore";
  if (onDismiss !== "ignore" && onDismiss !== "rerun" && typeof onDismiss !== "function") {
    throw new StreamlitAPIException(dialogMessages.onDismiss(String(onDismiss)));
  }
  const key = options.key === undefined || options.key === null ? undefined : String(options.key);
  return (...args: A): R => {
    const run = place.run;
    run.checkpoint();
    const fragments = fragmentsOf(run);
    if (fragments.stack.some((frame) => frame.kind === "dialog")) throw new StreamlitAPIException(dialogMessages.nested());
    if (fragments.dialogs > 0) throw new StreamlitAPIException(dialogMessages.twoDialogs());
    const main = new Dg(place.ref, { kind: "block", node: run.roots[MAIN_ROOT] });
    if (key !== undefined) run.claimKey(key, `\`dialog\` with key "${key}" (${describePosition(main)})`);
    fragments.dialogs++;
    const id = fragmentId(run, "dialog", key, fn, null);
    const props: DialogProps = { id, title, width, dismissible: options.dismissible ?? true, opened: fragments.serial };
    const container = openAt(run, main, id, props);
    const path = container.block!.path;
    if (onDismiss !== "ignore") container.block!.props.dismiss = registerDismiss(fragments, place, path, id, title, onDismiss);
    const record = register(fragments, { id, kind: "dialog", fn, args, path, page: run.options.page });
    return enterFragment(fragments, record, container) as R;
  };
}

/**
 * The dialog's container: at the end of the main area, or in place of the same dialog when a
 * fragment run opens it again while the last tree still holds it.
 */
function openAt(run: Run, main: Dg, id: string, props: DialogProps): Dg {
  const root = run.roots[MAIN_ROOT];
  const index = root.children.findIndex((child) => child?.kind === "block" && child.type === "dialog" && child.props.id === id);
  if (index < 0) return main.addBlock("dialog", { ...props });
  const node: BlockNode = { kind: "block", type: "dialog", path: [MAIN_ROOT, index], props: { ...props }, children: [] };
  root.children[index] = node;
  return new Dg(main.ref, { kind: "block", node });
}

/**
 * onDismiss: a trigger widget that belongs to no fragment, so closing the dialog causes a full
 * run. It is registered, not drawn: the dialog block renders its form from `props.dismiss`.
 */
function registerDismiss(fragments: RunFragments, place: Dg, path: number[], id: string, title: string, onDismiss: "rerun" | (() => unknown)): string {
  const scratch: BlockNode = { kind: "block", type: "dialog", path, props: {}, children: [] };
  fragments.unchecked = true;
  try {
    new Dg(place.ref, { kind: "block", node: scratch }).widget({
      type: "dialogDismiss",
      label: title,
      props: {},
      codec: triggerCodec,
      identity: [id],
      default: false,
      trigger: true,
      writable: false,
      onChange: typeof onDismiss === "function" ? onDismiss : undefined,
    });
  } finally {
    fragments.unchecked = false;
  }
  const node = scratch.children[0];
  return node.kind === "element" ? node.widget!.id : "";
}

export const dialogMessages = {
  title: () => 'A non-empty `title` argument has to be provided for dialogs, for example `@st.dialog("Example Title")`.',
  twoDialogs: () =>
    "Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated " +
    "function more than once in a script run.",
  nested: () => "Dialogs may not be nested inside other dialogs.",
  width: (value: string) => `\`width\` of \`st.dialog\` must be "small", "medium" or "large"; it was ${value}.`,
  onDismiss: (value: string) =>
    `\`onDismiss\` of \`st.dialog\` must be "ignore", "rerun" or a function; it was ${value}. For example ` +
    '`st.dialog("Edit", edit, { onDismiss: () => { st.sessionState.editing = false; } })`.',
};
