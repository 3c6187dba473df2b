/**
 * Records the elements a cached function draws on a miss and replays them on a hit, at the
 * caller's position (SEMANTICS R147; Streamlit's `cached_message_replay.py`).
 *
 * A recorded call names the container it drew on: one the function created during the miss
 * (`c<n>`), the caller's active container (`active`: where bare `st.*` writes), a container passed
 * as an argument (`arg<i>`), or the sidebar or main root. On a hit, those names resolve to the hit
 * caller's containers. A container from anywhere else cannot be found again, so drawing into it
 * is refused while recording.
 */
import type { BlockNode } from "../elements/types";
import { type CacheKind, cacheMessages, CachedWidgetError, CacheReplayClosureError } from "./cache-errors";
import { Dg } from "./dg";
import { observeDrawing, type DrawObserver, type DrawOp } from "./draw-hooks";
import { MAIN_ROOT, SIDEBAR_ROOT } from "./run";
import type { RunRef } from "./session-state";

export interface RecordedOp {
  on: string;
  made: string;
  op: DrawOp;
}

/** Where a call of a cached function stands: its session and the containers it can draw into. */
export interface ReplayContext {
  ref: RunRef;
  anchors: [name: string, dg: Dg][];
}

/**
 * The context of one call: `bound` is the session of `st.cacheData` (absent for a module-level
 * cached function); containers among the arguments count too. Null when there is no session.
 */
export function contextFor(bound: RunRef | undefined, args: readonly unknown[]): ReplayContext | null {
  let ref = bound;
  const anchors: [string, Dg][] = [];
  if (bound) anchors.push(["active", new Dg(bound, { kind: "active" }).resolve()]);
  args.forEach((arg, i) => {
    if (!(arg instanceof Dg)) return;
    ref ??= arg.ref;
    anchors.push([`arg${i}`, arg.resolve()]);
  });
  return ref ? { ref, anchors } : null;
}

export class Recorder implements DrawObserver {
  readonly ops: RecordedOp[] = [];
  private readonly made = new Map<Dg, string>();
  private readonly blocks = new Map<BlockNode, string>();
  readonly stop: () => void;

  constructor(
    private readonly context: ReplayContext,
    private readonly kind: CacheKind,
    private readonly func: string,
  ) {
    this.stop = observeDrawing(context.ref.current, this);
  }

  drew(on: Dg, made: Dg, op: DrawOp): void {
    const name = `c${this.ops.length}`;
    this.ops.push({ on: this.nameOf(on, op.type), made: name, op: { ...op, props: cloneProps(op.props) } });
    this.made.set(made, name);
    const block = made.block;
    if (block) this.blocks.set(block, name);
  }

  widget(type: string): void {
    throw new CachedWidgetError(cacheMessages.widgetInCache(this.kind, type, this.func));
  }

  private nameOf(on: Dg, type: string): string {
    const block = on.block;
    const own = this.made.get(on) ?? (block && this.blocks.get(block));
    if (own) return own;
    for (const [name, dg] of this.context.anchors) {
      if (dg === on || (block !== undefined && dg.block === block)) return name;
    }
    const roots = on.run.roots;
    if (block === roots[SIDEBAR_ROOT]) return "sidebar";
    if (block === roots[MAIN_ROOT]) return "main";
    throw new CacheReplayClosureError(cacheMessages.replayClosure(this.func, type));
  }
}

/** Draws recorded elements into the hit caller's containers (R147). */
export function replay(ops: readonly RecordedOp[], context: ReplayContext): void {
  if (ops.length === 0) return;
  const { ref } = context;
  const containers = new Map<string, Dg>(context.anchors);
  const root = (index: number) => new Dg(ref, { kind: "block", node: ref.current.roots[index] });
  for (const { on, made, op } of ops) {
    const target =
      on === "sidebar" || on === "main"
        ? root(on === "sidebar" ? SIDEBAR_ROOT : MAIN_ROOT)
        : (containers.get(on) ?? containers.get("active") ?? root(MAIN_ROOT));
    const props = cloneProps(op.props);
    containers.set(made, op.kind === "emit" ? target.emit(op.type, props) : target.addBlock(op.type, props, op.formId));
  }
}

/** Each tree gets its own props, so nothing one session's renderer does reaches another's. */
function cloneProps(props: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(props);
  } catch {
    return { ...props };
  }
}
