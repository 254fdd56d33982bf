// hyphen ships no types; what breakLines uses of it (German, 1996 orthography).
declare module 'hyphen/de' {
  export function hyphenateSync(
    text: string,
    options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] },
  ): string;
}
