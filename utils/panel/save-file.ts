/**
 * Hands a JSON file to the browser's downloads the way a web page does — a Blob behind an
 * `<a download>` — so the export needs no `downloads` permission (least privilege).
 */
export function saveJsonFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chrome reads the Blob after click() returns: revoking at once can fail the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
