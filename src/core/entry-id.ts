// Ids of a report's entries (narrative items, documents, plan items) travel in URL
// paths (/api/reports/{org}/{period}/items/{id}): they are kept to letters without
// diacritics, digits and `. _ : -`, so no encoding is ever needed and no id is refused
// by the API's route (issue 12: `i.1#1` could not be edited).

/** What an entry id may be: 1 to 64 of A-Z, a-z, 0-9, `.`, `_`, `:`, `-`. */
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

export const ENTRY_ID_RULE = 'chỉ gồm chữ không dấu, số và . _ : - (tối đa 64 ký tự)';

export function isSafeEntryId(id: string): boolean {
  return ENTRY_ID_PATTERN.test(id);
}
