// A progress bar on stderr for long imports: only on a terminal, only for big files.
import type { Io } from './command.ts';

export const PROGRESS_MIN_ROWS = 5_000;

export function progressBar(io: Io, total: number, label: string): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTty || total <= PROGRESS_MIN_ROWS) return undefined;
  const width = 30;
  return (done, all) => {
    const share = all === 0 ? 1 : done / all;
    const filled = Math.round(share * width);
    io.writeErr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% (${done}/${all})`);
    if (done >= all) io.writeErr('\n');
  };
}
