/**
 * AppTest: drive an app without a browser, modelled on Streamlit's AppTest (SEMANTICS 1.18) but,
 * per D13, behaving like the browser: each widget action outside a form is its own event, and
 * form widgets hold their values until the form's submit button is clicked.
 *
 * ```ts
 * const at = AppTest.fromApp(counter);
 * await at.run();
 * at.button[0].click();
 * await at.run();
 * expect(at.markdown.values).toContain("Count = 1");
 * ```
 */
import { definitionFor } from "../elements/lookup";
import type { BlockNode, ElementNode, RawValue, TreeNode } from "../elements/types";
import type { RequestContext } from "../runtime/request";
import { AppSession, defineApp, type App, type AppFunction, type RequestOutcome, type RunOutcome, type SessionOptions } from "../runtime/session";
import type { WidgetEvent } from "../runtime/state";
import { BrowserAddress, type TestQueryParams } from "./address";
import { BlockView, flatten, makeList, WidgetView, type Driver, type ElementList, ElementView } from "./nodes";

type Action = { kind: "value"; node: ElementNode; value: unknown } | { kind: "click"; node: ElementNode };

const BLOCK_TYPES = new Set(["container", "columns", "column", "tabs", "tab", "expander", "form", "empty", "fragment", "dialog"]);

export class AppTest implements Driver {
  private readonly session: AppSession;
  private outcome: RunOutcome | null = null;
  private actions: Action[] = [];
  /** Pending edits of form widgets, by widget id (the browser's unsent form state). */
  private readonly pendingForm = new Map<string, unknown>();
  /** Reads and writes session state between runs, like Streamlit's `at.session_state`. */
  readonly sessionState: Record<string, any>;
  private readonly address: BrowserAddress;

  private constructor(app: App, options: SessionOptions & { defaultTimeout?: number }) {
    this.session = new AppSession(app, undefined, options);
    this.address = new BrowserAddress(app, options.page || "/");
    this.defaultTimeout = options.defaultTimeout ?? 3;
    const session = this.session;
    this.sessionState = new Proxy({} as Record<string, any>, {
      get: (_t, key) => (typeof key === "string" ? session.peekState(key) : undefined),
      set: (_t, key, value) => (typeof key === "string" ? (session.assignState(key, value), true) : false),
      has: (_t, key) => typeof key === "string" && session.peekState(key) !== undefined,
      deleteProperty: (_t, key) => (typeof key === "string" ? (session.removeState(key), true) : false),
      ownKeys: () => session.stateKeys(),
      getOwnPropertyDescriptor: (_t, key) =>
        typeof key === "string" && session.peekState(key) !== undefined
          ? { value: session.peekState(key), enumerable: true, configurable: true, writable: true }
          : undefined,
    });
  }
  private readonly defaultTimeout: number;

  static fromFunction(fn: AppFunction, options: SessionOptions & { defaultTimeout?: number } = {}): AppTest {
    return new AppTest(defineApp(fn), options);
  }

  static fromApp(app: App, options: SessionOptions & { defaultTimeout?: number } = {}): AppTest {
    return new AppTest(app, options);
  }

  /**
   * Sends the pending widget actions (each outside a form is its own event, in order) or, when
   * there are none, reruns the script without a payload. Rejects if a run exceeds `timeout` s.
   */
  async run(options: { timeout?: number } = {}): Promise<this> {
    const timeout = options.timeout ?? this.defaultTimeout;
    const actions = this.actions;
    this.actions = [];
    const work = async () => {
      const page = this.address.takePageSwitch();
      for (const action of actions) {
        const event = this.toEvent(action);
        if (event) this.absorb(await this.session.handle(event, this.address.request()));
      }
      if (actions.length === 0 || page !== undefined) this.absorb(await this.session.load(this.address.request(page)));
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`AppTest script run timed out after ${timeout}(s)`)), timeout * 1000);
    });
    try {
      await Promise.race([work(), deadline]);
    } finally {
      clearTimeout(timer);
    }
    return this;
  }

  /**
   * Fires a fragment's runEvery timer (R122): a fragment run of `fragment` (a block of
   * `at.fragment`, or its id) without widget values. A fragment that is gone runs nothing.
   */
  async runFragment(fragment: BlockView | string): Promise<this> {
    return this.sendRaw({ values: {}, fragment: typeof fragment === "string" ? fragment : String(fragment.props.id) });
  }

  /**
   * The user closes a dialog (Escape, its close button, R130). The server hears of it only when
   * the dialog has `onDismiss`: the next `run()` then sends the dismissal, which causes a full run.
   */
  dismiss(dialog: BlockView): this {
    const id = dialog.props.dismiss;
    if (typeof id === "string") {
      const node: ElementNode = { kind: "element", type: "dialogDismiss", path: dialog.block.path, props: {}, widget: { id, raw: undefined, value: false } };
      this.actions.push({ kind: "click", node });
    }
    return this;
  }

  /** Sends a raw event as the edge would decode it from a form post (for bad-input tests). */
  async sendRaw(event: WidgetEvent): Promise<this> {
    this.absorb(await this.session.handle(event, this.address.request()));
    return this;
  }

  private absorb(outcome: RequestOutcome): void {
    this.outcome = outcome;
    this.address.absorb(outcome);
  }

  /**
   * The URL's query, as Streamlit's `at.query_params` (R156): set keys before `run()` (a list
   * repeats a key); after a run it holds the script's final query, each key with a list.
   */
  get queryParams(): TestQueryParams {
    return this.address.queryParams;
  }
  set queryParams(values: TestQueryParams) {
    this.address.queryParams = values;
  }

  /** What `st.context` reports (headers, cookies, locale, timezone, ipAddress); the URL follows the page. */
  get context(): Partial<Omit<RequestContext, "url">> {
    return this.address.context;
  }
  set context(values: Partial<Omit<RequestContext, "url">>) {
    this.address.context = values;
  }

  /** Makes the next `run()` load another page of a multipage app, as a link would (R156). */
  switchPage(path: string): this {
    this.address.switchPage(path);
    return this;
  }

  /** The URL path of the page the last run showed. */
  get pagePath(): string | undefined {
    return this.address.page;
  }

  /** The outcome of the last run: status, page config and the element tree. */
  get lastRun(): RunOutcome {
    if (!this.outcome) throw new Error("Call `await at.run()` first.");
    return this.outcome;
  }

  get snapshot() {
    return this.session.snapshot();
  }

  // --- Driver ----------------------------------------------------------------------------------

  setValue(node: ElementNode, value: unknown): void {
    if (node.widget?.formId) this.pendingForm.set(node.widget.id, value);
    else this.actions.push({ kind: "value", node, value });
  }

  click(node: ElementNode): void {
    this.actions.push({ kind: "click", node });
  }

  currentValue(node: ElementNode): unknown {
    const id = node.widget!.id;
    return this.pendingForm.has(id) ? this.pendingForm.get(id) : node.widget!.value;
  }

  private toEvent(action: Action): WidgetEvent | null {
    const widget = action.node.widget!;
    if (action.kind === "value") return { values: { [widget.id]: this.format(action.node, action.value) } };
    if (!widget.formId) return { values: {}, trigger: widget.id };
    // A submit button sends every widget of its form, with the pending edits, in one event.
    const values: Record<string, RawValue> = {};
    for (const node of this.nodes()) {
      if (node.kind !== "element" || node.widget?.formId !== widget.formId || node.type === "formSubmitButton") continue;
      const id = node.widget.id;
      values[id] = this.pendingForm.has(id) ? this.format(node, this.pendingForm.get(id)) : node.widget.raw;
      this.pendingForm.delete(id);
    }
    return { values, trigger: widget.id, form: widget.formId };
  }

  private format(node: ElementNode, value: unknown): RawValue {
    const codec = definitionFor(node.type)?.codec;
    if (!codec) throw new Error(`No codec for widget type "${node.type}".`);
    return codec.format(value, node.props);
  }

  // --- queries ---------------------------------------------------------------------------------

  private nodes(): TreeNode[] {
    return flatten(this.lastRun.roots);
  }

  /** Every element of `type` in the last run, in document order. */
  get(type: string, within: TreeNode[] = this.nodes()): ElementList<ElementView> {
    return queryNodes(type, within, this);
  }

  get main(): BlockView {
    return new BlockView(this.lastRun.roots[0], this);
  }
  get sidebar(): BlockView {
    return new BlockView(this.lastRun.roots[1], this);
  }
}

export function queryNodes(type: string, nodes: TreeNode[], driver: Driver): ElementList<any> {
  const views = nodes
    .filter((n) => n.type === type)
    .map((n) => (n.kind === "block" ? new BlockView(n as BlockNode, driver) : n.widget ? new WidgetView(n, driver) : new ElementView(n, driver)));
  return makeList(views);
}

/** Typed accessors (`at.button`, `at.markdown`, `col.textInput`…), on AppTest and on blocks. */
const WIDGETS = [
  "button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "selectSlider", "numberInput",
  "textInput", "textArea", "dateInput", "timeInput", "colorPicker", "formSubmitButton",
] as const;
const ELEMENTS = [
  "markdown", "title", "header", "subheader", "caption", "text", "code", "divider", "json", "metric", "table",
  "success", "info", "warning", "error", "exception",
] as const;
const BLOCKS = [...BLOCK_TYPES] as ("container" | "columns" | "column" | "tabs" | "tab" | "expander" | "form" | "empty" | "fragment" | "dialog")[];

type Accessors = { readonly [K in (typeof WIDGETS)[number]]: ElementList<WidgetView> } & {
  readonly [K in (typeof ELEMENTS)[number]]: ElementList<ElementView>;
} & { readonly [K in (typeof BLOCKS)[number]]: ElementList<BlockView & Accessors> };

function install(proto: object, nodesOf: (self: any) => TreeNode[], driverOf: (self: any) => Driver): void {
  for (const type of [...WIDGETS, ...ELEMENTS, ...BLOCKS]) {
    Object.defineProperty(proto, type, {
      get(this: unknown) {
        return queryNodes(type, nodesOf(this), driverOf(this));
      },
    });
  }
}
install(AppTest.prototype, (at: AppTest) => flatten(at.lastRun.roots), (at: AppTest) => at);
install(BlockView.prototype, (b: BlockView) => b.descendants, (b: any) => b.driver);

export interface AppTest extends Accessors {}
declare module "./nodes" {
  interface BlockView extends Accessors {}
}
