// Argument parsing with node:util parseArgs, its English errors turned into one
// Vietnamese line (exit code 2).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ID_SCHEME_PARAMETERS, toIdScheme } from '../core/dhis2-ids.ts';
import type { IdScheme, IdSchemes } from '../core/dhis2-ids.ts';
import { tryParsePeriod, type Period } from '../core/period.ts';
import { usageError } from './cli-error.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

export function parseCommandArgs(args: readonly string[], options: OptionSpec, helpCommand: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const name = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageError(`Tùy chọn không hợp lệ: ${name}.`, helpCommand);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw usageError(`Tùy chọn ${name.split(' ')[0]} cần một giá trị.`, helpCommand);
    throw usageError(`Tham số không hợp lệ: ${message}.`, helpCommand);
  }
}

export function requireString(args: ParsedArgs, name: string, helpCommand: string): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw usageError(`Thiếu tùy chọn --${name}.`, helpCommand);
  return value.trim();
}

export function optionalString(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function requirePeriod(args: ParsedArgs, helpCommand: string): Period {
  const text = requireString(args, 'period', helpCommand);
  const parsed = tryParsePeriod(text);
  if (!parsed.ok) throw usageError(`Kỳ báo cáo không hợp lệ: "${text}" (${parsed.error.reason}).`, helpCommand);
  return parsed.period;
}

export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T, helpCommand: string): T {
  const value = optionalString(args, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw usageError(`Giá trị --${name} không hợp lệ: "${value}" (chọn ${allowed.join(' hoặc ')}).`, helpCommand);
  }
  return value as T;
}

/** DHIS2's id scheme options (--id-scheme, --data-element-id-scheme…), each UID, CODE or NAME. */
export function idSchemeOptions(args: ParsedArgs, helpCommand: string): IdSchemes {
  const schemes: Partial<Record<keyof IdSchemes, IdScheme>> = {};
  for (const key of ID_SCHEME_PARAMETERS) {
    const option = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const value = optionalString(args, option);
    if (value === undefined) continue;
    const scheme = toIdScheme(value);
    if (!scheme.ok) throw usageError(`--${option}: ${scheme.problem}`, helpCommand);
    schemes[key] = scheme.scheme;
  }
  return schemes;
}

/** Exactly `count` positionals (file names); extra or missing ones are usage errors. */
export function expectPositionals(args: ParsedArgs, names: readonly string[], helpCommand: string): string[] {
  if (args.positionals.length < names.length) throw usageError(`Thiếu ${names[args.positionals.length]}.`, helpCommand);
  if (args.positionals.length > names.length) throw usageError(`Tham số thừa: ${args.positionals.slice(names.length).join(' ')}.`, helpCommand);
  return args.positionals;
}
