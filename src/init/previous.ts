/**
 * What `ic init` writes beside the sample responses: the same survey one period earlier (`previous.csv`), so that
 * `ic diff previous.csv responses.csv`, `ic trend` and `ic report` have two periods to compare right after
 * `ic init` — and every example in every command's --help runs in a folder `ic init` made (test/help).
 * The same people under other ids (p101 for r101); procurement was a point lower and sales a point higher, so the
 * first diff shows one significant rise, one significant fall and three departments with no significant change.
 */
export const SAMPLE_PREVIOUS_CSV = `respondent_id,rater_department,target_department,speed,quality,politeness,proactivity,comment
p101,sales,procurement,2,3,3,2,
p101,sales,delivery,4,4,4,4,
p101,sales,it,5,4,4,N/A,
p102,sales,procurement,1,2,3,1,
p102,sales,delivery,4,5,3,4,
p102,sales,it,4,4,5,3,
p103,sales,procurement,2,2,2,2,
p103,sales,delivery,5,4,3,5,
p103,sales,it,5,5,4,4,
p201,procurement,it,5,4,4,4,
p201,procurement,accounting,4,4,3,3,
p202,procurement,it,4,4,5,,
p202,procurement,accounting,3,4,4,3,
p203,procurement,it,4,5,4,4,
p203,procurement,accounting,4,3,4,3,
p301,delivery,procurement,2,2,3,2,
p301,delivery,it,5,4,4,3,
p302,delivery,procurement,1,2,2,1,
p302,delivery,it,5,4,5,4,
p303,delivery,procurement,2,3,3,н/о,
p303,delivery,it,5,4,4,4,
p401,it,accounting,4,4,4,3,
p402,it,accounting,5,4,4,4,
p403,it,accounting,4,5,5,4,
p501,accounting,sales,4,5,5,4,
p501,accounting,it,4,4,4,4,
p502,accounting,sales,4,4,5,4,
p502,accounting,it,5,5,4,4,
p503,accounting,sales,5,4,5,5,
p503,accounting,it,4,4,5,-,
`;
