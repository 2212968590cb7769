// Entry point: styles of bpmn-js and the properties panel, then the session (first-run setup, sign-in) and the
// router over the pages.
import './zodJitless';
import './bootAhead';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './styles.css';
import { createContext, type AppContext } from './context';
import { DiffPage } from './features/diff/DiffPage';
import { InboxPage } from './features/review/InboxPage';
import { EvaluationDuePage } from './features/evaluation/EvaluationDuePage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { RepositoryLintPage } from './features/repository-lint/RepositoryLintPage';
import { LoginPage } from './pages/account/LoginPage';
import { SetupPage } from './pages/account/SetupPage';
import { AuditPage } from './pages/audit/AuditPage';
import { MapEditorPage } from './pages/map-editor/MapEditorPage';
import { dropOpenedAhead } from './pages/map-editor/openAhead';
import { MapListPage } from './pages/map-list/MapListPage';
import { ReadOnlyMapPage } from './pages/map-viewer/ReadOnlyMapPage';
import { ADMIN_ONLY, MessagePage, NOT_FOUND } from './pages/MessagePage';
import { UsersPage } from './pages/users/UsersPage';
import { Router, type Page, type Route } from './router';
import { redirectFor } from './session/access';
import { installSkipLink } from './ui/skipLink';
import { errorStateView, loadingView } from './ui/states';

function renderRoute(route: Route, context: AppContext): Page {
  const { session } = context;
  switch (route.name) {
    case 'login':
      return new LoginPage(context);
    case 'setup':
      return new SetupPage(context);
    case 'list':
      return new MapListPage(context, route.query);
    case 'map':
      // Only drafters get the modeller; everyone else sees the map read-only.
      if (session.canEditMaps) return new MapEditorPage(context, route.id);
      dropOpenedAhead();
      return new ReadOnlyMapPage(context, route.id, null);
    case 'revision':
      return new ReadOnlyMapPage(context, route.id, route.n);
    case 'diff':
      return new DiffPage(context, route.id, route.dari, route.ke);
    case 'users':
      return session.isAdmin ? new UsersPage(context) : new MessagePage(context, ADMIN_ONLY);
    case 'audit':
      return session.isAdmin ? new AuditPage(context) : new MessagePage(context, ADMIN_ONLY);
    case 'inbox':
      return new InboxPage(context);
    case 'evaluations':
      return new EvaluationDuePage(context);
    case 'dashboard':
      return new DashboardPage(context);
    case 'repository-lint':
      return new RepositoryLintPage(context);
    case 'not-found':
      return new MessagePage(context, NOT_FOUND);
  }
}

const outlet = document.getElementById('app');
if (!outlet) throw new Error('index.html has no #app element');
installSkipLink(outlet);

const router: Router = new Router(
  outlet,
  (route) => renderRoute(route, context),
  (route, hash) => redirectFor(route, hash, { setupNeeded: context.session.setupNeeded, signedIn: context.session.signedIn }),
);
const context = createContext(router);

// Versions before accounts remembered the author's name for saving; the server now records the signed-in user.
localStorage.removeItem('petakerja.author');

async function boot(app: HTMLElement): Promise<void> {
  app.replaceChildren(loadingView('Memuat Petakerja…'));
  try {
    await context.session.load();
  } catch (error) {
    app.replaceChildren(errorStateView('Petakerja tidak dapat dimuat', error, () => void boot(app)));
    return;
  }
  router.start();
}

void boot(outlet);
