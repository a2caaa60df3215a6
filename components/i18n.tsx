import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '@/utils/i18n/messages';

/** What components need to speak the user's language; provided by the panel entrypoint. */
export interface Locale {
  t: Translate;
  /** BCP 47 tag for Intl, e.g. 'pt-BR'. */
  language: string;
}

export const LocaleContext = createContext<Locale>({ t: (key) => key, language: 'en' });

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
