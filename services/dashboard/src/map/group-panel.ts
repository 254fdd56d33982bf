/**
 * The entries of a marker group that zooming cannot split (same place, or zoomed in fully), listed
 * in a panel inside the map: one button per entry; Escape or "Schließen" closes it and returns the
 * focus to where it came from.
 */
import type { InventoryItem } from '../model';
import { KIND_COLORS, MIXED_COLOR } from './markers-layer';
import { mapTexts } from './texts';

export interface GroupPanel {
  element: HTMLElement;
  open(items: InventoryItem[], landName: string, returnFocus: HTMLElement | undefined): void;
  close(): void;
  isOpen(): boolean;
}

let panelCount = 0;

export function createGroupPanel(onSelect: (item: InventoryItem) => void): GroupPanel {
  const id = `dpi-map-panel-${++panelCount}`;
  const element = document.createElement('section');
  element.className = 'dpi-map-panel ol-unselectable ol-control';
  element.setAttribute('aria-labelledby', `${id}-title`);
  element.hidden = true;
  let returnTo: HTMLElement | undefined;

  const close = () => {
    if (element.hidden) return;
    element.hidden = true;
    element.replaceChildren();
    returnTo?.focus();
    returnTo = undefined;
  };

  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key.startsWith('Arrow') || event.key === '+' || event.key === '-') {
      // Arrows scroll the list, not the map under it.
      event.stopPropagation();
    }
  });

  return {
    element,
    open(items, landName, returnFocus) {
      const texts = mapTexts();
      returnTo = returnFocus;
      const title = document.createElement('h3');
      title.id = `${id}-title`;
      title.textContent = texts.entries(items.length, landName);
      const closeButton = document.createElement('button');
      closeButton.type = 'button';
      closeButton.className = 'dpi-map-panel-close';
      closeButton.textContent = texts.close;
      closeButton.addEventListener('click', close);
      const list = document.createElement('ul');
      for (const item of items) {
        const button = document.createElement('button');
        button.type = 'button';
        const dot = document.createElement('span');
        dot.className = 'dpi-map-dot';
        dot.setAttribute('aria-hidden', 'true');
        dot.style.background = KIND_COLORS[item.kind] ?? MIXED_COLOR;
        button.append(dot, item.title);
        button.addEventListener('click', () => onSelect(item));
        const li = document.createElement('li');
        li.appendChild(button);
        list.appendChild(li);
      }
      const head = document.createElement('div');
      head.className = 'dpi-map-panel-head';
      head.append(title, closeButton);
      element.replaceChildren(head, list);
      element.hidden = false;
      (list.querySelector('button') ?? closeButton).focus();
    },
    close,
    isOpen: () => !element.hidden,
  };
}
