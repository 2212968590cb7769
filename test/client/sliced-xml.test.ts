// The modeller writes the XML for the lint worker in slices; it must say exactly what moddle's own writer says.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBpmn } from '../../bench/bpmn-generator';
import { PIECE_ITEMS, PieceCache, slicedXml, type XmlElement, type XmlModdle } from '../../client/src/features/lint/slicedXml';
import { createModdle } from '../../server/bpmn/moddle';
import { lintXml } from '../../server/lint/lint.service';

const repo = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repo, '../shared/corpus/miwg');

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? bpmnFiles(file) : file.endsWith('.bpmn') ? [file] : [];
  });
}

const declarations = (xml: string) => [...xml.matchAll(/\s(xmlns(?::[\w.-]+)?)="([^"]*)"/g)].map((match) => `${match[1]}=${match[2]}`).sort();
const withoutDeclarations = (xml: string) => xml.replace(/\sxmlns(?::[\w.-]+)?="[^"]*"/g, '');

async function bothWays(xml: string, pieceItems: number) {
  const moddle = createModdle();
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const { xml: whole } = await moddle.toXML(rootElement, { format: false });
  let pauses = 0;
  const sliced = await slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, {
    pieceItems,
    pause: async () => {
      pauses++;
    },
  });
  return { moddle, whole, sliced, pauses };
}

const foreign = path.join(repo, 'test/fixtures/foreign');
const files = [...bpmnFiles(corpus), ...bpmnFiles(path.join(repo, 'processes/templates')), ...bpmnFiles(foreign)];
const redeclared = path.join(foreign, 'crafted/client-default-ns-redeclared.bpmn');

describe('slicedXml', () => {
  it('finds the MIWG corpus and the templates', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  // Pieces of two items split every collection, so every file goes through placeholders and holders.
  it.each(files.map((file) => [path.relative(path.dirname(repo), file), file]))('writes %s as moddle.toXML does', async (_name, file) => {
    const { moddle, whole, sliced, pauses } = await bothWays(readFileSync(file, 'utf8'), 2);
    // The same text once namespace declarations are set aside, and the same declarations (some move to the root).
    expect(withoutDeclarations(sliced)).toBe(withoutDeclarations(whole));
    expect(declarations(sliced)).toEqual(declarations(whole));
    // and it reads back to the same model.
    const again = await moddle.fromXML(sliced, 'bpmn:Definitions');
    const { xml: rewritten } = await moddle.toXML(again.rootElement, { format: false });
    expect(withoutDeclarations(rewritten)).toBe(withoutDeclarations(whole));
    expect(pauses).toBeGreaterThan(0);
  });

  // Bizagi / Enterprise Explorer style: the default namespace re-declared on the diagram and inside extension elements.
  // At the modeller's own piece size the plane (> 60 shapes and edges) is split under a BPMNDiagram that declares
  // xmlns="…/DI" itself; that declaration stays on the diagram's tag (it used to be moved to the root and clash).
  it.each([1, 2, PIECE_ITEMS])('writes a map that re-declares the default namespace, in pieces of %i', async (pieceItems) => {
    const { whole, sliced } = await bothWays(readFileSync(redeclared, 'utf8'), pieceItems);
    expect(withoutDeclarations(sliced)).toBe(withoutDeclarations(whole));
    expect(declarations(sliced)).toEqual(declarations(whole));
    expect(sliced).toMatch(/<BPMNDiagram xmlns="http:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/DI"/);
    expect(sliced).toContain('<BizagiExtensions xmlns="http://www.bizagi.com/bpmn20">');
  });

  it('pauses between small pieces of a 2,000-node map', async () => {
    const { whole, sliced, pauses } = await bothWays(generateBpmn({ map: 2000, revision: 1, targetBytes: 2000 * 950 }), 60);
    expect(withoutDeclarations(sliced)).toBe(withoutDeclarations(whole));
    // ~2,000 nodes, as many flows and twice that in shapes and edges: about a hundred pieces of at most 60.
    expect(pauses).toBeGreaterThan(100);
  });

  it('stops when a pause throws', async () => {
    const moddle = createModdle();
    const { rootElement } = await moddle.fromXML(generateBpmn({ map: 1, revision: 1, targetBytes: 200 * 950 }), 'bpmn:Definitions');
    let pauses = 0;
    const run = slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, {
      pieceItems: 10,
      pause: async () => {
        if (++pauses === 3) throw new Error('model changed');
      },
    });
    await expect(run).rejects.toThrow('model changed');
    expect(pauses).toBe(3);
  });

  // The modeller sends the lint worker a lean XML (no waypoints, no label DI): the findings must be the very same.
  const library = bpmnFiles(path.join(repo, 'processes'));
  const leanCases = [...library, ...bpmnFiles(foreign), ...bpmnFiles(corpus).filter((_file, index) => index % 4 === 0)];
  it.each(leanCases.map((file) => [path.relative(path.dirname(repo), file), file]))('lints the lean XML of %s as the whole', async (_name, file) => {
    const moddle = createModdle();
    const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
    const { xml: whole } = await moddle.toXML(rootElement, { format: false });
    const lean = await slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, { lean: true, pause: async () => undefined });
    expect(await lintXml(lean)).toEqual(await lintXml(whole));
    // Something was left out wherever the whole had edges with waypoints.
    if (/waypoint/.test(whole)) expect(lean.length).toBeLessThan(whole.length);
    expect(lean).not.toMatch(/waypoint/);
  });

  it('lints a lean 2,000-node map as the whole, a third shorter', async () => {
    const moddle = createModdle();
    const { rootElement } = await moddle.fromXML(generateBpmn({ map: 2000, revision: 1, targetBytes: 2000 * 950 }), 'bpmn:Definitions');
    const { xml: whole } = await moddle.toXML(rootElement, { format: false });
    const lean = await slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, { lean: true, pause: async () => undefined });
    expect(lean).not.toMatch(/waypoint|BPMNLabel/);
    expect(await lintXml(lean)).toEqual(await lintXml(whole));
  });
  // The modeller re-uses the pieces an edit left unchanged (PieceCache): after every kind of edit the text must be
  // exactly what a call without the cache writes, and unchanged pieces must really be re-used.
  it('re-uses unchanged pieces across edits of every kind and writes what a fresh call writes', async () => {
    const moddle = createModdle();
    const { rootElement } = await moddle.fromXML(generateBpmn({ map: 200, revision: 1, targetBytes: 200 * 950 }), 'bpmn:Definitions');
    const definitions = rootElement as any;
    const process = definitions.rootElements.find((e: any) => e.$type === 'bpmn:Process');
    const plane = definitions.diagrams[0].plane;
    const lanes = process.laneSets[0].lanes as any[];
    const nodes = () => (process.flowElements as any[]).filter((e) => /Task$/.test(e.$type));
    const flows = () => (process.flowElements as any[]).filter((e) => e.$type === 'bpmn:SequenceFlow');
    const shapeOf = (element: any) => (plane.planeElement as any[]).find((di) => di.bpmnElement === element);
    const laneOf = (node: any) => lanes.find((lane) => lane.flowNodeRef?.includes(node));
    const remove = (list: any[], item: any) => list.splice(list.indexOf(item), 1);
    const cache = new PieceCache();
    const write = (withCache: boolean) =>
      slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, { lean: true, pieceItems: 10, pause: async () => undefined, ...(withCache ? { cache } : {}) });

    const first = await write(true);
    expect(cache.hits).toBe(0);
    expect(first).toBe(await write(false));
    const [task, other, third] = nodes();
    const originalName = task.name;
    const edits: Array<[string, () => void]> = [
      ['nothing', () => undefined],
      ['rename', () => (task.name = 'Memeriksa ulang berkas')],
      ['undo the rename', () => (task.name = originalName)],
      ['document', () => (task.documentation = [moddle.create('bpmn:Documentation', { text: 'Catatan <penting> & "baru"' })])],
      ['move a shape', () => (shapeOf(other).bounds.x += 15)],
      ['move between lanes', () => {
        remove(laneOf(other).flowNodeRef, other);
        lanes.find((lane) => lane !== laneOf(task)).flowNodeRef.push(other);
      }],
      ['add a task', () => {
        const added = moddle.create('bpmn:Task', { id: 'Tugas_Baru', name: 'Mengarsipkan' }) as any;
        added.$parent = process;
        process.flowElements.push(added);
        lanes[0].flowNodeRef.push(added);
        plane.planeElement.push(moddle.create('bpmndi:BPMNShape', { id: 'Tugas_Baru_di', bpmnElement: added, bounds: moddle.create('dc:Bounds', { x: 10, y: 10, width: 100, height: 80 }) }));
      }],
      ['connect', () => {
        const added = process.flowElements.find((e: any) => e.id === 'Tugas_Baru');
        const flow = moddle.create('bpmn:SequenceFlow', { id: 'Alur_Baru', sourceRef: task, targetRef: added }) as any;
        process.flowElements.splice(3, 0, flow);
        task.outgoing = [...(task.outgoing ?? []), flow];
        added.incoming = [flow];
        plane.planeElement.push(moddle.create('bpmndi:BPMNEdge', { id: 'Alur_Baru_di', bpmnElement: flow }));
      }],
      ['reconnect', () => {
        const flow = flows().find((f) => f.targetRef === other) ?? flows()[0];
        remove(flow.targetRef.incoming, flow);
        flow.targetRef = third;
        third.incoming.push(flow);
      }],
      ['rename an id that others refer to', () => (third.id = 'Tugas_Ketiga')],
      ['rename a lane', () => (lanes[1].name = 'Kepala Seksi Baru')],
      ['delete a task', () => {
        remove(process.flowElements, other);
        remove(laneOf(other)?.flowNodeRef ?? [], other);
        remove(plane.planeElement, shapeOf(other));
      }],
      ['set an unknown attribute', () => (nodes()[7].$attrs.catatan = 'diperiksa')],
    ];
    for (const [name, edit] of edits) {
      edit();
      const cached = await write(true);
      const { hits, misses } = cache;
      expect(cached, name).toBe(await write(false));
      // Most of the 200-node map is untouched by any one edit; a flow inserted near the start of the process (bpmn-js
      // appends; this edit does not) shifts every later piece of the process, but the diagram's pieces stay.
      if (name === 'connect') expect(hits, name).toBeGreaterThan(0);
      else expect(hits, name).toBeGreaterThan(misses);
      // Lanes (and their flowNodeRef lists) are written with their process, never from the cache; the rest is pieces.
      if (name === 'nothing') expect(misses).toBe(0);
      else if (!/lane/.test(name)) expect(misses, name).toBeGreaterThan(0);
    }
  });

  it.each([redeclared, ...bpmnFiles(corpus).filter((_file, index) => index % 8 === 0)].map((file) => [path.relative(path.dirname(repo), file), file]))(
    'writes %s from the cache as without it',
    async (_name, file) => {
      const moddle = createModdle();
      const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
      const cache = new PieceCache();
      const write = (withCache: boolean) =>
        slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, { lean: true, pieceItems: 2, pause: async () => undefined, ...(withCache ? { cache } : {}) });
      const fresh = await write(false);
      expect(await write(true)).toBe(fresh);
      expect(await write(true)).toBe(fresh);
      // Pieces holding unknown extension elements are always written afresh; the others come from the cache.
      expect(cache.hits).toBeGreaterThan(0);
    },
  );
});
