import type { Section } from '@/utils/panel/screen';
import type { MessageKey } from '@/utils/i18n/messages';
import { useLocale } from './i18n';

const SECTIONS = [
  { section: 'conversation', label: 'navConversation' },
  { section: 'queue', label: 'navQueue' },
  { section: 'templates', label: 'navTemplates' },
] as const satisfies readonly { section: Section; label: MessageKey }[];

export const SECTION_PANEL_ID = 'section-panel';
export const sectionTabId = (section: Section) => `tab-${section}`;

interface Props {
  selected: Section;
  onSelect: (section: Section) => void;
}

/** The conversation, the account's queue (F5) or the reply templates (F6). WAI-ARIA tabs: arrow keys move between them. */
export function SectionTabs({ selected, onSelect }: Props) {
  const { t } = useLocale();
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = SECTIONS.findIndex((entry) => entry.section === selected);
    const next = SECTIONS[(index + (event.key === 'ArrowRight' ? 1 : SECTIONS.length - 1)) % SECTIONS.length];
    if (!next) return;
    onSelect(next.section);
    document.getElementById(sectionTabId(next.section))?.focus();
  }
  return (
    <div class="section-tabs" role="tablist" aria-label={t('navLabel')} onKeyDown={onKeyDown}>
      {SECTIONS.map(({ section, label }) => (
        <button
          type="button"
          key={section}
          role="tab"
          id={sectionTabId(section)}
          data-testid={`nav-${section}`}
          aria-selected={section === selected}
          aria-controls={SECTION_PANEL_ID}
          tabIndex={section === selected ? 0 : -1}
          onClick={() => onSelect(section)}
        >
          {t(label)}
        </button>
      ))}
    </div>
  );
}
