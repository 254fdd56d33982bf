/** Maps API words to protobuf enum values and back; unknown contract values are errors. */
export interface EnumCodec<K extends string, V extends number> {
  toPb(word: K): V;
  fromPb(value: V): K;
}

export function enumCodec<K extends string, V extends number>(
  name: string,
  map: Record<K, V>,
): EnumCodec<K, V> {
  const reverse = new Map<number, K>(
    Object.entries(map).map(([word, value]) => [value as number, word as K]),
  );
  return {
    toPb: (word) => map[word],
    fromPb: (value) => {
      const word = reverse.get(value);
      if (word === undefined) throw new Error(`unknown ${name} ${value}`);
      return word;
    },
  };
}
