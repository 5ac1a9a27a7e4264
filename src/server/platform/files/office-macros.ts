// Macro and archive checks for uploaded files (issue 8: "archives and office files with macros
// refused or flagged"). Decision: refused, not flagged — an applicant's evidence never needs code,
// and a flagged file would still reach a reviewer's desktop.
//  - OOXML (any ZIP): refused when it carries a VBA project (vbaProject.bin, vbaData.xml), ActiveX
//    controls (activeX/ parts) or a macro-enabled content type (DOCM/XLSM/PPTM/DOTM…).
//  - OLE2 compound files (.doc/.xls/.ppt): refused when a storage or stream is named Macros, VBA,
//    _VBA_PROJECT or _VBA_PROJECT_CUR (where Word, Excel and PowerPoint keep VBA).
// Zip bombs: only the central directory is read (names and declared sizes) and at most one small
// part ([Content_Types].xml) is inflated, under a byte cap enforced while streaming; entry count and
// declared total uncompressed size are capped, and yauzl checks each inflated size against its header.
import CFB from 'cfb';
import yauzl from 'yauzl';

export const ZIP_LIMITS = { maxEntries: 5_000, maxUncompressedBytes: 200 * 1024 * 1024, maxContentTypesBytes: 1024 * 1024 };

export type OfficeFinding =
  | { refused: false }
  | { refused: true; reason: 'macros' | 'activex' | 'too_many_entries' | 'too_large_uncompressed' | 'unreadable'; part?: string };

const VBA_PART = /(^|\/)(vbaProject\.bin|vbaData\.xml)$/i;
const ACTIVEX_PART = /(^|\/)activeX\//i;
const MACRO_CONTENT_TYPE = /macroEnabled/i;
const OLE_VBA_NAME = /^(Macros|VBA|_VBA_PROJECT|_VBA_PROJECT_CUR)$/i;

const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
const isOle = (buf: Buffer) => buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'));

/** Inspects ZIP and OLE2 files; any other content passes through untouched. */
export async function inspectOfficeFile(buf: Buffer): Promise<OfficeFinding> {
  if (isZip(buf)) return inspectZip(buf);
  if (isOle(buf)) return inspectOle(buf);
  return { refused: false };
}

export function inspectOle(buf: Buffer): OfficeFinding {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(buf, { type: 'buffer' });
  } catch {
    return { refused: true, reason: 'unreadable' };
  }
  for (const full of container.FullPaths) {
    const hit = full.split('/').find((seg) => OLE_VBA_NAME.test(seg));
    if (hit) return { refused: true, reason: 'macros', part: full };
  }
  return { refused: false };
}

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });
}

/** Inflates one entry, giving up (null) past `cap` bytes — decided while streaming, not after. */
function readCapped(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > cap) { stream.destroy(); resolve(null); } else chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

export async function inspectZip(buf: Buffer): Promise<OfficeFinding> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buf);
  } catch {
    return { refused: true, reason: 'unreadable' };
  }
  if (zip.entryCount > ZIP_LIMITS.maxEntries) { zip.close(); return { refused: true, reason: 'too_many_entries' }; }
  return new Promise<OfficeFinding>((resolve) => {
    let total = 0;
    const done = (f: OfficeFinding) => { zip.close(); resolve(f); };
    zip.on('error', () => done({ refused: true, reason: 'unreadable' }));
    zip.on('end', () => done({ refused: false }));
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      total += entry.uncompressedSize;
      if (total > ZIP_LIMITS.maxUncompressedBytes) return done({ refused: true, reason: 'too_large_uncompressed' });
      if (VBA_PART.test(name)) return done({ refused: true, reason: 'macros', part: name });
      if (ACTIVEX_PART.test(name)) return done({ refused: true, reason: 'activex', part: name });
      if (name !== '[Content_Types].xml') return zip.readEntry();
      readCapped(zip, entry, ZIP_LIMITS.maxContentTypesBytes).then((xml) => {
        if (xml === null) return done({ refused: true, reason: 'too_large_uncompressed', part: name });
        if (MACRO_CONTENT_TYPE.test(xml)) return done({ refused: true, reason: 'macros', part: name });
        zip.readEntry();
      }, () => done({ refused: true, reason: 'unreadable', part: name }));
    });
    zip.readEntry();
  });
}
