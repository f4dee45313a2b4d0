/**
 * @module How Chinese task lists say who does a task: the responsibility note. Task-division plans
 * (任务分工方案, 重点任务清单) print after each task, in brackets or on a line of their own, the bodies
 * responsible for it and their part:
 *   （牵头单位：市医保局；责任单位：市财政局、市卫健委）
 *   （责任单位：县卫生健康委、县财政局）
 *   〔市卫生计生委、市发展改革委和各县（区）人民政府负责，市残联参与〕
 *   （市医保局、市卫健委等按职责分工负责）
 *   〔责任领导：于修芹；责任科室：医政科〕 (a bureau's own plan names its leaders and divisions)
 * Extraction reads the bodies from it; normalise keeps it with its task; the linker and the
 * instrument coder hide it, because bodies' names ("县医保局") are no evidence of what the task does;
 * the quality report counts it. This module is the one declaration of its words.
 */

/**
 * Brackets around notes and asides: （…） (…) 〔…〕 [ … ] 【…】. OCR'd and web-copied text mixes the
 * pairs ("（责任单位：…县人力资源社会保障局)"), so a closer closes any opener.
 */
export const NOTE_OPENERS = '（(〔[【';
export const NOTE_CLOSERS = '）)〕]】';

/**
 * The label that opens a note or a table column and names the role: "牵头单位：" (lead), "配合部门："
 * (support), "参与单位：", "责任单位：" (responsible, no rank), "责任科室：", "主责处室：" …; the
 * compound "牵头责任单位：…；配合责任单位：…", where the first word gives the role; and the pair of
 * task-division tables "主办单位：…；协办单位：…" (the body handling the task and those assisting it);
 * 协作单位 beside 协同/协办; and any of these after 主要 ("主要协作单位：各乡镇人民政府、县政府有关部门")
 * (regular-expression source, no anchors).
 */
export const RESPONSIBILITY_LABEL = '(?:主要)?(?:责任|(?:牵头|主责|配合|参与|协同|协作|协办|主办)(?:责任)?)(?:单位|部门|科室|处室)';

/** "责任领导：于修芹、张清辉；责任单位：…": labels of the persons in charge, who are no agencies. */
export const PERSON_LABEL = '(?:责任领导|分管领导|牵头领导|联系领导|责任人|联系人)';

/**
 * The verbs that give a body its part in a note without a label: "〔市卫生计生委…负责，市残联参与〕",
 * "（市医保局牵头，市财政局配合）" (regular-expression source).
 */
export const ROLE_VERB = '(?:负责|牵头|参与|配合)';

/**
 * The text inside a bracket that is a responsibility note: a role label, a person label, a role verb,
 * or "按职责分工" ("（市医保局、市卫健委等按职责分工负责）").
 */
export const RESPONSIBILITY_NOTE = new RegExp(`${RESPONSIBILITY_LABEL}|${PERSON_LABEL}|${ROLE_VERB}|按职责分工`, 'u');
