// Is the screen phone-narrow (< 768 px, antd's `md`)? Read synchronously on the first
// render, so a page drawn on a phone never starts with the laptop layout (antd's
// Grid.useBreakpoint answers only after an effect, which made pages flash wider than
// the screen); then kept up to date when the window is resized or turned.
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}
