// Imported by main.ts right after zodJitless: the setup state and session the server put in the page are read (or,
// without them, whether setup is needed is asked for), and for a map opened by its address its code, XML, meta and
// kamus are asked for, before the rest of the app's code is evaluated (modules run in the order they are imported;
// issue 16).
import { openAhead } from './pages/map-editor/openAhead';
import { BOOT_ANSWERS_ELEMENT_ID, keepBootAnswers } from './session/bootAnswers';
import { askSetupAhead } from './session/setupAhead';

if (!keepBootAnswers(document.getElementById(BOOT_ANSWERS_ELEMENT_ID)?.textContent)) askSetupAhead();
openAhead(location.hash);
