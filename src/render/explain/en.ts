/** The English text of `ic explain`. */
import { formatConfigNumber as formatNumber } from '../../report/language.js';
import { Z95 } from './facts.js';
import { code, formula, list, para, strong, user, type Block } from './model.js';
import { approx, departmentLabel, names, quotedNaValues, type Phrasebook } from './phrasebook.js';

export const ENGLISH: Phrasebook = {
  title: (f) => [user(f.config.title), ': how the scores are computed'],
  intro: () => [
    para(
      'This page explains how every number in the Internal Client reports is computed from the questionnaires, ' +
        'with the settings of this survey. The method and the settings are the same for every department and are agreed before the survey starts.',
    ),
  ],
  glance: (f) => {
    const c = f.config;
    return {
      heading: 'Settings at a glance',
      blocks: [
        list([
          ['Scale: answers from ', f.n(c.scale.min), ' to ', f.n(c.scale.max), ' (', code('scale'), ')'],
          ['"Not answered": a blank cell', ...(c.naValues.length > 0 ? [', or ', ...quotedNaValues(f, '"', '"')] : []), ' (', code('na_values'), ')'],
          ['Criteria: ', String(c.criteria.length), ', total weight ', f.n(f.totalWeight), ' (section 3)'],
          ['Favorable answer: ', f.n(c.favorableMin), ' or higher (', code('favorable_min'), ')'],
          c.anonymityMin > 1
            ? ['Anonymity: a value is shown only when it comes from at least ', f.n(c.anonymityMin), ' different people (', code('anonymity_min'), ')']
            : ['Anonymity: every value is shown, even one from a single person (', code('anonymity_min: 1'), ')'],
          c.aggregation === 'departments'
            ? ['Aggregation: by client department, each client department counts equally (', code('aggregation: departments'), ')']
            : ['Aggregation: by respondent, each answer counts equally (', code('aggregation: respondents'), ')'],
          c.alertBelow !== undefined
            ? ['Alert: scores under ', f.n(c.alertBelow), ' are flagged (', code('alert_below'), ')']
            : ['Alert: none set (', code('alert_below'), ' is not in the config)'],
        ]),
      ],
    };
  },
  whoEvaluatesWhom: (f) => {
    const blocks: Block[] = [
      para(
        'A department evaluates the departments it is a client of: those it sends requests to in order to do its own work. ' +
          "One questionnaire row is one person's evaluation of one department.",
      ),
    ];
    if (f.raters === undefined) {
      blocks.push(para('Every department evaluates every other department (', code('clients_of'), ' is not used): ', ...names(f.config.departments), '.'));
    } else {
      blocks.push(
        list(
          f.raters.map(({ department, targets }) =>
            targets.length > 0 ? [...departmentLabel(department), ' evaluates: ', ...names(targets)] : [...departmentLabel(department), ' evaluates nobody'],
          ),
        ),
      );
    }
    if (f.unevaluated.length > 0) {
      blocks.push(
        f.unevaluated.length === 1
          ? para('Nobody evaluates ', user(f.unevaluated[0]?.name ?? ''), ': it gets no score.')
          : para('Nobody evaluates these departments, so they get no score: ', ...names(f.unevaluated), '.'),
      );
    }
    return { heading: 'Who evaluates whom', blocks };
  },
  answers: (f) => {
    const c = f.config;
    const decimalPoint = formatNumber(f.decimalAnswer, 'en');
    return {
      heading: 'Answers',
      blocks: [
        para(
          'Each criterion is answered with a number from ',
          f.n(c.scale.min),
          ' to ',
          f.n(c.scale.max),
          `; decimals may be written with a point or a comma (${decimalPoint} or ${formatNumber(f.decimalAnswer, 'ru')}). `,
          'A blank cell',
          ...(c.naValues.length > 0 ? [', or ', ...quotedNaValues(f, '"', '"'), ','] : []),
          ' means "not answered": it is left out of every mean and every share below, and does not count as a low mark.',
        ),
      ],
    };
  },
  criteria: (f) => {
    const blocks: Block[] = [
      para('The score is a weighted mean: each criterion counts with its share of the total weight (', f.n(f.totalWeight), ').'),
      {
        kind: 'table',
        header: ['Criterion', 'Weight', 'Share of the score'],
        align: ['left', 'right', 'right'],
        rows: f.shares.map(({ criterion, share }) => [[user(criterion.name)], [`${f.n(criterion.weight)} of ${f.n(f.totalWeight)}`], [f.pct(share)]]),
      },
    ];
    if (f.equalWeights && f.config.criteria.length > 1) {
      blocks.push(para('All criteria weigh the same: the score is the plain mean of the criterion means.'));
    }
    const described = f.config.criteria.filter((c) => c.description !== undefined && c.description.trim() !== '');
    if (described.length > 0) {
      blocks.push(para('What the criteria mean:'), list(described.map((c) => [strong(c.name), ': ', user(c.description ?? '')])));
    }
    return { heading: 'Criteria and weights', blocks };
  },
  score: (f) => {
    const blocks: Block[] = [];
    if (f.config.aggregation === 'departments') {
      blocks.push(
        para(
          strong('Step 1, criterion means.'),
          " First, for each client department and criterion, the mean of the answers of that client department's people. " +
            "The department's criterion mean is then the mean of these over the client departments that answered the criterion: " +
            'every client department counts equally, however many people it has (a client department of 3 people weighs as much as one of 30).',
        ),
      );
    } else {
      blocks.push(
        para(
          strong('Step 1, criterion means.'),
          " The department's criterion mean is the mean of all the answers about it on that criterion: " +
            'every answer counts equally, so a client department with more people weighs more.',
        ),
      );
    }
    blocks.push(
      para(strong('Step 2, the score:'), ' the weighted mean of the criterion means, with the weights of section 3:'),
      formula('S = Σ w·M / Σ w'),
      para("Criteria that nobody answered about the department are left out, and the remaining weights are re-normalised so that they again make 100%."),
    );
    const e = f.example;
    if (e !== undefined) {
      blocks.push(
        para(
          'Example: if ',
          user(e.criterion.name),
          ' has a mean of ',
          f.n(e.high),
          ' and every other criterion ',
          f.n(e.low),
          `, the score is (${f.n(e.criterion.weight)}·${f.n(e.high)} + ${f.n(e.restWeight)}·${f.n(e.low)}) / ${f.n(f.totalWeight)} ${approx(f, e.score, 2)}.`,
        ),
      );
    }
    return { heading: "A department's score", blocks };
  },
  favorable: (f) => ({
    heading: 'Favorable share',
    blocks: [para('Favorable % is the share of the answers about a department (all criteria together) that are ', f.n(f.config.favorableMin), ' or higher.')],
  }),
  uncertainty: (f) => {
    const z = f.n(Z95);
    const blocks: Block[] = [
      para(
        'A score from a few questionnaires is less certain than one from many. Each questionnaire row gets a ',
        strong('row score'),
        ': the weighted mean of its answers, with the weights of section 3.',
      ),
    ];
    if (f.config.aggregation === 'respondents') {
      blocks.push(
        para('The standard error of the score is'),
        formula('SE = sd / √n'),
        para('where ', code('sd'), ' is the sample standard deviation of the row scores about the department and ', code('n'), ' the number of those rows.'),
      );
    } else {
      blocks.push(
        para('As every client department counts equally in the score, it does in the standard error too:'),
        formula('SE = √(Σ s_r² / n_r) / R'),
        para(
          'where ',
          code('R'),
          ' is the number of client departments that evaluated the department, ',
          code('n_r'),
          ' the number of rows from client department ',
          code('r'),
          ' and ',
          code('s_r²'),
          ' the sample variance of their row scores. For a client department with fewer than 2 rows, ',
          code('s_r²'),
          ' is replaced by the pooled within-department variance ',
          code('Σ(n_r − 1)·s_r² / Σ(n_r − 1)'),
          " of the department's rows; if no client department has 2 rows, by the variance of all the department's row scores.",
        ),
      );
    }
    blocks.push(
      para('With fewer than 2 rows in all, the precision cannot be estimated: the score has no interval and its changes are "not testable".'),
      para(
        'The 95% confidence interval is ',
        code(`S ± ${z}·SE`),
        ', cut to the scale (',
        f.n(f.config.scale.min),
        '–',
        f.n(f.config.scale.max),
        '): no score can lie outside it, so neither does its interval. The narrower the interval, the more precise the score; do not read much into the gap between two departments whose intervals largely overlap.',
      ),
    );
    return { heading: 'How precise a score is', blocks };
  },
  rank: () => ({
    heading: 'Rank',
    blocks: [
      para(
        'Rank 1 is the highest shown score; equal scores share a rank (1,\u00A02,\u00A02,\u00A04). ' +
          'A department whose score is not shown, or that nobody evaluates, gets no rank.',
      ),
    ],
  }),
  anonymity: (f) => {
    const k = f.config.anonymityMin;
    if (k <= 1) {
      return {
        heading: 'Anonymity',
        blocks: [para(code('anonymity_min'), ' is ', f.n(k), ': every value is shown, even one that comes from a single person.')],
      };
    }
    return {
      heading: 'Anonymity',
      blocks: [
        para(
          'No value computed from fewer than ',
          strong(`${f.n(k)} different people`),
          ' is shown: it appears as "suppressed", with the reason, in every report and file. This applies to ' +
            "a department's score (shown when at least ",
          f.n(k),
          " different people answered at least one question about it), its criterion means, each cell of the client × department view " +
            '(counting the people of that client department who evaluated that department) and the rater view.',
        ),
        para(
          strong('Secondary suppression.'),
          ' When exactly one client × department pair of a department is hidden, the smallest other pair of that department ' +
            '(the one with the fewest people) is hidden too, so that the hidden value cannot be worked out by subtraction from the ' +
            "values that are shown. The same rule protects a department's criterion means; a company-wide criterion mean that " +
            'would give a single hidden criterion mean away is hidden too, and the rater view leaves the rows of hidden pairs out.',
        ),
      ],
    };
  },
  pairs: () => ({
    heading: 'Client × department view',
    blocks: [
      para(
        "The score a client department r gives a department t is the weighted mean of r's criterion means about t, " + 'over the criteria r answered:',
      ),
      formula('P = Σ w·m / Σ w'),
    ],
  }),
  raterView: () => ({
    heading: 'Harsh and lenient raters',
    blocks: [
      para(
        'Some departments mark everyone lower than others do. For each department as a rater: ',
        strong('given'),
        ' is the mean row score of all the rows its people filled in; the ',
        strong('company mean'),
        ' is the mean row score of all rows; ',
        strong('difference'),
        ' = given − company mean. Negative: harsher than the company; positive: more lenient. ' +
          'Read the scores of the departments a rater evaluates with this in mind.',
      ),
      para(
        'Both means leave out the rows of hidden client × department pairs (see Anonymity): computed over every row, ' +
          'they could be combined with a department\'s score to work a hidden pair out.',
      ),
    ],
  }),
  alerts: (f) => ({
    heading: 'Alerts',
    blocks: [
      f.config.alertBelow !== undefined
        ? para('Scores under ', strong(f.n(f.config.alertBelow)), ' are flagged as needing attention.')
        : para('No alert threshold (', code('alert_below'), ') is set: no score is flagged.'),
    ],
  }),
  periods: (f) => {
    const z = f.n(Z95);
    return {
      heading: 'Comparing two periods',
      blocks: [
        para('Departments are matched between the two periods by their id. For each department, the change and its test statistic are'),
        formula('Δ = S_B − S_A        z = Δ / √(SE_A² + SE_B²)'),
        para(
          'where A is the earlier period and B the later one. The change is significant when ',
          code(`|z| ≥ ${z}`),
          `, that is p < ${f.n(0.05)} (two-sided): ` +
            'a change that large rarely comes from the random spread of answers alone. When either period has no SE, the change is ' +
            '"not testable", never reported as significant. A department present in only one period is listed as new or gone. ' +
            'The latest change in a trend over many periods is tested the same way.',
        ),
      ],
    };
  },
};
