// Values read from a file whose rows are not lines: an ADX data value sits in a group,
// a form value in a sheet cell. Each row index then has a place users can find, and
// the import summary's conflicts are rewritten to name it.
import type { ImportConflict, ImportSummary, ParsedValues } from '../app/values/value-import.ts';

export interface LocatedValues extends ParsedValues {
  /** Row index → where it is, in Vietnamese ("Trang 'stttt-travinh', dòng 12, cột F"). */
  readonly places?: ReadonlyMap<number, string>;
  /** What the reader accepted but a user should know (a number typed as text…). */
  readonly notices?: readonly string[];
}

const MAX_PLACES = 10;

/** Prefixes each conflict's message with the places of its rows, when the file has places. */
export function placeConflicts(summary: ImportSummary, parsed: LocatedValues): ImportSummary {
  const places = parsed.places;
  if (!places || places.size === 0) return summary;
  // Conflicts made by the reader already name their place.
  const fromReader = new Set(parsed.conflicts);
  return { ...summary, conflicts: summary.conflicts.map((conflict) => (fromReader.has(conflict) ? conflict : placeConflict(conflict, places))) };
}

function placeConflict(conflict: ImportConflict, places: ReadonlyMap<number, string>): ImportConflict {
  const named = conflict.indexes.map((index) => places.get(index)).filter((place): place is string => place !== undefined);
  if (named.length === 0) return conflict;
  const more = named.length > MAX_PLACES ? ` và ${named.length - MAX_PLACES} chỗ khác` : '';
  return { ...conflict, message: `${named.slice(0, MAX_PLACES).join('; ')}${more}: ${conflict.message}` };
}
