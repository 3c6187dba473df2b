/** Node type → definition, for the renderer and the codecs. */
import { registry } from "./registry";
import { runtimeBlocks } from "./registry/runtime-blocks";
import type { ElementDef } from "./types";

type AnyDef = ElementDef<(dg: any, ...args: any[]) => unknown>;

const byType = new Map<string, AnyDef>();
for (const def of [...Object.values(registry), ...Object.values(runtimeBlocks)] as AnyDef[]) {
  for (const type of def.types ?? [def.name]) byType.set(type, def);
}

export function definitionFor(type: string): AnyDef | undefined {
  return byType.get(type);
}
