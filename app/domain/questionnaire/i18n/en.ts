// English catalogue: the reference for every other language (same keys, same {placeholders}).
// Write plain words a supplier's HR clerk or a translator can follow; no legal terms without a gloss.
// Key families: t.* template, s.* sections, q.* questions, ilo.* indicators, principle.*, ui.* portal.
import type { Catalogue } from "./catalogue";

export const en: Catalogue = {
  // ── Template ────────────────────────────────────────────────────────────────────────────────
  "t.athens-fl.title": "Athens Ethical Principles — forced labour",
  "t.athens-fl.intro":
    "This questionnaire asks how your company prevents forced labour and human trafficking, at your own site and among your recruitment agencies and suppliers. It follows the seven Athens Ethical Principles. Answer for the site or company named in the invitation. Honest answers help: a problem you tell us about can be solved together, while a problem found later is much harder to deal with.",

  // ── Sections ────────────────────────────────────────────────────────────────────────────────
  "s.profile.title": "Your workforce",
  "s.profile.intro":
    "A few facts about the people who work at your site, including workers hired through agencies or labour contractors. Some groups of workers face higher risks, so these answers show us where to look more closely. They do not count for or against you.",
  "s.p1.title": "Principle 1 — Policy: zero tolerance",
  "s.p1.intro":
    "Your written commitment against forced labour and trafficking, and the basic freedoms every worker must have: to keep their own documents, to come and go, to stay in contact with others and to leave their job.",
  "s.p2.title": "Principle 2 — Awareness and training",
  "s.p2.intro": "How workers, managers and others learn about their rights and about the risks of forced labour and trafficking.",
  "s.p3.title": "Principle 3 — Strategy and risk assessment",
  "s.p3.intro": "Who is in charge, where the risks are, and how you measure whether your actions work.",
  "s.p4.title": "Principle 4 — Your own workforce",
  "s.p4.intro":
    "How managers are trained and held to the policy, how workers are paid and treated, and how they can raise a complaint safely.",
  "s.p5.title": "Principle 5 — Recruitment and suppliers",
  "s.p5.intro":
    "How workers are recruited and employed, and how you make sure your recruitment agencies and your own suppliers respect the same rules.",
  "s.p6.title": "Principle 6 — Working with governments and others",
  "s.p6.intro": "How you work with other companies, organisations and public authorities to improve the rules that protect workers.",
  "s.p7.title": "Principle 7 — Transparency and reporting",
  "s.p7.intro": "What you publish about your work against forced labour, so that others can see it and hold you to it.",

  // ── Workforce profile ───────────────────────────────────────────────────────────────────────
  "q.profile.workers.text": "How many people work at your site, including workers hired through agencies or labour contractors?",
  "q.profile.workers.help":
    "Count everyone who works at the site today: permanent, temporary, seasonal and agency workers, and apprentices. If the number changes a lot, give the average of the last three months.",

  "q.profile.migrant_share.text": "What share of these workers are migrant workers?",
  "q.profile.migrant_share.help":
    "A migrant worker is someone who came from another country, or moved from another region of your country, to take this job. Migrant workers are more often charged recruitment fees, misled about the job, or dependent on the employer for a visa or a place to live, so extra care is needed.",

  "q.profile.nationalities.text": "Which countries or regions do your migrant workers come from?",
  "q.profile.nationalities.help":
    "List the main ones, for example “Nepal, Bangladesh” or “Yunnan and Sichuan provinces”. This shows which recruitment routes are involved.",

  "q.profile.temporary_share.text": "What share of workers are temporary, seasonal, or hired through an agency or labour contractor?",
  "q.profile.temporary_share.help":
    "Workers on short contracts or employed by someone else can find it harder to complain or to know their rights. Count everyone who is not a permanent employee of your company.",

  "q.profile.uses_agencies.text": "Do you use recruitment agencies, brokers or labour contractors to find or employ workers?",
  "q.profile.uses_agencies.help":
    "Include agencies in other countries, local brokers, and contractors who supply workers to your site. Answer yes even if only a few workers are hired this way.",

  "q.profile.agencies_licensed.text": "Do these agencies have a licence (where the law requires one) and a written contract with you?",
  "q.profile.agencies_licensed.help":
    "Unlicensed agents and informal brokers are the most common source of recruitment fees and false promises. A written contract lets you set rules, for example that workers pay nothing.",
  "q.profile.agencies_licensed.evidence": "A contract with one of your agencies (you may hide the prices)",
  "q.profile.agencies_licensed.opt.all": "Yes, all of them",
  "q.profile.agencies_licensed.opt.some": "Some of them",
  "q.profile.agencies_licensed.opt.none": "None of them",
  "q.profile.agencies_licensed.opt.dont_know": "I don't know",

  "q.profile.fees_charged.text": "In the last two years, has any worker paid a fee or cost to get their job at your site?",
  "q.profile.fees_charged.help":
    "Count any payment to you, an agency, a broker or anyone else: recruitment or placement fees, travel, visa, work permit, medical check, training or uniform costs. Money lent to a worker to pay such costs counts too. Workers who owe money for their job may feel they cannot leave, which is called debt bondage. If you are not sure, ask a few recently hired workers.",

  "q.profile.fees_repaid.text": "Have these fees and costs been paid back to the workers?",
  "q.profile.fees_repaid.help":
    "Under the “employer pays” principle, the company pays the whole cost of recruitment, and workers who paid anything get it back in full.",
  "q.profile.fees_repaid.opt.repaid_all": "Yes, all workers have been paid back in full",
  "q.profile.fees_repaid.opt.repaying": "Repayment has started but is not finished",
  "q.profile.fees_repaid.opt.not_repaid": "No",

  // ── P1 Policy ───────────────────────────────────────────────────────────────────────────────
  "q.p1.written_policy.text": "Do you have a written policy that bans forced labour and human trafficking?",
  "q.p1.written_policy.help":
    "A policy sets the rule everyone in the company must follow. It counts if it is written down and names forced labour or trafficking. It carries most weight when the owner, a director or the board has signed or approved it.",
  "q.p1.written_policy.evidence": "The policy, showing who signed or approved it and when",
  "q.p1.written_policy.opt.signed": "Yes, signed or approved by senior management",
  "q.p1.written_policy.opt.written_not_signed": "Yes, but not signed or approved by senior management",
  "q.p1.written_policy.opt.none": "No",

  "q.p1.policy_scope.text": "What does the policy clearly ban? Tick all that apply.",
  "q.p1.policy_scope.help":
    "Forced labour takes several forms. A good policy names each of them, so that no manager or agency can claim a practice was allowed.",
  "q.p1.policy_scope.opt.forced_labour": "Forced labour (work under threat of a penalty)",
  "q.p1.policy_scope.opt.bonded_labour": "Bonded labour (work to pay off a debt)",
  "q.p1.policy_scope.opt.prison_labour": "Prison labour that is not voluntary",
  "q.p1.policy_scope.opt.trafficking": "Human trafficking",
  "q.p1.policy_scope.opt.recruitment_fees": "Charging workers fees to get a job",
  "q.p1.policy_scope.opt.none": "None of these",

  "q.p1.resignation_notice.text": "How many days' notice must a worker give before leaving their job?",
  "q.p1.resignation_notice.help":
    "Workers must be free to leave their job. A notice period of 30 days or less is reasonable. Enter 0 if no notice is needed. If it differs between groups of workers, enter the longest.",

  "q.p1.deposits.text": "Do workers have to pay a deposit, or leave money or belongings with you or an agency, to get or keep their job?",
  "q.p1.deposits.help":
    "A deposit, guarantee money or belongings that a worker loses by leaving early tie the worker to the job. This is a form of debt bondage and is not allowed.",

  "q.p1.documents_holder.text": "Who keeps workers' passports, identity cards and work permits?",
  "q.p1.documents_holder.help":
    "Workers must be able to get their own documents at any time without asking anyone. Keeping them, even “for safe keeping”, stops workers from leaving and is a strong sign of forced labour. Handing documents to an authority for a few days, for example to renew a visa, is fine if the worker agrees and gets them straight back.",
  "q.p1.documents_holder.opt.workers_themselves": "The workers themselves",
  "q.p1.documents_holder.opt.locker_free_access": "They are kept in a locker or safe that workers can open themselves at any time",
  "q.p1.documents_holder.opt.employer_keeps": "The company or an agency keeps them",

  "q.p1.free_movement.text": "Outside working hours, can workers leave the workplace and any housing that you or an agency provide?",
  "q.p1.free_movement.help":
    "Workers must be free to come and go in their own time. Locked gates, guards who stop workers, or rules that require permission or an escort to go out take away their freedom of movement.",
  "q.p1.free_movement.opt.freely": "Yes, whenever they want",
  "q.p1.free_movement.opt.night_curfew": "Yes, but the housing has a night-time curfew",
  "q.p1.free_movement.opt.permission_or_escort": "Only with permission or with an escort",

  "q.p1.contact_outside.text": "Can workers keep their mobile phones and contact family and friends freely?",
  "q.p1.contact_outside.help":
    "Cutting workers off from family, friends or outside help makes them easier to control. Asking workers to put phones away during shifts for safety is fine if they get them back at breaks and after work.",
  "q.p1.contact_outside.opt.phones_always": "Yes, workers keep their phones",
  "q.p1.contact_outside.opt.phones_stored_in_shifts":
    "Phones are put away during shifts for safety and given back at breaks and after work",
  "q.p1.contact_outside.opt.phones_taken": "No, phones are taken away or contact is limited",

  // ── P2 Awareness ────────────────────────────────────────────────────────────────────────────
  "q.p2.policy_communicated.text": "Has the policy been explained to workers in languages they understand?",
  "q.p2.policy_communicated.help":
    "A policy only protects workers who know about it. Count explanations at hiring, notices on the wall and meetings, in every language your workers speak.",
  "q.p2.policy_communicated.opt.all_workers": "Yes, to all workers, in all the languages they speak",
  "q.p2.policy_communicated.opt.some_workers": "To some workers, or in some of their languages only",
  "q.p2.policy_communicated.opt.not_communicated": "No",

  "q.p2.induction_topics.text": "When workers start, what are they told about their rights? Tick all that apply.",
  "q.p2.induction_topics.help":
    "New workers, especially migrants, may not know what is allowed. Tell them clearly and in their own language.",
  "q.p2.induction_topics.opt.keep_documents": "They keep their own identity documents",
  "q.p2.induction_topics.opt.free_to_resign": "They can resign, and how much notice to give",
  "q.p2.induction_topics.opt.wages_deductions": "How wages are calculated and what may be deducted",
  "q.p2.induction_topics.opt.working_hours": "Working hours, overtime and rest days",
  "q.p2.induction_topics.opt.how_to_complain": "How to make a complaint safely",
  "q.p2.induction_topics.opt.none": "None of these",

  "q.p2.worker_training.text": "How often do workers get training on their rights and on forced labour?",
  "q.p2.worker_training.help":
    "Training at hiring and a refresher at least once a year keep the message alive and reach workers who joined through agencies.",
  "q.p2.worker_training.opt.hiring_and_yearly": "At hiring and at least once a year",
  "q.p2.worker_training.opt.hiring_only": "Only at hiring",
  "q.p2.worker_training.opt.occasionally": "From time to time, with no fixed schedule",
  "q.p2.worker_training.opt.never": "Never",

  "q.p2.training_records.text": "Do you keep records of this training (date, topic and who attended)?",
  "q.p2.training_records.help": "Records show that the training took place and who still needs it.",
  "q.p2.training_records.evidence": "An attendance list or training record from the last 12 months",

  "q.p2.awareness_activities.text":
    "In the last two years, have you run or supported activities that raise awareness of forced labour and trafficking beyond your own workers?",
  "q.p2.awareness_activities.help":
    "For example: sessions for your suppliers or recruitment agencies, information in the communities your workers come from, or work with schools or local organisations.",

  // ── P3 Strategy ─────────────────────────────────────────────────────────────────────────────
  "q.p3.senior_owner.text": "Is one named senior manager responsible for preventing forced labour in your company?",
  "q.p3.senior_owner.help":
    "When one person at the top is accountable, the work gets time, money and attention. A department alone, with no named person, does not count.",

  "q.p3.risk_assessment.text": "When did you last assess the risk of forced labour at your site and in your supply chain?",
  "q.p3.risk_assessment.help":
    "A risk assessment looks at where problems are most likely: which sites, countries, products, groups of workers and recruitment routes. It should be written down and repeated at least once a year.",
  "q.p3.risk_assessment.evidence": "The risk assessment or a summary of it",
  "q.p3.risk_assessment.opt.last_12_months": "In the last 12 months",
  "q.p3.risk_assessment.opt.one_to_three_years": "Between one and three years ago",
  "q.p3.risk_assessment.opt.never": "Never",

  "q.p3.risk_assessment_date.text": "On what date was it finished?",
  "q.p3.risk_assessment_date.help": "The date of the final version. An approximate date is fine.",

  "q.p3.supply_chain_map.text": "How far back along your supply chain do you know who your suppliers are?",
  "q.p3.supply_chain_map.help":
    "Forced labour is often found further back in the chain, for example where raw materials are produced. Knowing the names and locations of your suppliers' suppliers is the first step to checking them.",
  "q.p3.supply_chain_map.opt.raw_materials": "All the way back to the raw materials",
  "q.p3.supply_chain_map.opt.beyond_direct": "Our direct suppliers and some of their suppliers",
  "q.p3.supply_chain_map.opt.direct_only": "Only our direct suppliers",
  "q.p3.supply_chain_map.opt.not_mapped": "We have not mapped our suppliers",

  "q.p3.kpis.text": "Do you track measurable indicators that show whether your actions against forced labour work?",
  "q.p3.kpis.help":
    "For example: share of workers trained, recruitment fees paid back, complaints received and solved, suppliers audited. Indicators show progress and where to act next.",

  "q.p3.budget.text": "Is there a budget or staff time set aside for this work?",
  "q.p3.budget.help":
    "Without money or people, plans stay on paper. A budget line counts, and so do named staff who spend part of their time on it.",

  // ── P4 Own workforce ────────────────────────────────────────────────────────────────────────
  "q.p4.managers_trained.text":
    "In the last 12 months, have managers, supervisors, HR staff and security guards been trained on the policy?",
  "q.p4.managers_trained.help":
    "These are the people whose decisions affect workers most. They need to know what is forbidden and what to do if they see a problem.",

  "q.p4.disciplinary.text": "Do your rules say what happens to a staff member who breaks the policy, for example a warning or dismissal?",
  "q.p4.disciplinary.help": "Clear consequences show that the policy is meant seriously.",

  "q.p4.wages_on_time.text": "In the last 12 months, were all workers paid in full and on time, at least once a month?",
  "q.p4.wages_on_time.help":
    "Wages held back, paid late, or paid only at the end of a contract keep workers from leaving. Answer no if any group of workers, including agency workers, was paid late, paid less than agreed, or had deductions nobody explained to them.",
  "q.p4.wages_on_time.evidence": "Payroll records or payslips for one recent month (you may hide the names)",

  "q.p4.violence_reported.text":
    "In the last 12 months, has anyone reported physical or sexual violence against a worker by a manager, supervisor, guard, agent or co-worker?",
  "q.p4.violence_reported.help":
    "Count every report, whether it came from a complaint, an audit, a worker or someone outside, even if it was not proven. Telling us helps make sure the worker is safe and the case is handled properly.",

  "q.p4.threats_reported.text":
    "In the last 12 months, has anyone reported threats against workers, for example of dismissal, violence, reporting them to the authorities, or harm to their families?",
  "q.p4.threats_reported.help": "Threats are used to make people work against their will. Count every report, even if it was not proven.",

  "q.p4.vulnerable_groups.text": "Do any of these groups of people work at your site? Tick all that apply.",
  "q.p4.vulnerable_groups.help":
    "These workers are easier to exploit and need extra protection. Employing them is not wrong in itself: what matters is how you protect them.",
  "q.p4.vulnerable_groups.opt.under_18": "Workers under 18",
  "q.p4.vulnerable_groups.opt.no_work_permit": "Migrant workers without valid work papers",
  "q.p4.vulnerable_groups.opt.cannot_read_contract": "Workers who cannot read the language of their contract",
  "q.p4.vulnerable_groups.opt.none": "None of these",

  "q.p4.vulnerable_safeguards.text": "Do you have specific safeguards for these workers?",
  "q.p4.vulnerable_safeguards.help":
    "For example: no night work or dangerous work for workers under 18, help to get or renew work papers, contracts read aloud or translated, and a named person they can turn to.",

  "q.p4.housing_standards.text":
    "Does the housing that you or an agency provide have all of these: enough space, clean water and toilets, safe electricity and fire exits, lockable storage, and separate rooms for men and women?",
  "q.p4.housing_standards.help":
    "Crowded, unsafe or dirty housing is an abusive living condition. Include housing arranged or paid for by an agency.",
  "q.p4.housing_standards.na": "Not applicable: no housing is provided",
  "q.p4.housing_standards.opt.meets_all": "Yes, all of them",
  "q.p4.housing_standards.opt.meets_most": "Most of them",
  "q.p4.housing_standards.opt.does_not_meet": "Few or none of them",

  "q.p4.transport_access.text":
    "If your site or the housing is far from a town, can workers get to the nearest town at least once a week, for free or at a low cost?",
  "q.p4.transport_access.help":
    "Workers at remote sites can be cut off from shops, banks, help and their community if they have no way to get out.",
  "q.p4.transport_access.na": "Not applicable: the site and the housing are in or near a town",

  "q.p4.grievance_channel.text": "Do workers have a way to make complaints, including about forced labour?",
  "q.p4.grievance_channel.help":
    "For example a hotline, a complaints box, a worker committee, or a trusted person outside the line management. Workers need a safe way to speak up before a problem grows.",
  "q.p4.grievance_channel.evidence": "The complaints procedure, or the notice that explains it to workers",

  "q.p4.grievance_features.text": "Which of these does the complaints channel offer? Tick all that apply.",
  "q.p4.grievance_features.help":
    "Workers trust a channel that works in their languages, protects them from punishment, and shows that complaints lead to action.",
  "q.p4.grievance_features.opt.workers_languages": "It works in all the languages workers speak",
  "q.p4.grievance_features.opt.anonymous": "Workers can complain without giving their name",
  "q.p4.grievance_features.opt.non_retaliation": "A written promise that no one is punished for complaining",
  "q.p4.grievance_features.opt.appeal": "Workers can appeal against a decision they disagree with",
  "q.p4.grievance_features.opt.outcomes_recorded": "Every complaint and its outcome are recorded",
  "q.p4.grievance_features.opt.none": "None of these",

  // ── P5 Recruitment and suppliers ────────────────────────────────────────────────────────────
  "q.p5.supplier_code.text": "Do your rules for suppliers ban forced labour and trafficking?",
  "q.p5.supplier_code.help":
    "A supplier code of conduct sets out what you expect. Putting the same rule in your contracts makes it binding and lets you act if it is broken.",
  "q.p5.supplier_code.evidence": "The supplier code or the contract clause",
  "q.p5.supplier_code.opt.code_and_contracts": "Yes, in our supplier code and in our contracts",
  "q.p5.supplier_code.opt.code_only": "Yes, in our supplier code only",
  "q.p5.supplier_code.opt.none": "No",

  "q.p5.employer_pays.text":
    "Do you have a written rule that workers never pay for their recruitment, and that any fees they paid will be paid back?",
  "q.p5.employer_pays.help":
    "This is the “employer pays” principle: the company, not the worker, pays all recruitment fees and costs, including those charged by agencies.",

  "q.p5.direct_hiring.text": "How do you hire most of your workers?",
  "q.p5.direct_hiring.help": "Hiring workers yourself removes go-betweens who may charge fees or make false promises.",
  "q.p5.direct_hiring.opt.all_direct": "All directly, without agencies",
  "q.p5.direct_hiring.opt.mostly_direct": "Mostly directly",
  "q.p5.direct_hiring.opt.mostly_agencies": "Mostly through agencies or labour contractors",

  "q.p5.agency_checks.text": "How do you check the recruitment agencies and labour contractors you use?",
  "q.p5.agency_checks.help":
    "An audit checks how the agency works, including by talking with workers it placed about fees, promises and contracts. A licence alone says little about how workers are treated.",
  "q.p5.agency_checks.evidence": "The latest audit report of one of your agencies",
  "q.p5.agency_checks.opt.audited": "We check their licence and have audited them in the last 12 months",
  "q.p5.agency_checks.opt.licence_only": "We check their licence only",
  "q.p5.agency_checks.opt.not_checked": "We do not check them",

  "q.p5.contract_before_start.text":
    "Does every worker get a written contract in a language they understand before starting work, and migrant workers before they leave home?",
  "q.p5.contract_before_start.help":
    "A contract shown too late, in a language the worker cannot read, or different from what was promised, is a sign of deception. Workers must know the job, pay, hours and deductions before they commit.",

  "q.p5.sample_contract.text": "Please upload a sample employment contract.",
  "q.p5.sample_contract.help":
    "A blank contract, or a real one with the name hidden. It helps us check notice periods, pay and deductions.",
  "q.p5.sample_contract.evidence": "A sample contract, in the language workers receive it in",

  "q.p5.loan_deductions.text":
    "If you lend workers money or pay wages in advance, what is the largest share of a monthly wage you deduct to get it back?",
  "q.p5.loan_deductions.help":
    "Loans paid back through large wage deductions can trap workers in debt. Deductions should be no more than about 10% of the monthly wage, and loans paid off within a few months.",
  "q.p5.loan_deductions.na": "Not applicable: we do not lend money or pay wages in advance",

  "q.p5.weekly_hours.text":
    "In the busiest week of the last 12 months, how many hours did the workers with the longest hours work, including overtime?",
  "q.p5.weekly_hours.help":
    "Working hours should not go above 60 hours a week including overtime, and overtime must be voluntary. Look at your time records for the busiest week of the year.",
  "q.p5.weekly_hours.evidence": "Time records for that week (you may hide the names)",

  "q.p5.rest_day.text": "Do all workers get at least one full day off in every seven days, including in busy periods?",
  "q.p5.rest_day.help": "Rest days protect health and help keep overtime voluntary.",

  "q.p5.supplier_checks.text": "How do you check that your own suppliers do not use forced labour?",
  "q.p5.supplier_checks.help":
    "Audits that include private interviews with workers find problems that questionnaires miss. Start with suppliers in high-risk countries or products.",
  "q.p5.supplier_checks.evidence": "A recent audit report (you may hide the supplier's name)",
  "q.p5.supplier_checks.opt.audits": "Audits with worker interviews in the last two years, at least for high-risk suppliers",
  "q.p5.supplier_checks.opt.questionnaires_only": "Questionnaires or self-assessments only",
  "q.p5.supplier_checks.opt.no_checks": "We do not check our suppliers",

  // ── P6 Advocacy ─────────────────────────────────────────────────────────────────────────────
  "q.p6.initiative_member.text": "Are you a member of an industry or multi-stakeholder initiative that works against forced labour?",
  "q.p6.initiative_member.help":
    "Such initiatives bring together companies, trade unions and civil society organisations, share tools, and push for changes that one company cannot achieve alone.",

  "q.p6.initiative_names.text": "Which initiatives?",
  "q.p6.initiative_names.help": "Give their names, for example an industry association programme or a multi-stakeholder initiative.",

  "q.p6.government_engagement.text":
    "In the last two years, have you raised laws or rules on forced labour or recruitment with a government or public authority, and kept a record of it?",
  "q.p6.government_engagement.help":
    "For example: comments on a draft law, meetings with a labour ministry, or joint letters with other companies asking for better protection of workers.",

  // ── P7 Transparency ─────────────────────────────────────────────────────────────────────────
  "q.p7.statement_published.text":
    "Do you publish a statement, at least once a year, on what you do against forced labour and trafficking?",
  "q.p7.statement_published.help":
    "For example a modern slavery statement, or a section of your annual or sustainability report. Publishing it makes you accountable.",

  "q.p7.statement_link.text": "Where can it be found?",
  "q.p7.statement_link.help": "A web address, or the name and year of the report.",

  "q.p7.supplier_list.text": "Do you publish a list of your suppliers, with at least their names and countries?",
  "q.p7.supplier_list.help": "A public supplier list lets workers, trade unions and others raise problems they see at those sites.",

  "q.p7.remedy_disclosed.text":
    "When forced labour problems are found, do you report publicly what was done to fix them and to help the workers affected?",
  "q.p7.remedy_disclosed.help":
    "Reporting remedies, such as fees paid back or workers compensated, shows that problems lead to real change.",
  "q.p7.remedy_disclosed.na": "Not applicable: no problems have been found so far",

  "q.p7.practice_sharing.text":
    "Do you share what you have learned about preventing forced labour with other companies, suppliers or industry groups?",
  "q.p7.practice_sharing.help": "Sharing good practice helps others improve, and is what the seventh Athens principle asks for.",

  // ── Questionnaire v2: questions added in version 2, by section ─────────────────────────────
  "q.p1.labour_transfer.text":
    "Do any workers at your site come through a government labour-transfer, “surplus labour” or poverty-alleviation programme that moves workers from one region to another?",
  "q.p1.labour_transfer.help":
    "In some places the authorities send workers, often from ethnic or religious minorities, to factories and farms far from home. Workers in these programmes cannot freely refuse or leave, so regulators treat this work as forced labour imposed by the state. Answer yes if any worker, including an agency worker, came through such a programme.",

  "q.p1.prison_labour.text":
    "Do prisoners or detainees do any work for your site, either at the site or in a prison, detention or “training” centre, directly or through a subcontractor?",
  "q.p1.prison_labour.help":
    "Work by people held in prisons, detention or so-called education or training centres is not free work, and goods made with it cannot be sold in many markets. Count work done for you by a subcontractor too.",

  "q.p3.material_origins.text": "Where do the main raw materials of your products come from? Tick all that apply.",
  "q.p3.material_origins.help":
    "Raw materials are for example cotton, yarn, polysilicon, metals, rubber, tomatoes or seafood. The first regions in the list are singled out by import laws against forced labour: goods made wholly or in part with materials from there may be stopped at the border. Tick “Other countries or regions” for everything else and name them.",
  "q.p3.material_origins.evidence": "Documents that show the origin, for example certificates of origin or your suppliers' declarations",
  "q.p3.material_origins.opt.xinjiang": "Xinjiang Uyghur Autonomous Region, China (any material)",
  "q.p3.material_origins.opt.turkmenistan_cotton": "Turkmenistan (cotton)",
  "q.p3.material_origins.opt.north_korea": "North Korea (any material)",
  "q.p3.material_origins.opt.other_regions": "Other countries or regions",
  "q.p3.material_origins.opt.dont_know": "We do not know",

  "q.p3.material_origins_other.text": "Which other countries or regions?",
  "q.p3.material_origins_other.help":
    "Name the country, and the province or region where you know it, for each main material, for example “cotton: Gujarat, India; polyester: Jiangsu, China”.",

  "q.p3.minerals_traced.text": "If your products contain minerals, metals or gemstones, how far can you trace them back?",
  "q.p3.minerals_traced.help":
    "Mines are among the places where forced and child labour are most common. Tracing a metal to the smelter or refinery, and a mineral or stone to the mine it came from, is how companies check this risk.",
  "q.p3.minerals_traced.evidence": "Tracing records, for example a chain-of-custody certificate or a smelter list",
  "q.p3.minerals_traced.na": "Not applicable: our products contain no minerals, metals or gemstones",
  "q.p3.minerals_traced.opt.to_mine": "To the mine they come from",
  "q.p3.minerals_traced.opt.to_smelter": "To the smelter or refinery",
  "q.p3.minerals_traced.opt.partly": "Only some of them, or only to our direct supplier",
  "q.p3.minerals_traced.opt.not_traced": "We do not trace them",

  "q.p3.site_audit.text":
    "In the last three years, has an independent auditor or certification body checked working conditions at your site?",
  "q.p3.site_audit.help":
    "Count social audits and certifications done by an outside organisation, for example SMETA, amfori BSCI, SA8000 or RBA. An audit by your own staff or by a customer's buyer does not count.",
  "q.p3.site_audit.evidence": "The latest audit report or certificate",

  "q.p3.site_audit_standard.text": "Which standard was used for the latest audit or certification?",
  "q.p3.site_audit_standard.help": "The name of the audit or certification programme, as written on the report or certificate.",
  "q.p3.site_audit_standard.opt.smeta": "SMETA (Sedex)",
  "q.p3.site_audit_standard.opt.amfori_bsci": "amfori BSCI",
  "q.p3.site_audit_standard.opt.sa8000": "SA8000",
  "q.p3.site_audit_standard.opt.rba_vap": "RBA Validated Audit Process (VAP)",
  "q.p3.site_audit_standard.opt.wrap": "WRAP",
  "q.p3.site_audit_standard.opt.other": "Another standard",

  "q.p3.site_audit_standard_other.text": "Which standard?",
  "q.p3.site_audit_standard_other.help": "Give its name, and the organisation that runs it.",

  "q.p3.site_audit_date.text": "On what date did the latest audit take place?",
  "q.p3.site_audit_date.help": "The last day the auditors were at your site, as written on the report.",

  "q.p3.site_audit_result.text": "What was the result of the latest audit?",
  "q.p3.site_audit_result.help":
    "A critical finding is the most serious kind, called for example “zero tolerance” or “priority”. A finding stays open until the auditor has confirmed that it was put right.",
  "q.p3.site_audit_result.opt.no_open_findings": "No open findings: none were found, or all were put right and checked",
  "q.p3.site_audit_result.opt.open_minor": "Some findings are still open, none of them critical",
  "q.p3.site_audit_result.opt.open_critical": "At least one critical finding is still open, or the site failed",

  "q.p4.wages_deferred.text":
    "Is any part of workers' pay held back until the end of a contract, a season or a set period, for example as a “completion bonus” or as savings kept by the company?",
  "q.p4.wages_deferred.help":
    "Pay that a worker only gets by staying until the end ties the worker to the job: leaving early would mean losing money already earned. Workers must receive all their pay at least once a month.",

  "q.p4.payment_in_kind.text": "How are workers paid?",
  "q.p4.payment_in_kind.help":
    "Wages must be paid in money. Part of them may be paid in kind, for example as meals or housing, only when the worker agrees, it is for their own use and it is valued at a fair price. Vouchers, credit at a company shop or food instead of money are not wages.",
  "q.p4.payment_in_kind.opt.money_only": "All in money",
  "q.p4.payment_in_kind.opt.part_in_kind_agreed":
    "Mostly in money, with a small part in kind (for example meals) that the worker agreed to, at a fair value",
  "q.p4.payment_in_kind.opt.mostly_in_kind": "Mostly or all in kind, vouchers or credit",

  "q.p4.deductions_share.text":
    "Apart from taxes and social security, what share of a typical worker's monthly wage is deducted, all deductions together?",
  "q.p4.deductions_share.help":
    "Count everything taken from the wage: food, housing, transport, tools, loan repayments, fines and any other costs. Enter 0 if nothing is deducted. When a large part of the wage goes back to the employer, workers can end up working to pay off what they owe.",
  "q.p4.deductions_share.evidence": "A payslip that shows the deductions (you may hide the name)",

  "q.p4.deduction_types.text": "What is deducted from wages? Tick all that apply.",
  "q.p4.deduction_types.help":
    "Costs of recruitment must never be taken from wages. Fines as a punishment are not allowed in many countries, and tools and safety equipment should be free.",
  "q.p4.deduction_types.opt.food": "Food or meals",
  "q.p4.deduction_types.opt.housing": "Housing",
  "q.p4.deduction_types.opt.transport": "Transport",
  "q.p4.deduction_types.opt.tools_uniforms": "Tools, uniforms or safety equipment",
  "q.p4.deduction_types.opt.loan_repayment": "Repayment of a loan or an advance on wages",
  "q.p4.deduction_types.opt.recruitment_costs": "Recruitment fees or costs, such as travel, visa or medical checks",
  "q.p4.deduction_types.opt.fines": "Fines, for example for being late or for mistakes",
  "q.p4.deduction_types.opt.other": "Something else",

  "q.p4.age_verification.text": "How do you check the age of every new worker when you hire them?",
  "q.p4.age_verification.help":
    "Checking an official document, such as an identity card or a birth certificate, and keeping a copy is the best way to make sure no child is hired. Where documents can be forged, compare the document with other signs, for example school records.",
  "q.p4.age_verification.evidence": "Your age-check procedure, or a blank record of an age check",
  "q.p4.age_verification.opt.document_checked_copy_kept": "We check an official document and keep a copy",
  "q.p4.age_verification.opt.document_checked": "We check an official document but keep no copy",
  "q.p4.age_verification.opt.self_declared": "Workers tell us their age; we do not check a document",
  "q.p4.age_verification.opt.not_checked": "We do not ask about age",

  "q.p4.under_minimum_age.text":
    "In the last 12 months, has anyone younger than the legal minimum age for work been found working at your site, or for an agency or subcontractor working for you?",
  "q.p4.under_minimum_age.help":
    "The minimum age is set by national law, usually 15, or 14 in some countries; it is never below 13 for light work. Count every case, even if the child no longer works there. Telling us helps make sure the child is protected and helped back to school.",

  "q.p4.young_hazardous_work.text":
    "Do any workers under 18 do hazardous work, such as night shifts, overtime, heavy loads, dangerous machines or chemicals, or work at height?",
  "q.p4.young_hazardous_work.help":
    "Workers aged between the minimum age and 18 may work, but never in work that can harm their health, safety or morals. Hazardous work by anyone under 18 is one of the worst forms of child labour.",

  "q.p4.child_labour_remediation.text":
    "Do you have a system to find child labour, at your site and where your raw materials are produced, and to help any child you find?",
  "q.p4.child_labour_remediation.help":
    "A good system checks regularly, for example at farms or small workshops that supply you, and has a written plan for what to do if a child is found: the child stops the work but is not simply sent away; the plan puts the child's interests first, for example with help to go back to school and support for the family.",
  "q.p4.child_labour_remediation.evidence": "The procedure, or a record of how a case was handled (you may hide names)",
  "q.p4.child_labour_remediation.opt.monitoring_and_remediation": "Yes: we check regularly and have a plan to help any child we find",
  "q.p4.child_labour_remediation.opt.remediation_procedure_only": "We have a written plan for what to do, but no regular checks",
  "q.p4.child_labour_remediation.opt.none": "No",

  "q.p5.normal_weekly_hours.text": "How many normal working hours a week do workers have, without overtime?",
  "q.p5.normal_weekly_hours.help":
    "Normal hours are the hours in the contract or the shift plan before any overtime. The international limit is 48 normal hours a week. If it differs between groups of workers, enter the longest.",
  "q.p5.normal_weekly_hours.evidence": "Time records or the shift plan for a recent month (you may hide the names)",

  "q.p5.overtime_refusable.text":
    "Can workers refuse overtime without any penalty, such as a fine, a lost bonus, a worse job or dismissal?",
  "q.p5.overtime_refusable.help":
    "Overtime must be voluntary. Overtime that workers cannot refuse, for example to meet production targets, is a sign of forced labour.",
  "q.p5.overtime_refusable.na": "Not applicable: no overtime is worked",

  "q.p5.usual_total_hours.text": "In a usual week, how many hours in total do the workers with the longest hours work, overtime included?",
  "q.p5.usual_total_hours.help":
    "Look at your time records for the last three months and give a usual week, not the busiest one. Total working hours should not go above 60 a week.",
  "q.p5.usual_total_hours.evidence": "Time records for a usual week (you may hide the names)",

  // ── ILO indicators and principles (buyer screens, reports) ───────────────────────────────────
  "ilo.abuse_of_vulnerability": "Abuse of vulnerability",
  "ilo.deception": "Deception",
  "ilo.restriction_of_movement": "Restriction of movement",
  "ilo.isolation": "Isolation",
  "ilo.physical_sexual_violence": "Physical and sexual violence",
  "ilo.intimidation_threats": "Intimidation and threats",
  "ilo.retention_of_documents": "Retention of identity documents",
  "ilo.withholding_of_wages": "Withholding of wages",
  "ilo.debt_bondage": "Debt bondage",
  "ilo.abusive_conditions": "Abusive working and living conditions",
  "ilo.excessive_overtime": "Excessive overtime",
  // Beyond the ILO's eleven: child labour and state-imposed forced labour (questionnaire v2 flags).
  "ilo.child_labour": "Child labour below the minimum age",
  "ilo.hazardous_child_labour": "Hazardous work by children under 18",
  "ilo.state_imposed_labour": "State-imposed forced labour",
  "principle.P1": "Policy setting",
  "principle.P2": "Public awareness",
  "principle.P3": "Strategic planning",
  "principle.P4": "Personnel policy enforcement",
  "principle.P5": "Supply-chain tracing",
  "principle.P6": "Government advocacy",
  "principle.P7": "Transparency",

  // ── Supplier portal ─────────────────────────────────────────────────────────────────────────
  // Languages (in the current language; LOCALE_NAMES has each language's own name)
  "ui.language.label": "Language",
  "ui.language.en": "English",
  "ui.language.es": "Spanish",
  "ui.language.fr": "French",
  "ui.language.zh-Hans": "Chinese (Simplified)",
  "ui.language.change": "Change language",

  // Frame
  "ui.portal.title": "Supplier self-assessment",
  "ui.portal.skip_to_content": "Skip to the questions",
  "ui.portal.requested_by": "Requested by {buyer}",
  "ui.portal.for_supplier": "For {supplier}",
  "ui.portal.due": "Please submit by {date}",
  "ui.portal.overdue": "This questionnaire was due on {date}. You can still submit it.",
  "ui.portal.contact": "Questions about this questionnaire? Write to {email}.",
  "ui.portal.privacy":
    "Your answers and files are shared only with {buyer}. They are used to assess and improve working conditions in its supply chain.",
  "ui.portal.session_expired": "Your session has ended. Open the link from your invitation email again to continue.",

  // Invite link page (GET shows this page; the button starts the session)
  "ui.link.heading": "You have been invited to complete a questionnaire",
  "ui.link.intro": "{buyer} asks {supplier} to answer questions about working conditions and the prevention of forced labour.",
  "ui.link.open": "Open the questionnaire",
  "ui.link.expired": "This link has expired.",
  "ui.link.revoked": "This link is no longer valid.",
  "ui.link.invalid": "This link is not valid. Check that you copied the whole link from the email.",
  "ui.link.request_new": "Request a new link",
  "ui.link.request_email": "Email address that received the invitation",
  "ui.link.request_sent": "If this address was invited, a new link is on its way. Check your inbox and spam folder.",
  "ui.link.too_many_attempts": "Too many attempts. Please wait a few minutes and try again.",

  // Start and overview
  "ui.start.heading": "Before you start",
  "ui.start.time_needed": "It takes about {minutes} minutes. You can stop at any time and continue later from the same link.",
  "ui.start.prepare": "It helps to have at hand: your policy documents, payroll and time records, and your agency contracts.",
  "ui.start.button": "Start",
  "ui.start.continue": "Continue where you left off",
  "ui.overview.heading": "Sections",
  "ui.overview.section_done": "Complete",
  "ui.overview.section_todo": "Not started",
  "ui.overview.section_partial": "{answered} of {total} answered",
  "ui.required_legend": "Questions marked * must be answered.",

  // Navigation and progress
  "ui.section.position": "Section {n} of {total}",
  "ui.progress.answered": "{percent}% answered",
  "ui.progress.section": "{answered} of {total} questions answered in this section",
  "ui.progress.label": "Progress",
  "ui.next_section": "Next section",
  "ui.previous_section": "Previous section",
  "ui.back_to_overview": "Back to all sections",
  "ui.review_answers": "Review your answers",

  // Answers
  "ui.yes": "Yes",
  "ui.no": "No",
  "ui.na": "Not applicable",
  "ui.required": "Required",
  "ui.optional": "Optional",
  "ui.question.help_toggle": "Why we ask this",
  "ui.question.comment": "Add a comment (optional)",
  "ui.question.comment_hint": "Explain your answer or add details a reviewer should know.",
  "ui.question.select_placeholder": "Choose an answer",
  "ui.question.multi_hint": "Tick all that apply.",
  "ui.question.clear": "Clear answer",
  "ui.question.text_remaining": "{count} characters left",
  "ui.number.hint": "Enter a number, for example 25 or 12.5",
  "ui.percent.hint": "Enter a percentage from 0 to 100",
  "ui.date.hint": "Year-month-day, for example 2024-03-31",
  "ui.date.format": "YYYY-MM-DD",
  "ui.unit.days": "days",
  "ui.unit.hours_per_week": "hours per week",
  "ui.unit.people": "people",
  "ui.unit.percent": "%",

  // Autosave and connection
  "ui.save": "Save",
  "ui.saved": "Saved",
  "ui.saving": "Saving…",
  "ui.saved_at": "Saved at {time}",
  "ui.autosave.note": "Your answers are saved automatically.",
  "ui.save_failed": "Your latest answers could not be saved. We will try again.",
  "ui.retry": "Try again",
  "ui.offline": "Offline — your answers are kept and will be sent when you are back online",
  "ui.back_online": "Back online — sending your answers…",
  "ui.invalid_answers.one":
    "{count} answer was not saved because its value cannot be accepted. Correct it where the message is shown next to the question.",
  "ui.invalid_answers.other":
    "{count} answers were not saved because their values cannot be accepted. Correct them where the messages are shown next to the questions.",
  "ui.needs_attention": "These answers need your attention:",
  "ui.unsent_changes": "Some answers have not been sent yet. Stay on this page until they are saved.",
  "ui.conflict": "Someone else changed this answer at the same time. We kept their version; check it and answer again if needed.",
  "ui.reload": "Reload",

  // Evidence upload
  "ui.upload": "Upload a file",
  "ui.upload.more": "Upload another file",
  "ui.upload.allowed": "Allowed: PDF, images, Word, Excel, up to 10 MB",
  "ui.upload.drop_here": "or drop a file here",
  "ui.upload.uploading": "Uploading {name}…",
  "ui.upload.done": "{name} uploaded",
  "ui.upload.remove": "Remove",
  "ui.upload.remove_confirm": "Remove {name}?",
  "ui.upload.too_large": "{name} is larger than 10 MB. Please upload a smaller file.",
  "ui.upload.wrong_type": "{name} is not an accepted type of file. Please upload a PDF, an image, or a Word or Excel file.",
  "ui.upload.failed": "{name} could not be uploaded. Please try again.",
  "ui.upload.offline": "Files can only be uploaded while you are online.",
  "ui.evidence.label": "Supporting document",
  "ui.evidence.requested": "Please attach: {what}",
  "ui.evidence.required": "A document is required for this answer.",
  "ui.evidence.optional": "A document is welcome but not required.",
  "ui.evidence.hide_personal_data": "Hide personal details such as names and ID numbers that we do not need.",
  "ui.evidence.files.one": "{count} file attached",
  "ui.evidence.files.other": "{count} files attached",
  // Documents behind answers: kind, validity and the reviewer's decision
  "ui.evidence.add": "Add a document that backs this answer (optional)",
  "ui.evidence.backs_answer": "A document that backs this answer, such as a policy, records or an audit report, gives it more weight.",
  "ui.evidence.kind_label": "Type of document",
  "ui.evidence.valid_until_label": "Valid until (optional)",
  "ui.evidence.valid_until_hint": "If the document expires, for example a certificate or a licence, give its end date.",
  "ui.evidence.valid_until": "valid until {date}",
  "ui.evidence.kind_invalid": "Choose the type of document from the list.",
  "ui.evidence.valid_until_invalid": "Enter the date until which the document is valid as a calendar date.",
  "ui.evidence.valid_until_past": "The date until which the document is valid has passed. Please upload a document that is still valid.",
  "ui.evidence.status.pending": "Waiting for review",
  "ui.evidence.status.accepted": "Accepted by {buyer}",
  "ui.evidence.status.rejected": "Not accepted by {buyer}: {reason}",
  "ui.evidence.rejected_next": "Upload a better document here; it will be reviewed again.",
  "ui.evidence.kind.policy_document": "Policy document",
  "ui.evidence.kind.training_records": "Training records",
  "ui.evidence.kind.risk_assessment": "Risk assessment",
  "ui.evidence.kind.payroll_records": "Payroll records",
  "ui.evidence.kind.time_records": "Working time records",
  "ui.evidence.kind.grievance_procedure": "Grievance procedure",
  "ui.evidence.kind.supplier_code": "Supplier code of conduct",
  "ui.evidence.kind.employment_contract": "Employment contract",
  "ui.evidence.kind.agency_contract": "Recruitment agency contract",
  "ui.evidence.kind.audit_report": "Audit report or certificate",
  "ui.evidence.kind.public_statement": "Public statement",
  "ui.evidence.kind.age_records": "Age-check records",
  "ui.evidence.kind.traceability_records": "Tracing or origin records",
  "ui.evidence.kind.other": "Other document",

  // Submission and completeness
  "ui.submit": "Submit",
  "ui.submit.heading": "Submit your answers",
  "ui.submit.confirm": "Submit your answers to {buyer}? After that you can no longer change them, unless {buyer} asks for changes.",
  "ui.submit.confirm_button": "Yes, submit",
  "ui.submit.cancel": "Not yet",
  "ui.submit.submitting": "Submitting…",
  "ui.submit.blocked": "Some required answers or documents are missing. Complete them before you submit.",
  "ui.missing.heading": "What is still missing",
  "ui.missing.none": "Everything required has been answered. You can submit.",
  "ui.missing.count.one": "{count} item still needs your attention",
  "ui.missing.count.other": "{count} items still need your attention",
  "ui.missing.unanswered": "Not answered yet",
  "ui.missing.evidence": "A supporting document is missing",
  "ui.missing.go_to": "Go to the question",
  "ui.submitted.heading": "Your answers were submitted",
  "ui.submitted.body": "Thank you. {buyer} will review your answers and may come back to you with questions.",
  "ui.submitted.on": "Submitted on {date}",
  "ui.submitted.readonly": "Submitted answers can no longer be changed. This is a read-only copy.",
  "ui.print": "Print or save a copy",
  "ui.print.heading": "Copy of your answers",
  "ui.print.generated": "Printed on {date}",
  "ui.print.no_answer": "No answer",

  // Review by the buyer
  "ui.status.label": "Status",
  "ui.status.draft": "Not sent yet",
  "ui.status.sent": "Waiting for answers",
  "ui.status.in_progress": "In progress",
  "ui.status.submitted": "Submitted, waiting for review",
  "ui.status.changes_requested": "Changes requested",
  "ui.status.approved": "Approved",
  "ui.review.changes_requested.heading": "Changes requested",
  "ui.review.changes_requested.body":
    "{buyer} asked you to change or explain some answers. Questions with a reviewer's comment are marked. Change your answers or reply, then submit again.",
  "ui.review.comment_from": "Comment from {name}",
  "ui.review.comment_label": "Reviewer's comment",
  "ui.review.reply": "Your reply",
  "ui.review.reply_placeholder": "Explain what you changed, or why the answer is correct",
  "ui.review.resolved": "Resolved",
  "ui.review.resubmit": "Submit again",
  "ui.review.comments.one": "{count} question has a reviewer's comment",
  "ui.review.comments.other": "{count} questions have a reviewer's comment",
  "ui.review.approved.body": "{buyer} approved your answers on {date}. Thank you.",
  "ui.review.valid_until": "This assessment is valid until {date}.",

  // Validation messages (validateAnswer returns these keys)
  "ui.validation.required": "This question is required",
  "ui.validation.yes_no": "Choose yes or no",
  "ui.validation.choose_one": "Choose one option",
  "ui.validation.choose_at_least_one": "Choose at least one option",
  "ui.validation.unknown_option": "This option is not available. Please choose again.",
  "ui.validation.exclusive_option": "“None of these” cannot be combined with other choices",
  "ui.validation.na_not_allowed": "“Not applicable” is not a possible answer to this question",
  "ui.validation.not_a_number": "Enter a number, for example 25 or 12.5",
  "ui.validation.whole_number": "Enter a whole number, without decimals",
  "ui.validation.number_between": "Enter a number between {min} and {max}",
  "ui.validation.number_min": "Enter a number of at least {min}",
  "ui.validation.number_max": "Enter a number no larger than {max}",
  "ui.validation.percent_between": "Enter a percentage between {min} and {max}",
  "ui.validation.text_too_long": "Use at most {max} characters",
  "ui.validation.text_invalid": "This text contains characters that cannot be saved. Please type it again.",
  "ui.validation.date_format": "Enter the date as year-month-day, for example 2024-03-31",
  "ui.validation.date_invalid": "This date does not exist",
  "ui.validation.date_range": "Enter a date between {min} and {max}",
  "ui.validation.files_required": "Upload at least one file",
  "ui.validation.files_invalid": "One of the files could not be found. Please upload it again.",
  "ui.validation.too_many_files": "Attach at most {max} files",
  "ui.validation.fix_errors.one": "Please correct {count} answer before continuing",
  "ui.validation.fix_errors.other": "Please correct {count} answers before continuing",

  // Errors
  "ui.error.heading": "Something went wrong",
  "ui.error.body": "Your saved answers are safe. Please reload the page; if the problem continues, contact {email}.",
  "ui.error.not_found": "This page does not exist.",
  "ui.error.forbidden": "You do not have access to this page.",

  // Supplier portal, added with the portal pages: new-link request, conflicting saves, upload refusals
  "ui.link.send_new": "Send me a new link",
  "ui.link.ask_new": "You can ask for a new link. We send it only to the email address that received this invitation.",
  "ui.link.new_link_sent": "If this link was sent to you, a new one is on its way to the same address.",
  "ui.link.revoked_help":
    "{buyer} withdrew this link or replaced it with a newer one. Use the newest link you received, or ask {buyer} to send you a new invitation.",
  "ui.conflict.choose": "Someone else saved a different answer to this question while you were answering. Choose which answer to keep.",
  "ui.conflict.yours": "Your answer",
  "ui.conflict.theirs": "Saved by {name} on {time}",
  "ui.conflict.keep_yours": "Keep my answer",
  "ui.conflict.keep_theirs": "Keep the saved answer",
  "ui.not_sent": "Not sent yet",
  "ui.kept_on_device": "Answers that were not sent yet are kept in this browser and will be sent when you continue.",
  "ui.upload.empty": "{name} is empty. Please choose another file.",
  "ui.upload.too_many": "You can attach at most {max} files to one question.",
  "ui.upload.quota":
    "{name} could not be stored because the space for documents is full. Please contact the company that sent you this questionnaire.",
  "ui.error.read_only": "This questionnaire was submitted and can no longer be changed.",

  // Corrective actions in the supplier portal
  "ui.portal.nav.label": "Sections of this site",
  "ui.portal.nav.questionnaire": "Questionnaire",
  "ui.portal.nav.actions": "Corrective actions",
  "ui.actions.heading": "Corrective actions",
  "ui.actions.intro":
    "{buyer} asks {supplier} to put these points right. Reply to each one with what you have done, and attach evidence such as a new policy, payroll records or photos.",
  "ui.actions.none": "There are no open corrective actions for {supplier}.",
  "ui.actions.due": "Due {date}",
  "ui.actions.overdue": "Overdue: it was due on {date}",
  "ui.actions.status.open": "Open",
  "ui.actions.status.in_progress": "In progress",
  "ui.actions.status.done": "Done, waiting for verification",
  "ui.actions.status.verified": "Verified",
  "ui.actions.concern": "Concern: {indicator}",
  "ui.actions.about_answer": "About your answer to: {question}",
  "ui.actions.history": "History",
  "ui.actions.event.created": "{name} opened this action",
  "ui.actions.event.status": "{name} changed the status to “{status}”",
  "ui.actions.event.reply": "Reply from {name}",
  "ui.actions.reply.heading": "Your reply",
  "ui.actions.reply.body": "What have you done?",
  "ui.actions.reply.hint": "Explain what you changed and what the attached files show.",
  "ui.actions.reply.files": "Evidence files (optional)",
  "ui.actions.reply.files_hint": "Up to {max} files at a time: PDF, images, Word or Excel, up to 10 MB each.",
  "ui.actions.reply.send": "Send reply",
  "ui.actions.reply.sending": "Sending…",
  "ui.actions.reply.sent": "Your reply was sent to {buyer}.",
  "ui.portal.started": "Welcome. Everything you enter is saved as you go; you can stop and come back through the same link.",
  "ui.actions.reply_empty": "Write a reply or attach a file.",
  "ui.actions.too_many_files": "You can attach at most {max} files here.",
  "ui.actions.stale":
    "This action changed while you were writing, so your reply was not sent. Copy your text, reload the page and send it again.",
};
