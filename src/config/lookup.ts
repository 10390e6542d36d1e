import { labelKey } from './schema.js';

/**
 * label → index for matching cells and header names to departments or criteria by id or by
 * display name, trimmed and case ignored (SPEC 2.2). A loaded config guarantees that no two
 * items share a label, so the map is unambiguous.
 */
export function labelIndex(items: readonly { id: string; name: string; index: number }[]): Map<string, number> {
  const byLabel = new Map<string, number>();
  for (const item of items) {
    byLabel.set(labelKey(item.id), item.index);
    byLabel.set(labelKey(item.name), item.index);
  }
  return byLabel;
}
