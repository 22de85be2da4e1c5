/**
 * The names of the files in a ZIP archive, read from its central directory (APPNOTE 4.3.12/4.3.16).
 * Enough to check what a store package contains; no decompression.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipEntryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 65 535 bytes.
  let eocd = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a ZIP archive: no end-of-central-directory record.');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.byteLength || view.getUint32(at, true) !== CENTRAL)
      throw new Error(`Corrupt ZIP central directory at entry ${n}.`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
