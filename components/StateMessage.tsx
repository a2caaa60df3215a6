import type { ComponentChildren } from 'preact';

interface Props {
  title: string;
  children?: ComponentChildren;
  /** 'status' is announced politely by screen readers; 'alert' interrupts (errors). */
  role?: 'status' | 'alert';
}

/** A calm, centred state: empty states, loading, errors that replace the content. */
export function StateMessage({ title, children, role = 'status' }: Props) {
  return (
    <section class="state" role={role} aria-live={role === 'alert' ? 'assertive' : 'polite'}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
