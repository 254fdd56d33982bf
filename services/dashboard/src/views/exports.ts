/**
 * "Exporte": links to the reporting exports (the CSV with the current filters). In the reviewer
 * view a download needs the token too, so it is fetched here and saved as a file.
 */
import { ApiError, apiHeaders } from '../api';
import { exportLinks } from '../export-links';
import { filenameOf } from '../reviewer';
import { h } from '../view';
import { renderExports } from '../view-panels';
import { mountTemplate, part } from './dom';
import type { ViewDefinition } from './types';

const TEMPLATE = `
<section class="card" aria-labelledby="exporte-titel">
  <h2 id="exporte-titel" data-i18n="exportsTitle">Exporte</h2>
  <ul id="exporte" class="exports"></ul>
</section>`;

export const exportsView: ViewDefinition = {
  id: 'exporte-liste',
  route: '/',
  needs: [],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const list = part(host, 'exporte');
    list.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[download]');
      if (!link || !context.store.get().reviewer) return;
      event.preventDefault();
      void (async () => {
        try {
          const response = await fetch(link.href, {
            headers: apiHeaders('*/*'),
            cache: 'no-store',
          });
          if (!response.ok) throw new ApiError(`HTTP ${response.status}`, response.status);
          const name = filenameOf(response.headers.get('content-disposition'), 'export');
          const url = URL.createObjectURL(await response.blob());
          const save = h('a', { href: url, download: name, hidden: '' });
          document.body.append(save);
          save.click();
          save.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } catch (error) {
          context.reportError(error);
        }
      })();
    });
    return {
      render(state) {
        renderExports(list, exportLinks(state.view, state.view.lang));
      },
    };
  },
};
