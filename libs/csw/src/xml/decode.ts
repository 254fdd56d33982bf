import { TextDecoder } from 'node:util';
import { CswError } from '../errors';

/** Anything that yields the bytes (or already decoded text) of one XML document. */
export type XmlSource =
  AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | Uint8Array | string;

const SNIFF_BYTES = 512;
/**
 * Largest piece decoded at once. A decoded 64 KB socket chunk with one non-Latin-1 character is a
 * 128 KB two-byte string, which V8 allocates in the old generation's large-object space, freed only
 * by a full GC: a harvest then grows the heap by about a page's size per page until one runs.
 * Pieces of 16 KB stay young and die young.
 */
const DECODE_BYTES = 16 * 1024;

/**
 * Turns a byte stream into strings, choosing the decoder the way an XML processor does: BOM first,
 * then the `encoding` of the XML declaration, else UTF-8. Chunks are decoded as they arrive; only the
 * first few hundred bytes are held back for the sniffing.
 */
export async function* decodeXml(source: XmlSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  if (source instanceof Uint8Array) source = [source];

  let decoder: TextDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    if (typeof chunk === 'string') {
      if (pendingBytes > 0 || decoder)
        throw new CswError('INVALID_REQUEST', 'mixed text and byte chunks');
      yield chunk;
      continue;
    }
    if (chunk.length === 0) continue;
    if (decoder) {
      for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
        const text = decoder.decode(chunk.subarray(at, at + DECODE_BYTES), { stream: true });
        if (text.length > 0) yield text;
      }
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < SNIFF_BYTES) continue;
    const head = concat(pending, pendingBytes);
    pending = [];
    decoder = new TextDecoder(sniffEncoding(head));
    for (let at = 0; at < head.length; at += DECODE_BYTES) {
      const text = decoder.decode(head.subarray(at, at + DECODE_BYTES), { stream: true });
      if (text.length > 0) yield text;
    }
  }
  if (!decoder && pendingBytes > 0) {
    const head = concat(pending, pendingBytes);
    decoder = new TextDecoder(sniffEncoding(head));
    const text = decoder.decode(head, { stream: true });
    if (text.length > 0) yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Returns a WHATWG encoding label for TextDecoder. */
export function sniffEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00)
    return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f)
    return 'utf-16be';
  const ascii = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 256)).toString(
    'latin1',
  );
  const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(ascii);
  if (!m) return 'utf-8';
  const label = m[1].toLowerCase();
  if (label === 'ascii' || label === 'us-ascii' || label === 'utf8') return 'utf-8';
  try {
    // TextDecoder knows the WHATWG labels (iso-8859-1, windows-1252, iso-8859-15, utf-16 …).
    new TextDecoder(label);
    return label;
  } catch {
    throw new CswError(
      'XML_UNSUPPORTED_ENCODING',
      `unsupported character encoding "${m[1]}" in the XML declaration`,
    );
  }
}
