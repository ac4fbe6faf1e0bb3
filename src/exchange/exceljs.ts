// ExcelJS, loaded on first use: it costs the server ~0.6 s of start-up (and every
// command that imports values) for what only the Excel forms and tables need.
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJSModule> {
  // A failed load is not kept: the next call tries again.
  loading ??= import('exceljs').then((module) => module.default, (error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
