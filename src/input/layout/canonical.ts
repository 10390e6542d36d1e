/** The layouts `ic template` writes: wide (a column per criterion) and long (criterion and score columns). */
import { checkHeader } from './header.js';
import { longRows } from './long.js';
import type { Layout } from './types.js';
import { wideRows } from './wide.js';

/** Claims every header: a header that is no other layout's is read as canonical, and told what is wrong. */
export const canonicalLayout: Layout = {
  claim({ file, line, names, config }) {
    const check = checkHeader(names, config, file, line);
    const { roles } = check;
    return {
      shape: roles.shape,
      problems: check.problems,
      usable: check.usable,
      rows: (out) => (roles.shape === 'wide' ? wideRows(file, roles, out) : longRows(file, roles, config, out)),
    };
  },
};
