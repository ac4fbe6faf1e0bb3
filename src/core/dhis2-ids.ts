// DHIS2 identifiers of baocao's objects, and how a file's identifiers are read under
// DHIS2's id schemes (idScheme, dataElementIdScheme, orgUnitIdScheme,
// categoryOptionComboIdScheme, categoryIdScheme, categoryOptionIdScheme).

/**
 * Identifiers of the same object in a DHIS2 instance, for exchanging files with it: its
 * 11-character `uid` and its `code` there when it differs from ours. Both optional.
 */
export interface Dhis2Ids {
  readonly uid?: string | null;
  readonly dhis2Code?: string | null;
}
