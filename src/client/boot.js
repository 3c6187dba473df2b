/*
 * boot.js: the module that starts a page's scripting, loaded by the page's first use rather than
 * with the page, so that no script runs while a page loads: the content is painted before any
 * script (issue 7), and a page that is only read runs none. Pages work without any script; htmx
 * and the extension (edgelit.js) only speed up events.
 *
 * The page's <body> carries one short handler text (the `handler` of src/wire/inline-assets.ts,
 * allowed by its hash under the CSP) on the events of a first use: a pointer moved or pressed, a
 * touch, a wheel, a key, an input, a change, a submit; and on load only when the page needs
 * scripting at once (a fragment that polls, a dialog). The handler queues the event and imports
 * this module (the page prefetched it); an htmx form's submit it holds at once (the module has not
 * loaded yet), and should the module fail to load, it sends that form as a plain post.
 *
 * 0. Once loaded, it removes the body's handlers: its own listeners take over. The events the
 *    handlers queued start the load of htmx (below); a submit or change among them is held like
 *    those that come while htmx loads, in order.
 * 1. The address bar gets the tab's address (with its token) once the page has loaded: written
 *    during the load it cost ~10 ms of the main thread, after it ~3. Skipped if the address moved
 *    meanwhile (an answer's HX-Push-Url).
 * 2. htmx loads as soon as this module runs: the module only runs because of a first use, or of
 *    the load of a page that needs htmx at once (the page's handlers decide which: page.ts).
 * 3. A slider's <output> follows its thumbs while they move (in a form nothing is sent until
 *    submit), for sliders whose shown text is the bare number; formatted ones wait for the server.
 *    Here rather than in the extension: a thumb moved before htmx has loaded shows its value too.
 * 4. Until htmx and the extension have both started, an htmx form's submit is held (not posted as
 *    a plain form, not seen by htmx) and so is a change in a form that posts on change; both are
 *    handed to htmx, in order, once they have.
 *    If htmx cannot load (an error, or 10 s), the held forms go as plain posts, in order, the
 *    last as the page's own (what a page without scripting does), so none is lost.
 *
 * `__EDGELIT_SCRIPTS__` is replaced by the build (scripts/build-client.mjs) with the served URLs
 * of htmx and of the extension, in that order; `__EDGELIT_HANDLED__` with the body's handler
 * attributes, and `__EDGELIT_QUEUE__` with the global they queue their events in.
 */
const SCRIPTS = __EDGELIT_SCRIPTS__;
const LOAD_TIMEOUT_MS = 10000;

for (const name of __EDGELIT_HANDLED__) document.body.removeAttribute(name);
const url = document.body.dataset.elUrl; // the page's address with its tab token (PAGE_URL_ATTR)
const address = location.pathname + location.search;
if (url && url !== address) {
  const write = () => location.pathname + location.search === address && history.replaceState(history.state, "", url + location.hash);
  if (document.readyState === "complete") write();
  else addEventListener("load", () => setTimeout(write), { once: true });
}

// The server's text equals the value attribute for a plain slider; data-el-live marks one this
// script already updated (a morph from the server removes the mark with the stale text).
const plainSlider = (thumb) => thumb.dataset.elLive === "1" || thumb.getAttribute("aria-valuetext") === thumb.getAttribute("value");

/** Shows the value a moved slider is on (an input event's). */
function follow(event) {
  const moved = event.target;
  if (!(moved instanceof HTMLInputElement) || moved.type !== "range") return;
  const group = moved.parentElement;
  const output = group?.querySelector(":scope > output.el-slider-value");
  const thumbs = [...group.querySelectorAll(":scope > input[type=range]")];
  if (!output || !thumbs.every(plainSlider)) return;
  for (const thumb of thumbs) {
    thumb.dataset.elLive = "1";
    thumb.setAttribute("aria-valuetext", thumb.value);
  }
  output.textContent = thumbs.map((thumb) => Number(thumb.value)).sort((a, b) => a - b).join(" – ");
}
document.addEventListener("input", follow);

let state = "idle"; // then "loading", and "ready" or "failed"
const held = []; // { form, submitter } for a submit, { form, field } for a change
const holding = () => state === "idle" || state === "loading";
const submitterOf = ({ form, submitter }) => (submitter?.form === form ? submitter : null);

const posts = (form) => form instanceof HTMLFormElement && form.hasAttribute("hx-post");
const postsOnChange = (form) => posts(form) && /\bchange\b/.test(form.getAttribute("hx-trigger") ?? "");

/** A submit of an htmx form, held while htmx loads. */
function holdSubmit(event) {
  if (!holding() || !posts(event.target)) return;
  // Held whole: htmx may have started on the form before the extension has loaded (and an
  // event it sent now would miss the extension: the sequence, the Enter de-duplication).
  event.preventDefault();
  event.stopImmediatePropagation();
  held.push({ form: event.target, submitter: event.submitter });
  load();
}
/** A change in a form that posts on change, held while htmx loads. */
function holdChange(event) {
  const form = event.target.form;
  if (!holding() || !postsOnChange(form)) return;
  event.stopImmediatePropagation();
  held.push({ form, field: event.target });
  load();
}
addEventListener("submit", holdSubmit, true);
addEventListener("change", holdChange, true);

function load() {
  if (state !== "idle") return;
  state = "loading";
  const timer = setTimeout(fail, LOAD_TIMEOUT_MS);
  let pending = SCRIPTS.length;
  for (const src of SCRIPTS) {
    const script = document.createElement("script");
    script.src = src;
    script.async = false; // run in order: htmx, then the extension
    script.onload = () => {
      if (--pending > 0) return;
      clearTimeout(timer);
      setTimeout(ready); // after htmx's own start-up task, which it queued as it ran
    };
    script.onerror = () => {
      clearTimeout(timer);
      fail();
    };
    document.head.append(script);
  }
}

function ready() {
  if (state !== "loading") return;
  state = "ready";
  for (const action of held.splice(0)) {
    if (!action.form.isConnected) continue;
    htmx.process(action.form); // a no-op once htmx's start-up pass has reached it
    if (action.field) action.field.dispatchEvent(new Event("change", { bubbles: true }));
    else action.form.requestSubmit(submitterOf(action));
  }
}

// The held forms, as plain posts: all but the last in the background, in order, then the last
// as the page's own post, whose redirect shows the outcome of all of them.
async function fail() {
  if (state !== "loading") return;
  state = "failed";
  const pending = held.splice(0).filter(({ form }) => form.isConnected);
  const last = pending.pop();
  for (const action of pending) {
    const body = new URLSearchParams(new FormData(action.form, submitterOf(action)));
    await fetch(action.form.action, { method: "POST", body }).catch(() => undefined);
  }
  last?.form.requestSubmit(submitterOf(last));
}

/**
 * The events the body's handlers queued before this module ran, in order, taken as this module's
 * own listeners take them (a submit's plain post the handler already stopped). The handler that
 * imported this module queued one, so htmx always starts loading here.
 */
const LISTENERS = { submit: holdSubmit, change: holdChange, input: follow };
for (const event of self.__EDGELIT_QUEUE__?.splice(0) ?? []) {
  LISTENERS[event.type]?.(event);
  load();
}
