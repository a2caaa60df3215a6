import type { PolicyProblem } from '@/utils/policy/schema';
import { useLocale } from './i18n';

interface Props {
  problems: readonly PolicyProblem[];
}

/**
 * The admin's policy has settings the extension refused (F9): each is named, with what was
 * expected and the safe default used instead. Folded, because agents can't fix it: they pass it on.
 */
export function PolicyNotice({ problems }: Props) {
  const { t } = useLocale();
  if (problems.length === 0) return null;
  return (
    <details class="notice notice-warning policy-notice" data-testid="policy-problems">
      <summary>{t('policyProblemsTitle')}</summary>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-setting={problem.setting}>
            {t(problem.key, ...problem.params)}
          </li>
        ))}
      </ul>
    </details>
  );
}
