// The name a downloaded file is saved under: the server sends both an ASCII name and
// the Vietnamese one (RFC 6266 `filename*`); the user should get the Vietnamese one.

/** The file name of a Content-Disposition header: `filename*` (UTF-8) first, else `filename`, else null. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the ASCII name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}
