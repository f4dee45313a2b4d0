import { describe, expect, it } from 'vitest';
import { extractTargets } from './targets.js';

const brief = (text: string) => extractTargets(text).map((target) => [target.op, target.value, target.unit]);

describe('extractTargets', () => {
  it('reads 不低于70% with its metric', () => {
    const [target] = extractTargets('县级公立医院实施按病种付费的出院病例数占出院病例数的比例不低于70%。');
    expect(target).toMatchObject({
      op: '>=',
      value: 70,
      unit: '%',
      metric: '县级公立医院实施按病种付费的出院病例数占出院病例数的比例',
      text: '不低于70%',
    });
  });

  it('reads 达300台 and 3.3万人 with the year of their sentence', () => {
    const targets = extractTargets('2024年，全市公共场所配备自动体外除颤仪（AED）达300台，培训救护员3.3万人。');
    expect(targets.map((t) => [t.op, t.value, t.unit, t.by])).toEqual([
      ['>=', 300, '台', '2024'],
      ['=', 3.3, '万人', '2024'],
    ]);
  });

  it('reads 从X提高到Y as the target Y, with the year of the sentence, and X as its baseline, not a target (三明 2020, 2021)', () => {
    const read = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit, t.by, t.metric, t.text]);
    expect(read('2021年，将基本公共卫生服务项目政府补助标准，从2020年每人每年74元提高到每人每年79元，并逐级落实到位。')).toEqual([
      ['>=', 79, '元', '2021', '基本公共卫生服务项目政府补助标准', '从2020年每人每年74元提高到每人每年79元'],
    ]);
    expect(read('2020年，将基本公共卫生服务项目政府补助标准从每人每年69元提高到74元。')).toEqual([
      ['>=', 74, '元', '2020', '基本公共卫生服务项目政府补助标准', '从每人每年69元提高到74元'],
    ]);
    expect(read('人均经费从2020年的74元提高到2021年的79元。')).toEqual([
      ['>=', 79, '元', '2021', '人均经费', '从2020年的74元提高到2021年的79元'],
    ]);
    expect(read('医保基金床日付费标准由原来的120元提高到140元。')).toEqual([
      ['>=', 140, '元', null, '医保基金床日付费标准', '由原来的120元提高到140元'],
    ]);
    // "从2023年起" says when, not where from: the year stays the goal's.
    expect(read('从2023年起提高到80元。').map((target) => target.slice(0, 4))).toEqual([['>=', 80, '元', '2023']]);
  });

  it('reads 由X降至Y and 由X调整为Y as the new value Y, X being where it starts from (三明 2018 待遇调整)', () => {
    const read = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit, t.text]);
    expect(read('在职人员起付线由750元降至600元，退休人员起付线由650元降至500元。')).toEqual([
      ['<=', 600, '元', '由750元降至600元'],
      ['<=', 500, '元', '由650元降至500元'],
    ]);
    expect(read('血液透析基金支付限额由原来的330元/人次调整为400元/人次。')).toEqual([['=', 400, '元', '由原来的330元/人次调整为400元']]);
  });

  it('reads no target in a rate raised or lowered by N points for a case a benefit rule names (…就诊的，报销比例降低10个百分点)', () => {
    const read = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit]);
    expect(read('参保患者未经转诊到县域外就诊的，报销比例降低10个百分点。')).toEqual([]);
    expect(read('经双向转诊回基层住院的，报销比例提高5个百分点，不再另设起付线。')).toEqual([]);
    // A goal names no case: a level to reach, or a rise by a year's end, stays a target.
    expect(read('2024年底，基层诊疗量占比达到65%或同比提高1个百分点左右。')).toEqual([
      ['>=', 65, '%'],
      ['+', 1, '个百分点'],
    ]);
    expect(read('到2025年，县域内就诊率提高5个百分点以上。')).toEqual([['+', 5, '个百分点']]);
    // The case sets a level for its own group: "达到…的，…提高到" is still read as the level it sets.
    expect(read('对符合条件的困难群众，住院报销比例提高到90%。')).toEqual([['>=', 90, '%']]);
  });

  it('names the measure of a goal stated after 围绕实现 without the lead words (佛山 2016)', () => {
    expect(extractTargets('围绕实现区域内住院率达到90%左右的目标,优化配置医疗卫生资源。')[0]).toMatchObject({
      metric: '区域内住院率',
      op: '=',
      value: 90,
    });
  });

  it('keeps 从2023年起 (when a measure starts) and the 将 of 将…提高到 out of the measure it names', () => {
    const metrics = (text: string) => extractTargets(text).map((target) => [target.metric, target.by, target.value]);
    expect(metrics('从2023年起提高到80元。')).toEqual([[null, '2023', 80]]);
    expect(metrics('从2023年1月1日起，将门诊报销比例提高到55%。')).toEqual([['门诊报销比例', '2023', 55]]);
    expect(metrics('自2024年起，基层医疗卫生机构诊疗量占比提高到65%。')).toEqual([['基层医疗卫生机构诊疗量占比', '2024', 65]]);
  });

  it('reads the goals of real 从/由…提高到/降低到 sentences, and nothing from 从严从紧 or 从源头上', () => {
    const read = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit, t.by, t.metric]);
    expect(read('家庭医生签约服务覆盖率由现在的50%提高到70%。')).toEqual([['>=', 70, '%', null, '家庭医生签约服务覆盖率']]);
    expect(read('个人卫生支出占卫生总费用的比重从“十三五”末的27.7%下降到27%左右。')).toEqual([
      ['=', 27, '%', null, '个人卫生支出占卫生总费用的比重'],
    ]);
    expect(read('到2025年，人均预期寿命从78.5岁提高到79.5岁，孕产妇死亡率由12/10万降低到10/10万以下。')).toEqual([
      ['>=', 79.5, '岁', '2025', '人均预期寿命'],
      ['<=', 10, '/10万', '2025', '孕产妇死亡率'],
    ]);
    expect(read('从严从紧控制公立医院床位规模，床位使用率提高到85%。')).toEqual([['>=', 85, '%', null, '床位使用率']]);
    expect(read('从源头上提高药品质量，抽检合格率提高到98%。')).toEqual([['>=', 98, '%', null, '抽检合格率']]);
    expect(read('由2020年底的3个增加到2025年的10个。')).toEqual([['>=', 10, '个', '2025', null]]);
    expect(read('到2025年，县域内就诊率提高到90%以上。')).toEqual([['>=', 90, '%', '2025', '县域内就诊率']]);
  });

  it('reads 提高5元 as an increase', () => {
    expect(brief('基本公共卫生服务经费人均财政补助标准提高5元。')).toEqual([['+', 5, '元']]);
  });

  it('reads 47.5%以上, 控制在30%以下, 控制在10%以内 and 达到95%', () => {
    expect(brief('县域内支出占比47.5%以上')).toEqual([['>=', 47.5, '%']]);
    expect(brief('个人卫生支出占卫生总费用的比例控制在30%以下')).toEqual([['<=', 30, '%']]);
    expect(brief('力争个人医疗费用支出控制在10%以内')).toEqual([['<=', 10, '%']]);
    expect(brief('妇幼保健机构标准化建设率达到95%')).toEqual([['>=', 95, '%']]);
  });

  it('reads 最高不得超过…的5倍 as at most five times, naming the measure from the clause before', () => {
    const [target] = extractTargets('合理确定公立医院绩效工资总量，最高不得超过公益一类事业单位绩效工资总量的5倍。');
    expect(target).toMatchObject({ op: '<=', value: 5, unit: '倍', metric: '合理确定公立医院绩效工资总量' });
  });

  it('reads alternatives joined by 或 as two targets on the same metric', () => {
    const targets = extractTargets('2024年底，各县域基层诊疗量占比达到65%或同比提高1个百分点左右。');
    expect(targets.map((t) => [t.op, t.value, t.unit, t.metric])).toEqual([
      ['>=', 65, '%', '各县域基层诊疗量占比'],
      ['+', 1, '个百分点', '各县域基层诊疗量占比'],
    ]);
  });

  it('reads minimums written in Chinese numerals and relative to an average', () => {
    expect(brief('各县（区）至少设置一所公立中医医院')).toEqual([['>=', 1, '所']]);
    expect(brief('医疗服务收入占医疗收入比例不低于全省平均水平')).toEqual([['>=', null, null]]);
  });

  it('takes no targets from dates, document numbers, ordinals, ranks or levels', () => {
    expect(brief('2020年9月底前，根据《通知》（国办发〔2024〕29号）开展第七批药品或第九批耗材的联盟带量采购')).toEqual([]);
    expect(brief('重点将住院人数或住院费用占比前10位的病种优先纳入')).toEqual([]);
    expect(brief('落实13—14周岁HPV疫苗免费接种')).toEqual([]);
  });

  it('takes no targets from names in quotation marks or phone-style numbers', () => {
    expect(brief('学习借鉴浙江“3个10%”经验，实施“511”计划，完善120指挥调度')).toEqual([]);
  });

  it('takes no targets from conditions that describe something else', () => {
    expect(brief('床位在100张以上的综合医院由市卫生计生行政部门负责审批')).toEqual([]);
    expect(brief('常住人口超过50万且市级机构覆盖不到的县（区）设置或明确1所精神卫生专业机构')).toEqual([['=', 1, '所']]);
  });

  it('takes no target from a count of named places (6个重点帮扶县) or of means (以16个专项行动为载体)', () => {
    expect(brief('在乡村振兴6个重点帮扶县继续实行“乡招村用”工作')).toEqual([]);
    expect(brief('以16个专项行动为有效载体')).toEqual([]);
  });

  it('keeps a count of places when reaching a standard is the goal: 3个县（区）疾控中心达到二级甲等以上标准', () => {
    expect(brief('市级疾控中心达到三级乙等以上标准，3个县（区）疾控中心达到二级甲等以上标准')).toEqual([['=', 3, '个']]);
    expect(brief('17个县(市、区)乡村两级医疗卫生机构达标率达90%以上')).toEqual([['>=', 90, '%']]);
  });

  it('keeps 个 counts that are not places: 21个省级临床重点专科', () => {
    expect(brief('推进2个国家级，21个省级以及60个市级临床重点专科建设')).toEqual([
      ['=', 2, '个'],
      ['=', 21, '个'],
      ['=', 60, '个'],
    ]);
  });

  it('reads 达82%, 达到90%左右 and 达 90% 以上 with the metric they qualify (资阳 2017, 临汾 2022)', () => {
    const pick = (text: string) => extractTargets(text).map((t) => [t.metric, t.op, t.value, t.unit]);
    expect(pick('2017年，启动市疾控中心创建三级乙等工作，全市妇幼保健机构标准化建设率达82%，')).toEqual([
      ['全市妇幼保健机构标准化建设率', '>=', 82, '%'],
    ]);
    expect(pick('完善落实支持分级诊疗的医保支付政策，县域内就诊率达到 90%左右。')).toEqual([['县域内就诊率', '=', 90, '%']]);
    expect(pick('力争实现县域内就诊率达 90% 以上的目标。')).toEqual([['县域内就诊率', '>=', 90, '%']]);
  });

  it('reads 全覆盖, 覆盖所有 and 全部 + a verb of completion as 100%, naming what is covered', () => {
    const pick = (text: string) => extractTargets(text).map((t) => [t.metric, t.value, t.unit]);
    expect(pick('2020年，扎实推进紧密型县域医共体建设，实现智医助理基层医疗机构全覆盖。')).toEqual([
      ['智医助理基层医疗机构覆盖率', 100, '%'],
    ]);
    expect(pick('扩大医疗责任保险覆盖面，2017年覆盖所有公立医疗机构。')).toEqual([['覆盖公立医疗机构', 100, '%']]);
    expect(pick('力争实现全部社区卫生服务中心和乡镇卫生院设置中医馆、配备中医医师。')).toEqual([
      ['社区卫生服务中心和乡镇卫生院设置中医馆、配备中医医师', 100, '%'],
    ]);
    expect(pick('远程医疗服务在县级实现全覆盖并逐步向基层延伸')).toEqual([['远程医疗服务在县级覆盖率', 100, '%']]);
  });

  it('reads 全部达到 and the 应X尽X idiom (应签尽签, 应保尽保) as 100% of what the sentence names', () => {
    const pick = (text: string) => extractTargets(text).map((t) => [t.metric, t.op, t.value, t.unit]);
    expect(pick('到2025年，乡镇卫生院全部达到服务能力基本标准。')).toEqual([['乡镇卫生院达到服务能力基本标准', '=', 100, '%']]);
    expect(pick('乡镇卫生院全部达到“优质服务基层行”基本标准。')).toEqual([['乡镇卫生院达到“优质服务基层行”基本标准', '=', 100, '%']]);
    expect(pick('加强家庭医生签约服务，确保重点人群应签尽签。')).toEqual([['重点人群应签尽签', '=', 100, '%']]);
    expect(pick('全县2个医共体（县人民医院医共体、县中医医院医共体）全部实行医保基金打包付费。')).toEqual([
      ['全县2个医共体（县人民医院医共体、县中医医院医共体）实行医保基金打包付费', '=', 100, '%'],
    ]);
    expect(pick('困难群众参加基本医疗保险应保尽保。')).toEqual([['困难群众参加基本医疗保险应保尽保', '=', 100, '%']]);
    // A result reported as reached is no target.
    expect(pick('全县重点人群已实现应签尽签。')).toEqual([]);
  });

  it('reads the 应X尽X idiom set off in quotation marks (“应汇尽汇”) as the idiom, a number in quotation marks still as a name', () => {
    const pick = (text: string) => extractTargets(text).map((t) => [t.text, t.metric, t.op, t.value, t.unit]);
    expect(pick('完善信息化支撑，实现数据“应汇尽汇”和动态更新。')).toEqual([['应汇尽汇', '数据应汇尽汇', '=', 100, '%']]);
    expect(pick('坚持“应治尽治、应管尽管”，强化检查。')).toEqual([
      ['应治尽治', '坚持应治尽治', '=', 100, '%'],
      ['应管尽管', '坚持应管尽管', '=', 100, '%'],
    ]);
    // A quotation that holds more than the idiom is a name: "“应收尽收”工作法" names a method.
    expect(pick('推广“应收尽收三步工作法”。')).toEqual([]);
    expect(pick('学习“3个10%”经验。')).toEqual([]);
  });

  it('reads no target in the count of members a body is formed of (联合辖区7家医疗机构组建, 共组建3个), only in a level to reach', () => {
    const brief = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit]);
    expect(brief('由县人民医院牵头，联合辖区7家医疗机构组建紧密型医共体。')).toEqual([]);
    expect(brief('医共体由县医院、县中医院和12个乡镇卫生院组成，整合全县15家医疗机构。')).toEqual([]);
    expect(brief('全县共组建3个医共体，覆盖所有乡镇。')).toEqual([['=', 100, '%']]);
    // A number of bodies to build is a goal.
    expect(brief('2024年底前组建3个紧密型医共体。')).toEqual([['=', 3, '个']]);
    expect(brief('力争医共体成员单位达到20家。')).toEqual([['>=', 20, '家']]);
    expect(brief('形成一支由3名省级以上名老中医、25名指导老师组成的人才队伍。').map(([, value]) => value)).toEqual([3, 25]);
  });

  it('reads no target in the number of bodies that issued a cited document jointly (市10个部门联合下发的《…》)', () => {
    const brief = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit]);
    expect(brief('落实好市10个部门联合下发的《关于进一步加强计划生育特殊家庭扶助关怀工作的通知》。')).toEqual([]);
    expect(brief('国家卫生健康委等8部门联合印发《关于加强医疗机构药事管理的意见》。')).toEqual([]);
    // Bodies to bring in are a goal: the verb is not one of issuing.
    expect(brief('新增5个部门纳入联席会议。')).toEqual([['+', 5, '个']]);
  });

  it('reads no target in what an assessment table’s criteria count, deduct or sample (缺1项扣0.5分, 扣院长年薪3万元, 抽查3个科室, ×100%)', () => {
    const brief = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit]);
    // The unit a score is counted in: the criterion awards or deducts points per one of it.
    expect(brief('建立全面预算的执行、分析、预警和反馈机制得1分，每缺1项内容扣0.5分，扣完为止；')).toEqual([]);
    expect(brief('未按期限报送财务分析报告，缺1次扣3分，迟报1天扣2分，6分扣完为止；')).toEqual([]);
    expect(brief('每引进1名学科带头人，奖励0.5分。')).toEqual([]);
    expect(brief('占执业医师比例≥60%，每低于标准1个百分点，扣0.5分，扣完为止。')).toEqual([['>=', 60, '%']]);
    // A standard the criterion sets keeps its figure beside the points it earns.
    expect(brief('收入预算执行率偏差控制在5%以内，得2分。')).toEqual([['<=', 5, '%']]);
    expect(brief('手术安全核查率100%，得1分。')).toEqual([['=', 100, '%']]);
    // The sanction the criterion attaches, and the sample its method checks.
    expect(brief('得分低于85分的不得分，扣院长当年年薪3万元；同时按外购药品耗材2倍金额从院长年薪中扣罚。')).toEqual([]);
    expect(brief('抽查3个科室，现场考查；各抽查20户现场入户核实。')).toEqual([]);
    // The formula that defines an indicator: "×100%" turns a ratio into a percentage.
    expect(brief('住院率=住院病人数/门急诊就诊病人数×100%')).toEqual([]);
  });

  it('reads no target in a scoring rule’s step (每低1个百分点扣2分), a score as a condition (得分低于60分的) or the count of a list just named', () => {
    const brief = (text: string) => extractTargets(text).map((t) => [t.op, t.value, t.unit]);
    expect(brief('县域内就诊率达到90%以上，每低1个百分点扣2分。')).toEqual([['>=', 90, '%']]);
    expect(brief('考核得分低于60分的，对主要负责人进行约谈。')).toEqual([]);
    expect(brief('日常考核占总分的40%，年终考核占总分的60%。')).toEqual([]);
    expect(brief('门诊量占总诊疗量的比例达到65%。')).toEqual([['>=', 65, '%']]);
    expect(brief('考核内容包括组织管理、运行机制、服务能力、健康管理4个方面。')).toEqual([]);
    expect(brief('考核对象为全县3个医共体（县人民医院医共体、县中医医院医共体、县第二人民医院医共体）。')).toEqual([]);
    // A count of things to build is a goal, listed or not.
    expect(brief('推进消化内科、泌尿外科等2个临床重点专科建设。')).toEqual([['=', 2, '个']]);
    expect(brief('财政补助标准每人每年提高到550元。')).toEqual([['>=', 550, '元']]);
    expect(extractTargets('财政补助标准提高到每人每年550元。').map((t) => [t.metric, t.op, t.value])).toEqual([
      ['财政补助标准', '>=', 550],
    ]);
  });

  it('takes no 100% from 全覆盖 naming a method, from 全部 as a denominator, or twice from "100%全覆盖"', () => {
    expect(brief('分类推进审批制度改革，开展“证照分离”改革全覆盖试点。')).toEqual([]);
    expect(brief('DRG 付费的医保基金占全部符合条件住院医保基金支出的比例不低于 30%。')).toEqual([['>=', 30, '%']]);
    expect(brief('养老机构与周边医疗机构签约 100%全覆盖。')).toEqual([['=', 100, '%']]);
  });

  it('reads a service radius in minutes: 打造“15分钟就医圈”', () => {
    expect(extractTargets('打造“15分钟就医圈”，加快推进').map((t) => [t.metric, t.op, t.value, t.unit])).toEqual([
      ['就医圈', '<=', 15, '分钟'],
    ]);
  });

  it('reads a rank to reach (排名200名以内) but not a rank that selects (占比前10位的病种)', () => {
    expect(brief('力争市第一医院进入全国三级综合公立医院绩效考核排名200名以内')).toEqual([['<=', 200, '名']]);
    expect(brief('重点将住院人数或住院费用占比前10位的病种优先纳入')).toEqual([]);
  });

  it('reads a range as a lower and an upper bound on one metric', () => {
    expect(extractTargets('住院费用实际报销比例控制在65%—70%。').map((t) => [t.metric, t.op, t.value])).toEqual([
      ['住院费用实际报销比例', '>=', 65],
      ['住院费用实际报销比例', '<=', 70],
    ]);
    expect(brief('打造8—10个中医特色专科')).toEqual([
      ['>=', 8, '个'],
      ['<=', 10, '个'],
    ]);
  });

  it('reads rates per 100,000, 下降到 as a ceiling, ≤, 翻一番 and counts of built things', () => {
    expect(brief('孕产妇死亡率控制在16/10万以内，婴儿死亡率控制在7‰以内。')).toEqual([
      ['<=', 16, '/10万'],
      ['<=', 7, '‰'],
    ]);
    expect(brief('个人卫生支出占卫生总费用的比重下降到26%')).toEqual([['<=', 26, '%']]);
    expect(brief('平均服务半径≤5公里')).toEqual([['<=', 5, '公里']]);
    expect(brief('全市卫生总收入翻一番')).toEqual([['x', 2, '倍']]);
    expect(extractTargets('每千人口床位数达到6张')[0]).toMatchObject({ metric: '每千人口床位数', op: '>=', value: 6, unit: '张' });
    expect(extractTargets('建成3个区域医疗中心')[0]).toMatchObject({ metric: '建成区域医疗中心', value: 3, unit: '个' });
  });

  it('names a share by the noun it counts: "70%的村卫生室具备中医服务能力"', () => {
    expect(extractTargets('2020年实现社区卫生服务机构（中心、站）、乡镇卫生院和70%的村卫生室具备中医服务能力。')[0]?.metric).toBe(
      '村卫生室具备中医服务能力',
    );
    expect(extractTargets('45%二级以上综合医院设置老年医学科')[0]?.metric).toBe('二级以上综合医院设置老年医学科');
  });

  it('gives spans in the text searched, shifted by the offset', () => {
    const text = '比例不低于30%。';
    const [target] = extractTargets(text, { offset: 10 });
    expect(target?.span).toEqual({ start: 12, end: 18 });
  });
  it('reads each count of an enumeration as its own target: 16个乡镇卫生院、158个村卫生室 (灵璧 2021)', () => {
    const pick = (text: string) => extractTargets(text).map((t) => [t.metric, t.op, t.value, t.unit]);
    expect(pick('实施16个乡镇卫生院、158个村卫生室改扩建项目')).toEqual([
      ['实施乡镇卫生院', '=', 16, '个'],
      ['村卫生室改扩建项目', '=', 158, '个'],
    ]);
    // A count of the places themselves is still no target.
    expect(brief('在3个乡镇开展试点')).toEqual([]);
  });

  it('reads a ratio printed as A:B after a comparator: 床人比不低于1:1.6 (鄂尔多斯 2024)', () => {
    const pick = (text: string) => extractTargets(text).map((t) => [t.text, t.metric, t.op, t.value, t.unit]);
    expect(pick('每千人床位数达到6.8张,公立医院床人比不低于1:1.6,医护比不低于1:1.2')).toEqual([
      ['达到6.8张', '每千人床位数', '>=', 6.8, '张'],
      ['不低于1:1.6', '公立医院床人比', '>=', 1.6, '1:'],
      ['不低于1:1.2', '医护比', '>=', 1.2, '1:'],
    ]);
    expect(pick('优质护理病房（病区）实际护床比≥0.4:1')).toEqual([['≥0.4:1', '优质护理病房（病区）实际护床比', '>=', 0.4, ':1']]);
    // A clock time or a phone number is no ratio.
    expect(brief('每天8:30开诊，监督电话:0557-6031710')).toEqual([]);
  });

  it('takes no target from a model named by a formula, quoted or not: 1+2+8, 1+X, 三医联动', () => {
    expect(brief('构建“1+2+8”县域医共体模式，实行“三医联动”，推行“1+X”家庭医生签约服务')).toEqual([]);
    expect(brief('构建1+2+8个医共体，推行1+X服务包，建立3+2模式')).toEqual([]);
    expect(brief('推行“1+2+8”模式，建成8个医共体')).toEqual([['=', 8, '个']]);
  });

  it('gives each value after 分别为 the measure printed in the same place before it (婴儿死亡率和5岁以下儿童死亡率分别为0.63‰和2.52‰)', () => {
    const targets = extractTargets('婴儿死亡率和5岁以下儿童死亡率分别为0.63‰和2.52‰。');
    expect(targets.map((t) => [t.metric, t.value, t.unit])).toEqual([
      ['婴儿死亡率', 0.63, '‰'],
      ['5岁以下儿童死亡率', 2.52, '‰'],
    ]);
  });

  it('pairs three measures joined by 、 and 和 with the three values of 分别控制在 and 分别不低于', () => {
    const controlled = extractTargets('到2025年，孕产妇死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在10/10万、3‰和4‰以下。');
    expect(controlled.map((t) => [t.metric, t.value, t.by])).toEqual([
      ['孕产妇死亡率', 10, '2025'],
      ['婴儿死亡率', 3, '2025'],
      ['5岁以下儿童死亡率', 4, '2025'],
    ]);
    // 控制在 after 分别 and 以下 after the last value bound every value.
    expect(controlled.map((t) => t.op)).toEqual(['<=', '<=', '<=']);
    const floors = extractTargets('居民健康素养水平及经常参加体育锻炼人数比例分别不低于30%、40%。');
    expect(floors.map((t) => [t.metric, t.op, t.value])).toEqual([
      ['居民健康素养水平', '>=', 30],
      ['经常参加体育锻炼人数比例', '>=', 40],
    ]);
    const lowered = extractTargets('药占比和耗材占比分别降低5个百分点和3个百分点。');
    expect(lowered.map((t) => [t.metric, t.op, t.value])).toEqual([
      ['药占比', '+', -5],
      ['耗材占比', '+', -3],
    ]);
  });

  it('leaves 分别 as it reads it today when the counts differ or the names before it are not measures', () => {
    const [shared] = extractTargets('“两中心”四级手术占比以及技术服务收入占比分别达到60%左右。');
    expect(shared?.metric).toBe('“两中心”四级手术占比以及技术服务收入占比分别');
    const hospitals = extractTargets('三级医院和二级医院出院患者临床路径管理率分别达到60%和70%。');
    expect(hospitals.map((t) => t.metric)).not.toContain('三级医院');
  });

  it('reads 提高X至N as 将X提高到N: the object between the verb and 至 is the measure', () => {
    expect(
      extractTargets('提高基本公共卫生服务项目人均补助标准至74元。').map(({ metric, op, value, unit }) => ({ metric, op, value, unit })),
    ).toEqual([{ metric: '基本公共卫生服务项目人均补助标准', op: '>=', value: 74, unit: '元' }]);
    expect(extractTargets('降低药品耗材费用占比至30%以下。')[0]).toMatchObject({ metric: '药品耗材费用占比', op: '<=', value: 30 });
  });

  it('reads 覆盖全省所有… as everything covered, and leaves 年底前 out of the measure', () => {
    const text = '推进远程医疗服务覆盖全省所有贫困县县级医院。开展试点，年底前试点县达到20个。';
    const [covered, pilots] = extractTargets(text);
    expect(covered).toMatchObject({ value: 100, unit: '%' });
    expect(covered?.metric).toMatch(/覆盖贫困县县级医院$/u);
    expect(pilots).toMatchObject({ metric: '试点县', value: 20 });
  });

  it('leaves the count of a point (一是, 二是) out of the measure it names', () => {
    const text = '一是优化签约服务包。二是重点人群签约服务覆盖率达到75%以上。三是65岁以上老年人健康管理率达到70%。';
    expect(extractTargets(text).map((target) => target.metric)).toEqual(['重点人群签约服务覆盖率', '65岁以上老年人健康管理率']);
  });

  it('reads no target in a result reported as reached: 达到了, 提高了, 已达到, 已经实现', () => {
    const reported = '全县家庭医生签约率达到了78.5%，较上年提高了3.2个百分点；县域内就诊率已达到90.1%，基层诊疗量已经增长到52万人次。';
    expect(extractTargets(reported, { documentYear: 2024 })).toEqual([]);
  });

  it('reads the target a sentence sets beside a result it reports (力争, 到…年, 确保)', () => {
    const text = '县域内就诊率已达到88%，力争2025年达到90%以上；签约率提高了3个百分点，确保重点人群签约率达到80%。';
    expect(extractTargets(text, { documentYear: 2024 }).map((target) => target.value)).toEqual([90, 80]);
  });

  it('reads no target in a figure dated to the end of a year before the document’s own (2020年末 in a plan of 2023)', () => {
    const reported = '2020年末，全市居民人均预期寿命提高到82.25岁，全市居民健康素养水平达到31.7%。截至2022年底，家庭医生签约率已达到45%。';
    expect(extractTargets(reported, { documentYear: 2023 })).toEqual([]);
    // Without the document's year only 已 says a figure is past ("已达到45%").
    expect(extractTargets(reported).map((target) => target.value)).toEqual([82.25, 31.7]);
  });

  it('keeps a goal dated to a year-end with 到 or a limit with 前, and a yearly step of a phased plan', () => {
    const options = { documentYear: 2023 };
    expect(extractTargets('到2025年末，全市居民人均预期寿命提高到83岁。', options).map((t) => [t.value, t.by])).toEqual([[83, '2025']]);
    expect(extractTargets('2022年底前，县域内就诊率达到90%。', options).map((t) => t.value)).toEqual([90]);
    expect(extractTargets('2022年，实现医保定点医院支付方式改革全覆盖。', options).map((t) => t.value)).toEqual([100]);
  });
});
