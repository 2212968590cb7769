// Imported by main.ts right after zodJitless: a map opened by its address starts loading its code, XML, meta and kamus
// before the rest of the app's code is evaluated (modules run in the order they are imported; issue 16).
import { openAhead } from './pages/map-editor/openAhead';

openAhead(location.hash);
