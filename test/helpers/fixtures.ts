// Real BPMN files the tests read: the MIWG corpus in ../shared and the templates in processes/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModdleElement } from 'bpmn-moddle';
import { allElements, createModdle } from '../../server/bpmn/moddle';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MIWG_DIR = path.resolve(ROOT, '../shared/corpus/miwg');

export function miwgFiles(): string[] {
  if (!existsSync(MIWG_DIR)) {
    throw new Error(`The MIWG corpus is not at ${MIWG_DIR}: the tests need the shared/ folder beside the repository.`);
  }
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.bpmn')) files.push(full);
    }
  };
  walk(MIWG_DIR);
  return files.sort();
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

export const templateXml = (kind: string) => readText(path.join(ROOT, 'processes/templates', `${kind}.bpmn`));

/** The ids of every element of a BPMN document (semantic and DI), as moddle reads them. */
export async function elementIds(xml: string): Promise<Set<string>> {
  const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  return idsOf(rootElement);
}

export function idsOf(root: ModdleElement): Set<string> {
  const ids = new Set<string>();
  for (const element of allElements(root)) if (typeof element.id === 'string') ids.add(element.id);
  return ids;
}

/** A minimal valid BPMN document with one task named `taskName`. */
export function minimalBpmn(taskName = 'Memeriksa berkas', processId = 'Proses_1'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="false">
    <bpmn:task id="Task_1" name="${taskName}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1"><dc:Bounds x="100" y="100" width="100" height="80" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** An entity-expansion bomb: must be refused at once, never expanded. */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P" name="&lol9;"/></bpmn:definitions>`;

/** Every .bpmn file under `dir`, sorted. */
export function bpmnFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.bpmn'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The maps an SOP round trip runs on (issue 17): every map of processes/ and every MIWG reference file with lanes. */
export function sopRoundTripMaps(): string[] {
  return [...bpmnFilesUnder(path.join(ROOT, 'processes')), ...bpmnFilesUnder(path.join(MIWG_DIR, 'reference')).filter((file) => /<([\w-]+:)?lane[\s>]/.test(readText(file)))];
}
