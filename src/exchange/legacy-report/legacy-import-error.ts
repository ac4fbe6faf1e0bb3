// The one error the legacy-report readers throw: a typed code and a Vietnamese message
// a user can act on. Anything else escaping a reader is a bug (the fuzz tests check).

export type LegacyImportErrorCode =
  | 'empty_file'
  | 'file_too_large'
  | 'unsupported_type'
  | 'corrupt_zip'
  | 'too_many_entries'
  | 'inflated_too_large'
  | 'not_a_docx'
  | 'invalid_utf8';

export class LegacyImportError extends Error {
  constructor(readonly code: LegacyImportErrorCode, message: string) {
    super(message);
    this.name = 'LegacyImportError';
  }
}

export const LIMITS = {
  /** Largest file accepted. */
  maxFileBytes: 20 * 1024 * 1024,
  /** A DOCX has a few dozen parts; thousands mean something else. */
  maxZipEntries: 2000,
  /** Total size of the parts we inflate (document, styles, numbering): a ZIP bomb stops here. */
  maxInflatedBytes: 50 * 1024 * 1024,
} as const;

export type ReaderLimits = { readonly [K in keyof typeof LIMITS]: number };

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`.replace('.', ',');
}
