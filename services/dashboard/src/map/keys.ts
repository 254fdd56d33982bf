/**
 * Keyboard stops over the map: one button per Land and per marker group, placed over its feature,
 * with a roving tabindex (one Tab stop; arrows move, Enter selects, Escape closes). Invisible to the
 * mouse (pointer-events: none); the focused one shows its name and a focus ring.
 */
import { type KeyTarget, keyAction, refocusIndex, targetKey } from './keyboard';

export interface KeyStopsOptions {
  container: HTMLElement;
  /** The stops go before this child of the container: first in the Tab order, before the controls. */
  before?: Element | null;
  /** Where a stop sits on screen (CSS pixels in the map) and how large it is. */
  place: (target: KeyTarget) => { x: number; y: number; size: number } | undefined;
  describe: (target: KeyTarget) => string;
  onFocus: (target: KeyTarget | undefined, pixel?: readonly [number, number]) => void;
  onActivate: (target: KeyTarget, button: HTMLButtonElement) => void;
  onClose: () => void;
}

export interface KeyStops {
  setTargets(targets: KeyTarget[]): void;
  /** Re-reads positions and names (after a render or new data). */
  refresh(): void;
  focus(key: string): void;
  buttonOf(key: string): HTMLButtonElement | undefined;
}

export function createKeyStops(options: KeyStopsOptions): KeyStops {
  const layer = document.createElement('div');
  layer.className = 'dpi-map-keys';
  options.container.insertBefore(layer, options.before ?? null);
  let targets: KeyTarget[] = [];
  let current = 0;
  const buttons = new Map<string, HTMLButtonElement>();

  const focusIndex = (index: number) => {
    current = index;
    updateTabIndex();
    buttons.get(targetKey(targets[index]))?.focus();
  };

  const updateTabIndex = () => {
    targets.forEach((target, i) => {
      const button = buttons.get(targetKey(target));
      if (button) button.tabIndex = i === current ? 0 : -1;
    });
  };

  const create = (key: string): HTMLButtonElement => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'dpi-map-key';
    button.dataset['key'] = key;
    const name = document.createElement('span');
    name.className = 'dpi-map-key-name';
    name.setAttribute('aria-hidden', 'true');
    button.appendChild(name);
    button.addEventListener('focus', () => {
      const index = targets.findIndex((t) => targetKey(t) === key);
      if (index < 0) return;
      current = index;
      updateTabIndex();
      const place = options.place(targets[index]);
      options.onFocus(targets[index], place ? [place.x, place.y] : undefined);
    });
    button.addEventListener('blur', (event) => {
      const next = event.relatedTarget as HTMLElement | null;
      if (!next || !layer.contains(next)) options.onFocus(undefined);
    });
    button.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // The button's own place in the stops, not `current`: a re-render may have moved it.
      const own = targets.findIndex((t) => targetKey(t) === key);
      const action = keyAction(event.key, own >= 0 ? own : current, targets.length);
      if (action.type === 'none') return;
      // Handled here: the map's own keyboard panning must not move the map as well.
      event.preventDefault();
      event.stopPropagation();
      if (action.type === 'move') focusIndex(action.index);
      else if (action.type === 'activate') options.onActivate(targets[action.index], button);
      else options.onClose();
    });
    return button;
  };

  const refresh = () => {
    for (const target of targets) {
      const button = buttons.get(targetKey(target));
      if (!button) continue;
      const place = options.place(target);
      button.hidden = !place;
      if (place) {
        const size = Math.max(24, place.size);
        button.style.width = `${size}px`;
        button.style.height = `${size}px`;
        button.style.transform = `translate(${Math.round(place.x - size / 2)}px, ${Math.round(place.y - size / 2)}px)`;
      }
      const label = options.describe(target);
      if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
      const name = button.firstElementChild as HTMLElement;
      const short = target.kind === 'land' ? target.name : String(target.size);
      if (name.textContent !== short) name.textContent = short;
      button.dataset['kind'] = target.kind;
      if (target.kind === 'land') button.dataset['code'] = target.code;
      else button.dataset['land'] = target.land;
    }
  };

  return {
    setTargets(next) {
      const focusedKey = layer.contains(document.activeElement)
        ? (document.activeElement as HTMLElement).dataset['key']
        : undefined;
      const previous = targets[current];
      targets = next;
      const keys = new Set(next.map(targetKey));
      for (const [key, button] of buttons)
        if (!keys.has(key)) {
          button.remove();
          buttons.delete(key);
        }
      for (const key of keys)
        if (!buttons.has(key)) {
          const button = create(key);
          buttons.set(key, button);
          layer.appendChild(button);
        }
      current = refocusIndex(next, previous);
      updateTabIndex();
      refresh();
      // The focused stop was removed (a group split by zooming): the focus goes to its Land.
      if (focusedKey && !keys.has(focusedKey) && next.length) focusIndex(current);
    },
    refresh,
    focus(key) {
      const index = targets.findIndex((t) => targetKey(t) === key);
      if (index >= 0) focusIndex(index);
    },
    buttonOf: (key) => buttons.get(key),
  };
}
