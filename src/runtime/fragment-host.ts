/**
 * The session side of fragments and dialogs (SEMANTICS 1.13–1.14): which fragments the last runs
 * drew, fragment runs, and what lets both survive eviction. AppSession owns one.
 *
 * A fragment run (R119) reruns one fragment on the tree of the last run: the fragment's container
 * gets a fresh node at the same path and everything else is the previous tree, untouched, so the
 * Durable Object's diff sends only that container. The tree is changed in place, so a container of
 * the last run that the fragment captured still receives its outside writes (D7: they accumulate
 * until the next full run).
 *
 * Eviction: functions, arguments and callbacks live only in memory. The snapshot keeps the tree
 * and page config of the last run and a log of the fragment runs since the last full run, each
 * with the state at the start of its body. A replay re-runs the last full body, then each logged
 * fragment run, on copies of those states (no state change applies twice), which rebuilds the
 * functions, arguments and callbacks the lost memory held; the replayed tree then takes the saved
 * tree's content (`adopt`), so what the client was shown stays exactly as it was.
 */
import type { BlockNode } from "../elements/types";
import { Dg } from "./dg";
import { enterFragment, FragmentRerunSignal, fragmentsOf, locate, type FragmentRecord } from "./fragment";
import type { PageConfig, Run } from "./run";
import type { RunRef } from "./session-state";
import { copySessionData, type SessionData, type WidgetEvent, type WidgetMeta } from "./state";

/** A fragment run since the last full run, with the state its body started from. */
interface LoggedRun {
  id: string;
  chain: string[];
  base: SessionData;
}

/** What the session stores for fragments; absent while no fragment is on the page. */
export interface FragmentSnapshot {
  tree: BlockNode[] | null;
  pageConfig: PageConfig;
  log: LoggedRun[];
  serial: number;
}

export class FragmentHost {
  /** Fragments drawn by the last runs, by id: what a fragment run calls, and with what. */
  private registry = new Map<string, FragmentRecord>();
  private log: LoggedRun[];
  /** The tree and page config of the last run: the base of the next fragment run. */
  private tree: BlockNode[] | null;
  private pageConfig: PageConfig;
  /** Runs started by this session (a reopened dialog is told from one that stayed open by it). */
  private serial: number;
  /** The tree read from storage, until the first run after a restore replaces it. */
  private restored: BlockNode[] | null;

  constructor(snapshot?: FragmentSnapshot) {
    this.log = snapshot?.log ?? [];
    this.tree = snapshot?.tree ?? null;
    this.restored = this.tree;
    this.pageConfig = snapshot?.pageConfig ?? {};
    this.serial = snapshot?.serial ?? 0;
  }

  snapshot(): FragmentSnapshot | undefined {
    if (this.registry.size === 0 && !this.restored) return undefined;
    return { tree: this.tree, pageConfig: this.pageConfig, log: this.log, serial: this.serial };
  }

  /**
   * The fragment an event reruns: the one a timer names, else the innermost fragment holding
   * every widget the event carries (a form submit carries several); undefined for a full run.
   */
  target(data: SessionData, event: WidgetEvent): string | undefined {
    if (event.fragment !== undefined) return event.fragment;
    const ids = event.trigger === undefined ? Object.keys(event.values) : [...Object.keys(event.values), event.trigger];
    let common: string[] | undefined;
    for (const id of ids) {
      const chain = data.widgets[id]?.meta.fragment ?? [];
      common = common === undefined ? chain : common.slice(0, sharedLength(common, chain));
    }
    return common?.[common.length - 1];
  }

  /** Whether `id` is a fragment of the last tree (it may have gone since the client's page). */
  canRun(id: string): boolean {
    const record = this.registry.get(id);
    return record !== undefined && this.tree !== null && locate(this.tree, record.path, id) !== undefined;
  }

  /** The last tree as it stands, for a timer of a fragment that is gone (nothing runs). */
  unchanged(): { roots: BlockNode[]; pageConfig: PageConfig } | undefined {
    return this.tree ? { roots: this.tree, pageConfig: this.pageConfig } : undefined;
  }

  /** The tree the page shows (the last run's, or the one read from storage), if any. */
  shown(): BlockNode[] | undefined {
    return this.tree ?? undefined;
  }

  /**
   * Starts a run: numbers it and, for a fragment run, puts a fresh container in place of the
   * fragment's in `base`. Returns the fragment run's body; undefined for a full run, or when the
   * fragment is not found (callers check `canRun` first).
   */
  begin(run: Run, ref: RunRef, target: string | undefined, base = this.tree): (() => unknown) | undefined {
    const fragments = fragmentsOf(run);
    fragments.serial = ++this.serial;
    const record = target === undefined ? undefined : this.registry.get(target);
    const found = record && base ? locate(base, record.path, record.id) : undefined;
    if (!record || !base || !found) return undefined;
    run.roots.forEach((root, i) => (root.children = base[i].children));
    run.pageConfig = { ...this.pageConfig };
    this.closeDialogsOf(record.id, run.roots);
    const node: BlockNode = { ...found.node, children: [] };
    found.parent.children[found.index] = node;
    const home = new Dg(ref, { kind: "block", node }, record.formId);
    fragments.target = record.id;
    fragments.home = home;
    run.withStack.push(home); // what the callbacks of a fragment run draw lands in it (R62)
    return () => enterFragment(fragments, record, home);
  }

  /** The container errors of a fragment run are drawn in (R123); undefined in a full run. */
  home(run: Run): Dg | undefined {
    return fragmentsOf(run).home;
  }

  /** The fragment `run` reran, if it was a fragment run. */
  targetOf(run: Run): string | undefined {
    return fragmentsOf(run).target;
  }

  /** The fragment a run ended by `st.rerun({ scope: "fragment" })` asks for (R91). */
  rerunTarget(run: Run): string | undefined {
    return run.pending instanceof FragmentRerunSignal ? run.pending.fragment : undefined;
  }

  /** After each execution (complete, stopped, failed or rerun): the registry and tree follow it. */
  commit(run: Run): void {
    this.update(run);
    this.tree = run.roots;
    this.pageConfig = run.pageConfig;
    this.restored = null;
  }

  /** R126/R71: a fragment run cleans up only the widgets of the fragments that ran. */
  cleansUp(run: Run, meta: WidgetMeta): boolean {
    const target = fragmentsOf(run).target;
    return target === undefined || (meta.fragment ?? []).includes(target);
  }

  /** D5's registration order: a fragment run keeps the rest of the page's order. */
  order(run: Run, data: SessionData): string[] {
    if (fragmentsOf(run).target === undefined) return run.order;
    const seen = new Set(data.order);
    return [...data.order, ...run.order.filter((id) => !seen.has(id))].filter((id) => Object.hasOwn(data.widgets, id));
  }

  /** A fragment run's body starts: remember its state for a replay; it supersedes older runs of it. */
  logRun(target: string, data: SessionData): void {
    const chain = this.registry.get(target)?.chain ?? [target];
    this.log = this.log.filter((entry) => !entry.chain.includes(target));
    this.log.push({ id: target, chain, base: copySessionData(data) });
  }

  /** A full run's body starts: it supersedes every fragment run. */
  clearLog(): void {
    if (this.log.length > 0) this.log = [];
  }

  /**
   * After the session replayed the last full body on `full` (eviction): replays the logged
   * fragment runs on copies of their states, then grafts the saved tree onto the result.
   */
  async replay(full: Run, ref: RunRef, makeRun: (base: SessionData) => Run, collect: (run: Run) => void): Promise<void> {
    this.update(full);
    let roots = full.roots;
    for (const entry of this.log) {
      const run = makeRun(copySessionData(entry.base));
      ref.current = run;
      const body = this.begin(run, ref, entry.id, roots);
      if (!body) continue;
      try {
        await body();
      } catch {
        // As for the full body: the replay only collects functions, arguments and callbacks.
      }
      collect(run);
      this.update(run);
      roots = run.roots;
    }
    this.tree = this.restored ? adopt(roots, this.restored) : roots;
  }

  private update(run: Run): void {
    const fragments = fragmentsOf(run);
    const target = fragments.target;
    if (target === undefined) {
      if (fragments.called.size > 0 || this.registry.size > 0) this.registry = new Map(fragments.called);
    } else {
      for (const [id, record] of this.registry) if (id !== target && record.chain.includes(target)) this.registry.delete(id);
      for (const [id, record] of fragments.called) this.registry.set(id, record);
    }
  }

  /**
   * Dialogs are drawn in the main area, outside the fragment that opened them: its rerun takes
   * them away (leaving holes, so no other path moves) unless it opens them again.
   */
  private closeDialogsOf(id: string, roots: BlockNode[]): void {
    for (const record of this.registry.values()) {
      if (record.kind !== "dialog" || record.id === id || !record.chain.includes(id)) continue;
      const found = locate(roots, record.path, record.id);
      if (found) delete found.parent.children[found.index];
    }
  }
}

function sharedLength(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Gives the replayed tree the saved tree's content while keeping the replayed node objects, to
 * which containers captured by the replayed closures point: a block of the same type at the same
 * place is grafted, anything else is taken from the saved tree.
 */
function adopt(live: BlockNode[], saved: BlockNode[]): BlockNode[] {
  if (live.length !== saved.length) return saved;
  live.forEach((root, i) => graft(root, saved[i]));
  return live;
}

function graft(live: BlockNode, saved: BlockNode): void {
  const own = live.children;
  live.props = saved.props;
  live.formId = saved.formId;
  live.children = saved.children.map((child, i) => {
    const mine = own[i];
    if (child?.kind !== "block" || mine?.kind !== "block" || mine.type !== child.type) return child;
    graft(mine, child);
    return mine;
  });
}
