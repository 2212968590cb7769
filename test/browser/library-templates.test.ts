// Creating a map from a template of the reference library in the "Peta baru" dialog, in Chromium against the real
// server: the template sets the kind and the profile, and the modeller shows its pools and lanes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInThroughPage } from '../helpers/browser';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer, TEST_PASSWORD } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();

const byTestId = (id: string) => `[data-testid="${id}"]`;

describe('library templates in the create-map dialog', () => {
  it('creates a map from the Setda work mechanism and shows its lanes', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await signInThroughPage(page, server.url, 'admin', TEST_PASSWORD);
    await page.waitForSelector(byTestId('new-map-button'), { visible: true });
    await page.click(byTestId('new-map-button'));
    await page.waitForSelector(byTestId('new-map-name'), { visible: true });
    await page.type(byTestId('new-map-name'), 'Mekanisme kerja Bagian Organisasi');
    await page.waitForSelector(`${byTestId('new-map-template')} optgroup option[value="mk-setda"]`);
    const groups = await page.$$eval(`${byTestId('new-map-template')} optgroup`, (nodes) => nodes.map((n) => (n as HTMLOptGroupElement).label));
    expect(groups).toEqual(['Mekanisme kerja per jenis organisasi', 'Alur penugasan']);

    // Keyboard: focus the template list and pick the Setda entry with the arrow keys.
    await page.focus(byTestId('new-map-template'));
    const options = await page.$$eval(`${byTestId('new-map-template')} option:not([disabled])`, (nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    for (let i = 0; i < options.indexOf('mk-setda'); i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.$eval(byTestId('new-map-template'), (s) => (s as HTMLSelectElement).value)).toBe('mk-setda');
    expect(await page.$eval(byTestId('new-map-kind'), (s) => [(s as HTMLSelectElement).value, (s as HTMLSelectElement).disabled])).toEqual(['mekanisme-kerja', true]);
    expect(await page.$eval('select[name="profile"]', (s) => (s as HTMLSelectElement).value)).toBe('gunung-mas');
    expect(await page.$eval(byTestId('new-map-template-note'), (p) => p.textContent)).toContain('Pasal 29');

    await page.click(byTestId('new-map-submit'));
    await page.waitForFunction(() => location.hash.startsWith('#/peta/'));
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element[data-element-id^="Lane_"]`);
    const lanes = await page.$$eval(`${byTestId('modeler-canvas')} .djs-element[data-element-id^="Lane_"] text`, (nodes) => nodes.map((n) => n.textContent?.trim()));
    expect(lanes.join(' ')).toContain('Sekretaris Daerah');
    expect(lanes.join(' ')).toContain('Kepala Bagian');
    expect(lanes.join(' ')).toContain('Asisten');
    const groupsDrawn = await page.$$(`${byTestId('modeler-canvas')} .djs-element[data-element-id^="Group_"]:not([data-element-id$="_label"])`);
    expect(groupsDrawn).toHaveLength(3);

    const mapId = await page.evaluate(() => location.hash.split('/')[2]);
    const map = await server.api(`/api/maps/${mapId}`);
    expect(map.body.map).toMatchObject({ kind: 'mekanisme-kerja', profile: 'gunung-mas', name: 'Mekanisme kerja Bagian Organisasi' });
    expect(errors).toEqual([]);
  });

  it('shows every library map and starter template in bpmn-js without import warnings, each flow node, lane and pool drawn', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    await page.addScriptTag({ content: readText(path.join(ROOT, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js')) });
    // The starter templates too: a proses template once carried planes for its call activities, which bpmn-js refuses.
    const files = ['processes/library', 'processes/templates'].flatMap((folder) =>
      readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.bpmn')).map((f) => path.join(ROOT, folder, f)),
    );
    for (const file of files) {
      const result = await page.evaluate(async (xml) => {
        const viewer = new (window as any).BpmnJS({ container: '#canvas' });
        const { warnings } = await viewer.importXML(xml);
        const registry = viewer.get('elementRegistry');
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const ids = [...doc.querySelectorAll('task, startEvent, endEvent, exclusiveGateway, lane, participant, sequenceFlow, messageFlow, group')].map((e) => e.getAttribute('id')!);
        const missing = ids.filter((id) => !registry.get(id));
        viewer.destroy();
        return { warnings: warnings.map((w: { message: string }) => w.message), count: ids.length, missing };
      }, readText(file));
      expect(result.warnings, file).toEqual([]);
      expect(result.missing, file).toEqual([]);
      expect(result.count, file).toBeGreaterThan(file.includes('templates') ? 0 : 10);
    }
    await page.close();
  });
});
