/*
 * edgelit-0.1.0.js: Edgelit's htmx 4 extension, registered as "edgelit". Loaded after htmx.
 * The page works without it (and without any script); it makes three things right:
 *
 * 1. Values the server changed show. htmx's morph sets an input's .value only when it is not
 *    focused and never syncs `checked`/`selected`. When the server's attribute changed between
 *    the old and the new node, the property follows, focused or not; when it did not change, the
 *    property is left alone, so pending edits in a form survive reruns caused by other widgets,
 *    and focus and caret stay in the input being typed in. A focused control whose new value is
 *    what this very event posted keeps what the user typed since.
 * 2. Queued events carry the render sequence current when they leave, not when they were queued
 *    (hx-sync queues them; the server answers a stale sequence with a full refresh).
 * 3. Notices: an event clears the last one; a request that fails to reach the server shows one.
 *
 * Names mirror src/wire/index.ts: #el-seq (DOM.seq), _seq (FIELD.seq), #el-notice (PAGE_DOM.notice).
 */
(() => {
  const SEQ_ID = "el-seq";
  const SEQ_FIELD = "_seq";
  const NOTICE_ID = "el-notice";
  let posted = null; // the body of the event whose response is being swapped

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
      oldNode.value = now;
    }
  }

  function syncProperties(oldNode, newNode) {
    if (oldNode.tagName !== newNode.tagName) return;
    if (oldNode instanceof HTMLInputElement) {
      syncInput(oldNode, newNode);
    } else if (oldNode instanceof HTMLTextAreaElement) {
      const now = newNode.textContent;
      if (oldNode.defaultValue === now) return;
      if (document.activeElement === oldNode && postedValue(oldNode, now)) return;
      oldNode.value = now;
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
    },
    htmx_finally_swap: () => {
      posted = null;
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
