/** Every layout, tried in order on a table's header; the canonical one claims whatever is left. */
import { canonicalLayout } from './canonical.js';
import type { Layout } from './types.js';

export const LAYOUTS: readonly Layout[] = [canonicalLayout];
