// The anchor of `npm run bench -- --only open`: bare bpmn-js, no app around it. Fetches the XML named by ?xml= and
// imports it into a plain Modeler, the way the bpmn-js examples do.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import Modeler from 'bpmn-js/lib/Modeler';

const modeler = new Modeler({ container: '#canvas' });
const response = await fetch(new URLSearchParams(location.search).get('xml'));
await modeler.importXML(await response.text());
