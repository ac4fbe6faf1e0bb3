// Reading and writing the files a user names: any failure is one Vietnamese line
// naming the file (exit code 2), never a stack trace.
import { readFile, writeFile } from 'node:fs/promises';
import { CliError } from './cli-error.ts';

function reason(error: unknown, writing = false): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    // Writing, a missing path means the folder: the file itself is about to be created.
    case 'ENOENT': return writing ? 'thư mục chứa tệp không tồn tại' : 'không tồn tại';
    case 'EACCES':
    case 'EPERM': return 'không có quyền truy cập';
    case 'EISDIR': return 'là một thư mục, không phải tệp';
    case 'ENOTDIR': return 'có đường dẫn không hợp lệ';
    case 'ENOSPC': return 'đĩa đã đầy';
    case 'EROFS': return 'ổ đĩa chỉ cho phép đọc';
    default: return error instanceof Error ? error.message : String(error);
  }
}

export async function readUserFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(2, `Không đọc được tệp "${file}": ${reason(error)}.`);
  }
}

/** The file as bytes, for formats that may be binary (an XLSX form). */
export async function readUserBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new CliError(2, `Không đọc được tệp "${file}": ${reason(error)}.`);
  }
}

export async function writeUserFile(file: string, text: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, text, typeof text === 'string' ? 'utf8' : undefined);
  } catch (error) {
    throw new CliError(2, `Không ghi được tệp "${file}": ${reason(error, true)}.`);
  }
}
