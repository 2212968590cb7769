// Writes a map record's facts (kind, profile, unit) onto its BPMN as sk: attributes, as every writer must.
import type { ModdleElement } from 'bpmn-moddle';
import type { MapKind, Profile } from '../domain/vocabulary';
import { createModdle, parseBpmn } from './moddle';

export interface MapFacts {
  kind: MapKind;
  profile: Profile;
  unit: string;
}

export function writeMapFacts(definitions: ModdleElement, facts: MapFacts): void {
  definitions.set('sk:mapKind', facts.kind);
  definitions.set('sk:profile', facts.profile);
  if (facts.unit) definitions.set('sk:unit', facts.unit);
}

/**
 * Parses untrusted `xml`, writes the facts `factsOf` derives from it onto its definitions, and re-serialises
 * it; every element and id is kept.
 */
export async function stampMapFacts<F extends MapFacts>(xml: string, factsOf: (definitions: ModdleElement) => F): Promise<{ xml: string; facts: F }> {
  const moddle = createModdle();
  const { definitions } = await parseBpmn(xml, moddle);
  const facts = factsOf(definitions);
  writeMapFacts(definitions, facts);
  return { xml: (await moddle.toXML(definitions, { format: true })).xml, facts };
}
