/**
 * What `ic init` writes: a commented sample config (`ic.yaml`) and a responses file
 * (`responses.csv`) that is valid for it, so that `ic score responses.csv` works right after.
 * Every evaluated department has at least `anonymity_min` respondents, so the first report
 * shows scores rather than only suppressed values. test/examples checks the two agree.
 */

export const SAMPLE_CONFIG_YAML = `# ic.yaml — settings for \`ic\`, the Internal Client scoring tool.
# Departments evaluate the departments they are clients of, on agreed criteria.
# Change the departments and criteria to your company's, then:
#   ic template --out forms/     blank questionnaires, one per department
#   ic validate responses.csv    check the filled-in answers
#   ic score responses.csv       the report
#   ic explain                   how the scores are computed, to hand to participants

version: 1                         # format version of this file; always 1
title: "Внутренний клиент — пример"  # shown at the top of every report

scale: { min: 1, max: 5 }          # answers must be numbers in this range; others are errors
na_values: ["N/A", "н/о", "-"]     # answers meaning "not applicable"; a blank cell always is
favorable_min: 4                   # answers >= this count as favorable (default: the top two points)
anonymity_min: 3                   # a value from fewer distinct respondents is suppressed
aggregation: departments           # departments: every client department counts equally, whatever its size;
                                   # respondents: every answer counts equally
alert_below: 3.5                   # scores under this are flagged under "needs attention"

# id: letters a-z, digits, "_" or "-"; used in the responses file and in file names.
# name: the display name, shown in reports and questionnaires.
# clients_of: the departments this one sends requests to, and so evaluates.
#   Leave clients_of out everywhere and every department evaluates every other.
departments:
  - id: sales
    name: Отдел продаж
    clients_of: [procurement, delivery, it]
  - id: procurement
    name: Отдел закупок
    clients_of: [it, accounting]
  - id: delivery
    name: Служба доставки
    clients_of: [procurement, it]
  - id: it
    name: ИТ-отдел
    clients_of: [accounting]
  - id: accounting
    name: Бухгалтерия
    clients_of: [sales, it]

# id: the column name in the responses file (the display name is accepted too).
# weight: how much the criterion counts in a department's score (positive; default 1).
# description: printed on the questionnaire, so that everyone reads the criterion the same way.
criteria:
  - id: speed
    name: Скорость реакции
    weight: 2
    description: "Как быстро заявку берут в работу и дают ответ"
  - id: quality
    name: Качество результата
    weight: 2
    description: "Результатом можно пользоваться без доработок"
  - id: politeness
    name: Вежливость
    weight: 1
    description: "Корректный тон, готовность выслушать и объяснить"
  - id: proactivity
    name: Инициативность
    weight: 1
    description: "Сами предупреждают о сроках и рисках, предлагают решения"
`;

/**
 * One row per respondent and department evaluated (the wide shape that `ic template` writes).
 * Three respondents per department; N/A, a blank and quoted comments on purpose.
 */
export const SAMPLE_RESPONSES_CSV = `respondent_id,rater_department,target_department,speed,quality,politeness,proactivity,comment
r101,sales,procurement,3,4,4,3,"Быстро, но без деталей"
r101,sales,delivery,4,4,5,4,
r101,sales,it,5,4,4,N/A,
r102,sales,procurement,2,3,4,2,Заявки приходится повторять
r102,sales,delivery,4,5,4,4,
r102,sales,it,4,4,5,3,
r103,sales,procurement,3,3,3,3,
r103,sales,delivery,5,4,4,5,Всегда на связи
r103,sales,it,4,5,4,4,
r201,procurement,it,5,4,4,4,
r201,procurement,accounting,4,4,3,3,
r202,procurement,it,4,4,5,,
r202,procurement,accounting,3,4,4,3,"Ответ ""в работе"" висит неделями"
r203,procurement,it,4,5,4,4,
r203,procurement,accounting,4,3,4,3,
r301,delivery,procurement,3,3,4,3,
r301,delivery,it,4,4,4,3,
r302,delivery,procurement,2,3,3,2,"Сроки срываются, особенно в конце месяца"
r302,delivery,it,5,4,5,4,
r303,delivery,procurement,3,4,4,н/о,
r303,delivery,it,4,4,4,4,
r401,it,accounting,4,4,4,3,
r402,it,accounting,5,4,4,4,
r403,it,accounting,4,5,5,4,Спасибо за быстрые ответы по счетам
r501,accounting,sales,3,4,5,3,
r501,accounting,it,4,4,4,4,
r502,accounting,sales,3,3,4,3,"Документы сдают в последний день, без комментариев"
r502,accounting,it,5,5,4,4,
r503,accounting,sales,4,3,4,4,
r503,accounting,it,4,4,5,-,
`;
