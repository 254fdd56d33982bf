/** "Die Länder im Vergleich": every figure per Land; the names filter everything to a Land. */
import { buildMeasureView, measureColor } from '../measures';
import { kernTable, renderLaenderTable } from '../view';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section id="laender-karte" class="card" aria-labelledby="laender-titel" tabindex="-1">
  <h2 id="laender-titel" data-i18n="laenderTitle">Die Länder im Vergleich</h2>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="laender-titel">
    <table class="data laender-table" id="laender-tabelle">
      <caption data-i18n="laenderCaption"></caption>
      <thead></thead>
      <tbody id="laender"><tr><td>…</td></tr></tbody>
      <tfoot></tfoot>
    </table>
  </div>
</section>`;

export const laenderView: ViewDefinition = {
  id: 'laender-vergleich',
  route: '/',
  needs: ['laender'],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const table = part<HTMLTableElement>(host, 'laender-tabelle');
    return {
      render(state) {
        const { laender } = state.data;
        if (!laender) return;
        const { lang, measure, land } = state.view;
        const measureView = buildMeasureView(laender, measure, lang);
        const colors = new Map(laender.map((l) => [l.code, measureColor(measureView, l.code)]));
        renderLaenderTable(table, {
          laender,
          colors,
          selected: land,
          lang,
          onSelect: (code) => context.navigate({ land: code === land ? undefined : code }),
        });
        kernTable(table);
      },
    };
  },
};
