/**
 * `st.rerun()` and `st.stop()` throw control signals that the runner catches.
 *
 * They are deliberately not `Error`s, so `catch (e) { if (e instanceof Error) … }` lets them
 * pass. A bare `catch {}` would swallow them, so the runner also remembers the request and
 * throws it again at the next `st.*` call (a yield point, SEMANTICS R15) and honours it when the
 * script ends. Apps that catch broadly should rethrow with `if (isControlSignal(e)) throw e;`.
 */

export type ControlKind = "rerun" | "stop";

export class ControlSignal {
  readonly edgelitControl = true;
  constructor(
    readonly kind: ControlKind,
    readonly scope: "app" | "fragment" = "app",
  ) {}
  toString(): string {
    return `[edgelit ${this.kind} signal: rethrow it from catch blocks]`;
  }
}

export function isControlSignal(value: unknown): value is ControlSignal {
  return value instanceof ControlSignal;
}
