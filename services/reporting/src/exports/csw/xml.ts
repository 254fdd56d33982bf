/**
 * The CSW responses' XML writer: elements as values, serialised with every text and attribute
 * escaped, so no record field can break the markup. Characters XML 1.0 cannot carry at all (C0
 * controls other than tab, CR, LF; lone surrogates; U+FFFE/U+FFFF) are dropped rather than
 * escaped — a numeric reference to them is not well-formed either. The same five-entity escaping
 * as libs/csw's request writer; a tree instead of strings, because a record has optional parts.
 */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined | null>;
  children: XmlContent[];
}

/**
 * Markup written as is: a document this service made well-formed itself (a harvested record's
 * canonical XML, see harvested-iso.ts). Never for text from a request or a record field.
 */
export interface RawXml {
  raw: string;
}

/** An element, text, markup, or nothing (an optional part left out). */
export type XmlContent = XmlElement | RawXml | string | null | undefined | false;

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and keep tabs and line breaks as references (not folded). */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `el('gmd:title', {}, 'x')`: attributes that are undefined or null are left out. */
export function el(
  name: string,
  attrs: XmlElement['attrs'] | null = null,
  ...children: (XmlContent | XmlContent[])[]
): XmlElement {
  return { name, attrs: attrs ?? undefined, children: children.flat() };
}

/** Text in CR as a character reference: a literal CR would be read back as LF. */
const textOf = (text: string) => escapeText(text).replace(/\r/g, '&#13;');

export function serialise(node: XmlContent): string {
  const out: string[] = [];
  write(node, out);
  return out.join('');
}

function write(node: XmlContent, out: string[]): void {
  if (node === null || node === undefined || node === false) return;
  if (typeof node === 'string') {
    out.push(textOf(node));
    return;
  }
  if ('raw' in node) {
    out.push(node.raw);
    return;
  }
  out.push('<', node.name);
  for (const [key, value] of Object.entries(node.attrs ?? {}))
    if (value !== undefined && value !== null)
      out.push(' ', key, '="', escapeAttribute(String(value)), '"');
  const content = node.children.filter(
    (c) => c !== null && c !== undefined && c !== false && c !== '',
  );
  if (content.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const c of content) write(c, out);
  out.push('</', node.name, '>');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A whole document. */
export function document(root: XmlElement): string {
  return XML_DECLARATION + serialise(root);
}
