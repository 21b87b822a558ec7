// Simplified Chinese catalogue (mainland usage, 您 form): same keys and {placeholders} as en.ts.
// Written for factory managers and HR staff of suppliers: plain words, Chinese punctuation.
// Missing keys fall back to English at run time.
import type { Catalogue } from "./catalogue";

export const zhHans: Catalogue = {
  // ── Template ────────────────────────────────────────────────────────────────────────────────
  "t.athens-fl.title": "雅典伦理原则——强迫劳动",
  "t.athens-fl.intro":
    "本问卷旨在了解贵公司如何在自己的工作场所，以及在合作的招聘中介和供应商中，防止强迫劳动和人口贩运。问卷按照七项雅典伦理原则编排。请以邀请函中指定的工作场所或公司为对象作答。如实作答对您有帮助：您主动告诉我们的问题，我们可以共同解决；而事后才被发现的问题，处理起来要困难得多。",

  // ── Sections ────────────────────────────────────────────────────────────────────────────────
  "s.profile.title": "您的员工情况",
  "s.profile.intro":
    "关于在您的工作场所工作的人员的一些基本情况，包括通过中介或劳务公司雇用的工人。某些工人群体面临的风险较高，这些回答能帮助我们了解需要重点关注的地方。这些回答不会给您加分，也不会给您扣分。",
  "s.p1.title": "原则一：零容忍政策",
  "s.p1.intro":
    "贵公司反对强迫劳动和人口贩运的书面承诺，以及每位工人都必须享有的基本自由：自己保管本人证件、自由出入、与他人保持联系，以及辞职离开。",
  "s.p2.title": "原则二：提高意识与培训",
  "s.p2.intro": "工人、管理人员及其他人员如何了解自身权利，以及强迫劳动和人口贩运的风险。",
  "s.p3.title": "原则三：战略与风险评估",
  "s.p3.intro": "由谁负责、风险在哪里，以及您如何衡量所采取的措施是否有效。",
  "s.p4.title": "原则四：本公司员工",
  "s.p4.intro": "如何培训管理人员并要求他们遵守政策，如何向工人支付工资和对待工人，以及工人如何安全地提出投诉。",
  "s.p5.title": "原则五：招聘与供应商",
  "s.p5.intro": "如何招聘和雇用工人，以及您如何确保您的招聘中介和您自己的供应商遵守同样的规则。",
  "s.p6.title": "原则六：与政府及其他各方合作",
  "s.p6.intro": "您如何与其他企业、组织和政府部门合作，完善保护工人的规则。",
  "s.p7.title": "原则七：透明度与报告",
  "s.p7.intro": "您公开发布了哪些关于反对强迫劳动工作的信息，以便他人了解，并监督您履行承诺。",

  // ── Workforce profile ───────────────────────────────────────────────────────────────────────
  "q.profile.workers.text": "您的工作场所共有多少人工作（包括通过中介或劳务公司雇用的工人）？",
  "q.profile.workers.help":
    "请计算目前在该工作场所工作的所有人员：正式工、临时工、季节工、派遣工以及学徒。如果人数变化较大，请填写最近三个月的平均人数。",

  "q.profile.migrant_share.text": "这些工人中，外来务工人员占多大比例？",
  "q.profile.migrant_share.help":
    "外来务工人员是指为了从事这份工作，从其他国家来到本地，或从本国其他地区迁移过来的人员。外来务工人员更容易被收取招聘费、在工作情况上受到误导，或在签证、住处方面依赖雇主，因此需要格外关注。",

  "q.profile.nationalities.text": "您的外来务工人员来自哪些国家或地区？",
  "q.profile.nationalities.help": "请列出主要的来源地，例如“尼泊尔、孟加拉国”或“云南省和四川省”。这能说明涉及哪些招聘渠道。",

  "q.profile.temporary_share.text": "临时工、季节工，以及通过中介或劳务公司雇用的工人占多大比例？",
  "q.profile.temporary_share.help":
    "签订短期合同或由其他单位雇用的工人，往往更难投诉，也更难了解自己的权利。凡不是贵公司正式员工的人员，都请计算在内。",

  "q.profile.uses_agencies.text": "您是否通过招聘中介、中间人或劳务公司来招募或雇用工人？",
  "q.profile.uses_agencies.help":
    "包括境外的中介、本地的中间人，以及向您的工作场所派遣工人的劳务公司。即使只有少数工人是通过这种方式雇用的，也请回答“是”。",

  "q.profile.agencies_licensed.text": "这些中介是否持有许可证（如法律有此要求），并与您签订了书面合同？",
  "q.profile.agencies_licensed.help":
    "无证中介和非正规的中间人，是收取招聘费和作出虚假承诺最常见的源头。签订书面合同可以让您设定规则，例如规定工人无需支付任何费用。",
  "q.profile.agencies_licensed.evidence": "您与其中一家中介签订的合同（可以遮盖价格信息）",
  "q.profile.agencies_licensed.opt.all": "是，全部都有",
  "q.profile.agencies_licensed.opt.some": "部分有",
  "q.profile.agencies_licensed.opt.none": "都没有",
  "q.profile.agencies_licensed.opt.dont_know": "我不清楚",

  "q.profile.fees_charged.text": "在过去两年中，是否有工人为了在您的工作场所获得工作而支付过任何费用？",
  "q.profile.fees_charged.help":
    "凡是支付给您、中介、中间人或其他任何人的款项都算在内：招聘费或介绍费，以及路费、签证费、工作许可费、体检费、培训费或工服费。借钱给工人支付这些费用，也算在内。因为求职而欠债的工人可能觉得自己无法离职，这种情况称为债务奴役。如果您不确定，请询问几名最近入职的工人。",

  "q.profile.fees_repaid.text": "这些费用是否已退还给工人？",
  "q.profile.fees_repaid.help": "根据“雇主付费”原则，招聘的全部费用由公司承担；工人如果支付过任何费用，都应获得全额退还。",
  "q.profile.fees_repaid.opt.repaid_all": "是，已向所有工人全额退还",
  "q.profile.fees_repaid.opt.repaying": "已开始退还，但尚未退完",
  "q.profile.fees_repaid.opt.not_repaid": "否",

  // ── P1 Policy ───────────────────────────────────────────────────────────────────────────────
  "q.p1.written_policy.text": "贵公司是否有禁止强迫劳动和人口贩运的书面政策？",
  "q.p1.written_policy.help":
    "政策规定了公司内每个人都必须遵守的规则。只要政策是书面的，并且明确提到强迫劳动或人口贩运，就算数。如果政策由企业主、董事或董事会签署或批准，其效力最强。",
  "q.p1.written_policy.evidence": "该政策文件，需显示由谁签署或批准以及日期",
  "q.p1.written_policy.opt.signed": "是，已由高级管理层签署或批准",
  "q.p1.written_policy.opt.written_not_signed": "是，但未经高级管理层签署或批准",
  "q.p1.written_policy.opt.none": "否",

  "q.p1.policy_scope.text": "该政策明确禁止了哪些行为？请勾选所有适用项。",
  "q.p1.policy_scope.help": "强迫劳动有多种形式。好的政策会逐一列明，这样任何管理人员或中介都无法声称某种做法是被允许的。",
  "q.p1.policy_scope.opt.forced_labour": "强迫劳动（在惩罚威胁下被迫从事的劳动）",
  "q.p1.policy_scope.opt.bonded_labour": "抵债劳动（为偿还债务而劳动）",
  "q.p1.policy_scope.opt.prison_labour": "非自愿的监狱劳动",
  "q.p1.policy_scope.opt.trafficking": "人口贩运",
  "q.p1.policy_scope.opt.recruitment_fees": "向工人收取求职费用",
  "q.p1.policy_scope.opt.none": "以上都没有",

  "q.p1.resignation_notice.text": "工人辞职前必须提前多少天通知？",
  "q.p1.resignation_notice.help":
    "工人必须能够自由辞职。提前通知期在 30 天以内是合理的。如果无需提前通知，请填写 0。如果不同工人群体的通知期不同，请填写最长的天数。",

  "q.p1.deposits.text": "工人是否需要向您或中介缴纳押金，或者交存钱款或个人物品，才能获得或保住工作？",
  "q.p1.deposits.help": "押金、保证金，或提前离职就会失去的个人物品，都会把工人束缚在工作岗位上。这是债务奴役的一种形式，是不允许的。",

  "q.p1.documents_holder.text": "工人的护照、身份证件和工作许可由谁保管？",
  "q.p1.documents_holder.help":
    "工人必须能够随时拿到自己的证件，无需征得任何人同意。扣留证件，即使是“代为保管”，也会使工人无法离开，是强迫劳动的明显迹象。为办理签证续签等手续，将证件交给政府部门几天是可以的，前提是工人同意，并且证件一办完就立即归还工人。",
  "q.p1.documents_holder.opt.workers_themselves": "工人自己保管",
  "q.p1.documents_holder.opt.locker_free_access": "存放在工人自己可以随时打开的储物柜或保险箱里",
  "q.p1.documents_holder.opt.employer_keeps": "由公司或中介保管",

  "q.p1.free_movement.text": "在工作时间以外，工人能否离开工作场所，以及您或中介提供的住处？",
  "q.p1.free_movement.help":
    "工人在自己的时间里必须能够自由出入。锁住大门、保安阻拦工人，或规定外出须经批准或须有人陪同，都会剥夺工人的行动自由。",
  "q.p1.free_movement.opt.freely": "可以，随时都能离开",
  "q.p1.free_movement.opt.night_curfew": "可以，但宿舍夜间有门禁",
  "q.p1.free_movement.opt.permission_or_escort": "只有经过批准或有人陪同才能离开",

  "q.p1.contact_outside.text": "工人能否自己保管手机，并自由联系家人和朋友？",
  "q.p1.contact_outside.help":
    "切断工人与家人、朋友或外界帮助的联系，会使工人更容易受到控制。出于安全原因，要求工人在上班期间收起手机是可以的，前提是工人在休息时间和下班后能拿回手机。",
  "q.p1.contact_outside.opt.phones_always": "可以，工人自己保管手机",
  "q.p1.contact_outside.opt.phones_stored_in_shifts": "出于安全原因，上班期间手机统一存放，休息时间和下班后归还",
  "q.p1.contact_outside.opt.phones_taken": "不可以，手机被收走，或与外界的联系受到限制",

  // ── P2 Awareness ────────────────────────────────────────────────────────────────────────────
  "q.p2.policy_communicated.text": "是否已用工人能听懂的语言向工人讲解该政策？",
  "q.p2.policy_communicated.help":
    "只有了解政策的工人，才能受到政策的保护。入职时的讲解、墙上的告示和会议都算在内，并且要使用您的工人所说的每一种语言。",
  "q.p2.policy_communicated.opt.all_workers": "是，已用工人所说的全部语言向全体工人讲解",
  "q.p2.policy_communicated.opt.some_workers": "只向部分工人讲解，或只使用了其中部分语言",
  "q.p2.policy_communicated.opt.not_communicated": "否",

  "q.p2.induction_topics.text": "工人入职时，会被告知哪些方面的权利？请勾选所有适用项。",
  "q.p2.induction_topics.help": "新工人，尤其是外来务工人员，可能不清楚哪些做法是允许的。请用他们自己的语言清楚地告诉他们。",
  "q.p2.induction_topics.opt.keep_documents": "本人的身份证件由自己保管",
  "q.p2.induction_topics.opt.free_to_resign": "可以辞职，以及需要提前多久通知",
  "q.p2.induction_topics.opt.wages_deductions": "工资如何计算，以及哪些款项可以扣除",
  "q.p2.induction_topics.opt.working_hours": "工作时间、加班和休息日",
  "q.p2.induction_topics.opt.how_to_complain": "如何安全地进行投诉",
  "q.p2.induction_topics.opt.none": "以上都没有",

  "q.p2.worker_training.text": "工人多久接受一次关于自身权利和强迫劳动的培训？",
  "q.p2.worker_training.help": "入职时进行培训，并且至少每年复训一次，可以让工人一直记住这些内容，也能覆盖通过中介入职的工人。",
  "q.p2.worker_training.opt.hiring_and_yearly": "入职时培训，且至少每年一次",
  "q.p2.worker_training.opt.hiring_only": "仅在入职时培训",
  "q.p2.worker_training.opt.occasionally": "不定期培训，没有固定安排",
  "q.p2.worker_training.opt.never": "从未培训",

  "q.p2.training_records.text": "您是否保存了这些培训的记录（日期、主题和参加人员）？",
  "q.p2.training_records.help": "培训记录可以证明培训确实进行过，也能显示还有哪些人需要参加培训。",
  "q.p2.training_records.evidence": "过去 12 个月内的签到表或培训记录",

  "q.p2.awareness_activities.text": "在过去两年中，您是否组织或支持过面向本公司工人以外人群的活动，以提高人们对强迫劳动和人口贩运的认识？",
  "q.p2.awareness_activities.help": "例如：为您的供应商或招聘中介举办培训，在工人的家乡社区开展宣传，或与学校、当地组织开展合作。",

  // ── P3 Strategy ─────────────────────────────────────────────────────────────────────────────
  "q.p3.senior_owner.text": "贵公司是否指定了一名高级管理人员负责防止强迫劳动？",
  "q.p3.senior_owner.help": "当公司高层有具体的人负责时，这项工作才能得到时间、资金和重视。只指定某个部门负责、没有具体负责人的，不算。",

  "q.p3.risk_assessment.text": "您最近一次评估您的工作场所和供应链中的强迫劳动风险是在什么时候？",
  "q.p3.risk_assessment.help":
    "风险评估是要找出最可能出现问题的地方：哪些工作场所、国家、产品、工人群体和招聘渠道。风险评估应形成书面材料，并且至少每年重新进行一次。",
  "q.p3.risk_assessment.evidence": "风险评估报告或其摘要",
  "q.p3.risk_assessment.opt.last_12_months": "过去 12 个月内",
  "q.p3.risk_assessment.opt.one_to_three_years": "一到三年前",
  "q.p3.risk_assessment.opt.never": "从未评估过",

  "q.p3.risk_assessment_date.text": "评估是在哪一天完成的？",
  "q.p3.risk_assessment_date.help": "请填写最终版本的日期。大致的日期也可以。",

  "q.p3.supply_chain_map.text": "沿着供应链往上游追溯，您能了解到哪一级供应商是谁？",
  "q.p3.supply_chain_map.help":
    "强迫劳动往往出现在供应链的更上游，例如原材料的生产环节。了解您的供应商的供应商叫什么名称、位于哪里，是对他们进行核查的第一步。",
  "q.p3.supply_chain_map.opt.raw_materials": "一直追溯到原材料",
  "q.p3.supply_chain_map.opt.beyond_direct": "我们的直接供应商及其部分供应商",
  "q.p3.supply_chain_map.opt.direct_only": "仅限我们的直接供应商",
  "q.p3.supply_chain_map.opt.not_mapped": "我们尚未梳理过我们的供应商",

  "q.p3.kpis.text": "您是否跟踪可量化的指标，以显示您反对强迫劳动的措施是否有效？",
  "q.p3.kpis.help":
    "例如：接受培训的工人比例、已退还的招聘费、收到和已解决的投诉、已审核的供应商。这些指标可以显示工作进展，以及下一步需要在哪些方面采取行动。",

  "q.p3.budget.text": "是否为这项工作安排了预算或人员时间？",
  "q.p3.budget.help": "没有资金或人员，计划就只能停留在纸面上。设有专门的预算项目算数，有指定员工用部分工作时间负责这项工作也算数。",

  // ── P4 Own workforce ────────────────────────────────────────────────────────────────────────
  "q.p4.managers_trained.text": "在过去 12 个月中，管理人员、主管、人力资源人员和保安是否接受过关于该政策的培训？",
  "q.p4.managers_trained.help": "这些人的决定对工人的影响最大。他们需要知道哪些行为是被禁止的，以及发现问题时应该怎么做。",

  "q.p4.disciplinary.text": "贵公司的规章制度是否规定了员工违反该政策时的处理方式，例如警告或解雇？",
  "q.p4.disciplinary.help": "明确的处理后果，表明公司是认真对待这项政策的。",

  "q.p4.wages_on_time.text": "在过去 12 个月中，是否所有工人都按时足额领到了工资，并且至少每月发放一次？",
  "q.p4.wages_on_time.help":
    "扣押工资、拖欠工资，或者只在合同期满时才发工资，会使工人无法离职。如果有任何工人群体（包括派遣工）被拖欠工资、领到的工资少于约定，或被扣除了没有人向其解释的款项，请回答“否”。",
  "q.p4.wages_on_time.evidence": "最近一个月的工资记录或工资条（可以遮盖姓名）",

  "q.p4.violence_reported.text": "在过去 12 个月中，是否有人报告过管理人员、主管、保安、中介人员或同事对工人实施身体暴力或性暴力？",
  "q.p4.violence_reported.help":
    "每一次报告都要计算在内，无论它来自投诉、审核、工人还是外部人员，即使未经证实也算。告诉我们有助于确保该工人的安全，并使事件得到妥善处理。",

  "q.p4.threats_reported.text":
    "在过去 12 个月中，是否有人报告过工人受到威胁，例如威胁解雇、施加暴力、向政府部门举报他们，或伤害他们的家人？",
  "q.p4.threats_reported.help": "威胁是用来迫使人们违背自己意愿工作的手段。每一次报告都要计算在内，即使未经证实也算。",

  "q.p4.vulnerable_groups.text": "您的工作场所是否有以下人群在工作？请勾选所有适用项。",
  "q.p4.vulnerable_groups.help": "这些工人更容易受到剥削，需要额外的保护。雇用他们本身并没有错，关键在于您如何保护他们。",
  "q.p4.vulnerable_groups.opt.under_18": "未满 18 岁的工人",
  "q.p4.vulnerable_groups.opt.no_work_permit": "没有有效工作证件的外来务工人员",
  "q.p4.vulnerable_groups.opt.cannot_read_contract": "看不懂合同所用语言的工人",
  "q.p4.vulnerable_groups.opt.none": "以上都没有",

  "q.p4.vulnerable_safeguards.text": "您是否为这些工人制定了专门的保护措施？",
  "q.p4.vulnerable_safeguards.help":
    "例如：不安排未满 18 岁的工人上夜班或从事危险工作，帮助工人办理或更新工作证件，向工人朗读或翻译合同，以及指定一名他们可以求助的人员。",

  "q.p4.housing_standards.text":
    "您或中介提供的住处是否全部符合以下条件：空间充足，有清洁的用水和厕所，用电安全并设有消防安全出口，有可上锁的储物空间，男女分房居住？",
  "q.p4.housing_standards.help": "拥挤、不安全或肮脏的住处属于恶劣的生活条件。由中介安排或付费的住处也包括在内。",
  "q.p4.housing_standards.na": "不适用：不提供住宿",
  "q.p4.housing_standards.opt.meets_all": "是，全部符合",
  "q.p4.housing_standards.opt.meets_most": "大部分符合",
  "q.p4.housing_standards.opt.does_not_meet": "很少符合或都不符合",

  "q.p4.transport_access.text": "如果您的工作场所或住处离城镇较远，工人是否至少每周能去一次最近的城镇，并且免费或只需很少的费用？",
  "q.p4.transport_access.help": "在偏远工作场所的工人如果没有办法外出，就可能与商店、银行、外界帮助和自己的社群隔绝。",
  "q.p4.transport_access.na": "不适用：工作场所和住处都位于城镇内或城镇附近",

  "q.p4.grievance_channel.text": "工人是否有途径进行投诉，包括有关强迫劳动的投诉？",
  "q.p4.grievance_channel.help":
    "例如投诉热线、意见箱、工人委员会，或一名不属于其直属管理层、工人信得过的人员。工人需要有安全的途径，在问题扩大之前反映情况。",
  "q.p4.grievance_channel.evidence": "投诉程序，或向工人说明投诉程序的告示",

  "q.p4.grievance_features.text": "该投诉渠道具备以下哪些特点？请勾选所有适用项。",
  "q.p4.grievance_features.help": "如果投诉渠道使用工人的语言、保护工人不受惩罚，并且让人看到投诉会带来实际行动，工人就会信任它。",
  "q.p4.grievance_features.opt.workers_languages": "支持工人所说的所有语言",
  "q.p4.grievance_features.opt.anonymous": "工人可以匿名投诉",
  "q.p4.grievance_features.opt.non_retaliation": "书面承诺任何人都不会因投诉而受到惩罚",
  "q.p4.grievance_features.opt.appeal": "工人对处理决定有异议时可以申诉",
  "q.p4.grievance_features.opt.outcomes_recorded": "每一项投诉及其处理结果都有记录",
  "q.p4.grievance_features.opt.none": "以上都没有",

  // ── P5 Recruitment and suppliers ────────────────────────────────────────────────────────────
  "q.p5.supplier_code.text": "您对供应商的规定中，是否禁止强迫劳动和人口贩运？",
  "q.p5.supplier_code.help":
    "供应商行为准则列明了您对供应商的要求。把同样的规定写入合同，可以使其具有约束力，一旦供应商违反，您就可以采取行动。",
  "q.p5.supplier_code.evidence": "供应商行为准则或相关合同条款",
  "q.p5.supplier_code.opt.code_and_contracts": "是，我们的供应商行为准则和合同中都有规定",
  "q.p5.supplier_code.opt.code_only": "是，但仅在我们的供应商行为准则中有规定",
  "q.p5.supplier_code.opt.none": "否",

  "q.p5.employer_pays.text": "您是否有书面规定，明确工人在招聘过程中永远无需支付任何费用，并且工人已支付的任何费用都将退还？",
  "q.p5.employer_pays.help": "这就是“雇主付费”原则：所有招聘费用和成本，包括中介收取的费用，都由公司而不是工人承担。",

  "q.p5.direct_hiring.text": "您的大部分工人是通过什么方式雇用的？",
  "q.p5.direct_hiring.help": "由您直接雇用工人，可以避开那些可能收取费用或作出虚假承诺的中间人。",
  "q.p5.direct_hiring.opt.all_direct": "全部直接雇用，不通过中介",
  "q.p5.direct_hiring.opt.mostly_direct": "大部分直接雇用",
  "q.p5.direct_hiring.opt.mostly_agencies": "大部分通过中介或劳务公司雇用",

  "q.p5.agency_checks.text": "您如何核查所使用的招聘中介和劳务公司？",
  "q.p5.agency_checks.help":
    "审核会检查中介的实际运作方式，包括与其介绍的工人面谈，了解收费、承诺和合同的情况。仅凭许可证，很难看出工人受到怎样的对待。",
  "q.p5.agency_checks.evidence": "对其中一家中介的最新审核报告",
  "q.p5.agency_checks.opt.audited": "我们核查其许可证，并在过去 12 个月内对其进行过审核",
  "q.p5.agency_checks.opt.licence_only": "我们仅核查其许可证",
  "q.p5.agency_checks.opt.not_checked": "我们不对其进行核查",

  "q.p5.contract_before_start.text": "是否每位工人在开始工作前（外来务工人员在离开家乡前）都会收到一份用其能看懂的语言写成的书面合同？",
  "q.p5.contract_before_start.help":
    "如果合同出示得太晚、使用工人看不懂的语言，或者与当初的承诺不一致，就是存在欺骗的迹象。工人必须在作出决定之前，了解工作内容、工资、工时和扣款情况。",

  "q.p5.sample_contract.text": "请上传一份劳动合同样本。",
  "q.p5.sample_contract.help": "可以是空白合同，也可以是隐去姓名的真实合同。这有助于我们核查通知期、工资和扣款情况。",
  "q.p5.sample_contract.evidence": "合同样本，使用工人实际收到的合同的语言",

  "q.p5.loan_deductions.text": "如果您借钱给工人或预支工资，为收回这些款项，您每月从工资中扣除的比例最高是多少？",
  "q.p5.loan_deductions.help": "通过大额扣除工资来偿还借款，可能使工人陷入债务。扣款不应超过月工资的 10% 左右，借款应在几个月内还清。",
  "q.p5.loan_deductions.na": "不适用：我们不借钱给工人，也不预支工资",

  "q.p5.weekly_hours.text": "在过去 12 个月中最忙的一周里，工作时间最长的工人（包括加班）工作了多少小时？",
  "q.p5.weekly_hours.help": "包括加班在内，每周工作时间不应超过 60 小时，而且加班必须是自愿的。请查看全年最忙那一周的考勤记录。",
  "q.p5.weekly_hours.evidence": "那一周的考勤记录（可以遮盖姓名）",

  "q.p5.rest_day.text": "是否所有工人每七天都至少有一整天休息，包括在生产旺季？",
  "q.p5.rest_day.help": "休息日可以保护工人的健康，也有助于确保加班是自愿的。",

  "q.p5.supplier_checks.text": "您如何核查您自己的供应商没有使用强迫劳动？",
  "q.p5.supplier_checks.help": "包括与工人单独面谈的审核，能够发现问卷发现不了的问题。可以先从高风险国家或高风险产品的供应商开始。",
  "q.p5.supplier_checks.evidence": "一份近期的审核报告（可以遮盖供应商名称）",
  "q.p5.supplier_checks.opt.audits": "过去两年内进行过包括工人面谈的审核，至少覆盖了高风险供应商",
  "q.p5.supplier_checks.opt.questionnaires_only": "仅通过问卷或自我评估",
  "q.p5.supplier_checks.opt.no_checks": "我们不对供应商进行核查",

  // ── P6 Advocacy ─────────────────────────────────────────────────────────────────────────────
  "q.p6.initiative_member.text": "您是否加入了致力于反对强迫劳动的行业倡议或多利益相关方倡议？",
  "q.p6.initiative_member.help": "这类倡议把企业、工会和民间社会组织聚集在一起，共享工具，并推动单靠一家企业无法实现的变革。",

  "q.p6.initiative_names.text": "是哪些倡议？",
  "q.p6.initiative_names.help": "请填写倡议的名称，例如某个行业协会的项目或某个多利益相关方倡议。",

  "q.p6.government_engagement.text": "在过去两年中，您是否曾就强迫劳动或招聘方面的法律法规向政府或公共机构提出意见，并留有记录？",
  "q.p6.government_engagement.help": "例如：对法律草案提出意见、与劳动主管部门会谈，或与其他企业联名致信，呼吁更好地保护工人。",

  // ── P7 Transparency ─────────────────────────────────────────────────────────────────────────
  "q.p7.statement_published.text": "您是否至少每年公开发布一次声明，说明您在反对强迫劳动和人口贩运方面所做的工作？",
  "q.p7.statement_published.help": "例如现代奴隶制声明，或年度报告、可持续发展报告中的相关章节。公开发布可以让您接受外界问责。",

  "q.p7.statement_link.text": "可以在哪里查阅？",
  "q.p7.statement_link.help": "请填写网址，或报告的名称和年份。",

  "q.p7.supplier_list.text": "您是否公开发布供应商名单，至少包括供应商的名称和所在国家？",
  "q.p7.supplier_list.help": "公开的供应商名单可以让工人、工会和其他各方反映他们在这些工作场所发现的问题。",

  "q.p7.remedy_disclosed.text": "当发现强迫劳动问题时，您是否会公开报告为纠正问题、帮助受影响工人所采取的措施？",
  "q.p7.remedy_disclosed.help": "公开报告补救措施，例如退还招聘费或赔偿工人，可以表明发现问题后确实带来了改变。",
  "q.p7.remedy_disclosed.na": "不适用：到目前为止尚未发现任何问题",

  "q.p7.practice_sharing.text": "您是否与其他企业、供应商或行业团体分享在防止强迫劳动方面的经验？",
  "q.p7.practice_sharing.help": "分享良好做法有助于他人改进，这也是雅典伦理原则第七条的要求。",

  // ── Questionnaire v2: questions added in version 2, by section ─────────────────────────────
  "q.p1.labour_transfer.text": "贵工厂是否有工人是通过政府的劳动力转移、“富余劳动力”转移或扶贫项目从一个地区被安排到另一个地区工作的？",
  "q.p1.labour_transfer.help":
    "在一些地方，政府部门会把工人（往往是少数民族或宗教少数群体）送到远离家乡的工厂和农场工作。参加这类项目的工人不能自由拒绝或离开，因此监管机构把这类工作视为国家强加的强迫劳动。只要有任何工人（包括派遣工）是通过这类项目来的，请回答“是”。",

  "q.p1.prison_labour.text":
    "是否有服刑人员或被拘押人员为贵工厂从事任何工作，无论是在厂内，还是在监狱、拘留所或“培训”中心内，直接或通过分包商进行？",
  "q.p1.prison_labour.help":
    "被关押在监狱、拘留场所或所谓教育培训中心的人所从事的劳动不是自由劳动，用这种劳动生产的产品在许多市场都不能销售。分包商为您完成的工作也要计算在内。",

  "q.p3.material_origins.text": "贵公司产品的主要原材料来自哪里？请勾选所有适用项。",
  "q.p3.material_origins.help":
    "原材料例如棉花、纱线、多晶硅、金属、橡胶、番茄或水产品。列表中前几个地区是反强迫劳动进口法律特别点名的地区：全部或部分使用来自这些地区的原材料制成的产品可能在边境被扣留。其他所有来源请勾选“其他国家或地区”，并写明名称。",
  "q.p3.material_origins.evidence": "能证明原产地的文件，例如原产地证书或供应商的声明",
  "q.p3.material_origins.opt.xinjiang": "中国新疆维吾尔自治区（任何原材料）",
  "q.p3.material_origins.opt.turkmenistan_cotton": "土库曼斯坦（棉花）",
  "q.p3.material_origins.opt.north_korea": "朝鲜（任何原材料）",
  "q.p3.material_origins.opt.other_regions": "其他国家或地区",
  "q.p3.material_origins.opt.dont_know": "我们不知道",

  "q.p3.material_origins_other.text": "还有哪些国家或地区？",
  "q.p3.material_origins_other.help":
    "请为每种主要原材料写明国家，如果知道的话也写明省份或地区，例如“棉花：印度古吉拉特邦；涤纶：中国江苏省”。",

  "q.p3.minerals_traced.text": "如果贵公司的产品含有矿物、金属或宝石，您能把它们追溯到哪一环节？",
  "q.p3.minerals_traced.help":
    "矿山是强迫劳动和童工最常见的地方之一。把金属追溯到冶炼厂或精炼厂，把矿物或宝石追溯到其来源矿山，是企业核查这一风险的方法。",
  "q.p3.minerals_traced.evidence": "追溯记录，例如产销监管链证书或冶炼厂清单",
  "q.p3.minerals_traced.na": "不适用：我们的产品不含矿物、金属或宝石",
  "q.p3.minerals_traced.opt.to_mine": "追溯到来源矿山",
  "q.p3.minerals_traced.opt.to_smelter": "追溯到冶炼厂或精炼厂",
  "q.p3.minerals_traced.opt.partly": "只能追溯其中一部分，或只能追溯到我们的直接供应商",
  "q.p3.minerals_traced.opt.not_traced": "我们不做追溯",

  "q.p3.site_audit.text": "在过去三年中，是否有独立审核机构或认证机构检查过贵工厂的工作条件？",
  "q.p3.site_audit.help":
    "请计算由外部机构进行的社会责任审核和认证，例如 SMETA、amfori BSCI、SA8000 或 RBA。由您自己的员工或客户的采购人员进行的审核不算。",
  "q.p3.site_audit.evidence": "最近一次的审核报告或证书",

  "q.p3.site_audit_standard.text": "最近一次审核或认证采用的是哪个标准？",
  "q.p3.site_audit_standard.help": "报告或证书上写明的审核或认证项目名称。",
  "q.p3.site_audit_standard.opt.smeta": "SMETA（Sedex）",
  "q.p3.site_audit_standard.opt.amfori_bsci": "amfori BSCI",
  "q.p3.site_audit_standard.opt.sa8000": "SA8000",
  "q.p3.site_audit_standard.opt.rba_vap": "RBA 验证审核流程（VAP）",
  "q.p3.site_audit_standard.opt.wrap": "WRAP",
  "q.p3.site_audit_standard.opt.other": "其他标准",

  "q.p3.site_audit_standard_other.text": "哪个标准？",
  "q.p3.site_audit_standard_other.help": "请写明标准名称及其管理机构。",

  "q.p3.site_audit_date.text": "最近一次审核是在哪一天进行的？",
  "q.p3.site_audit_date.help": "审核员在贵工厂的最后一天，以报告上的日期为准。",

  "q.p3.site_audit_result.text": "最近一次审核的结果如何？",
  "q.p3.site_audit_result.help":
    "严重不符合项是最严重的一类，例如被称为“零容忍”或“优先”问题。在审核员确认已整改之前，不符合项一直处于未关闭状态。",
  "q.p3.site_audit_result.opt.no_open_findings": "没有未关闭的不符合项：没有发现问题，或所有问题都已整改并经过核实",
  "q.p3.site_audit_result.opt.open_minor": "仍有部分不符合项未关闭，但都不是严重问题",
  "q.p3.site_audit_result.opt.open_critical": "至少有一项严重不符合项仍未关闭，或工厂未通过审核",

  "q.p4.wages_deferred.text":
    "是否有任何部分的工资被扣留到合同期满、季节结束或某个固定期限之后才发放，例如作为“留任奖金”或由公司保管的储蓄？",
  "q.p4.wages_deferred.help":
    "只有留到最后才能拿到的工资会把工人拴在这份工作上：提前离开就会失去已经挣到的钱。工人必须至少每月一次领到全部工资。",

  "q.p4.payment_in_kind.text": "工人的工资是如何支付的？",
  "q.p4.payment_in_kind.help":
    "工资必须以货币支付。只有在工人同意、供其本人使用并按公平价格折算的情况下，才可以用实物（例如伙食或住宿）支付一部分。代金券、公司商店的赊账或用食物代替现金都不是工资。",
  "q.p4.payment_in_kind.opt.money_only": "全部以货币支付",
  "q.p4.payment_in_kind.opt.part_in_kind_agreed": "大部分以货币支付，有一小部分以实物（例如伙食）支付，经工人同意并按公平价值折算",
  "q.p4.payment_in_kind.opt.mostly_in_kind": "大部分或全部以实物、代金券或赊账支付",

  "q.p4.deductions_share.text": "除税款和社会保险外，一名普通工人的月工资中总共被扣除了多大比例？",
  "q.p4.deductions_share.help":
    "请计算从工资中扣除的所有款项：伙食、住宿、交通、工具、还款、罚款及其他任何费用。如果没有任何扣款，请填 0。当工资的很大一部分又回到雇主手中时，工人可能会陷入为还债而工作的境地。",
  "q.p4.deductions_share.evidence": "一张显示扣款项目的工资单（可以遮盖姓名）",

  "q.p4.deduction_types.text": "工资中扣除了哪些款项？请勾选所有适用项。",
  "q.p4.deduction_types.help": "招聘费用绝不能从工资中扣除。许多国家禁止以罚款作为惩罚，工具和安全防护用品应当免费提供。",
  "q.p4.deduction_types.opt.food": "伙食",
  "q.p4.deduction_types.opt.housing": "住宿",
  "q.p4.deduction_types.opt.transport": "交通",
  "q.p4.deduction_types.opt.tools_uniforms": "工具、工作服或安全防护用品",
  "q.p4.deduction_types.opt.loan_repayment": "偿还借款或预支工资",
  "q.p4.deduction_types.opt.recruitment_costs": "招聘费或招聘相关费用，例如路费、签证费或体检费",
  "q.p4.deduction_types.opt.fines": "罚款，例如迟到或出错的罚款",
  "q.p4.deduction_types.opt.other": "其他",

  "q.p4.age_verification.text": "招聘每一名新工人时，您如何核实其年龄？",
  "q.p4.age_verification.help":
    "核查身份证或出生证明等官方证件并保留复印件，是确保不雇用童工的最好办法。在证件可能被伪造的地方，请将证件与其他证明（例如学籍记录）进行比对。",
  "q.p4.age_verification.evidence": "您的年龄核查程序，或一份空白的年龄核查记录表",
  "q.p4.age_verification.opt.document_checked_copy_kept": "我们核查官方证件并保留复印件",
  "q.p4.age_verification.opt.document_checked": "我们核查官方证件，但不保留复印件",
  "q.p4.age_verification.opt.self_declared": "由工人自报年龄，我们不核查证件",
  "q.p4.age_verification.opt.not_checked": "我们不询问年龄",

  "q.p4.under_minimum_age.text": "在过去 12 个月中，是否发现有未达到法定最低就业年龄的人在贵工厂工作，或为替您工作的中介或分包商工作？",
  "q.p4.under_minimum_age.help":
    "最低就业年龄由国家法律规定，通常为 15 岁，有些国家为 14 岁；从事轻体力劳动的最低年龄也绝不低于 13 岁。即使该儿童已不在贵工厂工作，也请把每一起情况都计算在内。告诉我们有助于确保儿童得到保护，并得到重返校园的帮助。",

  "q.p4.young_hazardous_work.text":
    "是否有未满 18 岁的工人从事危险工作，例如上夜班、加班、搬运重物、操作危险机器或接触化学品，或高处作业？",
  "q.p4.young_hazardous_work.help":
    "达到最低就业年龄但未满 18 岁的工人可以工作，但绝不能从事可能损害其健康、安全或道德的工作。任何未满 18 岁的人从事危险工作，都属于最恶劣形式的童工劳动。",

  "q.p4.child_labour_remediation.text": "您是否有一套制度，用来发现贵工厂以及原材料产地的童工问题，并帮助发现的任何儿童？",
  "q.p4.child_labour_remediation.help":
    "好的制度会定期检查，例如在为您供货的农场或小作坊进行检查，并有书面计划说明发现儿童时该怎么做：让儿童停止工作，但不是简单地把他们打发走；计划要把儿童的利益放在首位，例如帮助其重返校园并为其家庭提供支持。",
  "q.p4.child_labour_remediation.evidence": "该程序，或一份处理个案的记录（可以遮盖姓名）",
  "q.p4.child_labour_remediation.opt.monitoring_and_remediation": "是：我们定期检查，并有帮助任何被发现儿童的计划",
  "q.p4.child_labour_remediation.opt.remediation_procedure_only": "我们有书面的处理计划，但没有定期检查",
  "q.p4.child_labour_remediation.opt.none": "否",

  "q.p5.normal_weekly_hours.text": "不算加班，工人每周的正常工作时间是多少小时？",
  "q.p5.normal_weekly_hours.help":
    "正常工作时间是指合同或排班表中规定的、不含任何加班的工作时间。国际上限是每周 48 小时正常工作时间。如果不同工人群体的时间不同，请填写最长的一个。",
  "q.p5.normal_weekly_hours.evidence": "最近一个月的考勤记录或排班表（可以遮盖姓名）",

  "q.p5.overtime_refusable.text": "工人能否拒绝加班而不受到任何惩罚，例如罚款、扣发奖金、调到更差的岗位或被解雇？",
  "q.p5.overtime_refusable.help": "加班必须是自愿的。工人无法拒绝的加班（例如为了完成生产指标）是强迫劳动的迹象。",
  "q.p5.overtime_refusable.na": "不适用：没有任何加班",

  "q.p5.usual_total_hours.text": "在平常的一周里，工作时间最长的工人包括加班在内总共工作多少小时？",
  "q.p5.usual_total_hours.help": "请查看过去三个月的考勤记录，填写平常的一周，而不是最忙的一周。每周总工作时间不应超过 60 小时。",
  "q.p5.usual_total_hours.evidence": "平常一周的考勤记录（可以遮盖姓名）",

  // ── ILO indicators and principles (buyer screens, reports) ───────────────────────────────────
  // The eleven forced-labour indicators of the ILO (国际劳工组织).
  "ilo.abuse_of_vulnerability": "滥用弱势处境",
  "ilo.deception": "欺骗",
  "ilo.restriction_of_movement": "限制行动自由",
  "ilo.isolation": "隔离",
  "ilo.physical_sexual_violence": "身体暴力和性暴力",
  "ilo.intimidation_threats": "恐吓和威胁",
  "ilo.retention_of_documents": "扣留身份证件",
  "ilo.withholding_of_wages": "扣发工资",
  "ilo.debt_bondage": "债务奴役",
  "ilo.abusive_conditions": "恶劣的工作和生活条件",
  "ilo.excessive_overtime": "过度加班",
  // Beyond the ILO's eleven: child labour and state-imposed forced labour (questionnaire v2 flags).
  "ilo.child_labour": "未达最低就业年龄的童工",
  "ilo.hazardous_child_labour": "未满 18 岁儿童从事危险工作",
  "ilo.state_imposed_labour": "国家强加的强迫劳动",
  "principle.P1": "制定政策",
  "principle.P2": "提高公众意识",
  "principle.P3": "战略规划",
  "principle.P4": "执行人事政策",
  "principle.P5": "供应链追溯",
  "principle.P6": "向政府倡导",
  "principle.P7": "透明度",

  // ── Supplier portal ─────────────────────────────────────────────────────────────────────────
  // Languages (in the current language; LOCALE_NAMES has each language's own name)
  "ui.language.label": "语言",
  "ui.language.en": "英语",
  "ui.language.es": "西班牙语",
  "ui.language.fr": "法语",
  "ui.language.zh-Hans": "简体中文",
  "ui.language.change": "切换语言",

  // Frame
  "ui.portal.title": "供应商自我评估",
  "ui.portal.skip_to_content": "跳转到问题",
  "ui.portal.requested_by": "发起方：{buyer}",
  "ui.portal.for_supplier": "供应商：{supplier}",
  "ui.portal.due": "请于 {date} 前提交",
  "ui.portal.overdue": "本问卷的截止日期为 {date}。您仍然可以提交。",
  "ui.portal.contact": "对本问卷有疑问？请发送邮件至 {email}。",
  "ui.portal.privacy": "您的回答和文件仅与{buyer}共享，用于评估和改善其供应链中的工作条件。",
  "ui.portal.session_expired": "您的会话已结束。请重新打开邀请邮件中的链接，继续填写。",

  // Invite link page (GET shows this page; the button starts the session)
  "ui.link.heading": "您受邀填写一份问卷",
  "ui.link.intro": "{buyer}邀请{supplier}回答有关工作条件和防止强迫劳动的问题。",
  "ui.link.open": "打开问卷",
  "ui.link.expired": "此链接已过期。",
  "ui.link.revoked": "此链接已失效。",
  "ui.link.invalid": "此链接无效。请检查您是否从邮件中复制了完整的链接。",
  "ui.link.request_new": "申请新链接",
  "ui.link.request_email": "收到邀请的电子邮件地址",
  "ui.link.request_sent": "如果该地址收到过邀请，新链接已经发出。请查看您的收件箱和垃圾邮件文件夹。",
  "ui.link.too_many_attempts": "尝试次数过多。请等待几分钟后再试。",

  // Start and overview
  "ui.start.heading": "开始之前",
  "ui.start.time_needed": "填写大约需要 {minutes} 分钟。您可以随时暂停，之后通过同一链接继续填写。",
  "ui.start.prepare": "建议提前准备好：贵公司的政策文件、工资和考勤记录，以及与中介签订的合同。",
  "ui.start.button": "开始",
  "ui.start.continue": "从上次中断的地方继续",
  "ui.overview.heading": "各部分",
  "ui.overview.section_done": "已完成",
  "ui.overview.section_todo": "未开始",
  "ui.overview.section_partial": "已回答 {answered} 题，共 {total} 题",
  "ui.required_legend": "标有 * 的问题为必答题。",

  // Navigation and progress
  "ui.section.position": "第 {n} 部分，共 {total} 部分",
  "ui.progress.answered": "已回答 {percent}%",
  "ui.progress.section": "本部分已回答 {answered} 题，共 {total} 题",
  "ui.progress.label": "进度",
  "ui.next_section": "下一部分",
  "ui.previous_section": "上一部分",
  "ui.back_to_overview": "返回所有部分",
  "ui.review_answers": "检查您的回答",

  // Answers
  "ui.yes": "是",
  "ui.no": "否",
  "ui.na": "不适用",
  "ui.required": "必答",
  "ui.optional": "选答",
  "ui.question.help_toggle": "我们为什么问这个问题",
  "ui.question.comment": "添加备注（选填）",
  "ui.question.comment_hint": "请解释您的回答，或补充审核人员需要了解的细节。",
  "ui.question.select_placeholder": "请选择答案",
  "ui.question.multi_hint": "请勾选所有适用项。",
  "ui.question.clear": "清除答案",
  "ui.question.text_remaining": "还可输入 {count} 个字符",
  "ui.number.hint": "请输入数字，例如 25 或 12.5",
  "ui.percent.hint": "请输入 0 到 100 之间的百分比",
  "ui.date.hint": "格式为年-月-日，例如 2024-03-31",
  "ui.date.format": "YYYY-MM-DD",
  "ui.unit.days": "天",
  "ui.unit.hours_per_week": "小时/周",
  "ui.unit.people": "人",
  "ui.unit.percent": "%",

  // Autosave and connection
  "ui.save": "保存",
  "ui.saved": "已保存",
  "ui.saving": "正在保存……",
  "ui.saved_at": "已于 {time} 保存",
  "ui.autosave.note": "您的回答会自动保存。",
  "ui.save_failed": "您最新的回答未能保存。我们会再次尝试。",
  "ui.retry": "重试",
  "ui.offline": "网络已断开——您的回答已保留，恢复联网后会自动发送",
  "ui.back_online": "网络已恢复——正在发送您的回答……",
  "ui.invalid_answers.one": "有 {count} 个回答因数值无效而未保存。请按照问题旁边的提示进行更正。",
  "ui.invalid_answers.other": "有 {count} 个回答因数值无效而未保存。请按照问题旁边的提示进行更正。",
  "ui.needs_attention": "以下回答需要您处理：",
  "ui.unsent_changes": "部分回答尚未发送。请停留在此页面，直到保存完成。",
  "ui.conflict": "其他人同时修改了这个回答。我们保留了对方的版本；请检查，如有需要请重新作答。",
  "ui.reload": "重新加载",

  // Evidence upload
  "ui.upload": "上传文件",
  "ui.upload.more": "再上传一个文件",
  "ui.upload.allowed": "支持的格式：PDF、图片、Word、Excel，最大 10 MB",
  "ui.upload.drop_here": "或将文件拖放到此处",
  "ui.upload.uploading": "正在上传“{name}”……",
  "ui.upload.done": "“{name}”已上传",
  "ui.upload.remove": "删除",
  "ui.upload.remove_confirm": "要删除“{name}”吗？",
  "ui.upload.too_large": "“{name}”超过 10 MB。请上传较小的文件。",
  "ui.upload.wrong_type": "“{name}”不是允许的文件类型。请上传 PDF、图片、Word 或 Excel 文件。",
  "ui.upload.failed": "“{name}”上传失败。请重试。",
  "ui.upload.offline": "只有在联网状态下才能上传文件。",
  "ui.evidence.label": "证明文件",
  "ui.evidence.requested": "请附上：{what}",
  "ui.evidence.required": "此回答必须附上证明文件。",
  "ui.evidence.optional": "欢迎附上证明文件，但不是必须的。",
  "ui.evidence.hide_personal_data": "请遮盖我们不需要的个人信息，例如姓名和证件号码。",
  "ui.evidence.files.one": "已附上 {count} 个文件",
  "ui.evidence.files.other": "已附上 {count} 个文件",
  // Documents behind answers: kind, validity and the reviewer's decision
  "ui.evidence.add": "添加支持此答案的文件（可选）",
  "ui.evidence.backs_answer": "支持此答案的文件（例如政策、记录或审核报告）会让答案更有分量。",
  "ui.evidence.kind_label": "文件类型",
  "ui.evidence.valid_until_label": "有效期至（可选）",
  "ui.evidence.valid_until_hint": "如果文件会过期（例如证书或执照），请填写其截止日期。",
  "ui.evidence.valid_until": "有效期至 {date}",
  "ui.evidence.kind_invalid": "请从列表中选择文件类型。",
  "ui.evidence.valid_until_invalid": "请以日历日期填写文件的有效截止日期。",
  "ui.evidence.valid_until_past": "文件的有效截止日期已过。请上传仍然有效的文件。",
  "ui.evidence.status.pending": "等待审核",
  "ui.evidence.status.accepted": "{buyer} 已接受",
  "ui.evidence.status.rejected": "{buyer} 未接受：{reason}",
  "ui.evidence.rejected_next": "请在此上传更合适的文件，我们会重新审核。",
  "ui.evidence.kind.policy_document": "政策文件",
  "ui.evidence.kind.training_records": "培训记录",
  "ui.evidence.kind.risk_assessment": "风险评估",
  "ui.evidence.kind.payroll_records": "工资记录",
  "ui.evidence.kind.time_records": "工时记录",
  "ui.evidence.kind.grievance_procedure": "申诉程序",
  "ui.evidence.kind.supplier_code": "供应商行为准则",
  "ui.evidence.kind.employment_contract": "劳动合同",
  "ui.evidence.kind.agency_contract": "招聘机构合同",
  "ui.evidence.kind.audit_report": "审核报告或证书",
  "ui.evidence.kind.public_statement": "公开声明",
  "ui.evidence.kind.age_records": "年龄核查记录",
  "ui.evidence.kind.traceability_records": "追溯或原产地记录",
  "ui.evidence.kind.other": "其他文件",

  // Submission and completeness
  "ui.submit": "提交",
  "ui.submit.heading": "提交您的回答",
  "ui.submit.confirm": "确定将您的回答提交给{buyer}吗？提交后您将无法再修改，除非{buyer}要求修改。",
  "ui.submit.confirm_button": "是，提交",
  "ui.submit.cancel": "暂不提交",
  "ui.submit.submitting": "正在提交……",
  "ui.submit.blocked": "部分必答问题或必需的文件尚未完成。请补充完整后再提交。",
  "ui.missing.heading": "尚未完成的内容",
  "ui.missing.none": "所有必答内容均已完成。您可以提交了。",
  "ui.missing.count.one": "还有 {count} 项需要您处理",
  "ui.missing.count.other": "还有 {count} 项需要您处理",
  "ui.missing.unanswered": "尚未回答",
  "ui.missing.evidence": "缺少证明文件",
  "ui.missing.go_to": "前往该问题",
  "ui.submitted.heading": "您的回答已提交",
  "ui.submitted.body": "谢谢！{buyer}将审核您的回答，如有疑问可能会再与您联系。",
  "ui.submitted.on": "提交日期：{date}",
  "ui.submitted.readonly": "已提交的回答不能再修改。这是一份只读副本。",
  "ui.print": "打印或保存副本",
  "ui.print.heading": "您的回答副本",
  "ui.print.generated": "打印日期：{date}",
  "ui.print.no_answer": "未作答",

  // Review by the buyer
  "ui.status.label": "状态",
  "ui.status.draft": "尚未发送",
  "ui.status.sent": "等待回答",
  "ui.status.in_progress": "填写中",
  "ui.status.submitted": "已提交，等待审核",
  "ui.status.changes_requested": "需要修改",
  "ui.status.approved": "已通过",
  "ui.review.changes_requested.heading": "需要修改",
  "ui.review.changes_requested.body":
    "{buyer}请您修改或解释部分回答。带有审核人员评论的问题已作标记。请修改您的回答或进行回复，然后再次提交。",
  "ui.review.comment_from": "{name}的评论",
  "ui.review.comment_label": "审核人员的评论",
  "ui.review.reply": "您的回复",
  "ui.review.reply_placeholder": "请说明您修改了哪些内容，或解释为什么原来的回答是正确的",
  "ui.review.resolved": "已解决",
  "ui.review.resubmit": "再次提交",
  "ui.review.comments.one": "有 {count} 个问题带有审核人员的评论",
  "ui.review.comments.other": "有 {count} 个问题带有审核人员的评论",
  "ui.review.approved.body": "{buyer}已于 {date} 通过您的回答。谢谢！",
  "ui.review.valid_until": "本次评估的有效期至 {date}。",

  // Validation messages (validateAnswer returns these keys)
  "ui.validation.required": "此问题为必答题",
  "ui.validation.yes_no": "请选择“是”或“否”",
  "ui.validation.choose_one": "请选择一个选项",
  "ui.validation.choose_at_least_one": "请至少选择一个选项",
  "ui.validation.unknown_option": "此选项不可用。请重新选择。",
  "ui.validation.exclusive_option": "“以上都没有”不能与其他选项同时选择",
  "ui.validation.na_not_allowed": "此问题不能回答“不适用”",
  "ui.validation.not_a_number": "请输入数字，例如 25 或 12.5",
  "ui.validation.whole_number": "请输入整数，不要带小数",
  "ui.validation.number_between": "请输入 {min} 到 {max} 之间的数字",
  "ui.validation.number_min": "请输入不小于 {min} 的数字",
  "ui.validation.number_max": "请输入不大于 {max} 的数字",
  "ui.validation.percent_between": "请输入 {min} 到 {max} 之间的百分比",
  "ui.validation.text_too_long": "最多输入 {max} 个字符",
  "ui.validation.text_invalid": "此文本包含无法保存的字符。请重新输入。",
  "ui.validation.date_format": "请按年-月-日的格式输入日期，例如 2024-03-31",
  "ui.validation.date_invalid": "此日期不存在",
  "ui.validation.date_range": "请输入 {min} 到 {max} 之间的日期",
  "ui.validation.files_required": "请至少上传一个文件",
  "ui.validation.files_invalid": "找不到其中一个文件。请重新上传。",
  "ui.validation.too_many_files": "最多附上 {max} 个文件",
  "ui.validation.fix_errors.one": "请先更正 {count} 个回答，然后再继续",
  "ui.validation.fix_errors.other": "请先更正 {count} 个回答，然后再继续",

  // Errors
  "ui.error.heading": "出现问题",
  "ui.error.body": "您已保存的回答不会丢失。请重新加载页面；如果问题仍然存在，请联系 {email}。",
  "ui.error.not_found": "此页面不存在。",
  "ui.error.forbidden": "您无权访问此页面。",

  // Supplier portal, added with the portal pages: new-link request, conflicting saves, upload refusals
  "ui.link.send_new": "向我发送新链接",
  "ui.link.ask_new": "您可以申请新链接。我们只会把新链接发送到收到本次邀请的电子邮件地址。",
  "ui.link.new_link_sent": "如果此链接是发给您的，新链接已发往同一邮箱地址。",
  "ui.link.revoked_help": "{buyer}已撤回此链接，或已用新链接替换。请使用您收到的最新链接，或请{buyer}重新向您发送邀请。",
  "ui.conflict.choose": "在您作答期间，其他人为这个问题保存了不同的回答。请选择要保留哪一个回答。",
  "ui.conflict.yours": "您的回答",
  "ui.conflict.theirs": "由{name}于 {time} 保存",
  "ui.conflict.keep_yours": "保留我的回答",
  "ui.conflict.keep_theirs": "保留已保存的回答",
  "ui.not_sent": "尚未发送",
  "ui.kept_on_device": "尚未发送的回答已保存在此浏览器中，您继续填写时会自动发送。",
  "ui.upload.empty": "“{name}”是空文件。请选择其他文件。",
  "ui.upload.too_many": "每个问题最多可附上 {max} 个文件。",
  "ui.upload.quota": "文档存储空间已满，“{name}”无法保存。请联系向您发送本问卷的公司。",
  "ui.error.read_only": "本问卷已提交，不能再修改。",

  // Corrective actions in the supplier portal
  "ui.portal.nav.label": "本网站的栏目",
  "ui.portal.nav.questionnaire": "问卷",
  "ui.portal.nav.actions": "纠正措施",
  "ui.actions.heading": "纠正措施",
  "ui.actions.intro": "{buyer} 请 {supplier} 纠正以下问题。请逐项回复您已采取的措施，并附上证明材料，例如新的政策、工资记录或照片。",
  "ui.actions.none": "{supplier} 目前没有未完成的纠正措施。",
  "ui.actions.due": "截止日期：{date}",
  "ui.actions.overdue": "已逾期：截止日期为 {date}",
  "ui.actions.status.open": "待处理",
  "ui.actions.status.in_progress": "处理中",
  "ui.actions.status.done": "已完成，等待核实",
  "ui.actions.status.verified": "已核实",
  "ui.actions.concern": "关注问题：{indicator}",
  "ui.actions.about_answer": "涉及您对以下问题的回答：{question}",
  "ui.actions.history": "记录",
  "ui.actions.event.created": "{name} 创建了此措施",
  "ui.actions.event.status": "{name} 将状态改为“{status}”",
  "ui.actions.event.reply": "{name} 的回复",
  "ui.actions.reply.heading": "您的回复",
  "ui.actions.reply.body": "您采取了哪些措施？",
  "ui.actions.reply.hint": "请说明您做了哪些改变，以及所附文件能证明什么。",
  "ui.actions.reply.files": "证明文件（可选）",
  "ui.actions.reply.files_hint": "每次最多 {max} 个文件：PDF、图片、Word 或 Excel，每个不超过 10 MB。",
  "ui.actions.reply.send": "发送回复",
  "ui.actions.reply.sending": "正在发送…",
  "ui.actions.reply.sent": "您的回复已发送给 {buyer}。",
  "ui.portal.started": "欢迎。您填写的所有内容都会自动保存；您可以随时停下，稍后通过同一链接继续。",
  "ui.actions.reply_empty": "请填写回复或附上文件。",
  "ui.actions.too_many_files": "此处最多可附上 {max} 个文件。",
  "ui.actions.stale": "您在填写期间此措施已被更改，因此回复未发送。请复制您的文字，重新加载页面后再次发送。",
};
