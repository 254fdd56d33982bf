/** "Reifegrad und Standards": twins per maturity level, standards, 3D formats as bar charts. */
import { t } from '../i18n';
import { countOfBars, renderBars } from '../view-panels';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section class="card" aria-labelledby="diagramme-titel">
  <h2 id="diagramme-titel" data-i18n="chartsTitle">Reifegrad und Standards</h2>
  <div class="charts">
    <figure>
      <figcaption id="reife-titel" data-i18n="maturityChart"></figcaption>
      <ul id="reife" class="bars" aria-labelledby="reife-titel"></ul>
    </figure>
    <figure>
      <figcaption id="standards-titel" data-i18n="standardsChart"></figcaption>
      <ul id="standards" class="bars" aria-labelledby="standards-titel"></ul>
    </figure>
    <figure>
      <figcaption id="formate-titel" data-i18n="formatsChart"></figcaption>
      <ul id="formate" class="bars" aria-labelledby="formate-titel"></ul>
    </figure>
  </div>
</section>`;

export const chartsView: ViewDefinition = {
  id: 'reife-standards',
  route: '/',
  needs: ['summary'],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const ui = {
      maturity: part(host, 'reife'),
      standards: part(host, 'standards'),
      formats: part(host, 'formate'),
    };
    return {
      render(state) {
        const { summary } = state.data;
        if (!summary) return;
        const { lang } = state.view;
        renderBars(
          ui.maturity,
          ['1', '2', '3', '4'].map((level) => ({
            label: t(lang, 'levelN', { n: level }),
            value: Number(summary.maturity[level] ?? 0),
          })),
          lang,
        );
        renderBars(ui.standards, countOfBars(summary.standards, lang), lang);
        renderBars(ui.formats, countOfBars(summary.threeDFormats, lang), lang);
      },
    };
  },
};
