/*
 * boot.js: the one script a page runs as it loads, inline at the end of the body (a module, so
 * Chromium paints the content first). Pages work without any script; htmx and the extension
 * (edgelit.js) only speed up events, so they load when the page is first used, not with it: a
 * page that is only read costs a low-end phone a few milliseconds of script instead of the 80-120
 * htmx needs to compile and start at 6x CPU (issue 7). The page prefetches both files, so a first
 * interaction usually finds them in the cache and pays only their start-up.
 *
 * 1. The address bar gets the tab's address (with its token) once the page has loaded: written
 *    during the load it cost ~10 ms of the main thread, after it ~3. Skipped if the address moved
 *    meanwhile (an answer's HX-Push-Url).
 * 2. htmx loads on the first pointer move or press, touch, wheel, key or focus, or at once when the page
 *    needs it to show itself as it is: a fragment that polls (runEvery) or a dialog.
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
 * of htmx and of the extension, in that order.
 */
(() => {
  const SCRIPTS = __EDGELIT_SCRIPTS__;
  const LOAD_TIMEOUT_MS = 10000;

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

  document.addEventListener("input", (event) => {
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
  });

  let state = "idle"; // then "loading", and "ready" or "failed"
  const held = []; // { form, submitter } for a submit, { form, field } for a change
  const holding = () => state === "idle" || state === "loading";
  const submitterOf = ({ form, submitter }) => (submitter?.form === form ? submitter : null);

  const posts = (form) => form instanceof HTMLFormElement && form.hasAttribute("hx-post");
  const postsOnChange = (form) => posts(form) && /\bchange\b/.test(form.getAttribute("hx-trigger") ?? "");

  addEventListener(
    "submit",
    (event) => {
      if (!holding() || !posts(event.target)) return;
      // Held whole: htmx may have started on the form before the extension has loaded (and an
      // event it sent now would miss the extension: the sequence, the Enter de-duplication).
      event.preventDefault();
      event.stopImmediatePropagation();
      held.push({ form: event.target, submitter: event.submitter });
      load();
    },
    true,
  );
  addEventListener(
    "change",
    (event) => {
      const form = event.target.form;
      if (!holding() || !postsOnChange(form)) return;
      event.stopImmediatePropagation();
      held.push({ form, field: event.target });
      load();
    },
    true,
  );

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

  for (const type of ["pointermove", "pointerdown", "touchstart", "wheel", "keydown", "focusin"]) addEventListener(type, load, { capture: true, passive: true, once: true });
  if (document.querySelector("[hx-trigger^='every'], dialog.el-dialog")) load();
})();
