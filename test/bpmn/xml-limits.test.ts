// The structural limits of the XML guard (issue 13 item 1): refused while streaming, before bpmn-moddle sees the file;
// every real file of the MIWG corpus and of processes/ stays accepted.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertOutputSize, assertSafeBpmnXml, XML_LIMITS } from '../../server/bpmn/xml-guard';
import { miwgFiles, readText, ROOT } from '../helpers/fixtures';
import { DEEP_XML_WRAPPING, deepXml, manyTasks, nestedDocumentation, taskWithAttributes } from '../helpers/hostile-bpmn';

function errorOf(check: () => void) {
  try {
    check();
  } catch (error) {
    return error as { code: string; status: number; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the XML to be refused');
}

function processFiles(dir = path.join(ROOT, 'processes')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? processFiles(full) : entry.name.endsWith('.bpmn') ? [full] : [];
  });
}

const id = (n: number) => n.toLocaleString('id-ID');

describe('XML guard: structural limits', () => {
  it('accepts every file of the MIWG corpus and of processes/', () => {
    const files = [...miwgFiles(), ...processFiles()];
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) expect(() => assertSafeBpmnXml(readText(file)), file).not.toThrow();
  });

  it('refuses 10,000 nested documentation elements, naming the depth limit', () => {
    const error = errorOf(() => assertSafeBpmnXml(nestedDocumentation(10_000)));
    expect(error).toMatchObject({ status: 413, code: 'XML_TOO_DEEP', details: { limit: XML_LIMITS.maxDepth } });
    expect(error.message).toContain(`batasnya ${id(XML_LIMITS.maxDepth)} tingkat`);
  });

  it('accepts nesting up to the depth limit and refuses one level more', () => {
    const atLimit = XML_LIMITS.maxDepth - DEEP_XML_WRAPPING;
    expect(() => assertSafeBpmnXml(deepXml(atLimit))).not.toThrow();
    expect(errorOf(() => assertSafeBpmnXml(deepXml(atLimit + 1)))).toMatchObject({ code: 'XML_TOO_DEEP' });
  });

  it('refuses a task with 40,000 attributes, naming the limit per element', () => {
    const error = errorOf(() => assertSafeBpmnXml(taskWithAttributes(40_000)));
    expect(error).toMatchObject({ status: 413, code: 'XML_TOO_MANY_ATTRIBUTES', details: { limit: XML_LIMITS.maxAttributesPerElement } });
    expect(error.message).toContain(`batasnya ${id(XML_LIMITS.maxAttributesPerElement)} atribut per elemen`);
  });

  it('accepts attributes up to the limit per element (id and name count) and refuses one more', () => {
    const atLimit = XML_LIMITS.maxAttributesPerElement - 2;
    expect(() => assertSafeBpmnXml(taskWithAttributes(atLimit))).not.toThrow();
    expect(errorOf(() => assertSafeBpmnXml(taskWithAttributes(atLimit + 1)))).toMatchObject({ code: 'XML_TOO_MANY_ATTRIBUTES' });
  });

  it('refuses more elements than the limit, naming it', () => {
    // definitions, process and Task_1 are 3 elements besides the generated tasks.
    const atLimit = XML_LIMITS.maxElements - 3;
    expect(() => assertSafeBpmnXml(manyTasks(atLimit))).not.toThrow();
    const error = errorOf(() => assertSafeBpmnXml(manyTasks(atLimit + 1)));
    expect(error).toMatchObject({ status: 413, code: 'XML_TOO_MANY_ELEMENTS', details: { limit: XML_LIMITS.maxElements } });
    expect(error.message).toContain(`batasnya ${id(XML_LIMITS.maxElements)} elemen`);
  });

  it('refuses a re-serialised document over the output limit, naming it', () => {
    expect(() => assertOutputSize('x'.repeat(XML_LIMITS.maxOutputBytes))).not.toThrow();
    // Multi-byte characters count by their UTF-8 size.
    const error = errorOf(() => assertOutputSize('é'.repeat(XML_LIMITS.maxOutputBytes / 2 + 1)));
    expect(error).toMatchObject({ status: 413, code: 'XML_OUTPUT_TOO_LARGE', details: { limitBytes: XML_LIMITS.maxOutputBytes } });
    expect(error.message).toContain(`batasnya ${XML_LIMITS.maxOutputBytes / 1024 / 1024} MB`);
  });
});
