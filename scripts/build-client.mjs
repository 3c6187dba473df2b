#!/usr/bin/env node
/**
 * Builds the client assets from their readable sources in src/client/: the htmx extension
 * (edgelit.js, minified), the stylesheet (edgelit.css, minified), the default page icon and the
 * boot module (boot.js, minified), which are served, and the handler text that loads the boot
 * module on a page's first use, which every page's <body> carries inline. Each served
 * file is written to public/_edgelit/ under a name that carries a hash of its content, because those
 * files are cached for a year as immutable: a deploy that changes one gives it a new name, so no
 * browser keeps running an old copy. The names go to src/wire/assets.ts, which the pages use.
 * The outputs are committed, so a fresh clone serves them without a build. Comments and long
 * names would cost the first load about 2 KB gzipped, a tenth of its budget.
 *   npm run build:client              write them (and remove the previous builds)
 *   npm run build:client -- --check   exit 1 when what is committed is out of date
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const from = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const PUBLIC_DIR = from("public/_edgelit");
const URL_DIR = "/_edgelit";
const MANIFEST = from("src/wire/assets.ts");
const INLINE_MODULE = from("src/wire/inline-assets.ts");
/** The served copy of htmx (public/_edgelit/), which the boot module loads before the extension. */
const HTMX_URL = `${URL_DIR}/htmx-4.0.1.min.js`;
/** The global the handler queues its events in, for the boot module. */
const BOOT_QUEUE = "EdgelitBoot";
/**
 * The <body> attributes that carry the handler (src/render/page.ts): the events of a page's first
 * use, and load (only on a page that needs scripting at once). The boot module removes them.
 */
const HANDLED = ["onpointermove", "onpointerdown", "ontouchstart", "onwheel", "onkeydown", "oninput", "onchange", "onsubmit", "onload"];

/** Each asset: its key in ASSET, its source, its served base name, and how it is built. */
const minifyScript = async (text, format) => (await transform(text, { minify: true, target: "es2020", legalComments: "none", format })).code;
const ASSETS = [
  {
    key: "extension",
    source: "src/client/edgelit.js",
    name: "edgelit",
    ext: "js",
    build: async (text) => `/* Edgelit's htmx extension, built from src/client/edgelit.js (npm run build:client). */\n${await minifyScript(text)}`,
  },
  {
    key: "stylesheet",
    source: "src/client/edgelit.css",
    name: "edgelit",
    ext: "css",
    build: async (text) => (await transform(text, { loader: "css", minify: true, legalComments: "none" })).code,
  },
  { key: "icon", source: "src/client/icon.svg", name: "icon", ext: "svg", build: async (text) => text },
  {
    key: "boot",
    source: "src/client/boot.js",
    name: "boot",
    ext: "js",
    // Loads the extension: built after it, with its served name.
    build: async (text, urls) =>
      minifyScript(text.replaceAll("__EDGELIT_SCRIPTS__", JSON.stringify([HTMX_URL, urls.extension])).replaceAll("__EDGELIT_HANDLED__", JSON.stringify(HANDLED)).replaceAll("__EDGELIT_QUEUE__", BOOT_QUEUE), "esm"),
  },
];

/** A served name for `text`: `<name>.<first 10 hex digits of its SHA-256>.<ext>`. */
function hashedName(asset, text) {
  return `${asset.name}.${createHash("sha256").update(text).digest("hex").slice(0, 10)}.${asset.ext}`;
}

/** Files in public/_edgelit/ that an earlier build wrote and the current one does not. */
function oldBuilds(files) {
  const built = (file) => ASSETS.some((asset) => new RegExp(`^${asset.name}\\.[0-9a-f]{10}\\.${asset.ext}$`).test(file));
  return readdirSync(PUBLIC_DIR).filter((file) => !(file in files) && built(file));
}

/** What the current sources build to: each served file's name and text, and the manifest. */
export async function planClient() {
  const files = {};
  const urls = {};
  const texts = {};
  for (const asset of ASSETS) {
    const text = await asset.build(readFileSync(from(asset.source), "utf8"), urls);
    const name = hashedName(asset, text);
    files[name] = texts[asset.key] = text;
    urls[asset.key] = `${URL_DIR}/${name}`;
  }
  const entries = Object.entries(urls).map(([key, url]) => `  ${key}: "${url}",`);
  const manifest = [
    "// Written by scripts/build-client.mjs (npm run build:client); do not edit. The client assets'",
    "// served names carry a hash of their content, so they can be cached for good.",
    "export const BUILT_ASSET = {",
    ...entries,
    "} as const;",
    "",
  ].join("\n");
  return { files, manifest, inline: inlineModule({ handler: bootHandler(urls.boot), stylesheet: texts.stylesheet }) };
}

/**
 * The handler the body carries until the boot module has loaded: it queues the event for the
 * module (in order: the imports' promises need not settle in the order they were made) and imports
 * it. An htmx form's submit is held at once (before the module can hold it); should the module
 * fail to load, that form goes as a plain post (its hx-post removed, so this handler lets it through).
 */
function bootHandler(url) {
  const hold = `event.type=='submit'&&event.target.hasAttribute('hx-post')&&event.preventDefault()`;
  const queue = `(self.${BOOT_QUEUE}=self.${BOOT_QUEUE}||[]).push(event)`;
  const post = `event.defaultPrevented&&(event.target.removeAttribute('hx-post'),event.target.requestSubmit(event.submitter))`;
  return `${hold};${queue};import('${url}').catch(()=>${post})`;
}

/**
 * src/wire/inline-assets.ts: what pages carry inline: the boot handler (every page's body; it
 * loads the boot module, which loads htmx and the extension, when the page is first used), and
 * the stylesheet (a browser's first visit, whose cache is empty: a linked file would cost a round
 * trip after the HTML). The CSP sources allow exactly these texts (the handler, an attribute, under
 * 'unsafe-hashes'). A text that could end its element early is refused here rather than served broken.
 */
function inlineModule(inline) {
  for (const [key, body] of Object.entries(inline)) {
    if (/<\/?(script|style)|<!--/i.test(body)) throw new Error(`The inline ${key} contains markup that would end its element early; it cannot be inlined.`);
  }
  const hash = (body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
  return [
    "// Written by scripts/build-client.mjs (npm run build:client); do not edit. What pages carry inline",
    "// (src/render/page.ts), and the CSP sources that allow exactly these texts (src/edge/respond.ts).",
    `export const INLINE_ASSET = ${JSON.stringify(inline, null, 2)} as const;`,
    "",
    "/** The <body> attributes that carry the handler; the last, load, only where a page needs scripting at once. */",
    `export const HANDLED = ${JSON.stringify(HANDLED)} as const;`,
    "",
    `export const INLINE_CSP = ${JSON.stringify({ script: `'unsafe-hashes' ${hash(inline.handler)}`, style: hash(inline.stylesheet) })} as const;`,
    "",
  ].join("\n");
}

/** What differs between the plan and what is on disk (empty when up to date). */
export function staleClient({ files, manifest, inline }) {
  const problems = [];
  for (const [name, text] of Object.entries(files)) {
    const path = `${PUBLIC_DIR}/${name}`;
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) problems.push(`${path} is missing or differs`);
  }
  for (const file of oldBuilds(files)) problems.push(`${PUBLIC_DIR}/${file} is an old build`);
  if (!existsSync(MANIFEST) || readFileSync(MANIFEST, "utf8") !== manifest) problems.push(`${MANIFEST} is out of date`);
  if (!existsSync(INLINE_MODULE) || readFileSync(INLINE_MODULE, "utf8") !== inline) problems.push(`${INLINE_MODULE} is out of date`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const plan = await planClient();
  if (process.argv.includes("--check")) {
    const problems = staleClient(plan);
    if (problems.length > 0) {
      console.error(`${problems.join("\n")}\nRun npm run build:client.`);
      process.exit(1);
    }
  } else {
    for (const file of oldBuilds(plan.files)) unlinkSync(`${PUBLIC_DIR}/${file}`);
    for (const [name, text] of Object.entries(plan.files)) writeFileSync(`${PUBLIC_DIR}/${name}`, text);
    writeFileSync(MANIFEST, plan.manifest);
    writeFileSync(INLINE_MODULE, plan.inline);
    console.log(`wrote ${Object.keys(plan.files).join(", ")}, src/wire/assets.ts and src/wire/inline-assets.ts`);
  }
}
