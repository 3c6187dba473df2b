/**
 * What AppTest hands out for the nodes of a run: element views with a `value`, widget views with
 * actions, and blocks that narrow queries to their descendants.
 */
import type { BlockNode, ElementNode, TreeNode } from "../elements/types";

/** An element list: an array plus `values` and lookup by key. */
export type ElementList<T extends ElementView> = T[] & {
  readonly values: unknown[];
  byKey(key: string | number): T | undefined;
};

export interface Driver {
  /** Sets a widget's next value (held in the browser until submitted for form widgets). */
  setValue(node: ElementNode, value: unknown): void;
  click(node: ElementNode): void;
  /** The value a widget shows now, including a pending (unsubmitted) edit. */
  currentValue(node: ElementNode): unknown;
}

export class ElementView {
  constructor(
    readonly node: ElementNode,
    protected readonly driver: Driver,
  ) {}
  get type(): string {
    return this.node.type;
  }
  get props(): Record<string, unknown> {
    return this.node.props;
  }
  get key(): string | undefined {
    return this.node.widget?.key;
  }
  get label(): string | undefined {
    return this.node.props.label as string | undefined;
  }
  /** The element's content (body text, message) or, for widgets, the value they show. */
  get value(): unknown {
    if (this.node.widget) return this.driver.currentValue(this.node);
    const p = this.node.props;
    return p.body ?? p.message ?? p.value ?? p.data;
  }
}

export class WidgetView extends ElementView {
  setValue(value: unknown): this {
    this.driver.setValue(this.node, value);
    return this;
  }
  click(): this {
    this.driver.click(this.node);
    return this;
  }
  check(): this {
    return this.setValue(true);
  }
  uncheck(): this {
    return this.setValue(false);
  }
  input(text: string): this {
    return this.setValue(text);
  }
  select(option: unknown): this {
    if (this.type !== "multiselect") return this.setValue(option);
    const current = (this.value as unknown[]) ?? [];
    return this.setValue(current.includes(option) ? current : [...current, option]);
  }
  unselect(option: unknown): this {
    return this.setValue(((this.value as unknown[]) ?? []).filter((v) => v !== option));
  }
  selectIndex(index: number): this {
    return this.setValue((this.props.options as unknown[])[index]);
  }
  setRange(low: unknown, high: unknown): this {
    return this.setValue([low, high]);
  }
  increment(): this {
    return this.setValue((this.value as number) + ((this.props.step as number) ?? 1));
  }
  decrement(): this {
    return this.setValue((this.value as number) - ((this.props.step as number) ?? 1));
  }
}

export class BlockView extends ElementView {
  constructor(
    readonly block: BlockNode,
    driver: Driver,
  ) {
    super(block as unknown as ElementNode, driver);
  }
  override get value(): unknown {
    return undefined;
  }
  /** Every element below this block, in document order. */
  get descendants(): TreeNode[] {
    return flatten(this.block.children);
  }
}

export function flatten(nodes: TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const node of nodes) {
    if (!node) continue;
    out.push(node);
    if (node.kind === "block") out.push(...flatten(node.children));
  }
  return out;
}

export function makeList<T extends ElementView>(items: T[]): ElementList<T> {
  const list = items as ElementList<T>;
  Object.defineProperty(list, "values", { get: () => items.map((i) => i.value) });
  Object.defineProperty(list, "byKey", { value: (key: string | number) => items.find((i) => i.key === String(key)) });
  return list;
}
