/**
 * Saves a blob as a file through the browser's own download, as a link would: it needs no permission and the
 * file lands where the user's downloads go.
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Not revoked at once: the download reads the blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
