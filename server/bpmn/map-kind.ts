// Reads a map's kind from sk:mapKind, or infers it from its shape as BPMN-CONVENTIONS.md describes.
import type { ModdleElement } from 'bpmn-moddle';
import { MapKind } from '../domain/vocabulary';

export interface KindReading {
  kind: MapKind;
  /** True when read from names and shape rather than from sk:mapKind. */
  inferred: boolean;
}

const STAGE = /\b(perencanaan|pelaksanaan|evaluasi)\b/i;
const PROCESS_BAND = /^\s*proses\s+(manajemen|inti|utama|pendukung)\s*$/i;

/** A lane or group naming a band of a peta proses ("Proses Inti"), not a jabatan. */
export const isProcessBand = (name: string) => PROCESS_BAND.test(name);

export function readMapKind(definitions: ModdleElement): KindReading {
  const processes = rootElements(definitions, 'bpmn:Process');
  const declared = [definitions, ...processes]
    .map((e) => MapKind.safeParse(e.get('sk:mapKind')))
    .find((r) => r.success);
  if (declared?.success) return { kind: declared.data, inferred: false };
  return { kind: inferMapKind(definitions, processes), inferred: true };
}

function inferMapKind(definitions: ModdleElement, processes: ModdleElement[]): MapKind {
  const lanes = processes.flatMap(lanesOf);
  const flowNodes = processes.flatMap((p) => list(p, 'flowElements').filter((e) => e.$instanceOf('bpmn:FlowNode')));
  const activities = flowNodes.filter((e) => e.$instanceOf('bpmn:Activity'));

  const bandsAsLanes = lanes.length > 0 && lanes.every((l) => isProcessBand(l.name ?? ''));
  if (bandsAsLanes || activities.some((a) => a.get('sk:processType'))) return 'proses';

  const collaborations = rootElements(definitions, 'bpmn:Collaboration');
  const participants = collaborations.flatMap((c) => list(c, 'participants'));
  const messageFlows = collaborations.flatMap((c) => list(c, 'messageFlows'));
  if (participants.length >= 2 && messageFlows.length > 0 && flowNodes.length === 0) return 'relasi';

  if (lanes.length > 0) {
    const groups = [...processes, ...collaborations].flatMap((e) => list(e, 'artifacts')).filter((a) => a.$instanceOf('bpmn:Group'));
    const stageGroup = groups.some((g) => STAGE.test(groupLabel(g)));
    const stagePhase = activities.some((a) => STAGE.test(String(a.get('sk:phase') ?? '')));
    return stageGroup || stagePhase ? 'mekanisme-kerja' : 'lintas-fungsi';
  }

  const onlyCalls = activities.length > 0 && activities.every((a) => a.$instanceOf('bpmn:SubProcess') || a.$instanceOf('bpmn:CallActivity'));
  return onlyCalls ? 'proses' : 'subproses';
}

function rootElements(definitions: ModdleElement, type: string): ModdleElement[] {
  return list(definitions, 'rootElements').filter((e) => e.$instanceOf(type));
}

function lanesOf(process: ModdleElement): ModdleElement[] {
  const lanes: ModdleElement[] = [];
  const visit = (laneSet: ModdleElement) => {
    for (const lane of list(laneSet, 'lanes')) {
      lanes.push(lane);
      const child = lane.get('childLaneSet') as ModdleElement | undefined;
      if (child) visit(child);
    }
  };
  list(process, 'laneSets').forEach(visit);
  return lanes;
}

function groupLabel(group: ModdleElement): string {
  const value = group.get('categoryValueRef') as ModdleElement | undefined;
  return String(value?.get('value') ?? group.name ?? '');
}

function list(element: ModdleElement, property: string): ModdleElement[] {
  const value = element.get(property);
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
