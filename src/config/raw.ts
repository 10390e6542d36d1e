/**
 * The config document as plain JS, read defensively: the checks run even on parts that failed the
 * structure check, so nothing here assumes a shape. Also how a place in the config is named in messages.
 */

/** A location in the config: keys and list positions, e.g. ['departments', 3, 'clients_of', 1]. */
export type ConfigPath = readonly (string | number)[];

/** Records a problem at a place in the config. */
export type Report = (path: ConfigPath, message: string) => void;

export type Dict = Record<string, unknown>;

export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own properties only: a key written as `__proto__` or `constructor` is data, not JS machinery. */
export const own = (o: Dict, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `departments[3].clients_of[1]`; keys that are not plain words are quoted: `["a b"]`. */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function valueAt(raw: unknown, path: ConfigPath): unknown {
  let node = raw;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isDict(node)) node = own(node, String(segment));
    else return undefined;
  }
  return node;
}

/** A value as the user would recognise it in their file. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  if (Array.isArray(value)) return 'a list';
  if (isDict(value)) return 'a mapping (key: value lines)';
  return String(value);
}
