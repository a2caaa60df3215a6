import { TEMPLATE_VARIABLES, type TemplateVariable } from '@/utils/templates/variables';
import { useLocale } from './i18n';
import { variableText, variableToken } from './templateText';

interface Props {
  onInsert: (variable: TemplateVariable) => void;
}

/** The variables a template may use, each a button that puts it at the cursor in the text. */
export function TemplateVariables({ onInsert }: Props) {
  const { t } = useLocale();
  return (
    <div class="template-variables" role="group" aria-labelledby="template-variables-label">
      <p id="template-variables-label" class="template-variables-label">
        {t('templateVariablesLabel')}
      </p>
      <ul>
        {TEMPLATE_VARIABLES.map((variable) => (
          <li key={variable}>
            <button type="button" data-testid="template-variable" data-variable={variable} onClick={() => onInsert(variable)}>
              {variableText(t, variable)} <code>{variableToken(variable)}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
