import type { Link } from './ogc-records.service';

/**
 * The HTML encoding of the OGC API – Records resources (Records Part 1 `conf/html`): German pages
 * for people who follow a link into the API, built from the same JSON documents the clients read.
 * Plain semantic markup (landmarks, headings, tables with captions and header cells, a skip
 * link), no script, no external resources.
 */

const escape = (text: unknown) =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A URL with `f=html`, for links between the HTML pages. */
function html(href: string): string {
  const [path, query] = href.split('?');
  const params = new URLSearchParams(query);
  params.set('f', 'html');
  return `${path}?${params}`;
}

const anchor = (href: string, text: string) => `<a href="${escape(href)}">${escape(text)}</a>`;

interface Crumb {
  href?: string;
  label: string;
}

function page(title: string, crumbs: Crumb[], jsonHref: string, body: string): string {
  const trail = crumbs
    .map((c, i) =>
      c.href && i < crumbs.length - 1
        ? `<li>${anchor(html(c.href), c.label)}</li>`
        : `<li aria-current="page">${escape(c.label)}</li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Datenplattform-Inventar</title>
<link rel="alternate" type="application/json" href="${escape(jsonHref)}">
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
a{color:#0645ad}a:focus{outline:3px solid #ffbf47}
nav ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
nav li+li::before{content:"›";margin-right:.5rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}
.skip{position:absolute;left:-10000px}.skip:focus{left:1rem}
</style>
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header><nav aria-label="Brotkrümelnavigation"><ol>${trail}</ol></nav></header>
<main id="inhalt">
<h1>${escape(title)}</h1>
${body}
<p>${anchor(jsonHref, 'Dieses Dokument als JSON')}</p>
</main>
</body>
</html>
`;
}

const ROOT_LABEL = 'OGC API Records';

function linkList(links: Link[], caption: string): string {
  const rows = links
    .map(
      (l) =>
        `<tr><td>${escape(l.rel)}</td><td>${anchor(l.href, l.title ?? l.href)}</td>` +
        `<td>${escape(l.type ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>${escape(caption)}</caption>
<thead><tr><th scope="col">Beziehung</th><th scope="col">Ziel</th><th scope="col">Medientyp</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

const selfHref = (links: Link[]) => links.find((l) => l.rel === 'self')?.href ?? '';

export function landingHtml(doc: { title: string; description: string; links: Link[] }): string {
  const by = (rel: string) => doc.links.find((l) => l.rel === rel)?.href ?? '';
  const body = `<p>${escape(doc.description)}</p>
<ul>
<li>${anchor(html(by('data')), 'Sammlungen')}</li>
<li>${anchor(html(by('conformance')), 'Konformitätsklassen')}</li>
<li>${anchor(by('service-doc'), 'API-Dokumentation (OpenAPI)')}</li>
</ul>
${linkList(doc.links, 'Verweise')}`;
  return page(doc.title, [{ label: ROOT_LABEL }], selfHref(doc.links), body);
}

export function conformanceHtml(root: string, doc: { conformsTo: string[]; links: Link[] }) {
  const body = `<p>Die API erfüllt diese Konformitätsklassen:</p>
<ul>${doc.conformsTo.map((c) => `<li>${anchor(c, c)}</li>`).join('')}</ul>`;
  return page(
    'Konformitätsklassen',
    [{ href: root, label: ROOT_LABEL }, { label: 'Konformitätsklassen' }],
    selfHref(doc.links),
    body,
  );
}

interface CollectionDoc {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  extent: { spatial: { bbox: number[][] } };
  links: Link[];
}

function collectionSection(c: CollectionDoc, heading: boolean): string {
  const items = c.links.find((l) => l.rel === 'items' && l.type === 'text/html')?.href ?? '';
  const queryables = c.links.find((l) => l.rel.endsWith('/queryables'))?.href ?? '';
  const self = selfHref(c.links);
  return `${heading ? `<h2>${anchor(html(self), c.title)}</h2>` : ''}
<p>${escape(c.description)}</p>
<dl>
<dt>Kennung</dt><dd>${escape(c.id)}</dd>
<dt>Schlagwörter</dt><dd>${escape(c.keywords.join(', '))}</dd>
<dt>Räumliche Ausdehnung (WGS 84, West, Süd, Ost, Nord)</dt><dd>${escape(c.extent.spatial.bbox[0].join(', '))}</dd>
</dl>
<ul>
<li>${anchor(items, 'Records durchsuchen')}</li>
<li>${anchor(queryables, 'Abfragbare Eigenschaften (JSON Schema)')}</li>
</ul>`;
}

export function collectionsHtml(
  root: string,
  doc: { collections: CollectionDoc[]; links: Link[] },
) {
  return page(
    'Sammlungen',
    [{ href: root, label: ROOT_LABEL }, { label: 'Sammlungen' }],
    selfHref(doc.links),
    doc.collections.map((c) => collectionSection(c, true)).join('\n'),
  );
}

export function collectionHtml(root: string, doc: CollectionDoc) {
  return page(
    doc.title,
    [
      { href: root, label: ROOT_LABEL },
      { href: `${root}/collections`, label: 'Sammlungen' },
      { label: doc.title },
    ],
    selfHref(doc.links),
    collectionSection(doc, false),
  );
}

export function queryablesHtml(
  root: string,
  collection: string,
  doc: { $id: string; title: string; properties: Record<string, { title: string; type?: string }> },
) {
  const rows = Object.entries(doc.properties)
    .map(
      ([name, p]) =>
        `<tr><th scope="row">${escape(name)}</th><td>${escape(p.title)}</td><td>${escape(p.type ?? '')}</td></tr>`,
    )
    .join('\n');
  return page(
    doc.title,
    [
      { href: root, label: ROOT_LABEL },
      { href: `${root}/collections/${collection}`, label: 'Sammlung' },
      { label: 'Abfragbare Eigenschaften' },
    ],
    doc.$id,
    `<table><caption>Eigenschaften und ihre Abfrageparameter</caption>
<thead><tr><th scope="col">Eigenschaft</th><th scope="col">Bedeutung</th><th scope="col">Typ</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

interface RecordDoc {
  id: string;
  time: unknown;
  properties: Record<string, unknown> & { title: string; kindLabel: string };
  links: Link[];
}

function timeText(time: unknown): string {
  if (!time || typeof time !== 'object') return 'ohne Angabe';
  const t = time as { date?: string; timestamp?: string; interval?: [string, string] };
  if (t.interval) return t.interval.map((v) => (v === '..' ? 'offen' : v)).join(' bis ');
  return t.date ?? t.timestamp ?? 'ohne Angabe';
}

export function itemsHtml(
  root: string,
  collection: { id: string; title: string },
  doc: { features: RecordDoc[]; numberMatched: number; numberReturned: number; links: Link[] },
) {
  const rows = doc.features
    .map((f) => {
      const self = selfHref(f.links);
      return `<tr><td>${anchor(html(self), f.properties.title)}</td><td>${escape(f.properties.kindLabel)}</td><td>${escape(f.properties.landName ?? '')}</td><td>${escape(timeText(f.time))}</td></tr>`;
    })
    .join('\n');
  const pager = ['prev', 'next']
    .map((rel) => doc.links.find((l) => l.rel === rel))
    .filter((l): l is Link => l !== undefined)
    .map(
      (l) =>
        `<li>${anchor(html(l.href), l.rel === 'next' ? 'Nächste Seite' : 'Vorige Seite')}</li>`,
    )
    .join('');
  const body = `<p>${doc.numberReturned} von ${doc.numberMatched} Records.</p>
<table><caption>Records</caption>
<thead><tr><th scope="col">Titel</th><th scope="col">Art</th><th scope="col">Land</th><th scope="col">Zeitlicher Bezug</th></tr></thead>
<tbody>${rows}</tbody></table>
${pager ? `<nav aria-label="Seiten"><ul>${pager}</ul></nav>` : ''}`;
  return page(
    `Records: ${collection.title}`,
    [
      { href: root, label: ROOT_LABEL },
      { href: `${root}/collections/${collection.id}`, label: collection.title },
      { label: 'Records' },
    ],
    selfHref(doc.links),
    body,
  );
}

export function itemHtml(root: string, collection: { id: string; title: string }, doc: RecordDoc) {
  const p = doc.properties;
  const fields: [string, unknown][] = [
    ['Art', p.kindLabel],
    ['Kennung', doc.id],
    ['Beschreibung', p.description],
    ['Land', p.landName],
    ['Schlagwörter', Array.isArray(p.keywords) ? p.keywords.join(', ') : undefined],
    [
      'Externe Kennungen',
      Array.isArray(p.externalIds)
        ? (p.externalIds as { value: string }[]).map((e) => e.value).join(', ')
        : undefined,
    ],
    ['Zeitlicher Bezug', timeText(doc.time)],
    ['Zuletzt geändert', p.updated],
    ['Status', p.status],
  ];
  const body = `<dl>${fields
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
    .join('\n')}</dl>
${linkList(doc.links, 'Verweise')}`;
  return page(
    p.title,
    [
      { href: root, label: ROOT_LABEL },
      { href: `${root}/collections/${collection.id}`, label: collection.title },
      { href: `${root}/collections/${collection.id}/items`, label: 'Records' },
      { label: p.title },
    ],
    selfHref(doc.links),
    body,
  );
}
