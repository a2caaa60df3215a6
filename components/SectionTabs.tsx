import type { Section } from '@/utils/panel/screen';
import type { MessageKey } from '@/utils/i18n/messages';
import { useLocale } from './i18n';

const LABELS: Record<Section, MessageKey> = { conversation: 'navConversation', queue: 'navQueue', templates: 'navTemplates' };

export const SECTION_PANEL_ID = 'section-panel';
export const sectionTabId = (section: Section) => `tab-${section}`;

interface Props {
  /** The sections the admin's policy leaves on (F9). */
  sections: readonly Section[];
  selected: Section;
  onSelect: (section: Section) => void;
}

/** The conversation, the account's queue (F5) or the reply templates (F6). WAI-ARIA tabs: arrow keys move between them. */
export function SectionTabs({ sections, selected, onSelect }: Props) {
  const { t } = useLocale();
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = sections.indexOf(selected);
    const next = sections[(index + (event.key === 'ArrowRight' ? 1 : sections.length - 1)) % sections.length];
    if (!next) return;
    onSelect(next);
    document.getElementById(sectionTabId(next))?.focus();
  }
  return (
    <div class="section-tabs" role="tablist" aria-label={t('navLabel')} onKeyDown={onKeyDown}>
      {sections.map((section) => (
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
          {t(LABELS[section])}
        </button>
      ))}
    </div>
  );
}
