import { caseSla } from '@/utils/cases/case-sla';
import { CASE_PRIORITIES, CASE_STATUSES } from '@/utils/cases/labels';
import type { SlaMessage } from '@/utils/cases/sla';
import type { CaseState } from '@/utils/panel/case-state';
import { ScopeConsent } from './ScopeConsent';
import { caseFailureText, statusText } from './caseText';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { SlaLine } from './SlaLine';

interface Props {
  cases: CaseState;
  timeline: readonly SlaMessage[];
  now: number;
}

/** F4: the conversation's status and priority, saved as Gmail labels, and its SLA. */
export function CaseControls({ cases, timeline, now }: Props) {
  const { t } = useLocale();
  const shown = cases.shown.value;
  if (!shown) return null;
  const busy = cases.busy.value;
  const failure = cases.failure.value;
  return (
    <section class="card case" aria-labelledby="case-heading" data-testid="case-controls" aria-busy={busy}>
      <h2 id="case-heading" class="eyebrow">
        {t('caseHeading')}
      </h2>
      <Choices
        label={t('caseStatusLabel')}
        labelId="case-status-label"
        testId="case-status"
        values={CASE_STATUSES}
        current={shown.status}
        busy={busy}
        text={(status) => statusText(t, status)}
        onChoose={(value) => cases.choose({ kind: 'status', value })}
      />
      <Choices
        label={t('casePriorityLabel')}
        labelId="case-priority-label"
        testId="case-priority"
        values={CASE_PRIORITIES}
        current={shown.priority}
        busy={busy}
        text={(priority) => priority}
        name={(priority) => t('priorityName', priority)}
        onChoose={(value) => cases.choose({ kind: 'priority', value })}
      />
      <SlaLine sla={caseSla(shown, timeline, now)} now={now} />
      {cases.consent.value && <ScopeConsent feature="cases" granting={cases.granting.value} onAllow={() => void cases.allow()} onNotNow={cases.notNow} />}
      {cases.declined.value && (
        <Notice tone="info" testId="case-consent-declined">
          {t('caseConsentDeclined')}
        </Notice>
      )}
      {failure && (
        <Notice tone="error" testId="case-error">
          {caseFailureText(t, failure, shown)}
        </Notice>
      )}
    </section>
  );
}

interface ChoicesProps<V extends string> {
  label: string;
  labelId: string;
  testId: string;
  values: readonly V[];
  current: V | null;
  busy: boolean;
  text: (value: V) => string;
  /** The accessible name, when the visible text alone says too little ("P1" → "Priority P1"). */
  name?: (value: V) => string;
  onChoose: (value: V) => void;
}

/** Toggle buttons, one pressed. Busy buttons stay focusable (aria-disabled) so keyboard focus is kept. */
function Choices<V extends string>({ label, labelId, testId, values, current, busy, text, name, onChoose }: ChoicesProps<V>) {
  return (
    <div class="case-choices">
      <span id={labelId} class="case-choices-label">
        {label}
      </span>
      <div role="group" aria-labelledby={labelId} class="toggle-group">
        {values.map((value) => (
          <button
            type="button"
            key={value}
            data-testid={testId}
            data-value={value}
            aria-pressed={value === current}
            aria-disabled={busy}
            aria-label={name?.(value)}
            onClick={() => onChoose(value)}
          >
            {text(value)}
          </button>
        ))}
      </div>
    </div>
  );
}
