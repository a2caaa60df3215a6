import { AccountBar } from '@/components/AccountBar';
import { CaseControls } from '@/components/CaseControls';
import { ConsentScreen } from '@/components/ConsentScreen';
import { ConversationDetails } from '@/components/ConversationDetails';
import { CustomerCard } from '@/components/CustomerCard';
import { errorText } from '@/components/errorText';
import { HistorySection } from '@/components/HistorySection';
import { useLocale } from '@/components/i18n';
import { lazyView } from '@/components/lazy';
import { Notice } from '@/components/Notice';
import { PolicyNotice } from '@/components/PolicyNotice';
import { SECTION_PANEL_ID, SectionTabs, sectionTabId } from '@/components/SectionTabs';
import { StateMessage } from '@/components/StateMessage';
import type { PrivacyLinks } from '@/components/PrivacyLinks';
import { gmailThreadUrl } from '@/utils/google/endpoints';
import { formatWhen } from '@/utils/i18n/format';
import type { PanelState } from '@/utils/panel/state';

// Their own chunks, read the first time they are shown: the first paint waits for none (F12).
const QueueView = lazyView(() => import('@/components/QueueView').then((module) => module.QueueView));
const TemplatesView = lazyView(() => import('@/components/TemplatesView').then((module) => module.TemplatesView));
const PrivacyCentre = lazyView(() => import('@/components/PrivacyCentre').then((module) => module.PrivacyCentre));

interface Props {
  state: PanelState;
  /** The extension's own privacy policy page, linked to unless the admin's policy names another. */
  ownPrivacyPolicyUrl: string;
  /** Navigates the Gmail tab the panel follows (the agent stays in their tab and account). */
  navigateTab: (tabId: number, url: string) => void;
}

export function App({ state, ownPrivacyPolicyUrl, navigateTab }: Props) {
  const { t, language } = useLocale();
  const screen = state.screen.value;
  const session = state.tab.value?.session ?? null;
  const now = state.now.value;
  const section = state.section.value;
  const { features, privacyPolicyUrl, dpoContact } = state.policy.value.policy;
  // The privacy policy and DPO the privacy centre (F7) and the consent screen link to (F9).
  const privacyLinks: PrivacyLinks = { privacyPolicyUrl: privacyPolicyUrl ?? ownPrivacyPolicyUrl, dpoContact };

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
          <>
            {state.privacy.deletedAll.value && (
              <Notice tone="info" testId="deleted-all">
                {t('deleteAllDone')}
              </Notice>
            )}
            <ConsentScreen
              account={screen.account}
              signedOutReason={state.tab.value?.signedOutReason ?? null}
              signingIn={state.signingIn.value}
              error={state.signInError.value}
              dismissed={state.dismissed.value}
              privacyPolicyUrl={privacyLinks.privacyPolicyUrl}
              retentionDays={state.policy.value.policy.retentionDays}
              onSignIn={() => void state.signIn()}
              onNotNow={state.notNow}
              onPrivacy={state.privacy.subject.value ? state.privacy.open : null}
            />
          </>
        );
      case 'privacy':
        return (
          <PrivacyCentre
            door={state.privacy}
            links={privacyLinks}
            now={now}
            onBack={state.privacy.close}
            onSignOut={() => {
              // The consent screen then says what signing out did.
              state.privacy.close();
              void state.signOut();
            }}
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
            {features.cases && <CaseControls cases={state.cases} timeline={view.conversation.timeline} now={now} />}
            {view.conversation.customer && features.history && (
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
        return state.templates.state.value ? (
          <TemplatesView templates={state.templates.state.value} />
        ) : (
          <p class="muted" role="status">
            {t('viewLoading')}
          </p>
        );
    }
  }

  return (
    <>
      {session && <AccountBar email={session.email} onSignOut={() => void state.signOut()} onPrivacy={state.privacy.open} />}
      <main>
        {/* The page's title for screen-reader navigation by headings; the screens' titles are h2. */}
        <h1 class="visually-hidden">{t('appName')}</h1>
        <PolicyNotice problems={state.policy.value.problems} />
        {state.navigable.value ? (
          <>
            <SectionTabs sections={state.sections.value} selected={section} onSelect={state.showSection} />
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
