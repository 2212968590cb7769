// Entry point: styles of bpmn-js and the properties panel, then the session (first-run setup, sign-in) and the
// router over the pages.
import './zodJitless';
import './bootAhead';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './styles.css';
import { createContext, type AppContext } from './context';
import { LoginPage } from './pages/account/LoginPage';
import { SetupPage } from './pages/account/SetupPage';
import { LazyPage } from './pages/LazyPage';
import { MapEditorPage } from './pages/map-editor/MapEditorPage';
import { dropOpenedAhead } from './pages/map-editor/openAhead';
import { ADMIN_ONLY, MessagePage, NOT_FOUND } from './pages/MessagePage';
import { loadOtherPages, otherPagesLoaded, type OtherPages } from './pages/otherPagesAhead';
import { appHeader, pageShell } from './pages/shared/layout';
import { h } from './ui/dom';
import { Router, type Page, type Route } from './router';
import { redirectFor } from './session/access';
import { installSkipLink } from './ui/skipLink';
import { errorStateView, loadingView } from './ui/states';

function renderRoute(route: Route, context: AppContext): Page {
  const { session } = context;
  // Every page but the modeller's and the sign-in pages comes in one chunk of its own (pages/otherPages.ts); until it
  // is in, the page's place shows the app's header (compact on a map's pages) over "Memuat halaman…".
  const other = (make: (pages: OtherPages) => Page, compact = false) => {
    const pages = otherPagesLoaded();
    if (pages) return make(pages);
    return new LazyPage(loadOtherPages, make, (body) => pageShell('page-waiting', compact ? appHeader(context, h('div', { class: 'header-slot' })) : appHeader(context), body));
  };
  switch (route.name) {
    case 'login':
      return new LoginPage(context);
    case 'setup':
      return new SetupPage(context);
    case 'list':
      return other((pages) => new pages.MapListPage(context, route.query));
    case 'map':
      // Only drafters get the modeller; everyone else sees the map read-only.
      if (session.canEditMaps) return new MapEditorPage(context, route.id);
      dropOpenedAhead();
      return other((pages) => new pages.ReadOnlyMapPage(context, route.id, null), true);
    case 'revision':
      return other((pages) => new pages.ReadOnlyMapPage(context, route.id, route.n), true);
    case 'diff':
      return other((pages) => new pages.DiffPage(context, route.id, route.dari, route.ke), true);
    case 'users':
      return session.isAdmin ? other((pages) => new pages.UsersPage(context)) : new MessagePage(context, ADMIN_ONLY);
    case 'audit':
      return session.isAdmin ? other((pages) => new pages.AuditPage(context)) : new MessagePage(context, ADMIN_ONLY);
    case 'inbox':
      return other((pages) => new pages.InboxPage(context));
    case 'evaluations':
      return other((pages) => new pages.EvaluationDuePage(context));
    case 'dashboard':
      return other((pages) => new pages.DashboardPage(context));
    case 'repository-lint':
      return other((pages) => new pages.RepositoryLintPage(context));
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
