// Imported by main.ts right after zodJitless: whether setup is needed, and for a map opened by its address its code,
// XML, meta and kamus, are asked for before the rest of the app's code is evaluated (modules run in the order they are
// imported; issue 16).
import { openAhead } from './pages/map-editor/openAhead';
import { askSetupAhead } from './session/setupAhead';

askSetupAhead();
openAhead(location.hash);
