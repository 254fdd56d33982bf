import type { SaxesTagNS } from 'saxes';

/**
 * Writes one element subtree (a harvested `gmd:MD_Metadata`) from the reader's events as Canonical
 * XML 1.0 without comments (https://www.w3.org/TR/xml-c14n): the record as the source wrote it,
 * independent of how it was serialised (quotes, empty-element tags, attribute order, CDATA,
 * entities), and a standalone document: the apex element declares every namespace in scope,
 * including those declared on the response elements around it. Comments and processing
 * instructions are left out (the reader does not report them to the record).
 *
 * One deviation, for the catalogues that use a well-known prefix without declaring it (the reader
 * resolves it, with a warning): such a prefix is declared where it is first used, so the output is
 * always namespace-well-formed.
 *
 * Alongside, the writer keeps the record's namespace-neutral form ({@link neutral}): the same
 * content with every name written by its namespace, not its prefix, and no declarations. Two
 * spellings of one record (another prefix, a default namespace, other declarations on the
 * response around it) have different canonical documents but the same neutral form — what a
 * harvester compares to tell a changed record from a respelled one.
 */
export class CanonicalWriter {
  // Appending to one string (a rope, flattened once by the caller) beats collecting parts.
  private out = '';
  /** The namespace bindings in force in the output: prefix ('' = default) → URI. */
  private readonly bound = new Map<string, string>();
  /** Per open element: the bindings it changed, with their previous values, to undo on close. */
  private readonly undo: [string, string | undefined][][] = [];
  /** The neutral form: names as `n:local`, n the namespace's number in order of first use. */
  private neutralOut = '';
  private readonly uriNumbers = new Map<string, number>();

  /** `inherited`: the declarations of the apex element's ancestors, outermost first. */
  constructor(private readonly inherited: Record<string, string>[] = []) {}

  /** Characters written so far. */
  get length(): number {
    return this.out.length;
  }

  open(tag: SaxesTagNS): void {
    // Most elements of a record declare nothing, have no attributes and a bound prefix.
    if (
      this.undo.length > 0 &&
      isEmpty(tag.ns) &&
      isEmpty(tag.attributes) &&
      this.bound.get(tag.prefix) === tag.uri
    ) {
      this.write(`<${tag.name}>`);
      this.neutralOut += `<${this.neutralName(tag.uri, tag.local)}>`;
      this.undo.push(NOTHING);
      return;
    }
    this.openFull(tag);
  }

  private openFull(tag: SaxesTagNS): void {
    const declare = new Map<string, string>();
    if (this.undo.length === 0) {
      for (const ns of this.inherited) for (const p in ns) declare.set(p, ns[p]);
    }
    for (const p in tag.ns) declare.set(p, tag.ns[p]);
    const changed: [string, string | undefined][] = [];
    const decls: [string, string][] = [];
    const bind = (prefix: string, uri: string) => {
      const before = this.bound.get(prefix);
      if (before === uri || (before === undefined && prefix === '' && uri === '')) return;
      changed.push([prefix, before]);
      this.bound.set(prefix, uri);
      decls.push([prefix, uri]);
    };
    for (const [prefix, uri] of declare) bind(prefix, uri);
    // A prefix the source used without declaring it (resolved by the reader): declare it here.
    if (tag.prefix !== '' && this.bound.get(tag.prefix) !== tag.uri) bind(tag.prefix, tag.uri);
    const attributes: { uri: string; local: string; name: string; value: string }[] = [];
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      if (a.prefix !== '' && a.prefix !== 'xml' && this.bound.get(a.prefix) !== a.uri)
        bind(a.prefix, a.uri);
      attributes.push(a);
    }
    decls.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    attributes.sort((a, b) =>
      a.uri !== b.uri
        ? a.uri < b.uri
          ? -1
          : 1
        : a.local < b.local
          ? -1
          : a.local > b.local
            ? 1
            : 0,
    );
    let out = `<${tag.name}`;
    for (const [prefix, uri] of decls)
      out += `${prefix === '' ? ' xmlns' : ` xmlns:${prefix}`}="${escapeAttribute(uri)}"`;
    for (const a of attributes) out += ` ${a.name}="${escapeAttribute(a.value)}"`;
    out += '>';
    this.write(out);
    let neutral = `<${this.neutralName(tag.uri, tag.local)}`;
    for (const a of attributes) {
      // xsi:type names a type by a QName: its prefix is spelling too.
      const value = a.uri === XSI && a.local === 'type' ? this.neutralQName(a.value) : a.value;
      neutral += ` ${this.neutralName(a.uri, a.local)}="${escapeAttribute(value)}"`;
    }
    this.neutralOut += `${neutral}>`;
    this.undo.push(changed);
  }

  close(tag: SaxesTagNS): void {
    this.write(`</${tag.name}>`);
    this.neutralOut += `</${this.neutralName(tag.uri, tag.local)}>`;
    const changed = this.undo.pop() ?? [];
    for (const [prefix, before] of changed) {
      if (before === undefined) this.bound.delete(prefix);
      else this.bound.set(prefix, before);
    }
  }

  text(text: string): void {
    const escaped = escapeText(text);
    this.write(escaped);
    this.neutralOut += escaped;
  }

  /** The canonical form of the subtree (call after the apex element's close). */
  result(): string {
    return this.out;
  }

  /**
   * The namespace-neutral form of the subtree (call after the apex element's close): equal for
   * two documents that differ only in prefixes and namespace declarations. For comparing, not
   * for serving (it is not XML).
   */
  neutral(): string {
    // The numbers stand for their namespaces: the table of them is part of the content.
    return `${[...this.uriNumbers.keys()].join(' ')}\n${this.neutralOut}`;
  }

  private neutralName(uri: string, local: string): string {
    if (uri === '') return local;
    let n = this.uriNumbers.get(uri);
    if (n === undefined) {
      n = this.uriNumbers.size;
      this.uriNumbers.set(uri, n);
    }
    return `${n}:${local}`;
  }

  /** A QName attribute value by its namespace, when its prefix is bound. */
  private neutralQName(value: string): string {
    const colon = value.indexOf(':');
    const prefix = colon < 0 ? '' : value.slice(0, colon);
    const uri = this.bound.get(prefix);
    return uri === undefined ? value : this.neutralName(uri, value.slice(colon + 1));
  }

  private write(s: string): void {
    this.out += s;
  }
}

const NOTHING: [string, string | undefined][] = [];
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
};
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

function escapeText(s: string): string {
  return /[&<>\r]/.test(s) ? s.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]) : s;
}

function escapeAttribute(s: string): string {
  return /[&<"\t\n\r]/.test(s) ? s.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]) : s;
}
