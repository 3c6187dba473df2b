/**
 * One execution of the app script: the element tree it builds, the widgets it registers, and the
 * session-state bookkeeping of SEMANTICS 1.4–1.6 (what was assigned this run, which keys and ids
 * were seen). The lifecycle around it (payload, callbacks, clean-up) lives in `session.ts`.
 */
import type { BlockNode, ElementNode, TreeNode } from "../elements/types";
import { ControlSignal } from "./control";
import {
  DuplicateElementId,
  DuplicateElementKey,
  messages,
  RunawayScriptError,
  StreamlitAPIException,
  ValueAssignmentNotAllowedError,
} from "./errors";
import { hashString } from "./identity";
import type { SessionData } from "./state";
import type { Dg } from "./dg";

export interface Callback {
  fn: (...args: unknown[]) => unknown;
  args: unknown[];
}

export interface RunOptions {
  page: string;
  showErrorDetails: boolean;
  /** Server-side log for warnings (D14); defaults to console.warn. */
  warn?: (message: string) => void;
}

export interface PageConfig {
  pageTitle?: string;
  pageIcon?: string;
  layout?: "centered" | "wide";
  initialSidebarState?: "auto" | "expanded" | "collapsed";
  theme?: "auto" | "light" | "dark";
}

export const MAIN_ROOT = 0;
export const SIDEBAR_ROOT = 1;

/** The roots' paths: one array each for every run, so their children's paths are shared too (dg.ts). */
const MAIN_PATH = Object.freeze([MAIN_ROOT]) as number[];
const SIDEBAR_PATH = Object.freeze([SIDEBAR_ROOT]) as number[];

export class Run {
  readonly roots: BlockNode[] = [
    { kind: "block", type: "main", path: MAIN_PATH, props: {}, children: [] },
    { kind: "block", type: "sidebar", path: SIDEBAR_PATH, props: {}, children: [] },
  ];
  /** Widget id → where it registered in this run (for duplicate errors). */
  readonly registered = new Map<string, string>();
  readonly keysSeen = new Map<string, string>();
  readonly formKeys = new Set<string>();
  /** Forms created in this run, by form id. */
  readonly forms = new Map<string, { key: string; clearOnSubmit: boolean }>();
  /** Keys assigned through st.sessionState during this run (R46–R48, R69). */
  readonly assigned = new Set<string>();
  readonly callbacks = new Map<string, Callback>();
  /** Registration order of this run (D5). */
  readonly order: string[] = [];
  readonly withStack: Dg[] = [];
  /** The main area as a container, made on its first use (Dg.resolve). */
  main: Dg | undefined;
  /** The innermost container an exception passed through, so its box is drawn there. */
  readonly errorPlaces = new WeakMap<object, Dg>();
  pageConfig: PageConfig = {};
  /** A rerun/stop requested but possibly swallowed by a catch: thrown again at the next yield point. */
  pending: ControlSignal | null = null;
  phase: "callbacks" | "body" = "body";
  /** Epoch ms after which the next yield point stops the run (a runaway script). */
  deadline: number | undefined;
  /**
   * Checks each write before it lands (fragment.ts installs it: R124's outside-write rules) and
   * returns the fragments a widget written there belongs to.
   */
  writeCheck?: (parentPath: number[], widget: boolean) => string[] | undefined;
  /**
   * The tree the page shows, left by the last run (set for a full run): an element this run draws
   * again at the same place from the same data is that tree's node, reused (see `unchanged`).
   */
  last: BlockNode[] | undefined;
  /** `lastBlock`'s last answer: consecutive elements mostly share their block. */
  private lastAsked: BlockNode | undefined;
  private lastFound: BlockNode | undefined;

  constructor(
    public data: SessionData,
    readonly options: RunOptions,
  ) {}

  /** The session's stand-in between runs (session.ts): nothing may be drawn or read through it. */
  between = false;

  /** A yield point (R15): rethrow a control signal that a careless catch swallowed. */
  checkpoint(): void {
    if (this.pending) throw this.pending;
    if (this.between) throw new StreamlitAPIException(messages.callBetweenRuns());
    if (this.deadline !== undefined && Date.now() > this.deadline) {
      throw new RunawayScriptError(
        "The script ran past its deadline for one event and was stopped. Move slow work into a cached " +
          "function or behind a button, or raise the deadline (runDeadlineMs).",
      );
    }
  }

  /**
   * The last tree's element at `index` of `block`'s place when it is what this run would draw
   * there (same type; props and widget view of the same primitive values, field for field), else
   * undefined. Reusing it leaves the new node, its path and its props as garbage that dies young:
   * a rerun that changes one element of a large page then keeps almost nothing new alive, where a
   * new tree of live nodes made each young-generation collection copy the whole page (issue 7).
   * Element nodes are never changed once drawn (session.ts replaces a form's reset widgets).
   */
  unchanged(block: BlockNode, index: number, type: string, props: Record<string, unknown>, widget: ElementNode["widget"]): ElementNode | undefined {
    const before = this.lastBlock(block)?.children[index];
    if (before === undefined || before.kind !== "element" || before.type !== type) return undefined;
    if (!sameFields(before.props, props)) return undefined;
    if (before.widget !== widget && (before.widget === undefined || widget === undefined || !sameFields(before.widget, widget))) return undefined;
    return before;
  }

  /** `block`'s counterpart in the last tree: the block at the same path, if any. */
  private lastBlock(block: BlockNode): BlockNode | undefined {
    if (this.last === undefined) return undefined;
    if (block === this.lastAsked) return this.lastFound;
    const path = block.path;
    let found: TreeNode | undefined = this.last[path[0]];
    for (let i = 1; i < path.length && found !== undefined; i++) found = found.kind === "block" ? found.children[path[i]] : undefined;
    this.lastAsked = block;
    this.lastFound = found?.kind === "block" ? found : undefined;
    return this.lastFound;
  }

  request(signal: ControlSignal): never {
    this.pending = signal;
    throw signal;
  }

  warn(message: string): void {
    (this.options.warn ?? console.warn)(message);
  }

  // --- st.sessionState -------------------------------------------------------------------------

  getState(key: string): unknown {
    const widgetId = this.data.keyToWidget[key];
    const record = widgetId === undefined ? undefined : this.data.widgets[widgetId];
    if (record) return record.value;
    return this.data.user[key];
  }

  hasState(key: string): boolean {
    const widgetId = this.data.keyToWidget[key];
    if (widgetId !== undefined && this.data.widgets[widgetId]) return true;
    return Object.prototype.hasOwnProperty.call(this.data.user, key);
  }

  setState(key: string, value: unknown): void {
    if (key.startsWith("$$ID")) throw new StreamlitAPIException(messages.reservedKey());
    const widgetId = this.data.keyToWidget[key];
    if ((widgetId !== undefined && this.registered.has(widgetId)) || this.formKeys.has(key)) {
      throw new StreamlitAPIException(messages.setAfterWidget(key));
    }
    const record = widgetId === undefined ? undefined : this.data.widgets[widgetId];
    if (record) record.value = value;
    else this.data.user[key] = value;
    this.assigned.add(key);
  }

  deleteState(key: string): void {
    const widgetId = this.data.keyToWidget[key];
    if (widgetId !== undefined) delete this.data.widgets[widgetId];
    delete this.data.keyToWidget[key];
    delete this.data.user[key];
    this.assigned.delete(key);
  }

  /** Visible keys (R38): user keys plus keys of keyed widgets holding a value. */
  stateKeys(): string[] {
    const keys = new Set(Object.keys(this.data.user));
    for (const [key, widgetId] of Object.entries(this.data.keyToWidget)) {
      if (this.data.widgets[widgetId]) keys.add(key);
    }
    return [...keys];
  }

  // --- identity bookkeeping --------------------------------------------------------------------

  claimKey(key: string, site: string): void {
    const first = this.keysSeen.get(key);
    if (first !== undefined) throw new DuplicateElementKey(messages.duplicateKey(key, first, site));
    this.keysSeen.set(key, site);
  }

  /** Registers an st.form (R47, R48, R82) and returns its form id. */
  registerForm(key: string, clearOnSubmit: boolean): string {
    if (this.formKeys.has(key)) throw new StreamlitAPIException(messages.duplicateForm(key));
    if (this.assigned.has(key)) throw new ValueAssignmentNotAllowedError(messages.valueAssignmentNotAllowed(key));
    this.formKeys.add(key);
    const id = `f${hashString(`${this.options.page}\u0000${key}`)}`;
    this.forms.set(id, { key, clearOnSubmit });
    return id;
  }

  claimWidgetId(id: string, type: string, site: string): void {
    const first = this.registered.get(id);
    if (first !== undefined) throw new DuplicateElementId(messages.duplicateId(type, first, site));
    this.registered.set(id, site);
    this.order.push(id);
  }
}

/**
 * Whether two objects have the same own fields holding the same primitive values (Object.is: NaN
 * matches NaN, -0 does not match 0). A field holding an object or a function never matches, even
 * the same one: an app may have changed it in place since the last run (a list in session state
 * it appends to and shows again), and only a deep comparison (the render memo's) can tell. The
 * field named `inner`, if any, holds an object compared the same way, one level down.
 */
export function sameFields(a: object, b: object, inner?: string): boolean {
  let count = 0;
  for (const key in a) {
    const value = (a as Record<string, unknown>)[key];
    const other = (b as Record<string, unknown>)[key];
    if (key === inner) {
      if (typeof value !== "object" || value === null || typeof other !== "object" || other === null || !sameFields(value, other)) return false;
    } else if (value !== other) {
      if (value === value || other === other) return false; // unequal, unless both are NaN
    } else if (typeof value === "object" ? value !== null : typeof value === "function") return false;
    else if (value === 0 && 1 / value !== 1 / (other as number)) return false; // 0 and -0
    // Equal values: only undefined can stand for a field `b` lacks (the key count alone would let
    // { x: undefined } match { y: undefined }).
    else if (value === undefined && !Object.hasOwn(b, key)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}
