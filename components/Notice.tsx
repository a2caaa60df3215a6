import type { ComponentChildren } from 'preact';

interface Props {
  tone: 'info' | 'warning' | 'error';
  children: ComponentChildren;
  testId?: string;
}

/** A one-line message above the content: offline, refreshing, a refresh that failed. */
export function Notice({ tone, children, testId }: Props) {
  return (
    <p class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
