// A JSON file named on the command line (--meta, --letterhead): read, parsed and validated; a bad file is a usage
// error (exit 2) whose message in Bahasa Indonesia names the file and what is wrong with it.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UsageError } from './usage';

/** Each issue as "path: message" ("(akar)" for the whole document), or as `describe` says it. */
export function describeIssues(error: z.ZodError, describe?: (issue: z.core.$ZodIssue) => string | undefined): string {
  return error.issues.map((issue) => describe?.(issue) ?? `${issue.path.join('.') || '(akar)'}: ${issue.message}`).join('; ');
}

/**
 * Reads `file` as JSON validated by `schema`. `what` names the document in messages ("identitas SOP", "kop SOP");
 * `describe` may word an issue its own way.
 */
export async function readJsonFile<S extends z.ZodType>(file: string, what: string, schema: S, describe?: (issue: z.core.$ZodIssue) => string | undefined): Promise<z.output<S>> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Berkas ${what} tidak dapat dibaca: ${file}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Berkas ${what} bukan JSON yang sah: ${file} (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${what.charAt(0).toUpperCase()}${what.slice(1)} di ${file} tidak sah: ${describeIssues(parsed.error, describe)}`);
  return parsed.data;
}
