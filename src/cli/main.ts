// Entry point of the `baocao` command: finds the command, parses its options,
// runs it, and turns every failure into one Vietnamese line and an exit code
// (exit-codes.ts; stack only with BAOCAO_DEBUG=1).
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../storage/database-unavailable.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, usageError } from './cli-error.ts';
import type { Command, Io } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT_CODES } from './exit-codes.ts';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join('\n');
  return `baocao — báo cáo định kỳ cho cơ quan nhà nước

Cách dùng: baocao <lệnh> [tùy chọn]

Các lệnh:
${list}

Tùy chọn chung:
  -h, --help   xem hướng dẫn (baocao <lệnh> --help cho từng lệnh)

Biến môi trường:
  BAOCAO_DB      cơ sở dữ liệu: sqlite:đường-dẫn hoặc postgres://… (mặc định tệp baocao.db
                 trong thư mục dữ liệu)
  BAOCAO_DATA    thư mục dữ liệu (mặc định ./data)
  BAOCAO_DEBUG   đặt 1 để in chi tiết lỗi

Mã thoát: 0 thành công; 1 thất bại; 2 sai tham số hoặc tệp không đọc được;
  3 kỳ báo cáo đã khóa (báo cáo đã ban hành); 75 cơ sở dữ liệu tạm thời không truy
  cập được (thử lại sau).

Mọi thiết lập: docs/configuration.md`;
}

/** The commands starting with a group word (`values`), for `baocao values --help`. */
function groupHelp(group: string, commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Cách dùng: baocao ${group} <lệnh> [tùy chọn]

Các lệnh:
${commands.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join('\n')}

Xem thêm: baocao ${group} <lệnh> --help`;
}

export function processIo(): Io {
  return {
    write: (text) => process.stdout.write(text),
    out: (line = '') => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    writeErr: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

export async function main(argv: readonly string[], io: Io, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const [first, second] = argv;
  if (first === undefined) {
    io.err(generalHelp());
    return 2;
  }
  if (isHelp(first) || first === 'help') {
    io.out(generalHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first);
  if (!command) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
    if (group.length > 0) {
      if (isHelp(second)) {
        io.out(groupHelp(first, group));
        return 0;
      }
      throw usageError(second === undefined ? `Lệnh "${first}" cần thêm lệnh con (${group.map((c) => c.name.split(' ')[1]).join(', ')}).` : `Không có lệnh "${first} ${second}".`, `baocao ${first} --help`);
    }
    throw usageError(`Không có lệnh "${first}".`);
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.some(isHelp)) {
    io.out(command.help);
    return 0;
  }
  const helpCommand = `baocao ${command.name} --help`;
  const args = parseCommandArgs(rest, command.options, helpCommand);
  const { run: runCommand } = await command.load();
  return runCommand({ args, io, env, helpCommand });
}

/** Runs the command line and returns the exit code; never throws. */
export async function run(argv: readonly string[], io: Io = processIo(), env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    return await main(argv, io, env);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    const debug = env['BAOCAO_DEBUG'] === '1';
    if (isDatabaseUnavailable(error)) {
      io.err(`Lỗi: ${DATABASE_UNAVAILABLE_MESSAGE} (${message.split('\n')[0]}). Lệnh không hoàn tất; phần đang ghi dở không được lưu. Thử lại sau khi cơ sở dữ liệu hoạt động (BAOCAO_DB).`);
      if (debug && error instanceof Error && error.stack) io.err(error.stack);
      return EXIT_CODES.databaseUnavailable;
    }
    io.err(`Lỗi: ${message.split('\n')[0]}${debug ? '' : ' (đặt BAOCAO_DEBUG=1 để xem chi tiết)'}`);
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
