import type { SlaState } from '@/utils/cases/sla';
import { slaLineText } from './caseText';
import { useLocale } from './i18n';

interface Props {
  sla: SlaState;
  now: number;
}

/**
 * F4: when the next answer is due, and by how much it is late — in words, not by colour alone.
 * Nothing when no answer is due (Solved, Pending, answered, no status).
 */
export function SlaLine({ sla, now }: Props) {
  const { t, language } = useLocale();
  if (sla.state === 'none') return null;
  return (
    <p class={`sla sla-${sla.state}`} data-testid="sla" data-state={sla.state} data-kind={sla.kind} data-due-at={sla.dueAt}>
      {slaLineText(t, sla, now, language)}
    </p>
  );
}
