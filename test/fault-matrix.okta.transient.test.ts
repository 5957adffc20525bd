/** The Okta target's fault cells, transient (see test/helpers/okta-faults.ts). */
import t from 'tap';
import { oktaCells } from './helpers/okta-faults.js';

await oktaCells(t, 'transient');
