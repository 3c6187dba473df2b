/**
 * Errors of `st.cacheData` and `st.cacheResource` (SEMANTICS 1.17, §1.19's R144 text), each with
 * what happened, why, and how to fix it.
 */
import { StreamlitAPIException } from "./errors";

export type CacheKind = "data" | "resource";

/** An argument of a cached function cannot be hashed into the cache key (R144). */
export class UnhashableParamError extends StreamlitAPIException {
  override name = "UnhashableParamError";
}

/** `st.cacheData`'s return value cannot be copied with a structured clone (R145). */
export class UnserializableReturnValueError extends StreamlitAPIException {
  override name = "UnserializableReturnValueError";
}

/** A widget was called inside a cached function (R147). */
export class CachedWidgetError extends StreamlitAPIException {
  override name = "CachedWidgetError";
}

/** A cached function drew into a container that a replay could not find (R147). */
export class CacheReplayClosureError extends StreamlitAPIException {
  override name = "CacheReplayClosureError";
}

const apiName = (kind: CacheKind) => (kind === "data" ? "st.cacheData" : "st.cacheResource");

export interface UnhashableDetails {
  kind: CacheKind;
  func: string;
  /** Parameter name when the source shows one, else `arguments[i]`. */
  arg: string;
  position: number;
  argType: string;
  /** Where inside the argument the unhashable value sits (`.conn`, `[2]`), if nested. */
  path: string;
  valueType: string;
}

export const cacheMessages = {
  unhashable: (d: UnhashableDetails) =>
    `Cannot hash argument '${d.arg}' (of type \`${d.argType}\`) in '${d.func}'.` +
    (d.path ? `\n\nThe value at \`${d.arg}${d.path}\` (of type \`${d.valueType}\`) has no stable hash.` : "") +
    "\n\nTo address this, you can tell Edgelit not to hash this argument by listing its position in " +
    "`excludeArgs`:\n\n" +
    `\`\`\`\nconst cached = ${apiName(d.kind)}(${d.func === "(anonymous function)" ? "fn" : d.func}, { excludeArgs: [${d.position}] });\n\`\`\`\n\n` +
    `or tell it how to hash values of this type with \`hashFuncs\`, for example ` +
    `\`{ hashFuncs: { ${d.valueType}: (value) => value.id } }\`.`,
  unserializable: (func: string, type: string, reason: string) =>
    `Cannot serialize the return value (of type \`${type}\`) in '${func}'. \`st.cacheData\` stores a structured ` +
    "clone of the return value and returns a fresh clone on every call, so that callers cannot mutate the cache " +
    `(${reason}). Please convert the return value to plain data (objects, arrays, strings, numbers, Dates, ` +
    "Maps, Sets, typed arrays).\n\nIf you want to cache objects that cannot be copied, such as database " +
    "connections or API clients, use `st.cacheResource` instead: it returns the same object to every caller.",
  widgetInCache: (kind: CacheKind, type: string, func: string) =>
    `\`st.${type}()\` was called inside the cached function '${func}' (made with \`${apiName(kind)}\`). A ` +
    "cached function runs only on a cache miss, so its widgets would vanish on every hit. To fix this, move " +
    "all widget commands outside the cached function and pass their values in as arguments:\n\n" +
    "```\nconst rows = st.slider(\"Rows\", { maxValue: 100 });\nst.write(await load(rows));\n```",
  replayClosure: (func: string, type: string) =>
    `While running ${func}(), an element (\`${type}\`) was drawn into a container created outside the ` +
    "function. This is incompatible with replaying the cached elements, because that container might not " +
    "exist when the replay happens.\n\nHow to fix this:\n" +
    "* Create the container inside the cached function.\n" +
    "* Pass the container to the cached function as an argument (containers are not part of the cache key).\n" +
    "* Draw the element outside the cached function.",
  notAFunction: (kind: CacheKind, got: string) =>
    `\`${apiName(kind)}\` expects a function to cache; it got ${got}. For example: ` +
    `\`const load = ${apiName(kind)}(async (url: string) => (await fetch(url)).json(), { ttl: "1h" })\`.`,
  ttl: (value: string) =>
    `\`ttl\` must be a number of seconds or a duration such as "10s", "30m", "1h", "1d" or "1h30m"; it was ${value}.`,
  maxEntries: (value: string) => `\`maxEntries\` must be a positive integer; it was ${value}.`,
  excludeArgs: (value: string) =>
    `\`excludeArgs\` must list argument positions (integers from 0), for example \`{ excludeArgs: [0] }\`; it was ${value}.`,
};
