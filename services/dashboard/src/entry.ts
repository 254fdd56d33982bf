/**
 * The page's entry: starts the overview's API requests and the map's outlines (prefetch.ts), then
 * loads the app (main.ts, a chunk of its own). Kept small on purpose: everything imported here
 * runs before the first request leaves.
 */
// KERN UX (the design system of German federal and Länder administration): its styles and its
// font, Fira Sans, bundled and served from this origin (no CDN). Imported here so the built page
// links them in its head.
import '@kern-ux/native/dist/fonts/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import './styles.css';
import laenderUrl from '@generated/laender.geojson?url';
import { API, apiHeaders, useToken } from './api';
import { overviewRequests, prefetch } from './prefetch';
import { storedSession } from './reviewer';
import { parseState } from './url-state';

useToken(storedSession(sessionStorage)?.token ?? null);
const early = overviewRequests(location.pathname, parseState(location.search));
// Sent as api.ts sends them, so the answers can stand in for its requests.
for (const path of early) prefetch(`${API}${path}`, { headers: apiHeaders(), cache: 'no-store' });
if (early.length) prefetch(laenderUrl);

void import('./main');
