/**
 * The HTML alternative of a plain-text reply (F6). Gmail shows the HTML part, so it must say
 * exactly what the text says: every character escaped, paragraphs at blank lines, line breaks
 * kept. Nothing the agent or a variable typed can become markup.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`);
  return `<div dir="auto">\n${paragraphs.join('\n')}\n</div>`;
}
