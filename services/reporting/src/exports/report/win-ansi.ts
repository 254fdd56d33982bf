/**
 * PDFKit's built-in Helvetica speaks WinAnsi (CP1252): Latin-1 plus a few typographic marks,
 * which covers German. Anything else (≥, →, emoji …) would come out as a wrong glyph, so it is
 * spelled out or replaced here.
 */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELLED: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '×': 'x',
  '−': '-',
  '\u2009': ' ',
  '\u202f': ' ',
};

export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff))
      out += char;
    else if (CP1252_EXTRAS.has(char)) out += char;
    else if (SPELLED[char] !== undefined) out += SPELLED[char];
    else if (char === '\t' || char === '\r') out += ' ';
    else out += '?';
  }
  return out;
}
