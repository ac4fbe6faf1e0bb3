// Refusals of the use cases that a command reports as its own exit code, with the
// same Vietnamese message as the API: a write into a period an issued report locks
// exits 3 (documented in the README and each command's help). Only an admin's reopen
// with a reason (POST /api/reports/{org}/{period}/actions/reopen) unlocks it.
import { AppError } from '../app/app-error.ts';
import { CliError } from './cli-error.ts';
import { EXIT_CODES } from './exit-codes.ts';

export const EXIT_PERIOD_LOCKED = EXIT_CODES.periodLocked;

/** Runs `work`; a period_locked refusal becomes exit code 3 with the API's message. */
export async function refusingLockedPeriods<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'period_locked') throw new CliError(EXIT_PERIOD_LOCKED, error.message);
    throw error;
  }
}
