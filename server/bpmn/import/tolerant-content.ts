// Mixed content bpmn-moddle would drop: a `documentation` holding markup (XHTML, or elements in the re-declared BPMN
// default namespace) loses every child element and its text. The markup is kept as HTML text of the documentation;
// a text annotation's text keeps its words without the markup. Either way a warning says so.
import { BPMN_MODEL_NS } from '../xml-guard';
import { warning, type ImportWarning } from './import-warning';
import { attribute, deepText, elementsOf, localName, namespaceOf, prefixOf, serializeNode, setAttribute, setText, type XmlElement } from './xml-tree';

export function flattenMarkup(root: XmlElement): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const element of [...elementsOf(root)]) {
    const local = localName(element.name);
    if ((local !== 'documentation' && local !== 'text') || namespaceOf(element, prefixOf(element.name)) !== BPMN_MODEL_NS) continue;
    if (!element.children.some((c) => c.kind === 'element')) continue;
    const owner = element.parent;
    const ownerId = owner ? (attribute(owner, 'id') ?? `<${owner.name}> baris ${owner.line}`) : undefined;
    if (local === 'documentation') {
      setText(element, element.children.map(serializeNode).join(''));
      if (attribute(element, 'textFormat') === undefined) setAttribute(element, 'textFormat', 'text/html');
      warnings.push(
        warning(
          'DOCUMENTATION_MARKUP',
          'Dokumentasi yang memuat markup (mis. HTML) disimpan sebagai teks HTML, lengkap dengan tagnya.',
          'Model BPMN hanya menyimpan teks pada dokumentasi; tanpa diubah, bagian yang bermarkup beserta isinya hilang.',
          ownerId,
        ),
      );
    } else {
      setText(element, deepText(element));
      warnings.push(
        warning(
          'DOCUMENTATION_MARKUP',
          'Teks anotasi yang memuat markup disimpan sebagai teks biasa (tanpa format).',
          'Anotasi BPMN hanya menyimpan teks; tanpa diubah, bagian yang bermarkup beserta isinya hilang.',
          ownerId,
        ),
      );
    }
  }
  return warnings;
}
