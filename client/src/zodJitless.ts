// zod probes whether it may compile parsers with Function(''), which the CSP (script-src 'self') refuses and reports as
// a violation on every page. Imported first by main.ts, before any schema is built: no probe, same validation.
import { config } from 'zod';

config({ jitless: true });
