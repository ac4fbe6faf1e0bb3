// Dates as the app shows them: dd/mm/yyyy, and dd/mm/yyyy hh:mm for moments, in the
// user's time zone. (The official document writes its own "ngày 15 tháng 4 năm 2022"
// through src/core/format.ts; the app's tables and notices use this one form.)

const pad = (n: number) => String(n).padStart(2, '0');

/** `2022-04-15` (or an ISO moment) → "15/04/2022"; anything unreadable as it came. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  return `${pad(moment.getDate())}/${pad(moment.getMonth() + 1)}/${moment.getFullYear()}`;
}

/** An ISO moment → "15/04/2022 09:05" in local time; a plain date as formatDate. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  return `${formatDate(value)} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}
