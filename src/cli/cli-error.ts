// Errors the CLI reports as one Vietnamese line with a chosen exit code:
// 2 for bad arguments and unreadable files, 1 for failures.

export class CliError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string, helpCommand = 'baocao --help'): CliError {
  return new CliError(2, `${message} Xem: ${helpCommand}`);
}
