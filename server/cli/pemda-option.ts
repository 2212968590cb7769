// `--pemda ID` of the commands that copy one pemda of a database (migrate, backup, restore); apart from usage.ts so
// that `help` does not load zod.
import { PemdaId } from '../store/pemda';
import { UsageError } from './usage';

/** The pemda named by `--pemda`, checked; undefined when not given. */
export function pemdaOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = PemdaId.safeParse(value);
  if (!parsed.success) throw new UsageError(`--pemda ${value}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
