/** "Abdeckung": the matrix Land × platform type / twin use case / EU theme; gaps are marked. */
import { label } from '../i18n';
import { COVERAGE_DIMENSIONS } from '../url-state';
import { h, kernTable } from '../view';
import { renderCoverage } from '../view-panels';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section class="card" aria-labelledby="abdeckung-titel">
  <div class="card-head">
    <h2 id="abdeckung-titel" data-i18n="coverageTitle">Abdeckung</h2>
    <div class="kern-form-input inline">
      <label class="kern-label" for="coverage-dimension" data-i18n="coverageDimension">Dimension</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id="coverage-dimension"></select>
      </div>
    </div>
  </div>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="abdeckung-titel">
    <table class="data coverage" id="abdeckung">
      <caption></caption><thead></thead><tbody></tbody><tfoot></tfoot>
    </table>
  </div>
</section>`;

export const coverageView: ViewDefinition = {
  id: 'abdeckung-matrix',
  route: '/',
  needs: ['coverage'],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const select = part<HTMLSelectElement>(host, 'coverage-dimension');
    const table = part<HTMLTableElement>(host, 'abdeckung');
    select.addEventListener('change', () => {
      const coverage = COVERAGE_DIMENSIONS.find((d) => d === select.value);
      if (coverage) context.navigate({ coverage });
    });
    let drawnLang: string | undefined;
    return {
      render(state) {
        const { lang, coverage, land } = state.view;
        if (drawnLang !== lang) {
          drawnLang = lang;
          select.replaceChildren(
            ...COVERAGE_DIMENSIONS.map((d) =>
              h('option', { value: d }, label(lang, 'coverage', d)),
            ),
          );
        }
        if (select.value !== coverage) select.value = coverage;
        const matrix = state.data.coverage;
        if (matrix && matrix.dimension === coverage) {
          renderCoverage(table, { matrix, dimension: coverage, selected: land, lang });
          kernTable(table);
        }
      },
    };
  },
};
