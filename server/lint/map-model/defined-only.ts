/** The entries of `facts` whose value is defined (for objects built under exactOptionalPropertyTypes). */
export function definedOnly<T extends object>(facts: T): Partial<T> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as Partial<T>;
}
