// What every `baocao` command provides, and what it is given to run.
import type { OptionSpec, ParsedArgs } from './args.ts';

export interface Io {
  /** Writes text as is (no newline added). */
  readonly write: (text: string) => void;
  /** One line to stdout. */
  readonly out: (line?: string) => void;
  /** One line to stderr. */
  readonly err: (line: string) => void;
  /** Raw stderr writes, for the progress bar. */
  readonly writeErr: (text: string) => void;
  readonly stderrIsTty: boolean;
}

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: Io;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `baocao values import --help`: shown after usage errors. */
  readonly helpCommand: string;
}

export interface Command {
  /** One or two words: `validate`, `values import`. */
  readonly name: string;
  /** One Vietnamese line for the command list. */
  readonly summary: string;
  /** The full Vietnamese help (`baocao <command> --help`). */
  readonly help: string;
  readonly options: OptionSpec;
  /** The module that runs it, loaded on demand. */
  load(): Promise<{ run(context: CommandContext): Promise<number> }>;
}
