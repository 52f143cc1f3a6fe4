import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Schemas } from './api/client';
import type { Formats } from './format';
import type { Lang, Translate } from './i18n/i18n';

export interface AppState {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  fmt: Formats;
  /** Set once signed in. */
  me: Schemas['MeDto'] | null;
  business: Schemas['BusinessDto'] | null;
  /** Polite announcements for screen readers (saved, archived…), also shown on screen. */
  announce(message: string): void;
  logout(): void;
  /** Reads the person and the business again (after the business's details change, or another business is chosen). */
  reload(): Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <App>');
  return state;
}
