/**
 * The container being written to (Streamlit's DeltaGenerator). Element definitions receive one and
 * call `emit`, `block` or `widget`; app authors see it with every element method attached.
 *
 * Three kinds: a block (appends to its children, R105), a locked position (replaces one element,
 * R106: `st.empty()` and the value of single-element calls) and the active one (bare `st.*`, which
 * writes to the innermost `with` container or the main area, R104).
 */
import type { BlockNode, Codec, ElementNode, TreeNode } from "../elements/types";
import { isControlSignal } from "./control";
import { InvalidFormCallbackError, messages, StreamlitAPIException, ValueAssignmentNotAllowedError } from "./errors";
import { isObserved, notifyDraw, notifyWidget } from "./draw-hooks";
import { computeWidgetId } from "./identity";
import { MAIN_ROOT, sameFields, type Run } from "./run";
import type { RunRef } from "./session-state";
import { copyValue, ownWidget, type WidgetMeta } from "./state";
import type { ElementMethods } from "./methods";

export interface WidgetSpec<V> {
  type: string;
  label: string;
  /** Plain data the renderer and the codec need. Must be structured-clonable. */
  props: Record<string, unknown>;
  codec: Codec<V, any>;
  key?: string | number;
  /** Keyless identity parameters (R18). */
  identity: unknown[];
  /** Parameters that stay in identity with a key (R19). */
  keyedIdentity?: unknown[];
  default: V;
  /** True when the caller passed a non-default value (for the R49 warning). */
  explicitDefault?: boolean;
  trigger?: boolean;
  /** False for widgets whose value cannot be set through session state (R48). */
  writable?: boolean;
  /** Where forms are concerned: "forbidden" (st.button), "required" (submit button). */
  form?: "forbidden" | "required";
  onChange?: (...args: any[]) => unknown;
  args?: unknown[];
  disabled?: boolean;
  persistState?: "page" | "session";
  /** D10: a kept value the widget can no longer hold resets to the default. */
  isValid?: (value: V) => boolean;
}

type Target =
  | { kind: "block"; node: BlockNode }
  | { kind: "locked"; parent: BlockNode; index: number }
  | { kind: "active" };

// Every element method of the registry is attached to Dg's prototype (see methods.ts).
export interface Dg extends ElementMethods {}

export class Dg {
  /*
   * The target, spread over fields instead of kept as an object: every element call returns a
   * locked container, and a target object per element was allocation each run (issue 7).
   */
  private readonly kind: Target["kind"];
  /** The block appended to ("block") or written into ("locked"); undefined when "active". */
  private readonly node: BlockNode | undefined;
  /** The position replaced ("locked"), else -1. */
  private readonly index: number;

  constructor(
    readonly ref: RunRef,
    target: Target,
    readonly formId?: string,
  ) {
    this.kind = target.kind;
    this.node = target.kind === "block" ? target.node : target.kind === "locked" ? target.parent : undefined;
    this.index = target.kind === "locked" ? target.index : -1;
  }

  /**
   * The session's current run. A container object kept from an earlier run (for example in a
   * callback's args) still registers widgets in the current run, but what it draws lands in the
   * earlier run's tree and is not shown: Streamlit's R116 is not supported.
   */
  get run(): Run {
    return this.ref.current;
  }

  /** The concrete container a call on this object writes to. */
  resolve(): Dg {
    if (this.kind !== "active") return this;
    const stack = this.run.withStack;
    if (stack.length > 0) return stack[stack.length - 1];
    const run = this.run;
    return (run.main ??= new Dg(this.ref, { kind: "block", node: run.roots[MAIN_ROOT] }));
  }

  get isLocked(): boolean {
    return this.resolve().kind === "locked";
  }

  /** The block node this container appends to (undefined for a locked position). */
  get block(): BlockNode | undefined {
    const self = this.resolve();
    return self.kind === "block" ? self.node : undefined;
  }

  get root(): number {
    return this.resolve().node?.path[0] ?? MAIN_ROOT;
  }

  /** Delta path of the block a write lands in (for a locked position, its parent block). */
  get parentPath(): number[] {
    return this.resolve().node?.path ?? [MAIN_ROOT];
  }

  /**
   * The container a write lands in, once the run allows it: the checks every write makes. The
   * caller stores its node at `self.slot()`: no closure and no result object per element (issue 7).
   */
  private writable(): Dg {
    this.run.checkpoint();
    const self = this.resolve();
    this.run.writeCheck?.(self.parentPath, false);
    if (!self.node) throw new Error("unreachable: active target resolves to a block");
    return self;
  }

  /** Where a write into this (resolved) container goes: its locked position, or a new last child. */
  private slot(): number {
    return this.kind === "locked" ? this.index : this.node!.children.length;
  }

  /** Adds a leaf element; returns a container locked to its position (R106). */
  emit(type: string, props: Record<string, unknown>, widget?: ElementNode["widget"]): Dg {
    const self = this.writable();
    const parent = self.node!;
    const index = self.slot();
    parent.children[index] = this.run.unchanged(parent, index, type, props, widget) ?? { kind: "element", type, path: childPath(parent, index), props, widget };
    const made = new Dg(this.ref, { kind: "locked", parent, index }, self.formId);
    if (!widget && isObserved(this.run)) notifyDraw(this.run, self, made, { kind: "emit", type, props });
    return made;
  }

  /** Adds a block (container, column, form…) and returns a container writing into it. */
  addBlock(type: string, props: Record<string, unknown>, formId?: string): Dg {
    const self = this.writable();
    const parent = self.node!;
    const index = self.slot();
    const node: BlockNode = { kind: "block", type, path: childPath(parent, index), props, children: [], formId: formId };
    parent.children[index] = node;
    const made = new Dg(this.ref, { kind: "block", node }, formId ?? self.formId);
    if (isObserved(this.run)) notifyDraw(this.run, self, made, { kind: "block", type, props, formId });
    return made;
  }

  /**
   * Runs `body` with bare `st.*` calls writing into this container (Python's `with`).
   * Returns what `body` returns; an async body is awaited before the container is left.
   */
  with<R>(body: () => R): R {
    const stack = this.run.withStack;
    stack.push(this.resolve());
    const depth = stack.length;
    const leave = () => {
      if (stack.length >= depth) stack.length = depth - 1;
    };
    const mark = (error: unknown) => {
      if (!isControlSignal(error) && typeof error === "object" && error !== null && !this.run.errorPlaces.has(error)) {
        this.run.errorPlaces.set(error, this.resolve());
      }
      leave();
      throw error;
    };
    let result: R;
    try {
      result = body();
    } catch (error) {
      return mark(error);
    }
    if (result instanceof Promise) {
      return result.then((value) => (leave(), value), mark) as R;
    }
    leave();
    return result;
  }

  /** Registers a widget and returns its current value (R27–R29), as a deep copy (R28). */
  widget<V>(spec: WidgetSpec<V>): V {
    this.run.checkpoint();
    const run = this.run;
    notifyWidget(run, spec.type); // a cached function refuses widgets (R147)
    const self = this.resolve();
    const fragment = run.writeCheck?.(self.parentPath, true); // fragment.ts: R124, and the widget's fragments
    const formId = self.formId;
    if (spec.form === "forbidden" && formId) throw new StreamlitAPIException(messages.buttonInForm(spec.type));
    if (spec.form === "required" && !formId) throw new StreamlitAPIException(messages.submitOutsideForm());
    if (formId && spec.onChange && spec.form !== "required") throw new InvalidFormCallbackError(messages.callbackInForm());

    const key = spec.key === undefined ? undefined : String(spec.key);
    const id = computeWidgetId({
      type: spec.type,
      key,
      params: spec.identity,
      keyedParams: spec.keyedIdentity,
      formId,
      page: run.options.page,
      root: self.root,
    });
    const site = describeSite(spec, self);
    if (key !== undefined) {
      if (key.startsWith("$$ID")) throw new StreamlitAPIException(messages.reservedKey());
      if (spec.writable === false && run.assigned.has(key)) {
        throw new ValueAssignmentNotAllowedError(messages.valueAssignmentNotAllowed(key));
      }
      run.claimKey(key, site);
    }
    run.claimWidgetId(id, spec.type, site);

    const value = resolveValue(run, id, key, spec);
    const meta: WidgetMeta = {
      type: spec.type,
      props: spec.props,
      key,
      formId,
      trigger: spec.trigger ?? false,
      default: spec.default,
      hasCallback: spec.onChange !== undefined,
      disabled: spec.disabled ?? false,
      persist: spec.persistState,
      label: spec.label,
      ...(fragment ? { fragment } : {}),
    };
    // The last run's record and meta, when this run's meta is the same (metas are never changed):
    // a rerun then keeps nothing new alive for a widget that stayed as it was (issue 7).
    const record = ownWidget(run.data, id);
    if (record === undefined) run.data.widgets[id] = { value, meta };
    else {
      record.value = value;
      if (!sameFields(record.meta, meta, "props")) record.meta = meta;
    }
    if (spec.onChange) run.callbacks.set(id, { fn: spec.onChange, args: spec.args ?? [] });
    else run.callbacks.delete(id);

    self.emit(spec.type, spec.props, { id, key, raw: spec.codec.format(value, spec.props), value, formId });
    return copyValue(value); // R28: a deep copy
  }
}

/**
 * Child paths by parent path. A path is never changed once made, so each is one frozen array shared
 * by every run and session of the isolate (issue 7: a path per element per session was 5% of a
 * session's heap). Root paths are constants (run.ts), so the children of a root are found here.
 */
const childPaths = new WeakMap<readonly number[], number[][]>();

/**
 * A child's delta path, shared (above). `concat` allocates the exact length; a spread
 * (`[...path, index]`) leaves room for 17 items (84 bytes against 16 in workerd).
 */
function childPath(parent: BlockNode, index: number): number[] {
  let paths = childPaths.get(parent.path);
  if (paths === undefined) childPaths.set(parent.path, (paths = []));
  return (paths[index] ??= Object.freeze(parent.path.concat(index)) as number[]);
}

/** R28/R29/R46/D10: which value a widget holds when it registers. */
function resolveValue<V>(run: Run, id: string, key: string | undefined, spec: WidgetSpec<V>): V {
  const data = run.data;
  if (key !== undefined) {
    const previousId = data.keyToWidget[key];
    if (previousId !== undefined && previousId !== id) {
      // Identity changed under the same key (R19 exceptions): a new widget, unless the value was
      // assigned through session state in this run, which carries over.
      const previous = data.widgets[previousId];
      delete data.widgets[previousId];
      if (previous && run.assigned.has(key)) data.user[key] = previous.value;
    }
    data.keyToWidget[key] = id;
    if (spec.explicitDefault && run.assigned.has(key)) {
      run.warn(`The widget with key "${key}" was created with a default value but also had its value set via the Session State API.`);
    }
  }
  const record = data.widgets[id];
  let value: V;
  if (record) value = record.value as V;
  else if (key !== undefined && Object.prototype.hasOwnProperty.call(data.user, key)) {
    value = data.user[key] as V;
    delete data.user[key];
  } else value = spec.default;
  if (spec.isValid && !spec.isValid(value)) value = spec.default;
  return value;
}

function describeSite(spec: WidgetSpec<any>, dg: Dg): string {
  const block = dg.block;
  const where = block ? `${block.path.join(".")}.${block.children.length}` : "a placeholder";
  return `\`${spec.type}\` "${spec.label}" (position ${where})`;
}
