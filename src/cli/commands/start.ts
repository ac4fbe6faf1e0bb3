// `baocao start`: the web server arrives in a later version; for now it prepares the database.
import type { CommandContext } from '../command.ts';
import { withStore } from '../store.ts';

export async function run({ io, env }: CommandContext): Promise<number> {
  await withStore(env, async () => undefined);
  io.out('Cơ sở dữ liệu đã sẵn sàng. Máy chủ web sẽ có ở phiên bản sau; hiện dùng các lệnh baocao (xem baocao --help).');
  return 0;
}
