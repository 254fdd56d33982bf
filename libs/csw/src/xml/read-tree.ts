import { readXml, type ReadXmlOptions } from './secure-reader';
import type { XmlSource } from './decode';
import { TreeBuilder, type XNode } from './tree';

/**
 * One small document from outside (a CSW request a client POSTs, a filter) as an element tree,
 * read under the same rules as every harvested document: no DOCTYPE, no external entities,
 * bounded depth and text. For documents of bounded size only; records are streamed instead.
 */
export async function readXmlTree(source: XmlSource, options: ReadXmlOptions = {}): Promise<XNode> {
  let builder: TreeBuilder | null = null;
  await readXml(
    source,
    {
      open(tag, depth) {
        if (depth === 1) builder = new TreeBuilder(tag);
        else builder?.open(tag);
      },
      close(_tag, depth) {
        if (depth > 1) builder?.close();
      },
      text(text) {
        builder?.text(text);
      },
    },
    options,
  );
  if (builder === null) throw new Error('unreachable: readXml returned without a root element');
  return (builder as TreeBuilder).root;
}
