import { useRef } from 'preact/hooks';
import { formatCount, isSingular } from '@/utils/i18n/format';
import type { EraseMode, EraseState } from '@/utils/panel/privacy-erase-state';
import type { MessageKey } from '@/utils/i18n/messages';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { useConfirmFocus } from './useConfirmFocus';

interface Props {
  erase: EraseState;
}

const MODES = [
  { mode: 'erase', label: 'eraseModeErase', hint: 'eraseModeEraseHint' },
  { mode: 'anonymise', label: 'eraseModeAnonymise', hint: 'eraseModeAnonymiseHint' },
] as const satisfies readonly { mode: EraseMode; label: MessageKey; hint: MessageKey }[];

/** F7 › Erase this customer's data: the data subject's rights, confirmed in the panel first. */
export function PrivacyErase({ erase }: Props) {
  const { t, language } = useLocale();
  const problem = erase.problem.value;
  const confirming = erase.confirming.value;
  const result = erase.result.value;
  const error = erase.error.value;
  const question = useRef<HTMLParagraphElement>(null);
  const submit = useRef<HTMLButtonElement>(null);
  useConfirmFocus(confirming !== null, question, submit);
  const count = (n: number, one: MessageKey, other: MessageKey) => t(isSingular(n, language) ? one : other, formatCount(n, language));
  return (
    <section class="privacy-section" aria-labelledby="privacy-erase-heading" data-testid="privacy-erase">
      <h3 id="privacy-erase-heading">{t('eraseHeading')}</h3>
      <p class="muted">{t('eraseIntro')}</p>
      {/* noValidate: the panel's own translated message explains a bad address, not Chrome's pop-up. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          erase.ask();
        }}
      >
        <label class="field-label" for="erase-customer">
          {t('eraseAddressLabel')}
        </label>
        <input
          type="email"
          id="erase-customer"
          class="field"
          autocomplete="off"
          spellcheck={false}
          value={erase.address.value}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'erase-problem' : undefined}
          onInput={(event) => erase.type(event.currentTarget.value)}
        />
        {problem && (
          <p id="erase-problem" class="field-problem">
            {problem === 'empty' ? t('eraseProblemEmpty') : t('eraseProblemInvalid', erase.address.value.trim())}
          </p>
        )}
        <fieldset class="choices">
          <legend>{t('eraseModeLegend')}</legend>
          {MODES.map(({ mode, label, hint }) => (
            <div class="choice" key={mode}>
              <input
                type="radio"
                id={`erase-mode-${mode}`}
                name="erase-mode"
                checked={erase.mode.value === mode}
                aria-describedby={`erase-mode-${mode}-hint`}
                onChange={() => erase.choose(mode)}
              />
              <label for={`erase-mode-${mode}`}>{t(label)}</label>
              <p id={`erase-mode-${mode}-hint`} class="muted choice-hint">
                {t(hint)}
              </p>
            </div>
          ))}
        </fieldset>
        <p class="muted">{t('eraseGmailNote')}</p>
        <button type="submit" ref={submit} hidden={confirming !== null}>
          {t('eraseButton')}
        </button>
      </form>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="erase-question" data-testid="erase-confirm">
          <p id="erase-question" ref={question} tabIndex={-1}>{t(confirming.mode === 'erase' ? 'eraseQuestion' : 'anonymiseQuestion', confirming.customer)}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={erase.erasing.value} onClick={() => void erase.confirm()}>
              {t(confirming.mode === 'erase' ? 'eraseConfirm' : 'anonymiseConfirm')}
            </button>
            <button type="button" disabled={erase.erasing.value} onClick={erase.cancel}>
              {t('cancel')}
            </button>
          </div>
          {erase.erasing.value && <p role="status">{t('eraseWorking')}</p>}
        </div>
      )}
      {result && (
        <Notice tone="info" testId="erase-result">
          {t(
            'eraseResult',
            result.customer,
            count(result.deleted, 'eraseDeletedOne', 'eraseDeletedOther'),
            count(result.anonymised, 'eraseAnonymisedOne', 'eraseAnonymisedOther'),
          )}
        </Notice>
      )}
      {error && (
        <Notice tone="error" testId="erase-error">
          {t('eraseFailed', errorText(t, error))}
        </Notice>
      )}
    </section>
  );
}
