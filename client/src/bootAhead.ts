// Imported by main.ts right after zodJitless: the setup state and session the server put in the page are read (or,
// without them, whether setup is needed is asked for), and for a map opened by its address its code, XML, meta and
// kamus are asked for, and for any other page the chunk of the pages (pages/otherPages.ts), before the rest of the
// app's code is evaluated (modules run in the order they are imported; issue 16).
import { openAhead } from './pages/map-editor/openAhead';
import { otherPagesAhead } from './pages/otherPagesAhead';
import { BOOT_ANSWERS_ELEMENT_ID, keepBootAnswers, peekBootAnswers } from './session/bootAnswers';
import { canEditMaps } from './session/permissions';
import { askSetupAhead } from './session/setupAhead';

if (!keepBootAnswers(document.getElementById(BOOT_ANSWERS_ELEMENT_ID)?.textContent)) askSetupAhead();
openAhead(location.hash);
const signedIn = peekBootAnswers()?.session;
otherPagesAhead(location.hash, { editsMaps: signedIn ? canEditMaps(signedIn.user) : false });
