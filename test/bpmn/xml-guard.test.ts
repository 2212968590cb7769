import { describe, expect, it } from 'vitest';
import { assertSafeBpmnXml, MAX_XML_BYTES } from '../../server/bpmn/xml-guard';
import { BILLION_LAUGHS, minimalBpmn } from '../helpers/fixtures';

function errorOf(xml: string) {
  try {
    assertSafeBpmnXml(xml);
  } catch (error) {
    return error as { code: string; status: number; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the XML to be refused');
}

describe('XML guard for untrusted BPMN', () => {
  it('accepts a plain BPMN document', () => {
    expect(() => assertSafeBpmnXml(minimalBpmn())).not.toThrow();
  });

  it('names the line and column of malformed XML', () => {
    const xml = minimalBpmn().replace('<bpmn:task id="Task_1" name="Memeriksa berkas" />', '<bpmn:task id="Task_1" name="x">');
    const error = errorOf(xml);
    expect(error).toMatchObject({ status: 400, code: 'XML_MALFORMED' });
    expect(error.details?.line).toBe(5);
    expect(error.message).toMatch(/baris 5, kolom \d+/);
  });

  it('refuses DOCTYPE and entity declarations without expanding them (billion laughs)', () => {
    const started = Date.now();
    expect(errorOf(BILLION_LAUGHS)).toMatchObject({ status: 400, code: 'XML_DOCTYPE_FORBIDDEN' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses XML whose root is not BPMN definitions', () => {
    expect(errorOf('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')).toMatchObject({ code: 'BPMN_INVALID' });
    expect(errorOf('<definitions id="x"/>')).toMatchObject({ code: 'BPMN_INVALID' });
  });

  it('refuses an empty body and a body over the size limit', () => {
    expect(errorOf('  ')).toMatchObject({ code: 'XML_MALFORMED' });
    const huge = minimalBpmn().replace('Memeriksa berkas', 'x'.repeat(MAX_XML_BYTES));
    expect(errorOf(huge)).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });
});
