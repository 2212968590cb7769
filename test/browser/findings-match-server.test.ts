// The findings the modeller shows after edits (linted in its worker from the lean XML it writes in slices) are exactly
// the server's /api/lint findings for the diagram's saved XML: a library map with lanes, message flows and data
// objects, edited by renaming a task and adding a sub-process with a task inside, then by edits of every other kind;
// an edit the lean XML does not show (a label moved) and an undo / redo back to a state just linted are answered
// without the worker (lintAnswers.ts), a profile change is not.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { libraryMapMaker } from '../helpers/library-map';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const SEVERITY_ORDER = ['error', 'warning', 'info'];

interface ShownFinding {
  severity: string;
  rule: string;
  element: string;
  message: string;
}

/** The panel's findings of the map (every one, the hidden ones too) and the server's for the diagram's saved XML. */
async function panelAndServer(page: Page): Promise<{ shown: ShownFinding[]; server: ShownFinding[] }> {
  for (const more of await page.$$(byTestId('lint-more'))) await more.click();
  const { xml, profile } = await page.evaluate(async (select) => {
    const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
    return { xml: (await modeler.saveXML({ format: true })).xml as string, profile: (document.querySelector(select) as HTMLSelectElement).value };
  }, byTestId('lint-profile'));
  const linted = await server.api('/api/lint', { method: 'POST', json: { xml, profile } });
  expect(linted.status).toBe(200);
  const fromServer = (linted.body.findings as Array<ShownFinding & { element?: string }>)
    .map(({ severity, rule, element, message }) => ({ severity, rule, element: element ?? '', message }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  expect(fromServer.length).toBeGreaterThan(0);
  await page.waitForFunction((selector, expected) => document.querySelectorAll(selector).length === expected, {}, `${byTestId('lint-finding')}[data-source="peta"]`, fromServer.length);
  const shown = await page.$$eval(`${byTestId('lint-finding')}[data-source="peta"]`, (buttons) =>
    buttons.map((button) => ({
      severity: button.getAttribute('data-severity') ?? '',
      rule: button.getAttribute('data-rule') ?? '',
      element: button.getAttribute('data-element') ?? '',
      message: button.querySelector('.lint-finding-message')?.textContent ?? '',
    })),
  );
  return { shown, server: fromServer };
}

describe('findings after an edit', () => {
  it('are the server lint of the saved XML, for a map with lanes, message flows, data objects and a new sub-process', async () => {
    const mapId = await libraryMapMaker(server, 'penunjukan-lintas-instansi.bpmn')('Penunjukan lintas instansi');
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.includes('Memeriksa'), {}, byTestId('lint-summary'));

    // when: a task is renamed and an expanded sub-process with a task inside is added to the pool, and the lint after
    // those edits is announced
    const facts = await page.evaluate(
      () =>
        new Promise<{ lanes: number; messageFlows: number; dataObjects: number; subProcesses: number }>((resolve) => {
          const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
          const registry = modeler.get('elementRegistry');
          const modeling = modeler.get('modeling');
          const factory = modeler.get('elementFactory');
          const count = (type: string) => registry.filter((e: { type: string }) => e.type === type).length;
          let edited = false;
          const onChange = (state: { status: string }) => {
            if (!edited || state.status !== 'done') return;
            modeler.off('petakerja.lint.changed', onChange);
            resolve({
              lanes: count('bpmn:Lane'),
              messageFlows: count('bpmn:MessageFlow'),
              dataObjects: count('bpmn:DataObjectReference') + count('bpmn:DataStoreReference'),
              subProcesses: count('bpmn:SubProcess'),
            });
          };
          modeler.on('petakerja.lint.changed', onChange);
          const task = registry.filter((e: { type: string }) => /Task$/.test(e.type))[0];
          modeling.updateLabel(task, 'Memeriksa kelengkapan berkas usulan');
          const pool = registry.filter((e: { type: string }) => e.type === 'bpmn:Participant')[0];
          const sub = modeling.createShape(factory.createShape({ type: 'bpmn:SubProcess', isExpanded: true }), { x: pool.x + pool.width - 260, y: pool.y + 110 }, pool);
          modeling.createShape(factory.createShape({ type: 'bpmn:Task' }), { x: sub.x + sub.width / 2, y: sub.y + sub.height / 2 }, sub);
          edited = true;
        }),
    );
    expect(facts.lanes).toBeGreaterThan(1);
    expect(facts.messageFlows).toBeGreaterThan(0);
    expect(facts.dataObjects).toBeGreaterThan(0);
    expect(facts.subProcesses).toBe(1);

    // then: the panel (every finding, the hidden ones too) lists the server's findings for the same XML, in its order
    const first = await panelAndServer(page);
    expect(first.server.some((finding) => finding.element.startsWith('SubProcess_') || finding.element.startsWith('Activity_'))).toBe(true);
    expect(first.shown).toEqual(first.server);

    // and so after each further edit, of every kind, with the XML of unchanged pieces re-used from the lint before
    // (slicedXml's PieceCache): a lane change, a connection, a reconnection, a deletion, an id renamed, undo and redo,
    // a paste; then edits whose lean XML was linted moments ago, answered without the worker, and a profile change.
    // The number is the worker requests the edit's lint is expected to make (undefined: not checked).
    const edits: Array<[string, number | undefined]> = [
      ['move a task into another lane', 1],
      ['connect two tasks', 1],
      ['reconnect a flow', 1],
      ['delete a task', 1],
      ['rename an id others refer to', 1],
      ['undo twice', undefined],
      ['redo', undefined],
      ['paste a task', 1],
      // (each check below saves the XML, and bpmn-js's saveXML re-sorts the plane's DI: a state linted before a save
      // that re-sorted it writes differently after; a rename adds nothing to re-sort)
      ['rename a task', 1],
      ['move a label', 0],
      ['undo', 0],
      ['undo', undefined],
      ['redo', undefined],
      ['redo', 0],
      ['change the profile', 1],
    ];
    for (const [name, requests] of edits) {
      const made = await page.evaluate(
        (edit) =>
          new Promise<number>((resolve) => {
            const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
            const registry = modeler.get('elementRegistry');
            const modeling = modeler.get('modeling');
            const backend = modeler.get('lintBackend');
            const tasks = () => registry.filter((e: { type: string }) => /Task$/.test(e.type));
            const middle = (shape: any) => ({ x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 });
            let edited = false;
            let requests = 0;
            const lint = backend.lint;
            backend.lint = function (...args: unknown[]) {
              requests++;
              return lint.apply(this, args);
            };
            const onChange = (state: { status: string }) => {
              if (!edited || state.status !== 'done') return;
              modeler.off('petakerja.lint.changed', onChange);
              backend.lint = lint;
              resolve(requests);
            };
            modeler.on('petakerja.lint.changed', onChange);
            if (edit === 'move a task into another lane') {
              const task = tasks()[1];
              const lane = registry.filter((e: any) => e.type === 'bpmn:Lane' && !e.children?.length).find((l: any) => middle(task).y < l.y || middle(task).y > l.y + l.height);
              modeling.moveElements([task], { x: 0, y: middle(lane).y - middle(task).y }, task.parent);
            } else if (edit === 'connect two tasks') modeling.connect(tasks()[0], tasks()[2]);
            else if (edit === 'reconnect a flow') {
              const flow = registry.filter((e: any) => e.type === 'bpmn:SequenceFlow')[0];
              const target = tasks().find((t: any) => t !== flow.target && t !== flow.source);
              modeling.reconnectEnd(flow, target, middle(target));
            } else if (edit === 'delete a task') modeling.removeElements([tasks()[3]]);
            else if (edit === 'rename an id others refer to') modeling.updateProperties(tasks()[2], { id: 'Activity_Diganti' });
            else if (edit === 'undo twice') {
              modeler.get('commandStack').undo();
              modeler.get('commandStack').undo();
            } else if (edit === 'paste a task') {
              const task = tasks()[0];
              modeler.get('copyPaste').copy([task]);
              modeler.get('copyPaste').paste({ element: task.parent, point: { x: task.x + task.width / 2 + 40, y: task.y + task.height + 60 } });
            } else if (edit === 'move a label') {
              const label = registry.filter((e: any) => e.type === 'label')[0];
              modeling.moveShape(label, { x: 15, y: 25 });
            } else if (edit === 'rename a task') modeling.updateLabel(tasks()[1], 'Menyusun ulang berkas usulan');
            else if (edit === 'undo') modeler.get('commandStack').undo();
            else if (edit === 'redo') modeler.get('commandStack').redo();
            else if (edit === 'change the profile') {
              const select = document.querySelector('[data-testid="lint-profile"]') as HTMLSelectElement;
              select.value = [...select.options].map((o) => o.value).find((v) => v && v !== select.value)!;
              select.dispatchEvent(new Event('change'));
            }
            edited = true;
          }),
        name,
      );
      if (requests !== undefined) expect(made, `${name}: worker requests`).toBe(requests);
      const { shown, server: fromServer } = await panelAndServer(page);
      expect(shown, name).toEqual(fromServer);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
