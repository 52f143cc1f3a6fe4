import { en } from './en';
import { he, type Catalogue, type MessageKey } from './he';

export type Lang = 'he' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const CATALOGUES: Record<Lang, Catalogue> = { he, en };
const STORAGE_KEY = 'chatgrow.lang';

export const isLang = (value: unknown): value is Lang => value === 'he' || value === 'en';

/** The language the person chose with the toggle, if they ever did. */
export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** The person's choice first, then the business's locale, then Hebrew. */
export function chooseLang(businessLocale?: string | null): Lang {
  return storedLang() ?? (isLang(businessLocale) ? businessLocale : 'he');
}

/** `<html lang dir>`: what screen readers, the bidi algorithm and CSS logical properties follow. */
export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'he' ? 'rtl' : 'ltr';
}

export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, values) => {
    const text = catalogue[key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
  };
}

/** A message key built at run time (an API error code), if the catalogue has it. */
export function knownKey(key: string): MessageKey | undefined {
  return key in he ? (key as MessageKey) : undefined;
}
