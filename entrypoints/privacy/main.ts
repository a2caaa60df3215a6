/**
 * The privacy page in the browser's language (issue 6, F11). Both languages are written in
 * index.html, English visible; this file only picks one, since MV3's default CSP forbids inline
 * scripts. The switch lets a reader choose the other one.
 */
import { browser } from 'wxt/browser';

type Language = 'en' | 'pt-BR';

const TITLES: Record<Language, string> = { en: 'iCustomer — privacy', 'pt-BR': 'iCustomer — privacidade' };
/** The switch names the language it leads to, in that language. */
const SWITCH_TO: Record<Language, { language: Language; name: string }> = {
  en: { language: 'pt-BR', name: 'Português' },
  'pt-BR': { language: 'en', name: 'English' },
};

/**
 * Chrome's UI language, the one the panel's strings (chrome.i18n) follow, so that the page reads
 * like the panel that linked to it. Any Portuguese gets pt-BR, the only Portuguese there is.
 */
function browserLanguage(): Language {
  const ui = browser.i18n.getUILanguage() || navigator.language;
  return ui.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

const toggle = document.querySelector<HTMLButtonElement>('#language-switch');

function show(language: Language): void {
  for (const article of document.querySelectorAll<HTMLElement>('article[lang]')) {
    article.hidden = article.lang !== language;
  }
  document.documentElement.lang = language;
  document.title = TITLES[language];
  if (toggle) {
    const next = SWITCH_TO[language];
    toggle.lang = next.language;
    toggle.textContent = next.name;
    toggle.onclick = () => show(next.language);
    toggle.hidden = false;
  }
}

show(browserLanguage());
