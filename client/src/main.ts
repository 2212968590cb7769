// Entry point: styles of bpmn-js and the properties panel, then the router over the pages.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './styles.css';
import { createContext, type AppContext } from './context';
import { MapListPage } from './pages/map-list/MapListPage';
import { MapEditorPage } from './pages/map-editor/MapEditorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RevisionViewPage } from './pages/revision-view/RevisionViewPage';
import { Router, type Page, type Route } from './router';

function renderRoute(route: Route, context: AppContext): Page {
  switch (route.name) {
    case 'list':
      return new MapListPage(context, route.query);
    case 'map':
      return new MapEditorPage(context, route.id);
    case 'revision':
      return new RevisionViewPage(context, route.id, route.n);
    case 'not-found':
      return new NotFoundPage();
  }
}

const outlet = document.getElementById('app');
if (!outlet) throw new Error('index.html has no #app element');

const router: Router = new Router(outlet, (route) => renderRoute(route, context));
const context = createContext(router);
router.start();
