/** `t` over the English messages file, substituting as chrome.i18n.getMessage does. */
import english from '../../../public/_locales/en/messages.json';
import { createTranslate } from '../../../utils/i18n/messages';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const t = createTranslate((key, substitutions = []) => {
  const entry = (english as Record<string, Entry>)[key];
  if (!entry) return '';
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
});
