/**
 * What the panel knows of the privacy centre (F7) before its code is loaded — whether it is open,
 * for which tab and account, and what deleting everything left to say — so that the centre's own
 * state and views can be a chunk of their own, read when it is first opened (F12: bundle budget).
 */
import { batch, type ReadonlySignal, signal } from '@preact/signals';
import type { PanelStateDeps } from './state';

export interface PrivacySubject {
  tabId: number;
  /** The tab's Google account, signed in or not. */
  account: string;
  signedIn: boolean;
  /** The open conversation's customer, offered to the erase form. */
  customer: string | null;
}

export interface PrivacyDeps extends Pick<PanelStateDeps, 'request'> {
  /** Hands a file to the browser's downloads. */
  saveFile: (name: string, text: string) => void;
}

export function createPrivacyDoor(deps: PrivacyDeps, subject: ReadonlySignal<PrivacySubject | null>) {
  const opened = signal(false);
  /** Everything was deleted: the consent screen says so until someone signs in again. */
  const deletedAll = signal(false);
  return {
    deps,
    subject,
    opened,
    deletedAll,
    open: () =>
      batch(() => {
        opened.value = true;
        deletedAll.value = false;
      }),
    close: () => (opened.value = false),
    /** Every account is signed out now: the centre gives way to the consent screen, which says why. */
    allDeleted: () =>
      batch(() => {
        deletedAll.value = true;
        opened.value = false;
      }),
    /** Called on every tab state. */
    follow: () => {
      if (subject.value?.signedIn) deletedAll.value = false;
    },
  };
}

export type PrivacyDoor = ReturnType<typeof createPrivacyDoor>;
