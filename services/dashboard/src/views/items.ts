/** "Einträge": the filtered list of platforms, twins (datasets, endpoints); a title opens details. */
import { formatCount } from '../format';
import { t } from '../i18n';
import type { InventoryItem } from '../model';
import { kernTable, renderItemDetail, renderItemsTable, setText } from '../view';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section class="card" aria-labelledby="eintraege-titel">
  <h2 id="eintraege-titel" data-i18n="itemsTitle">Einträge</h2>
  <p id="eintraege-zahl" class="muted" aria-live="polite"></p>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="eintraege-titel">
    <table class="data" id="eintraege"><thead></thead><tbody></tbody></table>
  </div>
  <div id="eintrag-detail" class="detail" hidden tabindex="-1"></div>
</section>`;

export const itemsView: ViewDefinition = {
  id: 'eintraege-liste',
  route: '/',
  needs: ['items'],
  mount(host, context) {
    const { store } = context;
    mountTemplate(host, TEMPLATE, context.lang());
    const ui = {
      count: part(host, 'eintraege-zahl'),
      table: part<HTMLTableElement>(host, 'eintraege'),
      detail: part(host, 'eintrag-detail'),
    };
    let focusDetail = false;
    const open = (item: InventoryItem) => {
      focusDetail = true;
      store.set({ openItem: item });
    };
    return {
      render(state, previous) {
        const { lang } = state.view;
        const { items } = state.data;
        if (items) {
          setText(
            ui.count,
            items.items.length
              ? t(lang, 'itemsCount', {
                  shown: formatCount(items.items.length, lang),
                  total: formatCount(items.total, lang),
                })
              : t(lang, 'itemsNone'),
          );
          renderItemsTable(ui.table, { items: items.items, lang, onOpen: open });
          kernTable(ui.table);
        }
        let openItem = state.openItem;
        // Live updates: the open entry shows its newest version.
        if (openItem && items && previous?.data.items !== items) {
          const id = openItem.id;
          const fresh = items.items.find((item) => item.id === id);
          if (fresh && fresh !== openItem) {
            openItem = fresh;
            queueMicrotask(() => store.set({ openItem: fresh }));
          }
        }
        if (!openItem) {
          ui.detail.hidden = true;
          return;
        }
        renderItemDetail(ui.detail, openItem, lang, () => {
          const id = store.get().openItem?.id;
          store.set({ openItem: undefined });
          ui.table.querySelector<HTMLElement>(`[data-key="item-${id}"]`)?.focus();
        });
        if (focusDetail) {
          focusDetail = false;
          ui.detail.focus();
        }
      },
    };
  },
};
