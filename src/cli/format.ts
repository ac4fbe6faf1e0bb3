// Numbers for people, the Vietnamese way: 20.601; 77,20; 1.234.567,5.

const formatters = new Map<number, Intl.NumberFormat>();

/** Rounds half-up (away from zero) at `decimals` places and prints with vi-VN separators. */
export function formatNumberVi(value: number, decimals = 0, { fixed = false } = {}): string {
  const key = fixed ? decimals + 100 : decimals;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals, minimumFractionDigits: fixed ? decimals : 0, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions);
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** Rows of a file as people read them: "dòng 3, 5" (CSV) or "mục 2" (JSON dataValues). */
export function rowLabel(format: 'json' | 'csv', indexes: readonly number[], limit = 10): string {
  const shown = indexes.slice(0, limit).join(', ');
  const more = indexes.length > limit ? ` và ${formatNumberVi(indexes.length - limit)} ${format === 'csv' ? 'dòng' : 'mục'} khác` : '';
  return `${format === 'csv' ? 'Dòng' : 'Mục'} ${shown}${more}`;
}
