/**
 * "Die Länder im Vergleich": every figure per Land; the names filter everything to a Land. With
 * a survey round, its panel above the table; while the map shows the round (measure `round`),
 * the table shows each Land's progress in it (views/round-table.ts).
 */
import { t } from '../i18n';
import { buildMeasureView, measureColor } from '../measures';
import { kernTable } from '../view';
import { renderLaenderTable } from '../view-laender';
import { mountTemplate, part } from './dom';
import { quoted, renderRoundPanel, roundColumns, sayRound } from './round-table';
import type { ViewDefinition } from './types';
import './round-table.css';

const TEMPLATE = `
<section id="laender-karte" class="card" aria-labelledby="laender-titel" tabindex="-1">
  <h2 id="laender-titel" data-i18n="laenderTitle">Die Länder im Vergleich</h2>
  <div id="runde" class="round-panel"></div>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="laender-titel">
    <table class="data laender-table" id="laender-tabelle">
      <caption></caption>
      <thead></thead>
      <tbody id="laender"><tr><td>…</td></tr></tbody>
      <tfoot></tfoot>
    </table>
  </div>
</section>`;

export const laenderView: ViewDefinition = {
  id: 'laender-vergleich',
  route: '/',
  needs: ['laender', 'rounds'],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const table = part<HTMLTableElement>(host, 'laender-tabelle');
    const panel = part(host, 'runde');
    return {
      render(state) {
        const { laender, rounds } = state.data;
        const { lang, measure, land } = state.view;
        const showing = measure === 'round' && Boolean(rounds?.shown);
        renderRoundPanel(panel, {
          overview: rounds,
          lang,
          land,
          landName: land ? (state.names.get(land) ?? land) : undefined,
          showing,
          onShow: (show) => context.navigate({ measure: show ? 'round' : 'platforms' }),
          onChoose: (round) => context.navigate({ round, measure: 'round' }),
        });
        const caption = table.caption;
        if (caption)
          caption.textContent =
            showing && rounds?.shown
              ? sayRound(lang, 'caption', { title: quoted(rounds.shown.round.title, lang) })
              : t(lang, 'laenderCaption');
        if (!laender) return;
        const measureView = buildMeasureView(laender, measure, lang, rounds);
        const colors = new Map(laender.map((l) => [l.code, measureColor(measureView, l.code)]));
        renderLaenderTable(table, {
          laender,
          colors,
          selected: land,
          lang,
          onSelect: (code) => context.navigate({ land: code === land ? undefined : code }),
          columns: showing && rounds ? roundColumns(rounds, lang) : undefined,
        });
        table.dataset['mode'] = showing ? 'round' : 'inventory';
        kernTable(table);
      },
    };
  },
};
