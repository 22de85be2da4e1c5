/**
 * Files in and out, without any network: reading what the person picked or dropped (backup,
 * calendar, team files, rules) and downloading what they export.
 */

/** The text of a picked or dropped file (File.text where the browser has it, else a FileReader). */
export function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/** Start a download of `text` as a file, without any network: a Blob and a temporary object URL. */
export function downloadText(text: string | BlobPart[], fileName: string, type = 'application/json'): void {
  const blob = new Blob(Array.isArray(text) ? text : [text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
