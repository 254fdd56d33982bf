import { NS, isGmlNamespace } from '../xml/namespaces';
import { attr, child, descendants, firstChild, type XNode } from '../xml/tree';
import type { IsoText } from './types';

const { gmd, gco, gmx, xlink } = NS;

/** Readers of single ISO property values (CharacterString/Anchor, code lists, dates, numbers, URLs). */

export function childAnyGml(node: XNode | undefined, local: string): XNode | undefined {
  return node?.children.find((c) => c.local === local && isGmlNamespace(c.uri));
}

// --- value helpers -----------------------------------------------------------------------------

/** Text of a CharacterString-like property: gco:CharacterString, gmx:Anchor (+href), PT_FreeText. */
export function textOf(property: XNode | undefined): IsoText | null {
  if (!property) return null;
  for (const c of property.children) {
    if (c.uri === gco) {
      if (c.local === 'CharacterString' || c.local === 'LocalName' || c.local === 'ScopedName') {
        const text = clean(c.text);
        return text ? { text } : null;
      }
    } else if (c.uri === gmx) {
      if (c.local === 'Anchor' || c.local === 'FileName' || c.local === 'MimeFileType') {
        const text = clean(c.text);
        const href = attr(c, xlink, 'href')?.trim() || attr(c, '', 'src')?.trim();
        if (!text && !href) return null;
        return href ? { href, text } : { text };
      }
    }
  }
  // Only a PT_FreeText: its first localised string.
  const localised = descendants(
    child(property, gmd, 'PT_FreeText'),
    gmd,
    'LocalisedCharacterString',
  )[0];
  const text = localised ? clean(localised.text) : '';
  return text ? { text } : null;
}

/** Value of a code list property: `@codeListValue`, else the element's text. */
export function codeOf(property: XNode | undefined): string | null {
  const code = firstChild(property);
  if (!code) return null;
  const value = attr(code, '', 'codeListValue')?.trim();
  if (value) return value;
  return clean(code.text) || null;
}

export function languageOf(property: XNode | undefined): string | null {
  if (!property) return null;
  const code = child(property, gmd, 'LanguageCode');
  if (code) return codeOf(property);
  return textOf(property)?.text ?? null;
}

export function dateOf(property: XNode | undefined): string | null {
  if (!property) return null;
  for (const c of property.children) {
    if (c.uri === gco && (c.local === 'Date' || c.local === 'DateTime'))
      return clean(c.text) || null;
  }
  return null;
}

export function urlOf(linkage: XNode | undefined): string | null {
  const url = child(linkage, gmd, 'URL');
  if (url) return clean(url.text) || null;
  return textOf(linkage)?.text ?? null;
}

export function numberText(property: XNode): string | null {
  for (const c of property.children) {
    if (c.uri === gco && (c.local === 'Decimal' || c.local === 'Real' || c.local === 'Integer')) {
      return clean(c.text);
    }
  }
  return textOf(property)?.text ?? null;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function clean(text: string): string {
  return text.trim();
}

export function isString(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
