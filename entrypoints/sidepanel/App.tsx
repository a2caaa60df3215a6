import { AccountBar } from '@/components/AccountBar';
import { CaseControls } from '@/components/CaseControls';
import { ConsentScreen } from '@/components/ConsentScreen';
import { ConversationDetails } from '@/components/ConversationDetails';
import { CustomerCard } from '@/components/CustomerCard';
import { errorText } from '@/components/errorText';
import { HistorySection } from '@/components/HistorySection';
import { useLocale } from '@/components/i18n';
import { Notice } from '@/components/Notice';
import { QueueView } from '@/components/QueueView';
import { SECTION_PANEL_ID, SectionTabs, sectionTabId } from '@/components/SectionTabs';
import { StateMessage } from '@/components/StateMessage';
import { TemplatesView } from '@/components/TemplatesView';
import { gmailThreadUrl } from '@/utils/google/endpoints';
import { formatWhen } from '@/utils/i18n/format';
import type { PanelState } from '@/utils/panel/state';

interface Props {
  state: PanelState;
  privacyPolicyUrl: string;
  /** Navigates the Gmail tab the panel follows (the agent stays in their tab and account). */
  navigateTab: (tabId: number, url: string) => void;
}

export function App({ state, privacyPolicyUrl, navigateTab }: Props) {
  const { t, language } = useLocale();
  const screen = state.screen.value;
  const session = state.tab.value?.session ?? null;
  const now = state.now.value;
  const section = state.section.value;

  function content() {
    switch (screen.name) {
      case 'starting':
        return null;
      case 'not-gmail':
        return (
          <StateMessage title={t('notGmailTitle')}>
            <p>{t('notGmailBody')}</p>
            <p class="muted">{t('reloadGmailBody')}</p>
          </StateMessage>
        );
      case 'consent':
        return (
          <ConsentScreen
            account={screen.account}
            signedOutReason={state.tab.value?.signedOutReason ?? null}
            signingIn={state.signingIn.value}
            error={state.signInError.value}
            dismissed={state.dismissed.value}
            privacyPolicyUrl={privacyPolicyUrl}
            onSignIn={() => void state.signIn()}
            onNotNow={state.notNow}
          />
        );
      case 'no-conversation':
        return (
          <StateMessage title={t('noConversationTitle')}>
            <p>{t('noConversationBody')}</p>
          </StateMessage>
        );
      case 'unidentified':
        return (
          <StateMessage title={t('unidentifiedTitle')}>
            <p>{t('unidentifiedBody')}</p>
          </StateMessage>
        );
      case 'loading':
        return <StateMessage title={t('loadingConversation')} />;
      case 'error':
        return (
          <StateMessage title={errorText(t, screen.error)} role="alert">
            <button type="button" onClick={() => void state.retry()}>
              {t('retry')}
            </button>
          </StateMessage>
        );
      case 'conversation': {
        const { view, tabId, accountPath } = screen;
        const threadUrl = (threadId: string) => gmailThreadUrl(accountPath, threadId);
        const savedAt = formatWhen(view.fetchedAt, now, language);
        const refreshError = state.conversationError.value;
        return (
          <>
            {refreshError ? (
              <Notice tone="warning">
                {errorText(t, refreshError)} {t('showingSavedCopy', savedAt)}{' '}
                <button type="button" class="link" onClick={() => void state.retry()}>
                  {t('retry')}
                </button>
              </Notice>
            ) : (
              <p class="freshness muted" role="status" data-testid="freshness" data-source={view.source}>
                {state.refreshing.value ? t('refreshing', savedAt) : t('updatedAt', savedAt)}
              </p>
            )}
            <CustomerCard conversation={view.conversation} now={now} />
            <CaseControls cases={state.cases} timeline={view.conversation.timeline} now={now} />
            {view.conversation.customer && (
              <HistorySection
                history={state.history}
                threadUrl={threadUrl}
                onOpen={(threadId) => navigateTab(tabId, threadUrl(threadId))}
              />
            )}
            <ConversationDetails conversation={view.conversation} />
          </>
        );
      }
      case 'queue': {
        const { tabId, accountPath } = screen;
        const threadUrl = (threadId: string) => gmailThreadUrl(accountPath, threadId);
        return (
          <QueueView
            queue={state.queue}
            now={now}
            threadUrl={threadUrl}
            onOpen={(threadId) => {
              navigateTab(tabId, threadUrl(threadId));
              // The agent opened a case to work on it: its status and SLA are on the other tab.
              state.showSection('conversation');
            }}
          />
        );
      }
      case 'templates':
        return <TemplatesView templates={state.templates} />;
    }
  }

  return (
    <>
      {session && <AccountBar email={session.email} onSignOut={() => void state.signOut()} />}
      <main>
        {state.navigable.value ? (
          <>
            <SectionTabs selected={section} onSelect={state.showSection} />
            <div role="tabpanel" id={SECTION_PANEL_ID} aria-labelledby={sectionTabId(section)}>
              {content()}
            </div>
          </>
        ) : (
          content()
        )}
      </main>
    </>
  );
}
