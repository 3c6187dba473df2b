/**
 * What changed between the render a client holds and the next one, LiveView-style: the diff holds
 * no state; it takes the previous fingerprints and returns the changed nodes plus the next
 * fingerprints, which the session stores beside its state (so the diff survives eviction).
 *
 * A leaf whose HTML hash is unchanged is skipped. A block (or root) is re-sent whole when its own
 * markup around the children (its "shell") changed or its child id list changed; otherwise the
 * diff recurses into its children. Ids are delta paths, so an insertion shifts the following ids
 * and re-sends the enclosing block whole, which is what morphing wants anyway.
 */
import { hashString } from "../runtime/identity";

/** A node as rendered: its DOM id, its outer HTML and, for blocks and roots, its children. */
export interface RenderedNode {
  id: string;
  html: string;
  /**
   * `hashString(html)`, when the renderer already has it (a memoised element). A leaf that has it
   * is its own fingerprint (memo.ts keeps one object per element for both).
   */
  hash?: string;
  /** Blocks: the markup around the children, a NUL in each child's place (as `shellOf` finds it). */
  shell?: string;
  children?: RenderedNode[];
}

/** What is remembered of one rendered node; a block's holds its children's, in order. */
export interface NodePrint {
  id: string;
  /** Leaves: hash of the HTML. Blocks: the shell's (what the children hold is compared child by child). */
  hash: string;
  /** Blocks: hash of the markup around the children. */
  shell?: string;
  /** Blocks: the children's prints, in order. */
  children?: NodePrint[];
}

/**
 * The fingerprints of the last render: one tree per root, shaped like the rendered tree. The diff
 * walks it beside the next render, matching children by position, rather than looking every node
 * up by id: a map of a page's ids, built anew for each event, cost a cache miss per node, which
 * made a 10,000-element event cost 6x per element what a 1,000-element one did (issue 7).
 */
export type Fingerprints = NodePrint[];

export interface Diff {
  /** Nodes to send whole, none inside another. */
  changed: RenderedNode[];
  fingerprints: Fingerprints;
}

/**
 * Compares the next render with the fingerprints of the render the client holds. Without
 * previous fingerprints (a client whose page is unknown) every root is sent whole.
 */
export function diffTrees(previous: Fingerprints | null, roots: RenderedNode[]): Diff {
  const fingerprints = fingerprintTrees(roots);
  if (!previous) return { changed: [...roots], fingerprints };
  const changed: RenderedNode[] = [];
  roots.forEach((root, i) => collectChanges(previous.find((print) => print.id === root.id), fingerprints[i], root, changed));
  return { changed, fingerprints };
}

export function fingerprintTrees(roots: RenderedNode[]): Fingerprints {
  return roots.map(fingerprint);
}

/** Whether a stored value is fingerprints as this code writes them (older ones were a Map). */
export function isFingerprints(value: unknown): value is Fingerprints {
  return Array.isArray(value);
}

function fingerprint(node: RenderedNode): NodePrint {
  if (!node.children) return isOwnPrint(node) ? node : { id: node.id, hash: hashString(node.html) };
  return blockPrint(node, childPrints(node.children));
}

const isOwnPrint = (node: RenderedNode): node is RenderedNode & NodePrint => node.hash !== undefined && !node.children;

/**
 * The children's prints. When every child is its own print (a block of memoised elements, the
 * common case) that is the rendered children's array itself, which neither side changes once made:
 * a copy per block per event stayed alive until the session's next event (issue 7).
 */
function childPrints(children: RenderedNode[]): NodePrint[] {
  let prints: NodePrint[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const print = fingerprint(child);
    if (!prints && print !== child) prints = children.slice(0, i) as NodePrint[]; // those before were their own
    prints?.push(print);
  }
  return prints ?? (children as NodePrint[]);
}

/** `before` and `now` print the same place: the root with `node`'s id, or a child at its position. */
function collectChanges(before: NodePrint | undefined, now: NodePrint, node: RenderedNode, out: RenderedNode[]): void {
  if (before === now) return;
  if (!node.children) {
    if (!before || before.id !== now.id || before.hash !== now.hash || before.children) out.push(node);
    return;
  }
  if (!before || before.id !== now.id || !before.children || before.shell !== now.shell || !sameIds(before.children, now.children!)) {
    out.push(node);
    return;
  }
  const previous = before.children;
  const next = now.children!;
  for (let i = 0; i < node.children.length; i++) collectChanges(previous[i], next[i], node.children[i], out);
}

/**
 * A block is its shell and its children, which together determine its HTML (when a child is not
 * found verbatim the shell is the whole HTML), so the diff compares those and the block carries no
 * hash of its own. A hash over its children's hashes read every child's hash string each event,
 * memory spread over the whole page: a tenth of a 10,000-element event's CPU (issue 7).
 */
function blockPrint(node: RenderedNode, children: NodePrint[]): NodePrint {
  const shell = hashString(node.shell ?? shellOf(node));
  return { id: node.id, hash: shell, shell, children };
}

/**
 * The block's HTML with each child's HTML cut out. If a block transformed a child's markup (so it
 * cannot be found verbatim), the whole HTML is its shell: any change then re-sends the block.
 */
function shellOf(node: RenderedNode): string {
  let shell = "";
  let position = 0;
  for (const child of node.children!) {
    const at = node.html.indexOf(child.html, position);
    if (at < 0) return node.html;
    shell += node.html.slice(position, at) + "\u0000";
    position = at + child.html.length;
  }
  return shell + node.html.slice(position);
}

/** A kept child's print is the same object in both (memo.ts): its id is not read. */
function sameIds(a: NodePrint[], b: NodePrint[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i].id !== b[i].id) return false;
  return true;
}

/**
 * Nodes per stored piece of fingerprints: a piece stays under about 1 KB, which SQLite keeps in its
 * page rather than in overflow pages, and an event whose change is in one place rewrites one piece.
 */
export const PRINT_PIECE_NODES = 32;

/** Fingerprint pieces as written: their text, and the nodes each was made from (none when read back). */
export interface PrintPieces {
  texts: string[];
  nodes: NodePrint[][];
}

/**
 * The fingerprints as text for storage, in pieces: one line per node in document order, `id hash`
 * for a leaf and `id shell count` for a block followed by its `count` children. A piece whose nodes
 * print as `last`'s did is `last`'s text itself: an event makes the text of the pieces it changed.
 */
export function printPieces(prints: Fingerprints, last?: PrintPieces): PrintPieces {
  const all: NodePrint[] = [];
  const visit = (print: NodePrint): void => {
    all.push(print);
    if (print.children) for (const child of print.children) visit(child);
  };
  for (const root of prints) visit(root);
  const texts: string[] = [];
  const nodes: NodePrint[][] = [];
  for (let start = 0, piece = 0; start < all.length; start += PRINT_PIECE_NODES, piece++) {
    const end = Math.min(start + PRINT_PIECE_NODES, all.length);
    const before = last?.nodes[piece];
    // A piece that prints as before keeps the last event's text and nodes: nothing new stays alive.
    if (before && last.texts[piece] !== undefined && samePrints(before, all, start, end)) {
      nodes.push(before);
      texts.push(last.texts[piece]);
      continue;
    }
    const mine = all.slice(start, end);
    nodes.push(mine);
    texts.push(mine.map(printLine).join("\n"));
  }
  return { texts, nodes };
}

function printLine(print: NodePrint): string {
  return print.children ? `${print.id} ${print.shell} ${print.children.length}` : `${print.id} ${print.hash}`;
}

/** Whether `a` prints the same lines as `b[start..end)` (a kept element's print is the same object). */
function samePrints(a: NodePrint[], b: NodePrint[], start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[start + i];
    if (x === y) continue;
    if (x.id !== y.id || x.hash !== y.hash || x.shell !== y.shell || x.children?.length !== y.children?.length) return false;
  }
  return true;
}

/** The fingerprints `printPieces` wrote; null when the text is not theirs (the roots then go whole). */
export function printsFromPieces(pieces: readonly string[]): Fingerprints | null {
  if (pieces.length === 0) return [];
  const lines = pieces.join("\n").split("\n");
  let at = 0;
  const node = (): NodePrint | null => {
    const parts = lines[at++]?.split(" ");
    if (parts?.length === 2 && parts[0] && parts[1]) return { id: parts[0], hash: parts[1] };
    if (parts?.length !== 3 || !parts[0] || !parts[1] || !/^[0-9]{1,9}$/.test(parts[2])) return null;
    const children: NodePrint[] = [];
    for (let i = Number(parts[2]); i > 0; i--) {
      const child = node();
      if (!child) return null;
      children.push(child);
    }
    return { id: parts[0], hash: parts[1], shell: parts[1], children };
  };
  const roots: NodePrint[] = [];
  while (at < lines.length) {
    const root = node();
    if (!root) return null;
    roots.push(root);
  }
  return roots;
}
