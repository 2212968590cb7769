// Hostile BPMN bodies of issue 13 item 1, generated: each is a few hundred kilobytes and was once enough to hold the server.
const DEFINITIONS_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">';

/** A process holding `inner` beside one named task. */
function processWith(inner: string): string {
  return `${DEFINITIONS_OPEN}<bpmn:process id="Proses_1" name="Proses uji"><bpmn:task id="Task_1" name="Memeriksa berkas" />${inner}</bpmn:process></bpmn:definitions>`;
}

/** `count` <bpmn:documentation> nested in one another (≈ 401 KB for 10,000): re-serialised with indentation it grew to 200 MB. */
export function nestedDocumentation(count: number): string {
  return processWith('<bpmn:documentation>x'.repeat(count) + '</bpmn:documentation>'.repeat(count));
}

/** A task with `count` attributes (≈ 419 KB for 40,000): bpmn-moddle took minutes over them. */
export function taskWithAttributes(count: number): string {
  const attributes = Array.from({ length: count }, (_, i) => `a${i}="x"`).join(' ');
  return processWith(`<bpmn:task id="Task_2" name="Tugas lebar" ${attributes} />`);
}

/** `depth` elements of an extension nested in one another inside a task: the parse or the lint overflowed the stack. */
export function deepXml(depth: number): string {
  return processWith(
    '<bpmn:task id="Task_3" name="Tugas dalam"><bpmn:extensionElements>' +
      '<x:n xmlns:x="urn:uji">'.repeat(depth) +
      '</x:n>'.repeat(depth) +
      '</bpmn:extensionElements></bpmn:task>',
  );
}

/** A process of `count` tasks, each one element. */
export function manyTasks(count: number): string {
  return processWith(Array.from({ length: count }, (_, i) => `<bpmn:task id="T${i}"/>`).join(''));
}

/** Element depth of a document the helpers above build around their content: definitions, process, task, extensionElements. */
export const DEEP_XML_WRAPPING = 4;
