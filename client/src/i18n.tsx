/**
 * @module Chinese/English toggle. Canonical entities carry both names (Jurisdiction name/nameEn,
 * NationalItem titleZh/titleEn, pillarZh/pillarEn, Agency name/nameEn); document text is always shown as printed.
 */
import { createContext, useContext } from 'react';
import type { AgencyRole, AgencyType, JurisdictionLevel, LinkKind, GraphLabel, PolicyStatus } from '../../graph-schema/model.js';

export type Lang = 'zh' | 'en';

export const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({
  lang: 'en',
  setLang: () => undefined,
});

export function useLang(): Lang {
  return useContext(LangContext).lang;
}

const UI = {
  appTitle: ['医改政策图谱', 'Health-reform policy graph'],
  coverage: ['覆盖矩阵', 'Coverage'],
  lineage: ['溯源图', 'Lineage'],
  compare: ['对比', 'Compare'],
  search: ['检索', 'Search'],
  loading: ['加载中…', 'Loading…'],
  empty: ['没有数据', 'Nothing to show'],
  error: ['出错了', 'Something went wrong'],
  retry: ['重试', 'Retry'],
  nationalItem: ['国家改革事项', 'National reform item'],
  pillar: ['板块', 'Pillar'],
  jurisdiction: ['地区', 'Jurisdiction'],
  addJurisdiction: ['添加地区', 'Add jurisdiction'],
  remove: ['移除', 'Remove'],
  gap: ['缺口', 'gap'],
  gaps: ['缺口', 'Gaps'],
  tasks: ['任务', 'Tasks'],
  task: ['任务', 'Task'],
  policy: ['政策文件', 'Policy'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  exportPng: ['导出 PNG', 'Export PNG'],
  fit: ['适应窗口', 'Fit'],
  zoomIn: ['放大', 'Zoom in'],
  zoomOut: ['缩小', 'Zoom out'],
  hierarchical: ['层次布局', 'Hierarchical'],
  free: ['自由布局', 'Free layout'],
  expand: ['展开', 'Expand'],
  collapse: ['收起', 'Collapse'],
  close: ['关闭', 'Close'],
  details: ['详情', 'Details'],
  lineageOf: ['查看溯源', 'Lineage'],
  agencies: ['责任单位', 'Agencies'],
  targets: ['目标', 'Targets'],
  deadline: ['完成时限', 'Deadline'],
  links: ['关联', 'Links'],
  score: ['分数', 'Score'],
  evidence: ['依据', 'Evidence'],
  sourceText: ['原文', 'Source text'],
  sideA: ['左栏地区', 'Left column'],
  sideB: ['右栏地区', 'Right column'],
  sameSides: ['请选择两个不同的地区', 'Choose two different jurisdictions'],
  wordingDiff: ['措辞对比', 'Wording compared'],
  wordingHelp: ['下划线：只有这一方的字；其余两方相同', 'Underlined: words only this side has; the rest both share'],
  targetsByMetric: ['目标对比（同一事项下按指标对齐）', 'Targets aligned by metric under each shared item'],
  noTargets: ['两地共同事项下没有量化目标', 'No quantified target under the shared items'],
  localInnovations: ['地方创新（未关联任何国家事项的任务）', 'Local innovations (tasks linked to no national item)'],
  shared: ['共同事项', 'Shared items'],
  onlyIn: ['仅见于', 'Only in'],
  differingTargets: ['目标不同', 'Targets differ'],
  leadType: ['牵头单位类型', 'Lead agency type'],
  table: ['表格', 'Table'],
  graph: ['图', 'Graph'],
  searchPlaceholder: [
    '中文关键词（如 医保支付），或国家事项、单位类型的英文名',
    'Chinese words (e.g. 医保支付) or English names of national items and agency types',
  ],
  englishMatches: ['按英文名称找到', 'Found by English name'],
  nationalItems: ['国家改革事项', 'national items'],
  agencyTypes: ['单位类型', 'agency types'],
  noEnglishMatch: [
    '没有哪个国家事项或单位类型的英文名含有这些词；任务原文是中文，只能用中文词检索。',
    'No national item or agency type has these words in its English name; task texts are Chinese and are searched with Chinese words only.',
  ],
  typesOnly: [
    '这些词只是单位类型的英文名：请用中文词检索，再在上面选择该类型筛选。',
    'These words name agency types only: search a Chinese word, then pick the type above to filter by it.',
  ],
  noTextMatch: [
    '没有任务原文含有这些词（也没有分词后的匹配）；可试更短的词。',
    'No task text contains these words (nor the words they segment into); try a shorter word.',
  ],
  hiddenByFilters: ['条结果被单位类型或国家事项筛选排除', 'results hidden by the agency type or national item filter'],
  tasksOfItems: ['落实这些国家事项的任务', 'Tasks implementing these national items'],
  allJurisdictions: ['全部地区', 'All jurisdictions'],
  allAgencyTypes: ['全部单位类型', 'All agency types'],
  allNationalItems: ['全部国家事项', 'All national items'],
  results: ['条结果', 'results'],
  pickNationalItem: ['选择国家改革事项，查看各地落实任务', 'Pick a national item to trace it to local tasks'],
  overview: ['全图概览', 'Overview of all links'],
  overviewHint: [
    '左：国家改革板块（点击展开其事项）；右：地区；线越粗，落实任务越多。悬停看全文。',
    'Left: reform pillars (click one to open its items); right: jurisdictions; the thicker the line, the more implementing tasks. Hover for the full text.',
  ],
  legendEdgeWidth: ['线宽：分数越高（或任务越多）线越粗', 'Line width: the higher the score (or the more tasks), the thicker'],
  legendImplements: ['落实（任务 → 国家事项）', 'implements (task → national item)'],
  legendDerives: ['承接上级文件任务', 'derives from a parent document task'],
  elements: ['元素', 'elements'],
  cellTasks: ['单元格任务', 'Tasks of the cell'],
  filter: ['筛选', 'Filter'],
  language: ['English', '中文'],
  role_lead: ['牵头', 'lead'],
  role_support: ['配合', 'support'],
  role_participate: ['参与', 'participate'],
  role_responsible: ['责任', 'responsible'],
  untitled: ['（文件未印标题）', '(no title printed)'],
  agenciesOfParent: ['— 责任单位列于上级任务', '— the responsible bodies are listed for the parent task'],
  parent: ['上级任务', 'Parent task'],
  children: ['下级任务', 'Sub-tasks'],
  implementations: ['落实任务', 'Implementing tasks'],
  keywords: ['关键词', 'Keywords'],
  source: ['来源', 'Source'],
  issuedOn: ['发布日期', 'Issued on'],
  status: ['状态', 'Status'],
  cites: ['引用', 'Cites'],
  citedBy: ['被引用', 'Cited by'],
  legend: ['图例', 'Legend'],
  swap: ['交换', 'Swap'],
  expandHint: ['双击节点（或在右侧列表中按 + / -）展开或收起', 'Double click a node (or press + / - in the list) to expand or collapse it'],
  coveredIn: ['覆盖地区', 'Covered in'],
  legendCovered: ['数字：落实该事项的任务数', 'number: tasks implementing the item'],
  legendGap: [
    '缺口：已读该地区文件，没有任务落实，也没有任务提及',
    "gap: the jurisdiction's documents were read and no task implements or mentions the item",
  ],
  legendPossible: [
    '待核：没有任务落实，但有任务提及（得分低于关联阈值），点开核查',
    'to check: no task implements the item, but one mentions it (scored below the link threshold); open it to check',
  ],
  possible: ['待核', 'to check'],
  possibleMore: ['另{n}项待核', '+{n} to check'],
  auditPossible: [
    '待核：没有任务落实该事项，下列候选任务得分低于关联阈值，请核查后接受或拒绝',
    'to check: no task implements the item; the candidates below scored under the link threshold: accept or reject them',
  ],
  legendNoDocument: ['无文件：该时期没有该地区的文件，无从判断', 'no document: none for this period, so nothing can be said'],
  noDocument: ['无文件', 'no document'],
  coveredByTitle: [
    '由文件标题整体覆盖：文件标题即点明该项改革，未必有单独条目再提',
    "covered by a document's title as a whole: the title names the reform, though no single item may say so again",
  ],
  wholeDocument: ['全文', 'whole doc'],
  noDocNumber: ['无文号', 'no number'],
  period: ['时期', 'Period'],
  fromYear: ['起始年', 'from year'],
  toYear: ['截止年', 'to year'],
  apply: ['应用', 'Apply'],
  documents: ['依据文件', 'Documents read'],
  audit: ['缺口核查', 'Gap audit'],
  candidates: ['候选任务（有证据但未关联）', 'Candidates (evidence, but not linked)'],
  namesReform: ['点明该项改革', 'names the reform'],
  keywordHits: ['含关键词的任务', 'Tasks naming its keywords'],
  noCandidates: ['没有候选任务', 'No candidate'],
  noKeywordHits: ['没有任务含该事项的关键词', "No task names the item's keywords"],
  accept: ['接受关联', 'Accept link'],
  reject: ['拒绝', 'Reject'],
  reviewer: ['审核人', 'Reviewer'],
  writeToken: ['写入令牌', 'Write token'],
  note: ['理由', 'Reason'],
  defaultNote: ['缺口核查：原文确实落实该事项', 'gap audit: the text does implement the item'],
  defaultRejectNote: ['缺口核查：原文并未落实该事项', 'gap audit: the text does not implement the item'],
  curationSaved: ['已保存，矩阵已更新', 'Saved; the matrix is updated'],
  curationRefused: ['未保存', 'Not saved'],
  readOnlyHint: [
    '服务器默认只读：以 REFORMGRAPH_WRITE_TOKEN 启动服务器，并在此输入同一令牌。',
    'The server is read-only by default: start it with REFORMGRAPH_WRITE_TOKEN and enter the same token here.',
  ],
  noDocumentCell: ['该时期没有该地区的文件，无法判断是否落实。', 'No document of this jurisdiction for the period: nothing can be said.'],
  cite: ['引用', 'Cite'],
  copied: ['已复制到剪贴板', 'Copied to the clipboard'],
  docNumber: ['文号', 'Doc. no.'],
  file: ['文件', 'File'],
  characters: ['字符', 'characters'],
  itemKey: ['条目', 'item'],
  sourceLegend: ['黄底：本任务原文；下划线：关联所依据的词', 'Yellow: this task; underlined: the words its links rest on'],
  summaryTitle: ['（概括标题）', '(summary title)'],
  status_draft: ['征求意见稿', 'draft'],
  status_final: ['正式文件', 'final'],
  kind_verbatim: ['照搬', 'verbatim'],
  kind_adapted: ['改写', 'adapted'],
  kind_paraphrase: ['意译', 'paraphrase'],
  kind_inherited: ['承上', 'inherited'],
  kind_measures: ['见下列措施', 'via its measures'],
  kindHelp_verbatim: ['照搬：连续 12 字以上与国家原文相同', 'verbatim: 12 or more characters in a row copied from the national wording'],
  kindHelp_adapted: [
    '改写：沿用国家原文的关键词句，其余按本地情况改写或量化',
    'adapted: keeps the key national wording and rewrites or quantifies the rest',
  ],
  kindHelp_paraphrase: ['意译：只有同义词或简称相同', 'paraphrase: only synonyms or abbreviations in common'],
  kindHelp_inherited: [
    '承上：本条文字未提及该事项，关联取自其所属的上级条目或文件标题',
    "inherited: its own wording names nothing of the item; the link is taken from the item it is numbered under, or the document's title",
  ],
  kindHelp_measures: [
    '见下列措施：本条文字未提及该事项，其下所列措施涉及该事项，关联取自该措施',
    'via its measures: its own wording names nothing of the item, which a measure numbered under it takes up; the link is that measure’s',
  ],
  scoreHelp: [
    '分数 0–1：文字与国家事项相符的程度，越高越可靠',
    'Score 0–1: how closely the wording matches the national item; higher is more reliable',
  ],
  method_auto: ['自动匹配（关键词与共同词组）', 'automatic match (cue words and shared phrases)'],
  method_parent: ['自动匹配（共同词组与术语表）', 'automatic match (shared phrases and glossary)'],
  method_reviewed: ['人工审核确认', 'confirmed by a reviewer'],
  label_Task: ['任务', 'Task'],
  label_Policy: ['政策文件', 'Policy'],
  label_NationalItem: ['国家改革事项', 'National item'],
  label_Jurisdiction: ['地区', 'Jurisdiction'],
  label_Agency: ['单位', 'Agency'],
  label_Target: ['目标', 'Target'],
  level_national: ['国家', 'national'],
  level_province: ['省级', 'province'],
  level_city: ['市级', 'city'],
  level_county: ['县级', 'county'],
  // Research analyses (issue 17): adoption, instruments, text reuse, plan versions.
  adoption: ['采纳时间线', 'Adoption'],
  instruments: ['政策工具', 'Instruments'],
  reuse: ['文本复用', 'Text reuse'],
  versions: ['版本对比', 'Versions'],
  adoptionTitle: ['累计采纳曲线', 'Cumulative adoption'],
  adoptionHint: [
    '每条线：到当年已在文件中提出该事项的地区数；悬停或点按数据点查看地区',
    'Each line: jurisdictions whose documents had taken up the item by that year; hover or tap a point to list them',
  ],
  allPillars: ['全部板块（每板块一条线）', 'All pillars (one line each)'],
  year: ['年份', 'Year'],
  adoptedBy: ['已采纳地区', 'Jurisdictions adopted'],
  adoptedCount: ['已采纳', 'adopted'],
  notYet: ['尚未采纳', 'not yet'],
  downloadAdoptionCsv: ['下载事件史数据 CSV', 'Download event-history CSV'],
  instrumentMatrixTitle: ['政策工具 × 改革领域', 'Instruments × reform areas'],
  instrumentHint: [
    '数字：使用该工具并落实该领域国家事项的任务数；点击查看任务与依据词',
    'Number: tasks using the instrument and implementing an item of the area; click to list them with the words that show it',
  ],
  instrumentType_SUPPLY: ['供给型', 'Supply-side'],
  instrumentType_ENVIRONMENT: ['环境型', 'Environment-side'],
  instrumentType_DEMAND: ['需求型', 'Demand-side'],
  instrumentTotal: ['合计', 'Total'],
  tasksCoded: ['编码任务', 'tasks coded'],
  unlinkedTasks: ['使用工具但未关联国家事项的任务', 'tasks with instruments but no national item'],
  instrumentCodes: ['政策工具编码', 'Policy instruments'],
  instrumentLegend: ['下划线：表明使用该工具的词', 'Underlined: the words showing the instrument'],
  bestAlignment: ['最相近的上级原文', 'Closest national or parent wording'],
  alignmentLegend: [
    '绿色：措辞相同；橙色：措辞改动；删除线：仅见于上级原文；加下划线：仅见于本任务',
    'Green: same wording; orange: changed wording; struck out: only in the source; underlined: only in this task',
  ],
  documentAlignmentLegend: [
    '绿色：措辞相同；橙色：措辞改动；删除线：仅见于文件甲；加下划线：仅见于文件乙',
    'Green: same wording; orange: changed wording; struck out: only in document A; underlined: only in document B',
  ],
  noAlignment: ['没有与上级文件或国家事项对齐的段落', 'No passage aligns with a parent document or national item'],
  showAlignment: ['对照上级原文', 'Compare with source wording'],
  hideAlignment: ['收起对照', 'Hide comparison'],
  taskShare: ['本任务文字复用比例', "Share of the task's wording reused"],
  identity: ['相同字符比例', 'identical characters'],
  sourcePassage: ['上级原文', 'Source wording'],
  taskPassage: ['本任务', 'This task'],
  documentReuse: ['文件文本复用', 'Document text reuse'],
  documentA: ['文件甲', 'Document A'],
  documentB: ['文件乙', 'Document B'],
  reuseShare: ['复用比例', 'reused'],
  reuseShareHelp: ['文件中落在对齐段落内的字母与数字所占比例', "share of the document's letters and digits inside an aligned passage"],
  alignedPassages: ['对齐段落', 'Aligned passages'],
  noPassages: ['两份文件没有对齐的段落', 'The two documents have no aligned passage'],
  pickTwoDocuments: ['请选择两份不同的文件', 'Pick two different documents'],
  versionsTitle: ['规划版本对比', 'Plan versions'],
  versionsHint: [
    '同一地区前后相继的同类文件：事项延续、新增、删除，目标提高或降低',
    'Successive documents of one kind: items continued, added and dropped, targets raised or lowered',
  ],
  noSeries: [
    '该地区没有前后相继的同类文件；可在下方自选文件对比',
    'This jurisdiction has no series of successive documents; pick documents below to compare them',
  ],
  pickDocuments: ['自选文件（按日期排列）', 'Pick documents (ordered by date)'],
  compareDocuments: ['对比所选文件', 'Compare the documents picked'],
  addressedMark: ['●：文件涉及该事项', '●: the document addresses the item'],
  continued: ['延续', 'Continued'],
  added: ['新增', 'Added'],
  dropped: ['删除', 'Dropped'],
  targetChanges: ['目标变化', 'Target changes'],
  before: ['之前', 'Before'],
  after: ['之后', 'After'],
  direction_RAISED: ['提高', 'raised'],
  direction_LOWERED: ['降低', 'lowered'],
  direction_CHANGED: ['改变', 'changed'],
} as const satisfies Record<string, readonly [string, string]>;

export type UiKey = keyof typeof UI;

export function t(key: UiKey, lang: Lang): string {
  return UI[key][lang === 'zh' ? 0 : 1];
}

export function useT(): (key: UiKey) => string {
  const lang = useLang();
  return (key) => t(key, lang);
}

export const jurisdictionName = (j: { name: string; nameEn: string }, lang: Lang) => (lang === 'zh' || !j.nameEn ? j.name : j.nameEn);
export const itemTitle = (item: { titleZh: string; titleEn: string }, lang: Lang) =>
  lang === 'zh' || !item.titleEn ? item.titleZh : item.titleEn;
export const pillarName = (item: { pillar: string; pillarZh: string; pillarEn: string }, lang: Lang) =>
  (lang === 'zh' ? item.pillarZh : item.pillarEn) || item.pillar;
export const agencyName = (a: { name: string; nameEn?: string | null }, lang: Lang) => (lang === 'zh' || !a.nameEn ? a.name : a.nameEn);
export const roleName = (role: AgencyRole, lang: Lang) => t(`role_${role}`, lang);
/** "1 task", "3 tasks", "3 项任务". */
export const taskCount = (count: number, lang: Lang) => (lang === 'zh' ? `${count} 项任务` : `${count} ${count === 1 ? 'task' : 'tasks'}`);
export const statusName = (status: PolicyStatus, lang: Lang) => t(`status_${status}`, lang);
export const kindName = (kind: LinkKind, lang: Lang) => t(`kind_${kind}`, lang);
export const kindHelp = (kind: LinkKind, lang: Lang) => t(`kindHelp_${kind}`, lang);
export const labelName = (label: GraphLabel, lang: Lang) => t(`label_${label}`, lang);
export const levelName = (level: JurisdictionLevel, lang: Lang) => t(`level_${level}`, lang);

/** The link methods the ingest writes (ingest/link: LINK_METHOD, DERIVES_METHOD, REVIEWED_METHOD), in words. */
export function methodName(method: string, lang: Lang): string {
  if (method.startsWith('cue+ngram')) return t('method_auto', lang);
  if (method.startsWith('ngram+glossary')) return t('method_parent', lang);
  if (method.startsWith('reviewed')) return t('method_reviewed', lang);
  return method;
}

/** The name of a file without the folders of the machine it was read on. */
export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
/** A document that prints no title (a notice copied from a web page) is named so, never by a guess. */
export const policyTitle = (policy: { title: string }, lang: Lang) => policy.title || t('untitled', lang);

const AGENCY_TYPE_ZH: Record<AgencyType, string> = {
  GOVERNMENT: '人民政府',
  HEALTH: '卫生健康',
  MEDICAL_INSURANCE: '医疗保障',
  FINANCE: '财政',
  HRSS: '人社',
  MARKET_REGULATION: '市场监管',
  DEVELOPMENT_REFORM: '发展改革',
  STAFFING_OFFICE: '编办',
  TCM_ADMIN: '中医药',
  CIVIL_AFFAIRS: '民政',
  EDUCATION: '教育',
  PUBLIC_SECURITY: '公安',
  JUSTICE: '司法',
  AUDIT: '审计',
  NATURAL_RESOURCES: '自然资源',
  HOUSING: '住建',
  AGRICULTURE: '农业农村',
  COMMERCE: '商务',
  INDUSTRY_IT: '工信',
  TAXATION: '税务',
  STATISTICS: '统计',
  ECOLOGY: '生态环境',
  SCIENCE_TECH: '科技',
  VETERANS: '退役军人',
  EMERGENCY: '应急管理',
  DISEASE_CONTROL: '疾控',
  DRUG_REGULATION: '药监',
  BIG_DATA: '大数据',
  DISCIPLINE: '纪检监察',
  PARTY_ORGANIZATION: '组织部',
  PARTY_PUBLICITY: '宣传部',
  GOVERNMENT_OFFICE: '政府办',
  REFORM_OFFICE: '医改办',
  SOCIAL_ORGANIZATION: '社会组织',
  HOSPITAL: '医疗机构',
  LOWER_GOVS: '下级政府',
  CULTURE_TOURISM: '文化旅游',
  SPORTS: '体育',
  FINANCIAL_REGULATION: '金融监管',
  ADMIN_APPROVAL: '行政审批',
  RURAL_REVITALIZATION: '乡村振兴',
  ETHNIC_RELIGIOUS: '民族宗教',
  WATER: '水利',
  FORESTRY: '林业',
  TRANSPORT: '交通运输',
  MEDIA: '广电媒体',
  EPIDEMIC_COMMAND: '疫情防控指挥部',
  ZONE_COMMITTEE: '园区管委会',
  PARTY_WORK_COMMITTEE: '党的工作委员会',
  PEOPLES_ORGANIZATION: '群团组织',
  OTHER_DEPARTMENTS: '其他有关部门',
  ZONE_BUREAU: '园区内设局',
  OTHER: '其他',
};

/** Every agency type, read from the exhaustive table above (model.ts would bring zod into the browser). */
export const AGENCY_TYPE_LIST = Object.keys(AGENCY_TYPE_ZH) as AgencyType[];

/** English names where the enum name reads badly as words ("HRSS" → "Hrss"); the rest are derived from the name. */
const AGENCY_TYPE_EN: Partial<Record<AgencyType, string>> = {
  HRSS: 'Human resources and social security',
  TCM_ADMIN: 'Traditional Chinese medicine',
  INDUSTRY_IT: 'Industry and IT',
  BIG_DATA: 'Big data',
  LOWER_GOVS: 'Lower-level governments',
  CULTURE_TOURISM: 'Culture and tourism',
  FINANCIAL_REGULATION: 'Financial regulation',
  ADMIN_APPROVAL: 'Administrative approval',
  RURAL_REVITALIZATION: 'Rural revitalisation',
  ETHNIC_RELIGIOUS: 'Ethnic and religious affairs',
  WATER: 'Water resources',
  TRANSPORT: 'Transport',
  MEDIA: 'Media and broadcasting',
  EPIDEMIC_COMMAND: 'Epidemic command headquarters',
  ZONE_COMMITTEE: 'Development or pilot zone committee',
  PARTY_WORK_COMMITTEE: 'Party work committee',
  PEOPLES_ORGANIZATION: "People's organisation",
  OTHER_DEPARTMENTS: 'Other departments (collective)',
  ZONE_BUREAU: 'Bureau of a special zone',
};

/** "MEDICAL_INSURANCE" → "Medical insurance"; the Chinese label from the table above. */
export function agencyTypeName(type: AgencyType, lang: Lang): string {
  if (lang === 'zh') return AGENCY_TYPE_ZH[type];
  const named = AGENCY_TYPE_EN[type];
  if (named) return named;
  const words = type.toLowerCase().split('_');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
