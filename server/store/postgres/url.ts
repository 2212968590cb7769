// Database URLs in messages: never with their password. Free of pg, so the CLI can use it without loading the driver.

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(alamat basis data tidak sah)';
  }
}
