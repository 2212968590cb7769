// File names of SOP downloads, safe in any file system and header: ASCII letters, digits and dashes.

/** `text` in that alphabet (accents dropped, other runs become one dash), at most `max` characters, or '' . */
export function safeFileNamePart(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** `SOP-<name>-rev<n>.pdf`: the SOP's name where the alphabet allows. */
export function sopFileName(title: string, revision: number): string {
  return `SOP-${safeFileNamePart(title, 80) || 'peta'}-rev${revision}.pdf`;
}
