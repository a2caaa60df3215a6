import { balanceBidi } from '@/utils/mail/bidi';

/**
 * Text that came from mail (a name, an address, a subject, a file name), written by whoever sent
 * it (issue 7). Preact makes it a text node, so markup in it stays text. `<bdi>` gives it its own
 * direction (dir=auto by default) and keeps its bidi controls from reordering the panel's text
 * around it; balanceBidi stops a stray closing control from breaking out of that isolation.
 */
export function MailText({ text }: { text: string }) {
  return <bdi>{balanceBidi(text)}</bdi>;
}
