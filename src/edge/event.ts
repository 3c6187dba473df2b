/**
 * An event post → a WidgetEvent. Checks what can be checked before the body is trusted (method is
 * the router's; here the content type, the size and the origin), then decodes the wire fields:
 * `_w` names each widget the post carries, and a widget's value is every value posted under its id
 * (none → undefined, one → string, several → string[]); `_t` is the pressed trigger; `_f` the form.
 */
import type { WidgetEvent } from "../runtime/state";
import type { RawValue } from "../elements/types";
import { EVENT_CONTENT_TYPES, FIELD, MAX_BODY_BYTES } from "../wire";

/** A request the edge refuses, with the status and a message that says what to do. */
export class Rejection {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 409 | 413 | 415 | 500,
    readonly message: string,
  ) {}
}

/** A present Origin header must be this server's (browsers send it on every POST); `url` is the request's, parsed. */
export function checkOrigin(request: Request, url: URL): Rejection | null {
  const origin = request.headers.get("Origin");
  if (origin === null || origin === url.origin) return null;
  return new Rejection(403, `This event came from another site (${origin}), so it was refused. Use the app from its own page.`);
}

/** The posted fields of an event: FormData for multipart bodies, URLSearchParams for the rest. */
export interface PostedForm {
  getAll(name: string): (string | File)[];
}

/** Reads a form body of at most MAX_BODY_BYTES in one of the accepted content types. */
export async function readForm(request: Request): Promise<PostedForm | Rejection> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (!(EVENT_CONTENT_TYPES as readonly string[]).includes(type)) {
    return new Rejection(415, `Events are posted as ${EVENT_CONTENT_TYPES.join(" or ")}, not "${type || "no content type"}".`);
  }
  const bytes = await readLimited(request);
  if (!bytes) return new Rejection(413, `This event is larger than ${MAX_BODY_BYTES / 1024} KiB, so it was refused.`);
  const text = checkEncoding(bytes, type);
  if (text instanceof Rejection) return text;
  // The same WHATWG urlencoded parser as Response.formData(), at a third of the CPU per event.
  if (type === "application/x-www-form-urlencoded") return new URLSearchParams(text);
  try {
    return await new Response(bytes, { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData();
  } catch {
    return new Rejection(400, "This event's form data could not be read (malformed body).");
  }
}

/** One strict decoder for every event: a whole decode (no `stream`) leaves it as new. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Pages are UTF-8, so browsers post UTF-8. The form parsers are lenient (a stray `%` stays, bad
 * bytes become U+FFFD), which would let a broken body through as a different, valid-looking value.
 * Returns the body as text once it passes.
 */
function checkEncoding(bytes: Uint8Array, type: string): string | Rejection {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return new Rejection(400, "This event's body is not valid UTF-8, so it was refused. Post the form from the app's page.");
  }
  if (type !== "application/x-www-form-urlencoded" || !text.includes("%")) return text; // nothing to decode
  for (const part of text.split("&")) {
    try {
      decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      const shown = part.length > 40 ? `${part.slice(0, 40)}…` : part;
      return new Rejection(400, `This event's form field "${shown}" has invalid percent-encoding or encodes invalid UTF-8, so it was refused.`);
    }
  }
  return text;
}

/** The body, or null once it passes the limit (Content-Length may be absent or wrong). */
async function readLimited(request: Request): Promise<Uint8Array | null> {
  const header = request.headers.get("Content-Length");
  const declared = Number(header);
  if (declared > MAX_BODY_BYTES) return null;
  if (header !== null && /^[0-9]+$/.test(header)) {
    // HTTP frames the body by its declared length: one read, checked again in case it lied.
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > MAX_BODY_BYTES ? null : bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export interface DecodedEvent {
  event: WidgetEvent;
  /** The render sequence the client holds; null for plain (non-htmx) posts that carry none. */
  seq: number | null;
}

/**
 * Widget and form ids are short words (`computeWidgetId` makes `w` + base 36). Anything else, and
 * above all a name that Object.prototype already has (`__proto__`, `toString`), is refused here,
 * before it can index a plain object in the engine.
 */
function isWellFormedId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) && !(id in Object.prototype);
}

export function decodeEvent(form: PostedForm): DecodedEvent | Rejection {
  const values: Record<string, RawValue> = {};
  for (const id of form.getAll(FIELD.widget)) {
    if (typeof id !== "string" || id === "") return new Rejection(400, `Each "${FIELD.widget}" field must name a widget.`);
    if (!isWellFormedId(id)) return new Rejection(400, `"${id.slice(0, 64)}" is not a widget id, so this event was refused. Reload the page.`);
    if (Object.hasOwn(values, id)) return new Rejection(400, `Widget "${id}" is named twice in this event; each "${FIELD.widget}" must be posted once.`);
    const posted = form.getAll(id);
    if (posted.some((value) => typeof value !== "string")) {
      return new Rejection(400, `Widget "${id}" was posted as a file; file uploads are not supported here.`);
    }
    const strings = posted as string[];
    values[id] = strings.length === 0 ? undefined : strings.length === 1 ? strings[0] : strings;
  }
  const event: WidgetEvent = { values };
  const trigger = single(form, FIELD.trigger);
  const formId = single(form, FIELD.form);
  if (trigger instanceof Rejection) return trigger;
  if (formId instanceof Rejection) return formId;
  for (const [name, id] of [[FIELD.trigger, trigger], [FIELD.form, formId]] as const) {
    if (id !== undefined && !isWellFormedId(id)) return new Rejection(400, `"${name}" names no widget or form ("${id.slice(0, 64)}"), so this event was refused. Reload the page.`);
  }
  if (trigger !== undefined) event.trigger = trigger;
  if (formId !== undefined) event.form = formId;
  const fragment = decodeFragment(form, event);
  if (fragment instanceof Rejection) return fragment;
  if (Object.keys(values).length === 0 && trigger === undefined && fragment === undefined) {
    return new Rejection(400, `This event names no widget (no "${FIELD.widget}" or "${FIELD.trigger}" field), so there is nothing to apply.`);
  }
  const seqText = single(form, FIELD.seq);
  if (seqText instanceof Rejection) return seqText;
  const seq = seqText === undefined ? null : Number(seqText);
  if (seqText !== undefined && (!/^[0-9]{1,15}$/.test(seqText) || !Number.isSafeInteger(seq))) {
    return new Rejection(400, `"${FIELD.seq}" must be a whole number such as 3, not "${seqText.slice(0, 20)}".`);
  }
  return { event, seq };
}

/** `_fg`: a fragment's runEvery timer (R122), which carries nothing else. */
function decodeFragment(form: PostedForm, event: WidgetEvent): string | undefined | Rejection {
  const id = single(form, FIELD.fragment);
  if (id === undefined || id instanceof Rejection) return id;
  if (!isWellFormedId(id)) return new Rejection(400, `"${FIELD.fragment}" names no fragment ("${id.slice(0, 64)}"), so this event was refused. Reload the page.`);
  if (Object.keys(event.values).length > 0 || event.trigger !== undefined || event.form !== undefined) {
    return new Rejection(400, `A fragment rerun ("${FIELD.fragment}") carries no widget values, so this event was refused. Reload the page.`);
  }
  event.fragment = id;
  return id;
}

function single(form: PostedForm, name: string): string | undefined | Rejection {
  const all = form.getAll(name);
  if (all.length === 0) return undefined;
  if (all.length > 1 || typeof all[0] !== "string") return new Rejection(400, `"${name}" must be posted once, as text.`);
  return all[0];
}
