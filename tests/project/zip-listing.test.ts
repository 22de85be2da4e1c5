import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipEntryNames } from '../../scripts/zip-listing.ts';

/** A minimal ZIP (stored or deflated entries) written by hand, as any zip tool writes one. */
function makeZip(files: Array<{ name: string; data: string }>, comment = ''): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const data = deflateRawSync(Buffer.from(file.data));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end, Buffer.from(comment)]));
}

describe('zipEntryNames', () => {
  it('lists every entry in order, with UTF-8 names', () => {
    const zip = makeZip([
      { name: 'manifest.json', data: '{}' },
      { name: 'icon/128.png', data: 'png' },
      { name: 'docs/Über.md', data: '# hi' },
    ]);
    expect(zipEntryNames(zip)).toEqual(['manifest.json', 'icon/128.png', 'docs/Über.md']);
  });

  it('finds the directory behind an archive comment', () => {
    expect(zipEntryNames(makeZip([{ name: 'a.txt', data: 'a' }], 'made by a store tool'))).toEqual(['a.txt']);
  });

  it('an empty archive has no entries', () => {
    expect(zipEntryNames(makeZip([]))).toEqual([]);
  });

  it('rejects what is not a zip, and a truncated directory', () => {
    expect(() => zipEntryNames(new TextEncoder().encode('not a zip at all, just text'))).toThrow(/Not a ZIP/);
    const zip = makeZip([{ name: 'a.txt', data: 'a' }]);
    const broken = zip.slice();
    // Point the directory offset past the end.
    new DataView(broken.buffer).setUint32(broken.length - 6, 9999, true);
    expect(() => zipEntryNames(broken)).toThrow(/Corrupt/);
  });
});
