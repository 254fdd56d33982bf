import { DescMessage, fromBinary, MessageShape, toBinary } from '@bufbuild/protobuf';

export function encodeMessage<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): Buffer {
  return Buffer.from(toBinary(schema, message));
}

/**
 * Decodes a value and checks it is what the schema header claims: consumers validate payloads
 * as strictly as HTTP handlers validate bodies.
 */
export function decodeMessage<Desc extends DescMessage>(
  schema: Desc,
  value: Buffer,
  schemaHeader?: string,
): MessageShape<Desc> {
  if (schemaHeader !== undefined && schemaHeader !== schema.typeName) {
    throw new Error(`expected schema ${schema.typeName}, got ${schemaHeader}`);
  }
  return fromBinary(schema, value);
}
