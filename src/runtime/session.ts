/**
 * A session of one app: applies client events with Streamlit's run lifecycle (SEMANTICS R9–R12)
 * and returns the element tree of the final run. Pure: the Durable Object and AppTest both drive
 * it, hand it a snapshot and persist what `snapshot()` returns.
 */
import type { BlockNode, TreeNode } from "../elements/types";
import { definitionFor } from "../elements/lookup";
import { isControlSignal } from "./control";
import { messages, RunawayScriptError, UnknownWidgetError } from "./errors";
import { stableStringify } from "./identity";
import { Run, MAIN_ROOT, type Callback, type PageConfig } from "./run";
import { copySessionData, emptySessionData, ownWidget, sameList, type SessionData, type WidgetEvent } from "./state";
import { createSt, type St } from "./st";
import { SessionScope, type AddressOutcome, type RequestInfo, type ScopeSnapshot } from "./request";
import type { StPage } from "./navigation";
import type { RunRef } from "./session-state";
import { Dg } from "./dg";
import { FragmentHost, type FragmentSnapshot } from "./fragment-host";

export type AppFunction = (st: St) => void | Promise<void>;

export interface App {
  readonly edgelitApp: true;
  readonly main: AppFunction;
  /** A multipage app's pages (navigation.ts): their URLs route to this app. */
  readonly pages?: readonly StPage[];
}

export interface SessionOptions {
  page?: string;
  showErrorDetails?: boolean;
  /** Reruns allowed in one event before the run is stopped with an error (runaway loops). */
  maxReruns?: number;
  /**
   * Time one event may take, reruns included, checked at every st.* call (a yield point). A loop
   * that never calls st.* is only stopped by the platform's CPU limit.
   */
  runDeadlineMs?: number;
  warn?: (message: string) => void;
}

/** What a Durable Object stores to resume the session after eviction. */
export interface SessionSnapshot {
  data: SessionData;
  /** State at the start of the last script body: replaying it rebuilds the callbacks. */
  replayBase: SessionData | null;
  /** The page shown and the URL query (request.ts). */
  scope?: ScopeSnapshot;
  /** Fragments on the page: the last tree and the fragment runs to replay (fragment-host.ts). */
  fragments?: FragmentSnapshot;
}

export type RunStatus = "complete" | "stopped" | "error";

export interface RunOutcome {
  roots: BlockNode[];
  pageConfig: PageConfig;
  status: RunStatus;
  /** Script executions this event took (1 + reruns). */
  runs: number;
  /** Set when the final run was a fragment run (R119): the id of the fragment that reran. */
  fragment?: string;
}

/** A request's outcome: the final run, and what it did to the page's address. */
export interface RequestOutcome extends RunOutcome {
  address: AddressOutcome;
}

export class AppSession {
  private data: SessionData;
  private replayBase: SessionData | null;
  private callbacks = new Map<string, Callback>();
  /** Whether `callbacks` reflects the last run (false after a restore from storage). */
  private callbacksLive = false;
  private readonly ref: RunRef;
  /**
   * What `ref` holds between events: the finished run, kept there, held its tree, its maps and the
   * tree before it alive until the next event, and each event's survived a young-generation
   * collection (issue 7). A call made between runs is refused (Run.between).
   */
  private readonly idle: Run;
  private readonly scope: SessionScope;
  private readonly fragments: FragmentHost;
  private readonly st: St;
  private readonly options: Required<Omit<SessionOptions, "warn">> & Pick<SessionOptions, "warn">;

  constructor(
    private readonly app: App,
    snapshot?: SessionSnapshot,
    options: SessionOptions = {},
  ) {
    this.data = snapshot?.data ?? emptySessionData();
    this.replayBase = snapshot?.replayBase ?? null;
    this.fragments = new FragmentHost(snapshot?.fragments);
    this.options = { page: "", showErrorDetails: true, maxReruns: 100, runDeadlineMs: 30_000, ...options };
    this.scope = new SessionScope(this.options.page || "/", app, this.data, snapshot?.scope);
    this.idle = this.newRun(this.data);
    this.idle.between = true;
    this.ref = { current: this.idle, scope: this.scope };
    this.st = createSt(this.ref);
  }

  snapshot(): SessionSnapshot {
    return { data: this.data, replayBase: this.replayBase, scope: this.scope.snapshot(), fragments: this.fragments.snapshot() };
  }

  /** Reads session state outside a run (test harness, tools). */
  peekState(key: string): unknown {
    return this.newRun(this.data).getState(key);
  }

  /** Visible session-state keys outside a run (R38). */
  stateKeys(): string[] {
    return this.newRun(this.data).stateKeys();
  }

  /** Assigns session state outside a run, as an app would at the top of the next run. */
  assignState(key: string, value: unknown): void {
    this.newRun(this.data).setState(key, value);
  }

  removeState(key: string): void {
    this.newRun(this.data).deleteState(key);
  }

  /** A run without widget payload: page load or reload (R3, R10), of the page and query `request` names. */
  load(request: RequestInfo = {}): Promise<RequestOutcome> {
    return this.request(async () => {
      this.scope.begin(request);
      return { ...(await this.runLoop(null)), address: this.scope.finish() };
    });
  }

  /**
   * Applies one client event. Validation happens first: an unknown widget or a rejected value
   * throws before anything changes, so the session is exactly as it was.
   */
  async handle(event: WidgetEvent, request: RequestInfo = {}): Promise<RequestOutcome> {
    this.scope.checkEvent(request);
    const parsed = this.parseEvent(event);
    const fragment = this.fragments.target(this.data, event); // R119: a fragment's widget reruns only it
    return this.request(async () => {
      if (!this.callbacksLive && this.replayBase && (fragment !== undefined || parsed.some(([id]) => this.data.widgets[id].meta.hasCallback))) {
        await this.replay();
      }
      this.scope.begin(request);
      return { ...(await this.runLoop(parsed, event.form, fragment)), address: this.scope.finish() };
    });
  }

  /** A request's runs; once they are over, the session holds its idle run and no request context. */
  private async request<T>(runs: () => Promise<T>): Promise<T> {
    try {
      return await runs();
    } finally {
      this.ref.current = this.idle;
      this.scope.end();
    }
  }

  private parseEvent(event: WidgetEvent): [string, unknown][] {
    const parsed: [string, unknown][] = [];
    for (const [id, raw] of Object.entries(event.values)) {
      const record = ownWidget(this.data, id);
      if (!record) throw new UnknownWidgetError(`This page has no widget "${id}": it may be out of date. Reload it to continue.`);
      if (record.meta.disabled || record.meta.trigger) continue; // R34: a disabled widget's value is ignored
      const codec = definitionFor(record.meta.type)?.codec;
      if (!codec) throw new UnknownWidgetError(`Widget "${id}" has unknown type "${record.meta.type}".`);
      parsed.push([id, codec.parse(raw, record.meta.props)]);
    }
    if (event.trigger !== undefined) {
      const record = ownWidget(this.data, event.trigger);
      if (!record || !record.meta.trigger) {
        throw new UnknownWidgetError(`This page has no button "${event.trigger}": it may be out of date. Reload it to continue.`);
      }
      if (!record.meta.disabled) parsed.push([event.trigger, true]);
    }
    return parsed;
  }

  private newRun(data: SessionData, deadline?: number): Run {
    const { page, showErrorDetails, warn } = this.options;
    const run = new Run(data, { page, showErrorDetails, warn });
    run.deadline = deadline;
    return run;
  }

  /**
   * Rebuilds callbacks after eviction by re-running the last body on a copy of its state. The copy
   * keeps the pressed trigger, so widgets drawn under it register as they did; the deadline bounds
   * a replay of a body that ran away the first time.
   */
  private async replay(): Promise<void> {
    const deadline = Date.now() + this.options.runDeadlineMs;
    const run = this.newRun(copySessionData(this.replayBase!), deadline);
    this.ref.current = run;
    try {
      await this.app.main(this.st);
    } catch {
      // The replay only collects callbacks; its output and errors were already shown once.
    }
    this.callbacks = run.callbacks;
    // Then the fragment runs since that body, for their functions, arguments and callbacks.
    await this.fragments.replay(run, this.ref, (base) => this.newRun(base, deadline), (fragmentRun) => this.mergeCallbacks(fragmentRun, false));
    this.callbacksLive = true;
  }

  private async runLoop(payload: [string, unknown][] | null, submittedForm?: string, fragment?: string): Promise<RunOutcome> {
    if (fragment !== undefined && !this.fragments.canRun(fragment)) {
      // The fragment has gone since the client's page was drawn: a timer's tick then runs nothing.
      const kept = payload?.length ? undefined : this.fragments.unchanged();
      if (kept) return { ...kept, status: "complete", runs: 0 };
      fragment = undefined;
    }
    let runs = 0;
    const deadline = Date.now() + this.options.runDeadlineMs;
    for (;;) {
      runs++;
      const run = this.newRun(this.data, deadline);
      this.ref.current = run;
      const body = this.fragments.begin(run, this.ref, fragment);
      if (body === undefined) run.last = this.fragments.shown();
      if (runs > this.options.maxReruns + 1) {
        const error = new RunawayScriptError(
          `st.rerun() was called ${this.options.maxReruns} times while handling one event, so the run was stopped. ` +
            "Make the rerun conditional (for example on a session-state flag) so the loop ends.",
        );
        this.drawError(run, error);
        return this.finish(run, "error", runs);
      }
      const ending = await this.execute(run, runs === 1 ? payload : null, body);
      if (ending === "rerun") {
        this.resetTriggers();
        this.mergeCallbacks(run, false);
        this.fragments.commit(run);
        fragment = this.fragments.rerunTarget(run);
        continue;
      }
      if (runs === 1 && submittedForm && ending === "complete") this.clearSubmittedForm(run, submittedForm);
      return this.finish(run, ending, runs);
    }
  }

  /** D1/R78: a clearOnSubmit form's widgets return to their defaults once the submit run is over. */
  private clearSubmittedForm(run: Run, formId: string): void {
    if (!run.forms.get(formId)?.clearOnSubmit) return;
    // A reset widget's node is replaced, not changed: the last tree may share it (Run.unchanged).
    const reset = (node: TreeNode, index: number, siblings: TreeNode[]): void => {
      if (node.kind === "block") return node.children.forEach(reset);
      const record = node.widget && this.data.widgets[node.widget.id];
      if (!record || record.meta.formId !== formId || record.meta.trigger) return;
      record.value = structuredClone(record.meta.default);
      const codec = definitionFor(record.meta.type)?.codec;
      siblings[index] = { ...node, widget: { ...node.widget!, value: record.value, raw: codec?.format(record.value, record.meta.props) } };
    };
    run.roots.forEach((root) => root.children.forEach(reset));
  }

  /** Steps 1–5 of R9 for one script execution; `fragment` is a fragment run's body (R119). */
  private async execute(run: Run, payload: [string, unknown][] | null, fragment?: () => unknown): Promise<RunStatus | "rerun"> {
    let rerunAfterCallbacks = false;
    if (payload) {
      this.resetTriggers();
      const changed = this.applyPayload(payload);
      run.phase = "callbacks";
      for (const id of changed) {
        const callback = this.callbacks.get(id);
        if (!callback) continue;
        try {
          await callback.fn(...callback.args);
        } catch (error) {
          run.pending = null;
          if (isControlSignal(error)) {
            if (error.kind === "stop") return "stopped"; // D6
            rerunAfterCallbacks = true; // D3
            continue;
          }
          this.drawError(run, error); // D18: shown at the top, the body still runs
          break;
        }
      }
      run.phase = "body";
      if (rerunAfterCallbacks) return "rerun";
    }
    if (fragment) this.fragments.logRun(this.fragments.targetOf(run)!, this.data);
    else {
      this.replayBase = copySessionData(this.data, this.replayBase);
      this.fragments.clearLog();
    }
    try {
      await (fragment ? fragment() : this.app.main(this.st));
      if (run.pending) return run.pending.kind === "stop" ? "stopped" : "rerun";
      return "complete";
    } catch (error) {
      const signal = isControlSignal(error) ? error : run.pending;
      if (signal) return signal.kind === "stop" ? "stopped" : "rerun";
      this.drawError(run, error);
      return "error";
    }
  }

  /** R9.3–4: applies the client's values; returns the ids whose callbacks fire, in D5 order. */
  private applyPayload(payload: [string, unknown][]): string[] {
    const changed = new Set<string>();
    for (const [id, value] of payload) {
      const record = this.data.widgets[id];
      const before = stableStringify(record.value);
      record.value = value;
      if (record.meta.hasCallback && (record.meta.trigger || before !== stableStringify(value))) changed.add(id);
    }
    const order = this.data.order;
    return [...changed].sort((a, b) => rank(order, a) - rank(order, b));
  }

  private resetTriggers(): void {
    for (const record of Object.values(this.data.widgets)) {
      if (record.meta.trigger) record.value = record.meta.default;
    }
  }

  /** A complete run replaces the callbacks; an interrupted one only adds to them. */
  private mergeCallbacks(run: Run, replace: boolean): void {
    if (replace) this.callbacks = run.callbacks.size === 0 && this.callbacks.size === 0 ? this.callbacks : new Map(run.callbacks);
    else for (const [id, cb] of run.callbacks) this.callbacks.set(id, cb);
    this.callbacksLive = true;
  }

  /** Step 6 of R9 for a completed run; R11 for stopped and failed ones. */
  private finish(run: Run, status: RunStatus, runs: number): RunOutcome {
    if (status === "complete") {
      this.resetTriggers();
      for (const [id, record] of Object.entries(this.data.widgets)) {
        if (run.registered.has(id) || record.meta.persist || !this.fragments.cleansUp(run, record.meta)) continue;
        if (record.meta.key !== undefined && run.assigned.has(record.meta.key)) continue; // R69
        delete this.data.widgets[id];
      }
      const order = this.fragments.order(run, this.data);
      if (!sameList(order, this.data.order)) this.data.order = order; // an event keeps no new list it need not
    }
    const fragment = this.fragments.targetOf(run);
    this.mergeCallbacks(run, status === "complete" && fragment === undefined);
    this.checkSerializable(run);
    this.fragments.commit(run);
    return { roots: run.roots, pageConfig: run.pageConfig, status, runs, ...(fragment === undefined ? {} : { fragment }) };
  }

  /** DESIGN §3: a value that cannot be stored is reported by key and not kept. */
  private checkSerializable(run: Run): void {
    for (const key of run.stateKeys()) {
      try {
        structuredClone(run.getState(key));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        run.deleteState(key);
        this.drawError(run, new (class extends Error {
          override name = "UnserializableSessionStateError";
        })(messages.unserializable(key, reason)), true);
      }
    }
  }

  private drawError(run: Run, error: unknown, atEnd = false): void {
    const place = (!atEnd && typeof error === "object" && error !== null && run.errorPlaces.get(error)) || undefined;
    const target = place ?? this.fragments.home(run) ?? new Dg(this.ref, { kind: "block", node: run.roots[MAIN_ROOT] });
    // Drawing the box must not trip the yield-point checks; the run is over anyway.
    const pending = run.pending;
    run.pending = null;
    run.deadline = undefined;
    target.exception(error);
    run.pending = pending;
  }
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/**
 * Declares an app. The function receives `st` and runs top to bottom on every interaction. A
 * multipage app also lists its pages, so their URLs reach it: `defineApp(main, { pages })`.
 */
export function defineApp(main: AppFunction, options: { pages?: readonly StPage[] } = {}): App {
  return options.pages ? { edgelitApp: true, main, pages: options.pages } : { edgelitApp: true, main };
}
