/**
 * Observers of what a run draws. A cached function records the elements it emits on a miss so a
 * hit can replay them at its caller's position (SEMANTICS R147), and refuses widgets inside it.
 *
 * The observers are keyed by run, so sessions sharing an isolate never see each other's drawing;
 * the WeakMap lets a finished run's entry go with the run.
 */
import type { Dg } from "./dg";
import type { Run } from "./run";

/** One low-level drawing call: an element (`Dg.emit`) or a block (`Dg.addBlock`). */
export type DrawOp =
  | { kind: "emit"; type: string; props: Record<string, unknown> }
  | { kind: "block"; type: string; props: Record<string, unknown>; formId?: string };

export interface DrawObserver {
  /** `on` (a resolved container) drew `op`; `made` is the container the call returned. */
  drew(on: Dg, made: Dg, op: DrawOp): void;
  /** A widget of `type` is about to register: throw to refuse it. */
  widget(type: string): void;
}

const observers = new WeakMap<Run, Set<DrawObserver>>();

/** Starts observing `run`; returns the function that stops. */
export function observeDrawing(run: Run, observer: DrawObserver): () => void {
  let set = observers.get(run);
  if (!set) observers.set(run, (set = new Set()));
  set.add(observer);
  return () => void set.delete(observer);
}

/** Whether anything observes `run` (so callers build a DrawOp only when one will be read). */
export function isObserved(run: Run): boolean {
  return observers.has(run);
}

export function notifyDraw(run: Run, on: Dg, made: Dg, op: DrawOp): void {
  const set = observers.get(run);
  if (set) for (const observer of [...set]) observer.drew(on, made, op);
}

export function notifyWidget(run: Run, type: string): void {
  const set = observers.get(run);
  if (set) for (const observer of [...set]) observer.widget(type);
}
