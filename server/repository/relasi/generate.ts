// Generates the peta relasi of a process from its relations (MAP-TYPES.md: a collaboration, one pool per unit,
// message flows named by what passes, no inner detail), with a diagram laid out by layout.ts. bpmn-auto-layout cannot
// do it: it lays out the first process only, without pools (TECH-NOTES.md). Same input, same XML.
import type { Profile } from '../../domain/vocabulary';
import { normaliseUnit } from '../../lint/map-model/unit-name';
import type { UnitFacts } from '../map-facts';
import type { Relation } from '../relations';
import { layoutRelasi, type Box } from './layout';

export interface RelasiSource {
  processName: string;
  processCode: string;
  /** The unit of the process map: its pool comes first. */
  unit: string;
  /** The relasi map's own unit, written as sk:unit on the definitions; the process's unit when absent. */
  mapUnit?: string;
  profile: Profile;
  relations: readonly Relation[];
  /** Units taking part without any hand-off to draw (a lintas fungsi map of one unit); drawn after the others. */
  units?: readonly UnitFacts[];
  /** Ids to keep, from the peta relasi being regenerated: by unit key, and by relation key. */
  keepIds?: { participants?: ReadonlyMap<string, string>; flows?: ReadonlyMap<string, string> };
}

/** A message flow's name: the longest a label beside a flow stays readable at. */
export const MAX_FLOW_NAME = 100;

/** What passes, joined with ", "; when too long, the items that fit and how many are left out ("… dan 2 lainnya"). */
export function flowName(what: readonly string[]): string {
  const items = what.map((w) => w.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const joined = items.join(', ');
  if (joined.length <= MAX_FLOW_NAME) return joined;
  for (let kept = items.length - 1; kept >= 1; kept--) {
    const text = `${items.slice(0, kept).join(', ')} dan ${items.length - kept} lainnya`;
    if (text.length <= MAX_FLOW_NAME) return text;
  }
  const rest = items.length > 1 ? ` dan ${items.length - 1} lainnya` : '';
  return `${cutAtWord(items[0]!, MAX_FLOW_NAME - rest.length - 1)}…${rest}`;
}

function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '');
}

/** The pools in order: the process's own unit first, then each unit as its relations first name it, then the rest. */
export function poolOrder(source: Pick<RelasiSource, 'unit' | 'relations' | 'units'>): UnitFacts[] {
  const units = new Map<string, UnitFacts>();
  const add = (unit: UnitFacts) => {
    if (unit.key && !units.has(unit.key)) units.set(unit.key, unit);
  };
  const own = normaliseUnit(source.unit);
  const ownUnit = [...source.relations.flatMap((r) => [r.from, r.to]), ...(source.units ?? [])].find((u) => u.key === own);
  if (ownUnit) add(ownUnit);
  for (const relation of source.relations) {
    add(relation.from);
    add(relation.to);
  }
  for (const unit of source.units ?? []) add(unit);
  return [...units.values()];
}

/** An XML NCName from a unit key: ASCII letters and digits joined by underscores. */
function slug(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.length ? words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') : 'Unit';
}

const NC_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

class IdPool {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const id of reserved) if (NC_NAME.test(id)) this.used.add(id);
  }

  take(preferred: string | undefined, fallback: string): string {
    if (preferred && NC_NAME.test(preferred)) return preferred;
    let id = fallback;
    for (let n = 2; this.used.has(id); n++) id = `${fallback}_${n}`;
    this.used.add(id);
    return id;
  }
}

const escapeXml = (text: string): string =>
  text
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n|\r/g, '&#10;');

const bounds = (box: Box): string => `<dc:Bounds x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" />`;

export function generateRelasiXml(source: RelasiSource): string {
  const units = poolOrder(source);
  const index = new Map(units.map((u, i) => [u.key, i]));
  // Flows between the same two pools side by side, upper pairs first; downwards before upwards.
  const relations = [...source.relations]
    .filter((r) => r.from.key !== r.to.key)
    .sort((a, b) => {
      const [af, at, bf, bt] = [index.get(a.from.key)!, index.get(a.to.key)!, index.get(b.from.key)!, index.get(b.to.key)!];
      return Math.min(af, at) - Math.min(bf, bt) || Math.max(af, at) - Math.max(bf, bt) || af - bf;
    });
  const names = relations.map((r) => flowName(r.what));
  const layout = layoutRelasi({
    pools: units.map((u) => u.name),
    flows: relations.map((r, i) => ({ from: index.get(r.from.key)!, to: index.get(r.to.key)!, label: names[i]! })),
  });

  const kept = source.keepIds ?? {};
  const ids = new IdPool([...(kept.participants?.values() ?? []), ...(kept.flows?.values() ?? [])]);
  const participantIds = units.map((u) => ids.take(kept.participants?.get(u.key), `Participant_${slug(u.key)}`));
  const flowIds = relations.map((r) => ids.take(kept.flows?.get(r.key), `MessageFlow_${slug(r.from.key)}_ke_${slug(r.to.key)}`));
  const mapUnit = (source.mapUnit ?? source.unit).trim();
  const processLine = `${source.processCode ? `${source.processCode} ` : ''}${source.processName}`.trim();

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
      'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" ' +
      'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:sk="urn:petakerja:bpmn:1" id="Definitions_Relasi" ' +
      'targetNamespace="http://bpmn.io/schema/bpmn" exporter="Petakerja" exporterVersion="0.1.0" ' +
      `sk:mapKind="relasi" sk:profile="${escapeXml(source.profile)}"${mapUnit ? ` sk:unit="${escapeXml(mapUnit)}"` : ''}>`,
    `  <bpmn:collaboration id="Collaboration_Relasi" name="${escapeXml(`Peta relasi ${source.processName}`.trim())}" sk:mapKind="relasi">`,
    `    <bpmn:documentation>${escapeXml(`Dibangkitkan dari peta lintas fungsi di bawah proses ${processLine}.`)}</bpmn:documentation>`,
  ];
  units.forEach((unit, i) => {
    const owner = unit.key === normaliseUnit(source.unit) ? ' sk:performanceOwner="true"' : '';
    lines.push(`    <bpmn:participant id="${participantIds[i]}" name="${escapeXml(unit.name)}" sk:unit="${escapeXml(unit.name)}"${owner} />`);
  });
  relations.forEach((relation, i) => {
    const attrs = `id="${flowIds[i]}" name="${escapeXml(names[i]!)}" sourceRef="${participantIds[index.get(relation.from.key)!]}" targetRef="${participantIds[index.get(relation.to.key)!]}"`;
    // A shortened name keeps the whole list in the flow's documentation.
    if (names[i] === relation.what.join(', ')) {
      lines.push(`    <bpmn:messageFlow ${attrs} />`);
    } else {
      lines.push(`    <bpmn:messageFlow ${attrs}>`, `      <bpmn:documentation>${escapeXml(`Yang diserahkan: ${relation.what.join('; ')}`)}</bpmn:documentation>`, '    </bpmn:messageFlow>');
    }
  });
  lines.push('  </bpmn:collaboration>', '  <bpmndi:BPMNDiagram id="BPMNDiagram_Relasi">', '    <bpmndi:BPMNPlane id="BPMNPlane_Relasi" bpmnElement="Collaboration_Relasi">');
  layout.pools.forEach((box, i) => {
    lines.push(`      <bpmndi:BPMNShape id="${participantIds[i]}_di" bpmnElement="${participantIds[i]}" isHorizontal="true">`, `        ${bounds(box)}`, '      </bpmndi:BPMNShape>');
  });
  layout.flows.forEach((flow, i) => {
    lines.push(
      `      <bpmndi:BPMNEdge id="${flowIds[i]}_di" bpmnElement="${flowIds[i]}">`,
      ...flow.waypoints.map((p) => `        <di:waypoint x="${p.x}" y="${p.y}" />`),
      '        <bpmndi:BPMNLabel>',
      `          ${bounds(flow.label)}`,
      '        </bpmndi:BPMNLabel>',
      '      </bpmndi:BPMNEdge>',
    );
  });
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return lines.join('\n');
}
