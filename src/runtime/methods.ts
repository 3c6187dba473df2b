/**
 * Attaches every element of the registry to Dg as a method, so `st.textInput(…)` and
 * `container.textInput(…)` call the same definition. The types follow the registry, so adding an
 * element (one file, one registry line) adds its method everywhere.
 */
import { registry } from "../elements/registry";
import { Dg } from "./dg";

type Registry = typeof registry;
type ApiOf<D> = D extends { api: (dg: any, ...args: infer P) => infer R } ? (...args: P) => R : never;

export type ElementMethods = { [K in keyof Registry]: ApiOf<Registry[K]> };

for (const [name, def] of Object.entries(registry)) {
  Object.defineProperty(Dg.prototype, name, {
    value(this: Dg, ...args: unknown[]) {
      return (def.api as (dg: Dg, ...a: unknown[]) => unknown)(this.resolve(), ...args);
    },
  });
}
