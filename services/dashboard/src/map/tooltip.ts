/** The tooltip, moved into the map's viewport and kept inside it (tooltip-position.ts). */
import { placeTooltip } from './tooltip-position';

export interface MapTooltip {
  show(text: string, pixel: readonly [number, number]): void;
  hide(): void;
}

export function createTooltip(element: HTMLElement, viewport: HTMLElement): MapTooltip {
  element.classList.add('dpi-map-tooltip');
  element.setAttribute('role', 'tooltip');
  viewport.appendChild(element);
  return {
    show(text, pixel) {
      if (element.textContent !== text) element.textContent = text;
      element.hidden = false;
      // At most the map's width; the text wraps rather than running out of the map.
      element.style.maxWidth = `${Math.max(120, viewport.clientWidth - 8)}px`;
      const { left, top } = placeTooltip(
        pixel,
        [element.offsetWidth, element.offsetHeight],
        [viewport.clientWidth, viewport.clientHeight],
      );
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
    },
    hide() {
      element.hidden = true;
    },
  };
}
