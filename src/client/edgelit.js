/*
 * edgelit.js: Edgelit's htmx 4 extension, registered as "edgelit". Loaded after htmx, when the
 * page is first used (boot.js, which also writes the tab's address into the address bar).
 * The page works without it (and without any script); it makes six things right (a slider's
 * live <output> is boot.js's, as it needs no htmx):
 *
 * 1. Values the server changed show. htmx's morph sets an input's .value only when it is not
 *    focused and never syncs `checked`/`selected`. When the server's attribute changed between
 *    the old and the new node, the property follows, focused or not; when it did not change, the
 *    property is left alone, so pending edits in a form survive reruns caused by other widgets,
 *    and focus and caret stay in the input being typed in. A focused control whose new value is
 *    what this very event posted keeps what the user typed since. A value the server wrote into
 *    the focused field is not an edit: the change event its blur would fire is swallowed.
 * 2. Queued events carry the render sequence current when they leave, not when they were queued
 *    (hx-sync queues them; the server answers a stale sequence with a full refresh).
 * 3. Notices: an event clears the last one; a request that fails to reach the server shows one.
 * 4. Focus stays where the user was. Morphing keeps a control that survives; when the focused
 *    element is gone after a swap (a button the rerun no longer draws), focus moves to an element
 *    with its id if one was drawn anew, else to its nearest surviving ancestor with an id (made
 *    focusable with tabindex=-1), so keyboard and screen-reader users keep their place.
 * 5. Enter in a text field fires change and then submit; a widget form listens to both, so a
 *    submit right after its own change is dropped: one edit, one event. "Right after" is "with no
 *    key or pointer press between", not "in the same task": Chromium may let other tasks (a timer,
 *    the change's own request) run between the two, and more so on a busy device.
 * 6. st.dialog: a <dialog open> that arrives shows modally, once (src/elements/layout/dialog.ts).
 *
 * Names mirror src/wire/index.ts: #el-seq (DOM.seq), _seq (FIELD.seq), #el-notice (PAGE_DOM.notice).
 */
(() => {
  if (typeof htmx !== "object") return; // htmx did not load: boot.js falls back to plain posts
  const SEQ_ID = "el-seq";
  const SEQ_FIELD = "_seq";
  const NOTICE_ID = "el-notice";
  let posted = null; // the body of the event whose response is being swapped
  const serverWrote = new WeakMap(); // focused field -> the value the server put there
  let focusTrail = null; // ids of the focused element and its ancestors, before the swap

  function trailOf(node) {
    const ids = [];
    for (let n = node; n && n !== document.body; n = n.parentElement) if (n.id) ids.push(n.id);
    return ids;
  }

  function restoreFocus(trail) {
    const now = document.activeElement;
    if (!trail || (now && now !== document.body)) return;
    for (const id of trail) {
      const place = document.getElementById(id);
      if (!place) continue;
      if (place.tabIndex < 0 && id !== trail[0]) place.setAttribute("tabindex", "-1");
      place.focus({ preventScroll: true });
      if (document.activeElement === place) return;
    }
  }

  function postedValue(node, value) {
    return posted !== null && node.name !== "" && posted.getAll(node.name).includes(value);
  }

  function syncInput(oldNode, newNode) {
    if (oldNode.type === "checkbox" || oldNode.type === "radio") {
      const now = newNode.hasAttribute("checked");
      if (oldNode.hasAttribute("checked") !== now) oldNode.checked = now;
    } else if (oldNode.type !== "file") {
      const now = newNode.getAttribute("value") ?? "";
      if ((oldNode.getAttribute("value") ?? "") === now) return;
      if (document.activeElement === oldNode && postedValue(oldNode, now)) return;
      writeValue(oldNode, now);
    }
  }

  function writeValue(node, value) {
    node.value = value;
    if (document.activeElement === node) serverWrote.set(node, value);
  }

  // Browsers fire change on blur when the value differs from the one at the last change, even if
  // script set it; without this, a rewrite by the server would be posted back as a second event.
  document.addEventListener(
    "change",
    (event) => {
      const field = event.target;
      if (serverWrote.has(field) && serverWrote.get(field) === field.value) event.stopImmediatePropagation();
      serverWrote.delete(field);
    },
    true,
  );

  let justChanged = null; // the widget form changed last, until the next key or pointer press
  document.addEventListener(
    "change",
    (event) => {
      const form = event.target.form;
      justChanged = form?.classList.contains("el-wform") ? form : null;
    },
    true,
  );
  for (const type of ["keydown", "pointerdown"]) document.addEventListener(type, () => (justChanged = null), true);
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target !== justChanged) return;
      justChanged = null;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );

  function syncProperties(oldNode, newNode) {
    if (oldNode.tagName !== newNode.tagName) return;
    if (oldNode instanceof HTMLInputElement) {
      syncInput(oldNode, newNode);
    } else if (oldNode instanceof HTMLTextAreaElement) {
      const now = newNode.textContent;
      if (oldNode.defaultValue === now) return;
      if (document.activeElement === oldNode && postedValue(oldNode, now)) return;
      writeValue(oldNode, now);
    } else if (oldNode instanceof HTMLOptionElement) {
      const now = newNode.hasAttribute("selected");
      if (oldNode.hasAttribute("selected") !== now) oldNode.selected = now;
    }
  }

  function showNotice(text) {
    const notice = document.getElementById(NOTICE_ID);
    if (!notice) return;
    const p = document.createElement("p");
    p.className = "el-alert el-error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    notice.replaceChildren(p);
  }

  const shown = new WeakSet();
  const showDialogs = () => {
    for (const d of document.querySelectorAll("dialog.el-dialog[open]:not(:modal)")) {
      d.removeAttribute("open");
      if (!shown.has(d)) shown.add(d), d.showModal();
    }
  };
  showDialogs();

  htmx.registerExtension("edgelit", {
    htmx_before_request: (elt, detail) => {
      const seq = document.getElementById(SEQ_ID);
      const body = detail.ctx.request.body;
      if (seq && body && typeof body.set === "function") body.set(SEQ_FIELD, seq.value);
      document.getElementById(NOTICE_ID)?.replaceChildren();
    },
    htmx_before_swap: (elt, detail) => {
      const body = detail.ctx.request?.body;
      posted = body && typeof body.getAll === "function" ? body : null;
      const focused = document.activeElement;
      focusTrail = focused && focused !== document.body ? trailOf(focused) : null;
    },
    htmx_finally_swap: () => {
      posted = null;
      restoreFocus(focusTrail);
      focusTrail = null;
      showDialogs();
    },
    htmx_before_morph_node: (elt, detail) => {
      if (detail.oldNode instanceof Element) syncProperties(detail.oldNode, detail.newNode);
    },
    htmx_error: (elt, detail) => {
      if (detail.ctx?.response) return; // the server answered; its notice (if any) is shown
      showNotice("The server could not be reached, so your last action was not applied. Check the connection and try again.");
    },
  });
})();
