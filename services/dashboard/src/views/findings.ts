/** "Handlungsbedarfe": findings, high severity first, for the selected Land; one opens its details. */
import { formatCount } from '../format';
import { t } from '../i18n';
import { renderFindingDetail, renderFindingsList, setText } from '../view';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section class="card" aria-labelledby="befunde-titel">
  <h2 id="befunde-titel" data-i18n="findingsTitle">Handlungsbedarfe</h2>
  <p id="befunde-zahl" class="muted"></p>
  <div class="split">
    <ul id="befunde" class="findings"></ul>
    <div id="befund-detail" class="detail" hidden tabindex="-1"></div>
  </div>
</section>`;

export const findingsView: ViewDefinition = {
  id: 'handlungsbedarfe',
  route: '/',
  needs: ['findings'],
  mount(host, context) {
    const { store } = context;
    mountTemplate(host, TEMPLATE, context.lang());
    const ui = {
      count: part(host, 'befunde-zahl'),
      list: part(host, 'befunde'),
      detail: part(host, 'befund-detail'),
    };
    let focusOnLoad = false;
    return {
      render(state) {
        const { lang } = state.view;
        const { findings } = state.data;
        if (findings) {
          setText(
            ui.count,
            t(lang, 'findingsCount', {
              shown: formatCount(findings.items.length, lang),
              total: formatCount(findings.total, lang),
            }),
          );
          renderFindingsList(ui.list, {
            findings: findings.items,
            total: findings.total,
            open: state.view.finding,
            lang,
            names: state.names,
            onOpen: (finding) => {
              focusOnLoad = true;
              context.navigate({
                finding: finding.id === store.get().view.finding ? undefined : finding.id,
              });
            },
          });
        }
        const open = state.openFinding;
        if (!open || open.finding.id !== state.view.finding) {
          ui.detail.hidden = true;
          return;
        }
        const wasHidden = ui.detail.hidden;
        renderFindingDetail(ui.detail, open.finding, open.records, lang, state.names, () => {
          const id = store.get().view.finding;
          context.navigate({ finding: undefined });
          host.querySelector<HTMLElement>(`[data-finding="${CSS.escape(id ?? '')}"]`)?.focus();
        });
        if (wasHidden && focusOnLoad) {
          focusOnLoad = false;
          ui.detail.focus();
        }
      },
    };
  },
};
