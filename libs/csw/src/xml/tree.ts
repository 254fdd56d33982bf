import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';

/**
 * A minimal element tree, built for one bounded subtree only (one metadata record, or a small
 * capabilities document) — never for a whole GetRecords page.
 */
export interface XNode {
  uri: string;
  local: string;
  attrs: Record<string, SaxesAttributeNS>;
  children: XNode[];
  /** Character data before the first child element (the value of a leaf element). */
  text: string;
}

export function nodeOf(tag: SaxesTagNS): XNode {
  return {
    uri: tag.uri,
    local: tag.local,
    attrs: tag.attributes as Record<string, SaxesAttributeNS>,
    children: [],
    text: '',
  };
}

/**
 * Decides whether the content of a new element is kept; `depth` is the element's depth below the
 * root (its children are at 1). An element whose content is not kept stays in the tree by name only.
 */
export type KeepContent = (node: XNode, depth: number) => boolean;

const keepAll: KeepContent = () => true;

/** Builds an {@link XNode} tree from open/close/text events; the caller decides where it starts. */
export class TreeBuilder {
  readonly root: XNode;
  private readonly stack: XNode[];
  /** Open elements inside one whose content is not kept, itself included (0 when keeping). */
  private skipped = 0;

  constructor(
    rootTag: SaxesTagNS,
    private readonly keepContent: KeepContent = keepAll,
  ) {
    this.root = nodeOf(rootTag);
    this.stack = [this.root];
  }

  open(tag: SaxesTagNS): void {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const node = nodeOf(tag);
    this.stack[this.stack.length - 1].children.push(node);
    if (this.keepContent(node, this.stack.length)) this.stack.push(node);
    else this.skipped = 1;
  }

  close(): void {
    if (this.skipped > 0) this.skipped--;
    else this.stack.pop();
  }

  text(text: string): void {
    if (this.skipped > 0) return;
    const current = this.stack[this.stack.length - 1];
    if (current !== undefined && current.children.length === 0) current.text += text;
  }
}

/** Attribute value by namespace URI and local name ('' for unprefixed attributes). */
export function attr(node: XNode, uri: string, local: string): string | undefined {
  for (const key in node.attrs) {
    const a = node.attrs[key];
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

export function child(node: XNode | undefined, uri: string, local: string): XNode | undefined {
  if (node === undefined) return undefined;
  for (const c of node.children) if (c.local === local && c.uri === uri) return c;
  return undefined;
}

export function children(node: XNode | undefined, uri: string, local: string): XNode[] {
  if (node === undefined) return [];
  const out: XNode[] = [];
  for (const c of node.children) if (c.local === local && c.uri === uri) out.push(c);
  return out;
}

/** The first element child, whatever its name (the object inside an ISO property element). */
export function firstChild(node: XNode | undefined): XNode | undefined {
  return node?.children[0];
}

/** All nodes reached by following `steps` (uri, local) pairs from `node`'s children downwards. */
export function path(node: XNode | undefined, ...steps: [string, string][]): XNode[] {
  let current: XNode[] = node ? [node] : [];
  for (const [uri, local] of steps) {
    const next: XNode[] = [];
    for (const n of current)
      for (const c of n.children) if (c.local === local && c.uri === uri) next.push(c);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** Depth-first search for descendants with the given name (not below a match). */
export function descendants(node: XNode | undefined, uri: string, local: string): XNode[] {
  const out: XNode[] = [];
  const visit = (n: XNode): void => {
    for (const c of n.children) {
      if (c.local === local && c.uri === uri) out.push(c);
      else visit(c);
    }
  };
  if (node) visit(node);
  return out;
}
