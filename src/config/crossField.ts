/**
 * Checks that need more than one field (scale bounds, unique labels, reserved columns, clients_of). They read
 * the raw document defensively, because they run even when parts of it failed the structure check.
 */
import { didYouMeanSuffix } from '../domain/didYouMean.js';
import { MAX_MAGNITUDE } from './limits.js';
import { asList, describe, isDict, own } from './raw.js';
import type { Dict, Report } from './raw.js';
import { DEFAULT_SCALE, ID_PATTERN, labelKey, RESERVED_COLUMNS } from './schema.js';
import { checkImport } from './import.js';

interface Item {
  index: number;
  id: string | undefined;
  name: string | undefined;
}

function items(list: unknown[]): Item[] {
  return list.map((entry, index) => {
    const id = isDict(entry) ? own(entry, 'id') : undefined;
    const name = isDict(entry) ? own(entry, 'name') : undefined;
    return { index, id: typeof id === 'string' ? id : undefined, name: typeof name === 'string' ? name : undefined };
  });
}

export function checkAcrossFields(raw: unknown, report: Report): void {
  if (!isDict(raw)) return;
  const scale = checkScale(raw, report);

  if (scale) {
    const { min, max } = scale;
    const range = `${min}–${max}`;
    for (const key of ['favorable_min', 'alert_below'] as const) {
      const v = own(raw, key);
      // Beyond MAX_MAGNITUDE it is already reported as too large.
      if (typeof v === 'number' && Math.abs(v) <= MAX_MAGNITUDE && (v < min || v > max)) {
        report([key], `${v} is outside the scale ${range}`);
      }
    }
    asList(own(raw, 'na_values')).forEach((v, i) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      const n = Number(v.trim().replace(',', '.'));
      if (Number.isFinite(n) && n >= min && n <= max) {
        report(['na_values', i], `${describe(v)} is an answer on the scale ${range}, so it cannot also mean "not applicable"`);
      }
    });
  }

  const departments = items(asList(own(raw, 'departments')));
  const criteria = items(asList(own(raw, 'criteria')));
  const departmentIds = checkLabels('departments', 'department', departments, report);
  checkLabels('criteria', 'criterion', criteria, report);
  checkReserved(criteria, report);
  checkClientsOf(raw, departments, departmentIds, report);
  checkRenamedFrom(raw, departments, departmentIds, report);
  checkImport(own(raw, 'import'), { departments, criteria, scale }, report);
}

/** The scale the other checks should use, or null when it is unusable (already reported). */
function checkScale(raw: Dict, report: Report): { min: number; max: number } | null {
  const scale = own(raw, 'scale');
  if (scale === undefined) return DEFAULT_SCALE;
  if (!isDict(scale)) return null;
  const min = own(scale, 'min');
  const max = own(scale, 'max');
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  if (min >= max) {
    report(['scale'], `min (${min}) must be less than max (${max})`);
    return null;
  }
  return { min, max };
}

/**
 * Unique ids, and no label (id or name, trimmed, case ignored) shared by two items: files name
 * departments and criteria by either, so a shared label could not be resolved. Returns id → index.
 */
function checkLabels(listKey: string, noun: string, list: Item[], report: Report): Map<string, number> {
  const byId = new Map<string, number>();
  for (const item of list) {
    if (item.id === undefined) continue;
    const first = byId.get(item.id);
    if (first === undefined) byId.set(item.id, item.index);
    else report([listKey, item.index, 'id'], `"${item.id}" is already the id of ${listKey}[${first}]; ids must be unique`);
  }
  const idByLabel = new Map<string, number>();
  for (const item of list) {
    if (item.id !== undefined && !idByLabel.has(labelKey(item.id))) idByLabel.set(labelKey(item.id), item.index);
  }
  const nameByLabel = new Map<string, number>();
  const ambiguous = `; files may name a ${noun} by id or by name, so this would be ambiguous`;
  for (const item of list) {
    if (item.name === undefined) continue;
    const label = labelKey(item.name);
    if (label === '') continue;
    const idOwner = idByLabel.get(label);
    const nameOwner = nameByLabel.get(label);
    if (idOwner !== undefined && idOwner !== item.index && (item.id === undefined || labelKey(item.id) !== label)) {
      report([listKey, item.index, 'name'], `${describe(item.name)} is the id of ${listKey}[${idOwner}]${ambiguous}`);
    } else if (nameOwner !== undefined) {
      report([listKey, item.index, 'name'], `${describe(item.name)} is also the name of ${listKey}[${nameOwner}]${ambiguous}`);
    }
    if (nameOwner === undefined) nameByLabel.set(label, item.index);
  }
  return byId;
}

function checkReserved(criteria: Item[], report: Report): void {
  const reserved = new Set<string>(RESERVED_COLUMNS);
  const why = `is a column of response files (${RESERVED_COLUMNS.join(', ')}), so a criterion cannot use it`;
  for (const c of criteria) {
    const idReserved = c.id !== undefined && reserved.has(labelKey(c.id));
    if (idReserved) report(['criteria', c.index, 'id'], `${describe(c.id)} ${why}`);
    if (c.name !== undefined && reserved.has(labelKey(c.name)) && !(idReserved && labelKey(c.name) === labelKey(c.id ?? ''))) {
      report(['criteria', c.index, 'name'], `${describe(c.name)} ${why}`);
    }
  }
}

function checkClientsOf(raw: Dict, departments: Item[], ids: Map<string, number>, report: Report): void {
  // A department named where an id is expected: point to its id rather than guess by spelling.
  const byLabel = new Map<string, string>();
  for (const d of departments) {
    if (d.id === undefined) continue;
    if (!byLabel.has(labelKey(d.id))) byLabel.set(labelKey(d.id), d.id);
    if (d.name !== undefined && !byLabel.has(labelKey(d.name))) byLabel.set(labelKey(d.name), d.id);
  }
  asList(own(raw, 'departments')).forEach((entry, i) => {
    if (!isDict(entry)) return;
    const clientsOf = own(entry, 'clients_of');
    if (!Array.isArray(clientsOf)) return;
    const self = departments[i]?.id;
    const seen = new Map<string, number>();
    clientsOf.forEach((target: unknown, k) => {
      if (typeof target !== 'string') return;
      const path = ['departments', i, 'clients_of', k];
      if (target === self) {
        report(path, `"${target}" is this department itself; a department cannot be its own client`);
      } else if (!ids.has(target)) {
        const byName = byLabel.get(labelKey(target));
        const hint = byName !== undefined ? ` (did you mean "${byName}"?)` : didYouMeanSuffix(target, [...ids.keys()].filter((id) => ID_PATTERN.test(id)));
        report(path, `${describe(target)} is not a department id${hint}`);
      } else if (seen.has(target)) {
        report(path, `"${target}" is listed twice (also at clients_of[${seen.get(target)}])`);
      }
      if (!seen.has(target)) seen.set(target, k);
    });
  });
}


/**
 * `renamed_from` (SPEC 2.5) lists ids of earlier periods: one that is still a department here would match a
 * department to another one of the same period, and an old id claimed by two departments could not say which
 * of them it became.
 */
function checkRenamedFrom(raw: Dict, departments: Item[], ids: Map<string, number>, report: Report): void {
  const claimedBy = new Map<string, { department: number; position: number }>();
  asList(own(raw, 'departments')).forEach((entry, i) => {
    if (!isDict(entry)) return;
    const renamedFrom = own(entry, 'renamed_from');
    if (!Array.isArray(renamedFrom)) return;
    const self = departments[i]?.id;
    renamedFrom.forEach((old: unknown, k) => {
      if (typeof old !== 'string') return;
      const path = ['departments', i, 'renamed_from', k];
      const current = ids.get(old);
      const claim = claimedBy.get(old);
      if (old === self) {
        report(path, `"${old}" is this department's own id; renamed_from lists the ids it had in earlier periods`);
      } else if (current !== undefined) {
        report(
          path,
          `"${old}" is still a department of this config (departments[${current}]); renamed_from lists ids that are gone. ` +
            `If "${old}" was merged into this department, remove departments[${current}]; if not, remove "${old}" from renamed_from`,
        );
      } else if (claim !== undefined && claim.department === i) {
        report(path, `"${old}" is listed twice (also at renamed_from[${claim.position}])`);
      } else if (claim !== undefined) {
        const other = departments[claim.department]?.id ?? `departments[${claim.department}]`;
        report(path, `"${old}" is also in renamed_from of "${other}" (departments[${claim.department}].renamed_from[${claim.position}]); an earlier id can lead to one department only`);
      }
      if (claim === undefined) claimedBy.set(old, { department: i, position: k });
    });
  });
}
