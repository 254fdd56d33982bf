/** "Harvesting": per source its latest job (progress while it runs), last success, success rate. */
import { kernTable } from '../view';
import { renderHarvest } from '../view-panels';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section class="card" aria-labelledby="harvest-titel">
  <h2 id="harvest-titel" data-i18n="harvestTitle">Harvesting</h2>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="harvest-titel">
    <table class="data" id="harvest"><thead></thead><tbody></tbody></table>
  </div>
</section>`;

export const harvestView: ViewDefinition = {
  id: 'harvesting',
  route: '/',
  needs: ['harvest'],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const table = part<HTMLTableElement>(host, 'harvest');
    return {
      render(state) {
        if (!state.data.harvest) return;
        renderHarvest(table, state.data.harvest.sources, state.names, state.view.lang);
        kernTable(table);
      },
    };
  },
};
