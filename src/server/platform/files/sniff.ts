// What a file is, from its first bytes — never from its name or the browser's content type.
// Decision: a file whose content is an allowed type but whose name says otherwise (a ".pdf" that
// is a PNG) is stored as what it is, renamed to the right extension, with the declared name
// kept; content of no allowed type is refused.
export type Sniffed = { mime: string; ext: string };

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export function sniff(buf: Buffer): Sniffed | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mime: 'application/msword', ext: 'doc' };
  // DOCX is a ZIP whose parts live under word/ (named in the local headers and the central directory).
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && buf.includes('word/', 0, 'latin1')) {
    return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
  }
  return null;
}

/** A safe display name: no path, no control or reserved characters, bounded length. */
export function sanitizeFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim();
  const bounded = clean.length > 120 ? clean.slice(0, 80) + clean.slice(-40) : clean;
  return bounded || 'file';
}

/** The name with the extension of what the content is. */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${ext}`;
}
