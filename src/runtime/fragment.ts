/**
 * `st.fragment` (SEMANTICS 1.13): a function that draws into its own container and reruns alone
 * when one of its widgets changes. This module holds what one run knows about fragments: the
 * fragments executing now (innermost last), the ones called in the run, and the write rules of
 * D7 (legacy R124). The session-wide side (registry, fragment runs, eviction) is fragment-host.ts.
 *
 * Identity (R118): a `key` when given, else a hash of the function's source text plus the delta
 * path of its container; both are stable across runs although the closure is new every run.
 */
import type { BlockNode } from "../elements/types";
import { ControlSignal } from "./control";
import { Dg } from "./dg";
import { StreamlitAPIException } from "./errors";
import { hashStable } from "./identity";
import { SIDEBAR_ROOT, type Run } from "./run";

export type FragmentKind = "fragment" | "dialog";

export interface FragmentOptions {
  /** Rerun the fragment on a timer while its container is on the page: seconds, or "10s", "1.5m", "500ms". */
  runEvery?: number | string | null;
  /** Names the fragment: its identity then no longer depends on its position. Shares the key namespace (R24). */
  key?: string | number;
}

/** What a fragment run needs of a fragment: held in memory, like callbacks. */
export interface FragmentRecord {
  id: string;
  kind: FragmentKind;
  fn: (...args: any[]) => unknown;
  /** The arguments of its last call (R119: a fragment run reuses them). */
  args: unknown[];
  /** Delta path of its container block. */
  path: number[];
  /** The st.form its container belongs to (the `with` context, R74). */
  formId?: string;
  /** Its enclosing fragments and itself, outermost first. */
  chain: string[];
  /** The page it was called on (run.options.page, part of widget identity, D9): its runs keep it. */
  page: string;
}

interface Frame {
  id: string;
  kind: FragmentKind;
  path: number[];
  chain: string[];
}

/** One run's fragment bookkeeping. */
export class RunFragments {
  /** Fragments executing now, innermost last. */
  readonly stack: Frame[] = [];
  /** Fragments called (registered) in this run. */
  readonly called = new Map<string, FragmentRecord>();
  /** Dialogs opened in this run (R131). */
  dialogs = 0;
  /** The fragment this run reruns (a fragment run); undefined in a full run. */
  target?: string;
  /** Where a fragment run's callbacks and errors draw: the fragment's fresh container. */
  home?: Dg;
  /** This run's number in the session: it tells a reopened dialog from one that stayed. */
  serial = 0;
  /** Set while a dialog registers its dismiss trigger, which belongs to no fragment. */
  unchecked = false;

  get current(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /**
   * D7 (Streamlit ≤1.58, R124): inside a fragment, elements may go to outside containers, but
   * widgets may not, and nothing may be written straight into the sidebar root. Returns the
   * fragment chain a widget written here belongs to.
   */
  check(parentPath: number[], widget: boolean): string[] | undefined {
    const frame = this.current;
    if (this.unchecked || !frame) return undefined;
    if (widget && !startsWith(parentPath, frame.path)) {
      throw new FragmentWidgetsNotAllowedOutsideError(fragmentMessages.widgetOutside());
    }
    if (parentPath.length === 1 && parentPath[0] === SIDEBAR_ROOT) throw new StreamlitAPIException(fragmentMessages.sidebar());
    return frame.chain;
  }
}

const perRun = new WeakMap<Run, RunFragments>();

/** The fragment bookkeeping of `run`, created on first use. */
export function fragmentsOf(run: Run): RunFragments {
  let fragments = perRun.get(run);
  if (!fragments) perRun.set(run, (fragments = new RunFragments()));
  return fragments;
}

/** `st.rerun({ scope })`: app scope, or the innermost fragment during a fragment run (R91). */
export function rerunSignal(run: Run, scope: unknown): ControlSignal {
  if (scope === "app") return new ControlSignal("rerun", "app");
  if (scope !== "fragment") throw new StreamlitAPIException(fragmentMessages.rerunScope(String(scope)));
  const fragments = perRun.get(run);
  const frame = fragments?.current;
  if (fragments?.target === undefined || !frame) throw new StreamlitAPIException(fragmentMessages.fragmentScope());
  return new FragmentRerunSignal(frame.id);
}

/** `st.rerun({ scope: "fragment" })`: the next run reruns `fragment` only. */
export class FragmentRerunSignal extends ControlSignal {
  constructor(readonly fragment: string) {
    super("rerun", "fragment");
  }
}

/**
 * `st.fragment(fn, options)`: returns a function that, called in a run, draws `fn` into a new
 * container at the call position, registers it and returns what `fn` returns (R117).
 * `place` is where the caller writes (bare `st` resolves to the innermost `with` at call time).
 */
export function createFragment<A extends unknown[], R>(place: Dg, fn: (...args: A) => R, options: FragmentOptions = {}): (...args: A) => R {
  if (typeof fn !== "function") throw new StreamlitAPIException(fragmentMessages.notAFunction("fragment"));
  const runEvery = parseRunEvery(options.runEvery);
  const key = options.key === undefined || options.key === null ? undefined : String(options.key);
  return (...args: A): R => {
    const run = place.run;
    run.checkpoint();
    const fragments = fragmentsOf(run);
    const parent = place.resolve();
    if (runEvery !== undefined && parent.formId) throw new StreamlitAPIException(fragmentMessages.runEveryInForm());
    if (key !== undefined) run.claimKey(key, `\`fragment\` with key "${key}" (${describePosition(parent)})`);
    const container = parent.addBlock("fragment", runEvery === undefined ? {} : { runEvery });
    const node = container.block!;
    const id = fragmentId(run, "fragment", key, fn, node.path);
    node.props.id = id;
    const record = register(fragments, { id, kind: "fragment", fn, args, path: node.path, formId: container.formId, page: run.options.page });
    return enterFragment(fragments, record, container) as R;
  };
}

/** Records a fragment called in this run; its chain continues the fragment it is called in. */
export function register(fragments: RunFragments, record: Omit<FragmentRecord, "chain">): FragmentRecord {
  const full = { ...record, chain: [...(fragments.current?.chain ?? []), record.id] };
  fragments.called.set(record.id, full);
  return full;
}

/** Runs a fragment's function inside its container, as the innermost fragment. */
export function enterFragment(fragments: RunFragments, record: FragmentRecord, container: Dg): unknown {
  // Writes are checked only in runs that enter a fragment: other runs never pay for it.
  container.run.writeCheck ??= (parentPath, widget) => fragments.check(parentPath, widget);
  const frame: Frame = { id: record.id, kind: record.kind, path: container.block!.path, chain: record.chain };
  fragments.stack.push(frame);
  const depth = fragments.stack.length;
  // A fragment run starts outside the page's run(): its widgets must keep the page's identity.
  const options = container.run.options;
  const outerPage = options.page;
  options.page = record.page;
  const leave = () => {
    if (fragments.stack.length >= depth) fragments.stack.length = depth - 1;
    options.page = outerPage;
  };
  let result: unknown;
  try {
    result = container.with(() => record.fn(...record.args));
  } catch (error) {
    leave();
    throw error;
  }
  if (result instanceof Promise) return result.finally(leave);
  leave();
  return result;
}

/** R118. `path` is left out for dialogs: only one is open at a time, wherever it is drawn. */
export function fragmentId(run: Run, kind: FragmentKind, key: string | undefined, fn: Function, path: number[] | null): string {
  const what = key !== undefined ? ["key", key] : ["source", Function.prototype.toString.call(fn), path];
  return `g${hashStable([kind, what, run.options.page])}`;
}

const UNITS: Record<string, number> = { ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400 };

/** runEvery (R122) → milliseconds: seconds as a number, or "10s", "1.5m", "1h30m", "500ms". */
export function parseRunEvery(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  let seconds = Number.NaN;
  if (typeof value === "number") seconds = value;
  else if (typeof value === "string" && /^\s*(\d+(\.\d+)?\s*(ms|sec|min|s|m|h|d)\s*)+$/.test(value)) {
    seconds = 0;
    for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)\s*(ms|sec|min|s|m|h|d)/g)) seconds += Number(amount) * UNITS[unit];
  }
  if (!Number.isFinite(seconds) || seconds < 0.1) throw new StreamlitAPIException(fragmentMessages.runEvery(String(value)));
  return Math.round(seconds * 1000);
}

/** Where a tree node sits (holes of sparse children arrays are skipped by every reader). */
export function locate(roots: BlockNode[], path: number[], id: string): { parent: BlockNode; index: number; node: BlockNode } | undefined {
  let parent: BlockNode | undefined = roots[path[0]];
  for (let depth = 1; depth < path.length - 1 && parent; depth++) {
    const next: BlockNode["children"][number] | undefined = parent.children[path[depth]];
    parent = next?.kind === "block" ? next : undefined;
  }
  const index = path[path.length - 1];
  const node = parent?.children[index];
  if (!parent || node?.kind !== "block" || node.props.id !== id) return undefined;
  return { parent, index, node };
}

/** Where the next element of `dg` will go, for duplicate-key errors. */
export function describePosition(dg: Dg): string {
  const block = dg.block;
  return block ? `position ${block.path.join(".")}.${block.children.length}` : "a placeholder";
}

function startsWith(path: number[], prefix: number[]): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}

/** A widget written from a fragment into a container outside it (R124, legacy rules of D7). */
export class FragmentWidgetsNotAllowedOutsideError extends StreamlitAPIException {
  override name = "StreamlitFragmentWidgetsNotAllowedOutsideError";
}

export const fragmentMessages = {
  widgetOutside: () => "Fragments cannot write widgets to outside containers.",
  sidebar: () =>
    "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write elements to the " +
    "sidebar with a fragment, call your fragment function inside a `with st.sidebar` context manager.",
  fragmentScope: () =>
    'scope="fragment" can only be specified from `@st.fragment`-decorated functions during fragment reruns.',
  rerunScope: (scope: string) => `'${scope}' is not a valid rerun scope. Valid scopes are 'app' and 'fragment'.`,
  notAFunction: (name: string) =>
    `\`st.${name}()\` takes the function to run as ${name === "dialog" ? "its second" : "its first"} argument, for example ` +
    (name === "dialog" ? '`const edit = st.dialog("Edit", (item) => { … }); edit(item)`.' : "`const clock = st.fragment(() => { … }); clock()`."),
  runEvery: (value: string) =>
    `\`runEvery\` must be a number of seconds (at least 0.1) or a string like "10s", "1.5m" or "500ms"; it was ${value}.`,
  runEveryInForm: () =>
    "A fragment with `runEvery` cannot be drawn inside an `st.form`: its timer would submit the form. " +
    "Call the fragment outside the form, or put the form inside the fragment.",
};
