/**
 * What changed between the render a client holds and the next one, LiveView-style: the diff holds
 * no state; it takes the previous fingerprints and returns the changed nodes plus the next
 * fingerprints, which the session stores beside its state (so the diff survives eviction).
 *
 * A node whose HTML hash is unchanged is skipped. A block (or root) is re-sent whole when its own
 * markup around the children (its "shell") changed or its child id list changed; otherwise the
 * diff recurses into its children. Ids are delta paths, so an insertion shifts the following ids
 * and re-sends the enclosing block whole, which is what morphing wants anyway.
 */
import { hashString } from "../runtime/identity";

/** A node as rendered: its DOM id, its outer HTML and, for blocks and roots, its children. */
export interface RenderedNode {
  id: string;
  html: string;
  /** `hashString(html)`, when the renderer already has it (a memoised element). */
  hash?: string;
  /** Blocks: the markup around the children, a NUL in each child's place (as `shellOf` finds it). */
  shell?: string;
  children?: RenderedNode[];
}

/** What is remembered of one rendered node. */
export interface NodePrint {
  hash: string;
  /** Blocks: hash of the markup around the children. */
  shell?: string;
  /** Blocks: the children's DOM ids, in order. */
  children?: string[];
}

/** DOM id → fingerprint of that node's rendered HTML, for every node of the last render. */
export type Fingerprints = Map<string, NodePrint>;

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
  for (const root of roots) collectChanges(previous, fingerprints, root, changed);
  return { changed, fingerprints };
}

export function fingerprintTrees(roots: RenderedNode[]): Fingerprints {
  const prints: Fingerprints = new Map();
  const visit = (node: RenderedNode): NodePrint => {
    const print = node.children ? blockPrint(node, node.children.map(visit)) : { hash: node.hash ?? hashString(node.html) };
    prints.set(node.id, print);
    return print;
  };
  roots.forEach(visit);
  return prints;
}

function collectChanges(previous: Fingerprints, next: Fingerprints, node: RenderedNode, out: RenderedNode[]): void {
  const before = previous.get(node.id);
  const now = next.get(node.id)!;
  if (before && before.hash === now.hash) return;
  if (!before || !node.children || !before.children || before.shell !== now.shell || !sameIds(before.children, now.children!)) {
    out.push(node);
    return;
  }
  for (const child of node.children) collectChanges(previous, next, child, out);
}

/**
 * A block's hash covers its shell and its children's hashes, which together determine its HTML
 * (when a child is not found verbatim the shell is the whole HTML): the block's own markup, often
 * the whole page, is then hashed once, as its shell, instead of twice.
 */
function blockPrint(node: RenderedNode, children: NodePrint[]): NodePrint {
  const shell = hashString(node.shell ?? shellOf(node));
  return { hash: hashString(shell + "\u0000" + children.map((c) => c.hash).join(",")), shell, children: node.children!.map((c) => c.id) };
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

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
