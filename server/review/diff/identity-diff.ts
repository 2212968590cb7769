// The SOP identity part of a revision diff: each identity field (SOP-FORMAT.md §1) whose value differs between the
// SOP versions in force at the two revisions. Empty texts and list items count as not filled. Pure.
import { REQUIRED_IDENTITY_FIELDS, type SopIdentityDraft } from '../../sop/identity.schema';
import type { DiffValue, IdentityFieldChange } from './diff.schema';

/** The optional fields (not in REQUIRED_IDENTITY_FIELDS), placed after the field they follow on the SOP's header. */
const OPTIONAL_FIELDS: ReadonlyArray<{ after: string; path: string; label: string; read: (draft: SopIdentityDraft) => unknown }> = [
  { after: 'tanggalPembuatan', path: 'tanggalRevisi', label: 'Tanggal Revisi', read: (d) => d.tanggalRevisi },
  { after: 'tanggalRevisi', path: 'tanggalEfektif', label: 'Tanggal Efektif', read: (d) => d.tanggalEfektif },
  { after: 'dasarHukum', path: 'keterkaitan', label: 'Keterkaitan', read: (d) => d.keterkaitan },
];

/** Every identity field in the SOP's header order, with the label the SOP prints. */
export const IDENTITY_FIELDS: ReadonlyArray<{ path: string; label: string; read: (draft: SopIdentityDraft) => unknown }> = (() => {
  const fields = REQUIRED_IDENTITY_FIELDS.map(({ path, label, read }) => ({ path, label, read }));
  for (const { after, ...field } of OPTIONAL_FIELDS) {
    const at = fields.findIndex((f) => f.path === after);
    fields.splice(at < 0 ? fields.length : at + 1, 0, field);
  }
  return fields;
})();

function normalised(value: unknown): DiffValue | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const items = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
    return items.length > 0 ? items : undefined;
  }
  return undefined;
}

const same = (a: DiffValue | undefined, b: DiffValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The identity fields that differ from `before` to `after` (either may be absent: no SOP saved yet). */
export function identityDiff(before: SopIdentityDraft | undefined, after: SopIdentityDraft | undefined): IdentityFieldChange[] {
  return IDENTITY_FIELDS.flatMap(({ path, label, read }) => {
    const oldValue = before ? normalised(read(before)) : undefined;
    const newValue = after ? normalised(read(after)) : undefined;
    if (same(oldValue, newValue)) return [];
    const change = oldValue === undefined ? 'added' : newValue === undefined ? 'removed' : 'changed';
    return [{ path, label, change, ...(oldValue !== undefined ? { oldValue } : {}), ...(newValue !== undefined ? { newValue } : {}) }];
  });
}
