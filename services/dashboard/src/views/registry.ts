/**
 * Every view of the dashboard, in the order they show on their route. Adding a view: one file
 * under src/views/ exporting a ViewDefinition, and one line here (README, "How to add a view").
 */
import { chartsView } from './charts';
import { coverageView } from './coverage';
import { exportsView } from './exports';
import { filtersView } from './filters';
import { findingsView } from './findings';
import { findingsPageView } from './handlungsbedarfe';
import { harvestView } from './harvest';
import { itemsView } from './items';
import { landProfileView } from './land-profile';
import { laenderView } from './laender';
import { methodView } from './methode';
import { overviewView } from './overview';
import type { ViewDefinition } from './types';

export const VIEWS: readonly ViewDefinition[] = [
  filtersView,
  overviewView,
  laenderView,
  itemsView,
  findingsView,
  coverageView,
  chartsView,
  harvestView,
  exportsView,
  findingsPageView,
  methodView,
  landProfileView,
];

/**
 * The site navigation in the header: the pages of their own (a route's first view). A page that
 * needs a parameter (a Land profile, `/land/:code`) is reached through links, not listed here.
 */
export const NAVIGATION: readonly { path: string; de: string; en: string }[] = [
  { path: '/', de: 'Übersicht', en: 'Overview' },
  { path: '/handlungsbedarfe', de: 'Handlungsbedarfe', en: 'Needs for action' },
  { path: '/methode', de: 'Methode', en: 'Method' },
];
