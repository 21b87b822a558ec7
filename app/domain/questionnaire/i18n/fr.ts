// French catalogue (vous, plain words): the same keys and {placeholders} as en.ts.
// Typography: narrow no-break space (U+202F) before ? ! ; and no-break space (U+00A0) before :,
// inside « » and between a number and its unit (10 %, 10 Mo, 60 heures). Apostrophes are ’.
// Terms: travail forcé, traite des êtres humains, servitude pour dettes, frais de recrutement,
// sous-traitant de main-d'œuvre (labour contractor), réclamation (complaint), transmettre (submit).
import type { Catalogue } from "./catalogue";

export const fr: Catalogue = {
  // ── Modèle ──────────────────────────────────────────────────────────────────────────────────
  "t.athens-fl.title": "Principes éthiques d’Athènes — travail forcé",
  "t.athens-fl.intro":
    "Ce questionnaire porte sur la façon dont votre entreprise prévient le travail forcé et la traite des êtres humains, sur votre propre site ainsi que chez vos agences de recrutement et vos fournisseurs. Il suit les sept Principes éthiques d’Athènes. Répondez pour le site ou l’entreprise dont le nom figure dans l’invitation. Des réponses sincères sont utiles : un problème que vous nous signalez peut être résolu ensemble, alors qu’un problème découvert plus tard est beaucoup plus difficile à traiter.",

  // ── Sections ────────────────────────────────────────────────────────────────────────────────
  "s.profile.title": "Votre personnel",
  "s.profile.intro":
    "Quelques informations sur les personnes qui travaillent sur votre site, y compris les travailleurs recrutés par l’intermédiaire d’agences ou de sous-traitants de main-d’œuvre. Certains groupes de travailleurs sont exposés à des risques plus élevés : ces réponses nous indiquent où regarder de plus près. Elles ne comptent ni pour ni contre vous.",
  "s.p1.title": "Principe 1 — Politique : tolérance zéro",
  "s.p1.intro":
    "Votre engagement écrit contre le travail forcé et la traite, et les libertés de base dont chaque travailleur doit disposer : garder ses propres documents, aller et venir, rester en contact avec d’autres personnes et quitter son emploi.",
  "s.p2.title": "Principe 2 — Sensibilisation et formation",
  "s.p2.intro":
    "Comment les travailleurs, les responsables et d’autres personnes sont informés de leurs droits et des risques de travail forcé et de traite.",
  "s.p3.title": "Principe 3 — Stratégie et évaluation des risques",
  "s.p3.intro": "Qui en a la responsabilité, où se trouvent les risques, et comment vous mesurez l’efficacité de vos actions.",
  "s.p4.title": "Principe 4 — Votre propre personnel",
  "s.p4.intro":
    "Comment les responsables sont formés et tenus de respecter la politique, comment les travailleurs sont payés et traités, et comment ils peuvent faire une réclamation en toute sécurité.",
  "s.p5.title": "Principe 5 — Recrutement et fournisseurs",
  "s.p5.intro":
    "Comment les travailleurs sont recrutés et employés, et comment vous vous assurez que vos agences de recrutement et vos propres fournisseurs respectent les mêmes règles.",
  "s.p6.title": "Principe 6 — Collaboration avec les pouvoirs publics et d’autres acteurs",
  "s.p6.intro":
    "Comment vous travaillez avec d’autres entreprises, des organisations et les pouvoirs publics pour améliorer les règles qui protègent les travailleurs.",
  "s.p7.title": "Principe 7 — Transparence et publication d’informations",
  "s.p7.intro":
    "Ce que vous publiez sur votre action contre le travail forcé, afin que d’autres puissent la connaître et vous demander de tenir vos engagements.",

  // ── Profil du personnel ─────────────────────────────────────────────────────────────────────
  "q.profile.workers.text":
    "Combien de personnes travaillent sur votre site, y compris les travailleurs recrutés par l’intermédiaire d’agences ou de sous-traitants de main-d’œuvre ?",
  "q.profile.workers.help":
    "Comptez toutes les personnes qui travaillent sur le site aujourd’hui : travailleurs permanents, temporaires et saisonniers, travailleurs fournis par une agence, et apprentis. Si ce nombre varie beaucoup, indiquez la moyenne des trois derniers mois.",

  "q.profile.migrant_share.text": "Parmi ces travailleurs, quelle est la part de travailleurs migrants ?",
  "q.profile.migrant_share.help":
    "Un travailleur migrant est une personne venue d’un autre pays, ou d’une autre région de votre pays, pour occuper cet emploi. Les travailleurs migrants doivent plus souvent payer des frais de recrutement, sont plus souvent trompés sur l’emploi ou dépendent plus souvent de l’employeur pour leur visa ou leur logement : une attention particulière est donc nécessaire.",

  "q.profile.nationalities.text": "De quels pays ou régions viennent vos travailleurs migrants ?",
  "q.profile.nationalities.help":
    "Indiquez les principaux, par exemple « Népal, Bangladesh » ou « provinces du Yunnan et du Sichuan ». Cela montre quelles filières de recrutement sont concernées.",

  "q.profile.temporary_share.text":
    "Quelle part de vos travailleurs sont temporaires, saisonniers, ou recrutés par l’intermédiaire d’une agence ou d’un sous-traitant de main-d’œuvre ?",
  "q.profile.temporary_share.help":
    "Les travailleurs en contrat court ou employés par quelqu’un d’autre ont souvent plus de mal à se plaindre ou à connaître leurs droits. Comptez toutes les personnes qui ne sont pas des salariés permanents de votre entreprise.",

  "q.profile.uses_agencies.text":
    "Faites-vous appel à des agences de recrutement, des intermédiaires ou des sous-traitants de main-d’œuvre pour trouver ou employer des travailleurs ?",
  "q.profile.uses_agencies.help":
    "Incluez les agences situées à l’étranger, les intermédiaires locaux et les sous-traitants qui fournissent des travailleurs à votre site. Répondez oui même si seuls quelques travailleurs sont recrutés de cette façon.",

  "q.profile.agencies_licensed.text": "Ces agences ont-elles une licence (lorsque la loi l’exige) et un contrat écrit avec vous ?",
  "q.profile.agencies_licensed.help":
    "Les agents sans licence et les intermédiaires informels sont la source la plus fréquente de frais de recrutement et de fausses promesses. Un contrat écrit vous permet de fixer des règles, par exemple que les travailleurs ne paient rien.",
  "q.profile.agencies_licensed.evidence": "Un contrat avec l’une de vos agences (vous pouvez masquer les prix)",
  "q.profile.agencies_licensed.opt.all": "Oui, toutes",
  "q.profile.agencies_licensed.opt.some": "Certaines d’entre elles",
  "q.profile.agencies_licensed.opt.none": "Aucune",
  "q.profile.agencies_licensed.opt.dont_know": "Je ne sais pas",

  "q.profile.fees_charged.text":
    "Au cours des deux dernières années, un travailleur a-t-il payé des frais ou des dépenses pour obtenir son emploi sur votre site ?",
  "q.profile.fees_charged.help":
    "Comptez tout paiement fait à votre entreprise, à une agence, à un intermédiaire ou à toute autre personne : frais de recrutement ou de placement, frais de voyage, de visa, de permis de travail, de visite médicale, de formation ou d’uniforme. L’argent prêté à un travailleur pour payer ces frais compte aussi. Les travailleurs qui doivent de l’argent pour leur emploi peuvent se sentir incapables de partir : c’est ce qu’on appelle la servitude pour dettes. En cas de doute, interrogez quelques travailleurs récemment embauchés.",

  "q.profile.fees_repaid.text": "Ces frais et dépenses ont-ils été remboursés aux travailleurs ?",
  "q.profile.fees_repaid.help":
    "Selon le principe « l’employeur paie », l’entreprise prend en charge la totalité des coûts du recrutement, et les travailleurs qui ont payé quoi que ce soit sont remboursés intégralement.",
  "q.profile.fees_repaid.opt.repaid_all": "Oui, tous les travailleurs ont été remboursés intégralement",
  "q.profile.fees_repaid.opt.repaying": "Le remboursement a commencé mais n’est pas terminé",
  "q.profile.fees_repaid.opt.not_repaid": "Non",

  // ── P1 Politique ────────────────────────────────────────────────────────────────────────────
  "q.p1.written_policy.text": "Avez-vous une politique écrite qui interdit le travail forcé et la traite des êtres humains ?",
  "q.p1.written_policy.help":
    "Une politique fixe la règle que tout le monde dans l’entreprise doit suivre. Elle compte si elle est écrite et nomme le travail forcé ou la traite. Elle a le plus de poids lorsque le propriétaire, un dirigeant ou le conseil d’administration l’a signée ou approuvée.",
  "q.p1.written_policy.evidence": "La politique, montrant qui l’a signée ou approuvée, et à quelle date",
  "q.p1.written_policy.opt.signed": "Oui, signée ou approuvée par la direction",
  "q.p1.written_policy.opt.written_not_signed": "Oui, mais ni signée ni approuvée par la direction",
  "q.p1.written_policy.opt.none": "Non",

  "q.p1.policy_scope.text": "Qu’est-ce que la politique interdit clairement ? Cochez toutes les réponses qui s’appliquent.",
  "q.p1.policy_scope.help":
    "Le travail forcé prend plusieurs formes. Une bonne politique nomme chacune d’elles, afin qu’aucun responsable ni aucune agence ne puisse prétendre qu’une pratique était autorisée.",
  "q.p1.policy_scope.opt.forced_labour": "Le travail forcé (travail exigé sous la menace d’une sanction)",
  "q.p1.policy_scope.opt.bonded_labour": "La servitude pour dettes (travailler pour rembourser une dette)",
  "q.p1.policy_scope.opt.prison_labour": "Le travail de détenus qui n’est pas volontaire",
  "q.p1.policy_scope.opt.trafficking": "La traite des êtres humains",
  "q.p1.policy_scope.opt.recruitment_fees": "Faire payer aux travailleurs des frais pour obtenir un emploi",
  "q.p1.policy_scope.opt.none": "Aucune de ces réponses",

  "q.p1.resignation_notice.text": "Combien de jours de préavis un travailleur doit-il donner avant de quitter son emploi ?",
  "q.p1.resignation_notice.help":
    "Les travailleurs doivent être libres de quitter leur emploi. Un préavis de 30 jours ou moins est raisonnable. Indiquez 0 si aucun préavis n’est exigé. Si le préavis diffère selon les groupes de travailleurs, indiquez le plus long.",

  "q.p1.deposits.text":
    "Les travailleurs doivent-ils verser une caution, ou laisser de l’argent ou des biens auprès de vous ou d’une agence, pour obtenir ou garder leur emploi ?",
  "q.p1.deposits.help":
    "Une caution, une somme versée en garantie ou des biens que le travailleur perd s’il part plus tôt le lient à son emploi. C’est une forme de servitude pour dettes, et c’est interdit.",

  "q.p1.documents_holder.text": "Qui conserve les passeports, les cartes d’identité et les permis de travail des travailleurs ?",
  "q.p1.documents_holder.help":
    "Les travailleurs doivent pouvoir récupérer leurs propres documents à tout moment, sans rien demander à personne. Les conserver, même « pour les mettre en sécurité », empêche les travailleurs de partir et constitue un signe fort de travail forcé. Remettre des documents à une administration pendant quelques jours, par exemple pour renouveler un visa, est acceptable si le travailleur est d’accord et les récupère aussitôt.",
  "q.p1.documents_holder.opt.workers_themselves": "Les travailleurs eux-mêmes",
  "q.p1.documents_holder.opt.locker_free_access":
    "Ils sont rangés dans un casier ou un coffre que les travailleurs peuvent ouvrir eux-mêmes à tout moment",
  "q.p1.documents_holder.opt.employer_keeps": "L’entreprise ou une agence les conserve",

  "q.p1.free_movement.text":
    "En dehors des heures de travail, les travailleurs peuvent-ils quitter le lieu de travail et tout logement fourni par vous ou par une agence ?",
  "q.p1.free_movement.help":
    "Les travailleurs doivent être libres d’aller et venir pendant leur temps libre. Des portes verrouillées, des gardiens qui empêchent les travailleurs de sortir, ou des règles qui exigent une autorisation ou un accompagnateur pour sortir les privent de leur liberté de mouvement.",
  "q.p1.free_movement.opt.freely": "Oui, quand ils le souhaitent",
  "q.p1.free_movement.opt.night_curfew": "Oui, mais le logement a un couvre-feu la nuit",
  "q.p1.free_movement.opt.permission_or_escort": "Seulement avec une autorisation ou avec un accompagnateur",

  "q.p1.contact_outside.text":
    "Les travailleurs peuvent-ils garder leur téléphone portable et contacter librement leur famille et leurs amis ?",
  "q.p1.contact_outside.help":
    "Couper les travailleurs de leur famille, de leurs amis ou de toute aide extérieure permet de les contrôler plus facilement. Demander aux travailleurs de ranger leur téléphone pendant le service pour des raisons de sécurité est acceptable s’ils le récupèrent pendant les pauses et après le travail.",
  "q.p1.contact_outside.opt.phones_always": "Oui, les travailleurs gardent leur téléphone",
  "q.p1.contact_outside.opt.phones_stored_in_shifts":
    "Les téléphones sont rangés pendant le service pour des raisons de sécurité et rendus pendant les pauses et après le travail",
  "q.p1.contact_outside.opt.phones_taken": "Non, les téléphones sont confisqués ou les contacts sont limités",

  // ── P2 Sensibilisation ──────────────────────────────────────────────────────────────────────
  "q.p2.policy_communicated.text": "La politique a-t-elle été expliquée aux travailleurs dans des langues qu’ils comprennent ?",
  "q.p2.policy_communicated.help":
    "Une politique ne protège que les travailleurs qui la connaissent. Comptez les explications données à l’embauche, les affiches et les réunions, dans toutes les langues que parlent vos travailleurs.",
  "q.p2.policy_communicated.opt.all_workers": "Oui, à tous les travailleurs, dans toutes les langues qu’ils parlent",
  "q.p2.policy_communicated.opt.some_workers": "À une partie des travailleurs, ou seulement dans certaines de leurs langues",
  "q.p2.policy_communicated.opt.not_communicated": "Non",

  "q.p2.induction_topics.text":
    "À leur arrivée, que dit-on aux travailleurs sur leurs droits ? Cochez toutes les réponses qui s’appliquent.",
  "q.p2.induction_topics.help":
    "Les nouveaux travailleurs, surtout les migrants, ne savent pas toujours ce qui est autorisé. Informez-les clairement et dans leur propre langue.",
  "q.p2.induction_topics.opt.keep_documents": "Ils gardent leurs propres papiers d’identité",
  "q.p2.induction_topics.opt.free_to_resign": "Ils peuvent démissionner, et quel préavis ils doivent donner",
  "q.p2.induction_topics.opt.wages_deductions": "Comment le salaire est calculé et ce qui peut en être retenu",
  "q.p2.induction_topics.opt.working_hours": "Les horaires de travail, les heures supplémentaires et les jours de repos",
  "q.p2.induction_topics.opt.how_to_complain": "Comment faire une réclamation en toute sécurité",
  "q.p2.induction_topics.opt.none": "Aucune de ces réponses",

  "q.p2.worker_training.text": "À quelle fréquence les travailleurs sont-ils formés sur leurs droits et sur le travail forcé ?",
  "q.p2.worker_training.help":
    "Une formation à l’embauche et un rappel au moins une fois par an entretiennent le message et touchent aussi les travailleurs arrivés par des agences.",
  "q.p2.worker_training.opt.hiring_and_yearly": "À l’embauche et au moins une fois par an",
  "q.p2.worker_training.opt.hiring_only": "Seulement à l’embauche",
  "q.p2.worker_training.opt.occasionally": "De temps en temps, sans calendrier fixe",
  "q.p2.worker_training.opt.never": "Jamais",

  "q.p2.training_records.text": "Gardez-vous une trace de ces formations (date, sujet et participants) ?",
  "q.p2.training_records.help": "Ces traces montrent que la formation a eu lieu et qui doit encore la suivre.",
  "q.p2.training_records.evidence": "Une feuille de présence ou un registre de formation des 12 derniers mois",

  "q.p2.awareness_activities.text":
    "Au cours des deux dernières années, avez-vous mené ou soutenu des actions de sensibilisation au travail forcé et à la traite au-delà de vos propres travailleurs ?",
  "q.p2.awareness_activities.help":
    "Par exemple : des séances pour vos fournisseurs ou vos agences de recrutement, de l’information dans les communautés d’où viennent vos travailleurs, ou des actions avec des écoles ou des organisations locales.",

  // ── P3 Stratégie ────────────────────────────────────────────────────────────────────────────
  "q.p3.senior_owner.text":
    "Un membre de la direction, nommément désigné, est-il responsable de la prévention du travail forcé dans votre entreprise ?",
  "q.p3.senior_owner.help":
    "Lorsqu’une personne au plus haut niveau en rend compte, ce travail reçoit du temps, des moyens et de l’attention. Un service seul, sans personne nommément désignée, ne compte pas.",

  "q.p3.risk_assessment.text":
    "Quand avez-vous évalué pour la dernière fois le risque de travail forcé sur votre site et dans votre chaîne d’approvisionnement ?",
  "q.p3.risk_assessment.help":
    "Une évaluation des risques recherche où les problèmes sont les plus probables : quels sites, pays, produits, groupes de travailleurs et filières de recrutement. Elle doit être écrite et renouvelée au moins une fois par an.",
  "q.p3.risk_assessment.evidence": "L’évaluation des risques ou un résumé de celle-ci",
  "q.p3.risk_assessment.opt.last_12_months": "Au cours des 12 derniers mois",
  "q.p3.risk_assessment.opt.one_to_three_years": "Il y a un à trois ans",
  "q.p3.risk_assessment.opt.never": "Jamais",

  "q.p3.risk_assessment_date.text": "À quelle date a-t-elle été terminée ?",
  "q.p3.risk_assessment_date.help": "La date de la version définitive. Une date approximative suffit.",

  "q.p3.supply_chain_map.text": "Jusqu’où savez-vous qui sont vos fournisseurs, en remontant votre chaîne d’approvisionnement ?",
  "q.p3.supply_chain_map.help":
    "Le travail forcé se trouve souvent plus en amont dans la chaîne, par exemple là où les matières premières sont produites. Connaître le nom et l’emplacement des fournisseurs de vos fournisseurs est la première étape pour les contrôler.",
  "q.p3.supply_chain_map.opt.raw_materials": "Jusqu’aux matières premières",
  "q.p3.supply_chain_map.opt.beyond_direct": "Nos fournisseurs directs et certains de leurs fournisseurs",
  "q.p3.supply_chain_map.opt.direct_only": "Seulement nos fournisseurs directs",
  "q.p3.supply_chain_map.opt.not_mapped": "Nous n’avons pas recensé nos fournisseurs",

  "q.p3.kpis.text": "Suivez-vous des indicateurs mesurables qui montrent si vos actions contre le travail forcé sont efficaces ?",
  "q.p3.kpis.help":
    "Par exemple : part des travailleurs formés, frais de recrutement remboursés, réclamations reçues et résolues, fournisseurs audités. Les indicateurs montrent les progrès et où agir ensuite.",

  "q.p3.budget.text": "Un budget ou du temps de personnel est-il réservé à ce travail ?",
  "q.p3.budget.help":
    "Sans argent ni personnel, les plans restent sur le papier. Une ligne budgétaire compte, tout comme des membres du personnel nommément désignés qui y consacrent une partie de leur temps.",

  // ── P4 Votre personnel ──────────────────────────────────────────────────────────────────────
  "q.p4.managers_trained.text":
    "Au cours des 12 derniers mois, les responsables, les chefs d’équipe, le personnel des ressources humaines et les agents de sécurité ont-ils été formés à la politique ?",
  "q.p4.managers_trained.help":
    "Ce sont les personnes dont les décisions ont le plus d’effet sur les travailleurs. Elles doivent savoir ce qui est interdit et que faire si elles constatent un problème.",

  "q.p4.disciplinary.text":
    "Votre règlement prévoit-il ce qui arrive à un membre du personnel qui enfreint la politique, par exemple un avertissement ou un licenciement ?",
  "q.p4.disciplinary.help": "Des conséquences claires montrent que la politique est prise au sérieux.",

  "q.p4.wages_on_time.text":
    "Au cours des 12 derniers mois, tous les travailleurs ont-ils été payés intégralement et à temps, au moins une fois par mois ?",
  "q.p4.wages_on_time.help":
    "Des salaires retenus, versés en retard ou versés seulement à la fin du contrat empêchent les travailleurs de partir. Répondez non si un groupe de travailleurs, y compris des travailleurs fournis par une agence, a été payé en retard, a reçu moins que ce qui était convenu ou a subi des retenues que personne ne lui a expliquées.",
  "q.p4.wages_on_time.evidence": "Les registres de paie ou les fiches de paie d’un mois récent (vous pouvez masquer les noms)",

  "q.p4.violence_reported.text":
    "Au cours des 12 derniers mois, quelqu’un a-t-il signalé des violences physiques ou sexuelles commises contre un travailleur par un responsable, un chef d’équipe, un agent de sécurité, un agent de recrutement ou un collègue ?",
  "q.p4.violence_reported.help":
    "Comptez chaque signalement, qu’il provienne d’une réclamation, d’un audit, d’un travailleur ou d’une personne extérieure, même si les faits n’ont pas été prouvés. Nous en informer permet de s’assurer que le travailleur est en sécurité et que le cas est traité correctement.",

  "q.p4.threats_reported.text":
    "Au cours des 12 derniers mois, quelqu’un a-t-il signalé des menaces contre des travailleurs, par exemple de licenciement, de violence, de dénonciation aux autorités ou de représailles contre leur famille ?",
  "q.p4.threats_reported.help":
    "Les menaces servent à faire travailler des personnes contre leur volonté. Comptez chaque signalement, même si les faits n’ont pas été prouvés.",

  "q.p4.vulnerable_groups.text":
    "Des personnes appartenant à l’un de ces groupes travaillent-elles sur votre site ? Cochez toutes les réponses qui s’appliquent.",
  "q.p4.vulnerable_groups.help":
    "Ces travailleurs sont plus faciles à exploiter et ont besoin d’une protection supplémentaire. Les employer n’est pas une faute en soi : ce qui compte, c’est la façon dont vous les protégez.",
  "q.p4.vulnerable_groups.opt.under_18": "Des travailleurs de moins de 18 ans",
  "q.p4.vulnerable_groups.opt.no_work_permit": "Des travailleurs migrants sans papiers de travail valides",
  "q.p4.vulnerable_groups.opt.cannot_read_contract": "Des travailleurs qui ne savent pas lire la langue de leur contrat",
  "q.p4.vulnerable_groups.opt.none": "Aucune de ces réponses",

  "q.p4.vulnerable_safeguards.text": "Avez-vous des mesures de protection spécifiques pour ces travailleurs ?",
  "q.p4.vulnerable_safeguards.help":
    "Par exemple : pas de travail de nuit ni de travail dangereux pour les moins de 18 ans, une aide pour obtenir ou renouveler les papiers de travail, des contrats lus à voix haute ou traduits, et une personne désignée vers qui se tourner.",

  "q.p4.housing_standards.text":
    "Le logement fourni par vous ou par une agence offre-t-il tout ce qui suit : assez d’espace, de l’eau propre et des toilettes, une installation électrique sûre et des issues de secours, un rangement fermant à clé, et des chambres séparées pour les hommes et les femmes ?",
  "q.p4.housing_standards.help":
    "Un logement surpeuplé, dangereux ou insalubre est une condition de vie abusive. Incluez les logements organisés ou payés par une agence.",
  "q.p4.housing_standards.na": "Non applicable : aucun logement n’est fourni",
  "q.p4.housing_standards.opt.meets_all": "Oui, tout cela",
  "q.p4.housing_standards.opt.meets_most": "La plupart de ces points",
  "q.p4.housing_standards.opt.does_not_meet": "Peu ou aucun de ces points",

  "q.p4.transport_access.text":
    "Si votre site ou le logement est loin d’une ville, les travailleurs peuvent-ils se rendre dans la ville la plus proche au moins une fois par semaine, gratuitement ou pour un faible coût ?",
  "q.p4.transport_access.help":
    "Sur les sites isolés, les travailleurs peuvent être coupés des commerces, des banques, de toute aide et de leur communauté s’ils n’ont aucun moyen d’en sortir.",
  "q.p4.transport_access.na": "Non applicable : le site et le logement sont en ville ou près d’une ville",

  "q.p4.grievance_channel.text": "Les travailleurs ont-ils un moyen de faire des réclamations, y compris au sujet du travail forcé ?",
  "q.p4.grievance_channel.help":
    "Par exemple une ligne téléphonique d’assistance, une boîte à réclamations, un comité de travailleurs ou une personne de confiance extérieure à la hiérarchie. Les travailleurs ont besoin d’un moyen sûr de s’exprimer avant qu’un problème ne s’aggrave.",
  "q.p4.grievance_channel.evidence": "La procédure de réclamation, ou l’affiche qui l’explique aux travailleurs",

  "q.p4.grievance_features.text":
    "Qu’offre votre dispositif de réclamation parmi les éléments suivants ? Cochez toutes les réponses qui s’appliquent.",
  "q.p4.grievance_features.help":
    "Les travailleurs font confiance à un dispositif qui fonctionne dans leurs langues, qui les protège contre les sanctions et qui montre que les réclamations mènent à des actions.",
  "q.p4.grievance_features.opt.workers_languages": "Il fonctionne dans toutes les langues que parlent les travailleurs",
  "q.p4.grievance_features.opt.anonymous": "Les travailleurs peuvent faire une réclamation sans donner leur nom",
  "q.p4.grievance_features.opt.non_retaliation": "Un engagement écrit que personne ne sera sanctionné pour avoir fait une réclamation",
  "q.p4.grievance_features.opt.appeal": "Les travailleurs peuvent contester une décision avec laquelle ils ne sont pas d’accord",
  "q.p4.grievance_features.opt.outcomes_recorded": "Chaque réclamation et la suite qui lui est donnée sont enregistrées",
  "q.p4.grievance_features.opt.none": "Aucune de ces réponses",

  // ── P5 Recrutement et fournisseurs ──────────────────────────────────────────────────────────
  "q.p5.supplier_code.text": "Vos règles pour les fournisseurs interdisent-elles le travail forcé et la traite ?",
  "q.p5.supplier_code.help":
    "Un code de conduite des fournisseurs indique ce que vous attendez d’eux. Inscrire la même règle dans vos contrats la rend obligatoire et vous permet d’agir si elle n’est pas respectée.",
  "q.p5.supplier_code.evidence": "Le code de conduite des fournisseurs ou la clause du contrat",
  "q.p5.supplier_code.opt.code_and_contracts": "Oui, dans notre code de conduite des fournisseurs et dans nos contrats",
  "q.p5.supplier_code.opt.code_only": "Oui, seulement dans notre code de conduite des fournisseurs",
  "q.p5.supplier_code.opt.none": "Non",

  "q.p5.employer_pays.text":
    "Avez-vous une règle écrite selon laquelle les travailleurs ne paient jamais pour leur recrutement, et les frais qu’ils auraient payés leur sont remboursés ?",
  "q.p5.employer_pays.help":
    "C’est le principe « l’employeur paie » : c’est l’entreprise, et non le travailleur, qui paie tous les frais et coûts de recrutement, y compris ceux facturés par les agences.",

  "q.p5.direct_hiring.text": "Comment recrutez-vous la plupart de vos travailleurs ?",
  "q.p5.direct_hiring.help":
    "Recruter les travailleurs vous-même supprime les intermédiaires qui pourraient leur faire payer des frais ou leur faire de fausses promesses.",
  "q.p5.direct_hiring.opt.all_direct": "Tous directement, sans agence",
  "q.p5.direct_hiring.opt.mostly_direct": "Surtout directement",
  "q.p5.direct_hiring.opt.mostly_agencies": "Surtout par des agences ou des sous-traitants de main-d’œuvre",

  "q.p5.agency_checks.text":
    "Comment contrôlez-vous les agences de recrutement et les sous-traitants de main-d’œuvre auxquels vous faites appel ?",
  "q.p5.agency_checks.help":
    "Un audit vérifie comment l’agence travaille, notamment en interrogeant des travailleurs qu’elle a placés sur les frais, les promesses et les contrats. Une licence seule en dit peu sur la façon dont les travailleurs sont traités.",
  "q.p5.agency_checks.evidence": "Le dernier rapport d’audit de l’une de vos agences",
  "q.p5.agency_checks.opt.audited": "Nous vérifions leur licence et les avons auditées au cours des 12 derniers mois",
  "q.p5.agency_checks.opt.licence_only": "Nous vérifions seulement leur licence",
  "q.p5.agency_checks.opt.not_checked": "Nous ne les contrôlons pas",

  "q.p5.contract_before_start.text":
    "Chaque travailleur reçoit-il un contrat écrit, dans une langue qu’il comprend, avant de commencer à travailler, et les travailleurs migrants avant de quitter leur pays ou leur région ?",
  "q.p5.contract_before_start.help":
    "Un contrat présenté trop tard, dans une langue que le travailleur ne sait pas lire, ou différent de ce qui avait été promis, est un signe de tromperie. Les travailleurs doivent connaître le poste, le salaire, les horaires et les retenues avant de s’engager.",

  "q.p5.sample_contract.text": "Veuillez joindre un exemple de contrat de travail.",
  "q.p5.sample_contract.help":
    "Un contrat vierge, ou un vrai contrat dont le nom est masqué. Il nous aide à vérifier les préavis, le salaire et les retenues.",
  "q.p5.sample_contract.evidence": "Un exemple de contrat, dans la langue dans laquelle les travailleurs le reçoivent",

  "q.p5.loan_deductions.text":
    "Si vous prêtez de l’argent aux travailleurs ou leur versez des avances sur salaire, quelle est la plus grande part d’un salaire mensuel que vous retenez pour vous faire rembourser ?",
  "q.p5.loan_deductions.help":
    "Les prêts remboursés par de fortes retenues sur salaire peuvent enfermer les travailleurs dans la dette. Les retenues ne devraient pas dépasser environ 10 % du salaire mensuel, et les prêts devraient être remboursés en quelques mois.",
  "q.p5.loan_deductions.na": "Non applicable : nous ne prêtons pas d’argent et ne versons pas d’avances sur salaire",

  "q.p5.weekly_hours.text":
    "Pendant la semaine la plus chargée des 12 derniers mois, combien d’heures ont travaillé les travailleurs aux horaires les plus longs, heures supplémentaires comprises ?",
  "q.p5.weekly_hours.help":
    "Le temps de travail ne devrait pas dépasser 60 heures par semaine, heures supplémentaires comprises, et les heures supplémentaires doivent être volontaires. Consultez vos relevés d’heures pour la semaine la plus chargée de l’année.",
  "q.p5.weekly_hours.evidence": "Les relevés d’heures de cette semaine (vous pouvez masquer les noms)",

  "q.p5.rest_day.text":
    "Tous les travailleurs ont-ils au moins un jour de repos complet tous les sept jours, y compris en période de forte activité ?",
  "q.p5.rest_day.help": "Les jours de repos protègent la santé et aident à ce que les heures supplémentaires restent volontaires.",

  "q.p5.supplier_checks.text": "Comment vérifiez-vous que vos propres fournisseurs n’ont pas recours au travail forcé ?",
  "q.p5.supplier_checks.help":
    "Les audits qui comprennent des entretiens individuels avec les travailleurs révèlent des problèmes que les questionnaires ne voient pas. Commencez par les fournisseurs des pays ou des produits à haut risque.",
  "q.p5.supplier_checks.evidence": "Un rapport d’audit récent (vous pouvez masquer le nom du fournisseur)",
  "q.p5.supplier_checks.opt.audits":
    "Des audits avec des entretiens avec les travailleurs au cours des deux dernières années, au moins pour les fournisseurs à haut risque",
  "q.p5.supplier_checks.opt.questionnaires_only": "Seulement des questionnaires ou des auto-évaluations",
  "q.p5.supplier_checks.opt.no_checks": "Nous ne contrôlons pas nos fournisseurs",

  // ── P6 Plaidoyer ────────────────────────────────────────────────────────────────────────────
  "q.p6.initiative_member.text": "Êtes-vous membre d’une initiative sectorielle ou multipartite qui lutte contre le travail forcé ?",
  "q.p6.initiative_member.help":
    "Ces initiatives réunissent des entreprises, des syndicats et des organisations de la société civile, partagent des outils et défendent des changements qu’une entreprise seule ne peut pas obtenir.",

  "q.p6.initiative_names.text": "Lesquelles ?",
  "q.p6.initiative_names.help":
    "Indiquez leur nom, par exemple le programme d’une organisation professionnelle ou une initiative multipartite.",

  "q.p6.government_engagement.text":
    "Au cours des deux dernières années, avez-vous abordé des lois ou des règles sur le travail forcé ou le recrutement avec un gouvernement ou une autorité publique, et en avez-vous gardé une trace ?",
  "q.p6.government_engagement.help":
    "Par exemple : des commentaires sur un projet de loi, des réunions avec un ministère du Travail, ou des lettres communes avec d’autres entreprises demandant une meilleure protection des travailleurs.",

  // ── P7 Transparence ─────────────────────────────────────────────────────────────────────────
  "q.p7.statement_published.text":
    "Publiez-vous, au moins une fois par an, une déclaration sur ce que vous faites contre le travail forcé et la traite ?",
  "q.p7.statement_published.help":
    "Par exemple une déclaration sur l’esclavage moderne, ou une partie de votre rapport annuel ou de votre rapport de développement durable. La publier vous oblige à rendre des comptes.",

  "q.p7.statement_link.text": "Où peut-on la trouver ?",
  "q.p7.statement_link.help": "Une adresse web, ou le nom et l’année du rapport.",

  "q.p7.supplier_list.text": "Publiez-vous une liste de vos fournisseurs, avec au moins leur nom et leur pays ?",
  "q.p7.supplier_list.help":
    "Une liste publique des fournisseurs permet aux travailleurs, aux syndicats et à d’autres de signaler les problèmes qu’ils constatent sur ces sites.",

  "q.p7.remedy_disclosed.text":
    "Lorsque des problèmes de travail forcé sont découverts, indiquez-vous publiquement ce qui a été fait pour les corriger et pour aider les travailleurs concernés ?",
  "q.p7.remedy_disclosed.help":
    "Rendre compte des réparations, par exemple des frais remboursés ou des travailleurs indemnisés, montre que les problèmes entraînent de vrais changements.",
  "q.p7.remedy_disclosed.na": "Non applicable : aucun problème n’a été découvert jusqu’à présent",

  "q.p7.practice_sharing.text":
    "Partagez-vous ce que vous avez appris sur la prévention du travail forcé avec d’autres entreprises, des fournisseurs ou des groupements professionnels ?",
  "q.p7.practice_sharing.help":
    "Partager les bonnes pratiques aide les autres à progresser, et c’est ce que demande le septième principe d’Athènes.",

  // ── Questionnaire v2 : questions ajoutées dans la version 2, par section ────────────────────
  "q.p1.labour_transfer.text":
    "Des travailleurs de votre site sont-ils arrivés par un programme public de transfert de main-d’œuvre, de « main-d’œuvre excédentaire » ou de lutte contre la pauvreté qui déplace des travailleurs d’une région à une autre ?",
  "q.p1.labour_transfer.help":
    "Dans certains endroits, les autorités envoient des travailleurs, souvent issus de minorités ethniques ou religieuses, dans des usines et des exploitations agricoles loin de chez eux. Les personnes concernées ne peuvent ni refuser ni partir librement ; les autorités de contrôle considèrent donc ce travail comme du travail forcé imposé par l’État. Répondez oui si un travailleur, y compris un intérimaire, est arrivé par un tel programme.",

  "q.p1.prison_labour.text":
    "Des personnes détenues travaillent-elles pour votre site, sur le site ou dans une prison, un centre de détention ou de « formation », directement ou par l’intermédiaire d’un sous-traitant ?",
  "q.p1.prison_labour.help":
    "Le travail de personnes enfermées dans des prisons, des centres de détention ou de prétendus centres d’éducation ou de formation n’est pas un travail libre, et les produits fabriqués ainsi ne peuvent pas être vendus sur de nombreux marchés. Comptez aussi le travail qu’un sous-traitant fait pour vous.",

  "q.p3.material_origins.text":
    "D’où viennent les principales matières premières de vos produits ? Cochez toutes les réponses qui s’appliquent.",
  "q.p3.material_origins.help":
    "Les matières premières sont par exemple le coton, le fil, le polysilicium, les métaux, le caoutchouc, les tomates ou les produits de la mer. Les premières régions de la liste sont visées par des lois d’importation contre le travail forcé : les produits fabriqués en tout ou en partie avec des matières qui en proviennent peuvent être bloqués à la frontière. Cochez « Autres pays ou régions » pour tout le reste et nommez-les.",
  "q.p3.material_origins.evidence":
    "Des documents qui montrent l’origine, par exemple des certificats d’origine ou les déclarations de vos fournisseurs",
  "q.p3.material_origins.opt.xinjiang": "Région autonome ouïghoure du Xinjiang, Chine (toute matière)",
  "q.p3.material_origins.opt.turkmenistan_cotton": "Turkménistan (coton)",
  "q.p3.material_origins.opt.north_korea": "Corée du Nord (toute matière)",
  "q.p3.material_origins.opt.other_regions": "Autres pays ou régions",
  "q.p3.material_origins.opt.dont_know": "Nous ne le savons pas",

  "q.p3.material_origins_other.text": "Quels autres pays ou régions ?",
  "q.p3.material_origins_other.help":
    "Indiquez le pays, et la province ou la région si vous la connaissez, pour chaque matière principale, par exemple « coton : Gujarat, Inde ; polyester : Jiangsu, Chine ».",

  "q.p3.minerals_traced.text":
    "Si vos produits contiennent des minerais, des métaux ou des pierres précieuses, jusqu’où pouvez-vous remonter leur origine ?",
  "q.p3.minerals_traced.help":
    "Les mines font partie des lieux où le travail forcé et le travail des enfants sont les plus fréquents. Remonter un métal jusqu’à la fonderie ou l’affinerie, et un minerai ou une pierre jusqu’à la mine d’où il provient, permet aux entreprises de vérifier ce risque.",
  "q.p3.minerals_traced.evidence":
    "Des documents de traçabilité, par exemple un certificat de chaîne de contrôle ou une liste de fonderies",
  "q.p3.minerals_traced.na": "Non applicable : nos produits ne contiennent ni minerais, ni métaux, ni pierres précieuses",
  "q.p3.minerals_traced.opt.to_mine": "Jusqu’à la mine d’où ils proviennent",
  "q.p3.minerals_traced.opt.to_smelter": "Jusqu’à la fonderie ou l’affinerie",
  "q.p3.minerals_traced.opt.partly": "Seulement pour certains, ou seulement jusqu’à notre fournisseur direct",
  "q.p3.minerals_traced.opt.not_traced": "Nous ne remontons pas leur origine",

  "q.p3.site_audit.text":
    "Au cours des trois dernières années, un auditeur indépendant ou un organisme de certification a-t-il contrôlé les conditions de travail de votre site ?",
  "q.p3.site_audit.help":
    "Comptez les audits sociaux et les certifications réalisés par un organisme extérieur, par exemple SMETA, amfori BSCI, SA8000 ou RBA. Un audit fait par votre propre personnel ou par l’acheteur d’un client ne compte pas.",
  "q.p3.site_audit.evidence": "Le dernier rapport d’audit ou certificat",

  "q.p3.site_audit_standard.text": "Quel référentiel a été utilisé pour le dernier audit ou la dernière certification ?",
  "q.p3.site_audit_standard.help": "Le nom du programme d’audit ou de certification, tel qu’il figure sur le rapport ou le certificat.",
  "q.p3.site_audit_standard.opt.smeta": "SMETA (Sedex)",
  "q.p3.site_audit_standard.opt.amfori_bsci": "amfori BSCI",
  "q.p3.site_audit_standard.opt.sa8000": "SA8000",
  "q.p3.site_audit_standard.opt.rba_vap": "Processus d’audit validé de la RBA (VAP)",
  "q.p3.site_audit_standard.opt.wrap": "WRAP",
  "q.p3.site_audit_standard.opt.other": "Un autre référentiel",

  "q.p3.site_audit_standard_other.text": "Quel référentiel ?",
  "q.p3.site_audit_standard_other.help": "Indiquez son nom et l’organisme qui le gère.",

  "q.p3.site_audit_date.text": "À quelle date le dernier audit a-t-il eu lieu ?",
  "q.p3.site_audit_date.help": "Le dernier jour de présence des auditeurs sur votre site, tel qu’il figure sur le rapport.",

  "q.p3.site_audit_result.text": "Quel a été le résultat du dernier audit ?",
  "q.p3.site_audit_result.help":
    "Une non-conformité critique est le type le plus grave, appelée par exemple « tolérance zéro » ou « prioritaire ». Une non-conformité reste ouverte jusqu’à ce que l’auditeur confirme qu’elle a été corrigée.",
  "q.p3.site_audit_result.opt.no_open_findings":
    "Aucune non-conformité ouverte : aucune n’a été relevée, ou toutes ont été corrigées et vérifiées",
  "q.p3.site_audit_result.opt.open_minor": "Certaines non-conformités sont encore ouvertes, aucune n’est critique",
  "q.p3.site_audit_result.opt.open_critical": "Au moins une non-conformité critique est encore ouverte, ou le site a échoué",

  "q.p4.wages_deferred.text":
    "Une partie de la paie des travailleurs est-elle retenue jusqu’à la fin d’un contrat, d’une saison ou d’une période fixée, par exemple sous forme de « prime de fin de contrat » ou d’épargne conservée par l’entreprise ?",
  "q.p4.wages_deferred.help":
    "Une paie que le travailleur ne reçoit que s’il reste jusqu’au bout l’attache à son emploi : partir plus tôt lui ferait perdre de l’argent déjà gagné. Les travailleurs doivent recevoir toute leur paie au moins une fois par mois.",

  "q.p4.payment_in_kind.text": "Comment les travailleurs sont-ils payés ?",
  "q.p4.payment_in_kind.help":
    "Le salaire doit être payé en argent. Une partie peut être versée en nature, par exemple sous forme de repas ou de logement, seulement si le travailleur est d’accord, que c’est pour son propre usage et que la valeur retenue est juste. Les bons d’achat, le crédit dans un magasin de l’entreprise ou la nourriture à la place de l’argent ne sont pas un salaire.",
  "q.p4.payment_in_kind.opt.money_only": "Entièrement en argent",
  "q.p4.payment_in_kind.opt.part_in_kind_agreed":
    "Presque entièrement en argent, avec une petite part en nature (par exemple les repas) acceptée par le travailleur, à une valeur juste",
  "q.p4.payment_in_kind.opt.mostly_in_kind": "En grande partie ou entièrement en nature, en bons ou en crédit",

  "q.p4.deductions_share.text":
    "En dehors des impôts et des cotisations sociales, quelle part du salaire mensuel d’un travailleur type est retenue, toutes retenues confondues ?",
  "q.p4.deductions_share.help":
    "Comptez tout ce qui est retenu sur le salaire : repas, logement, transport, outils, remboursements de prêts, amendes et tout autre coût. Indiquez 0 si rien n’est retenu. Quand une grande partie du salaire revient à l’employeur, les travailleurs peuvent finir par travailler pour rembourser ce qu’ils doivent.",
  "q.p4.deductions_share.evidence": "Une fiche de paie qui montre les retenues (vous pouvez masquer le nom)",

  "q.p4.deduction_types.text": "Qu’est-ce qui est retenu sur les salaires ? Cochez toutes les réponses qui s’appliquent.",
  "q.p4.deduction_types.help":
    "Les coûts de recrutement ne doivent jamais être retenus sur les salaires. Les amendes à titre de sanction sont interdites dans de nombreux pays, et les outils et équipements de sécurité devraient être gratuits.",
  "q.p4.deduction_types.opt.food": "Nourriture ou repas",
  "q.p4.deduction_types.opt.housing": "Logement",
  "q.p4.deduction_types.opt.transport": "Transport",
  "q.p4.deduction_types.opt.tools_uniforms": "Outils, uniformes ou équipements de sécurité",
  "q.p4.deduction_types.opt.loan_repayment": "Remboursement d’un prêt ou d’une avance sur salaire",
  "q.p4.deduction_types.opt.recruitment_costs": "Frais ou coûts de recrutement, comme le voyage, le visa ou les examens médicaux",
  "q.p4.deduction_types.opt.fines": "Des amendes, par exemple pour un retard ou une erreur",
  "q.p4.deduction_types.opt.other": "Autre chose",

  "q.p4.age_verification.text": "Comment vérifiez-vous l’âge de chaque nouveau travailleur lors de l’embauche ?",
  "q.p4.age_verification.help":
    "Vérifier un document officiel, comme une carte d’identité ou un acte de naissance, et en garder une copie est le meilleur moyen de s’assurer qu’aucun enfant n’est embauché. Là où les documents peuvent être falsifiés, comparez le document avec d’autres éléments, par exemple les registres scolaires.",
  "q.p4.age_verification.evidence": "Votre procédure de vérification de l’âge, ou un modèle vierge de fiche de vérification",
  "q.p4.age_verification.opt.document_checked_copy_kept": "Nous vérifions un document officiel et en gardons une copie",
  "q.p4.age_verification.opt.document_checked": "Nous vérifions un document officiel mais n’en gardons pas de copie",
  "q.p4.age_verification.opt.self_declared": "Les travailleurs nous disent leur âge ; nous ne vérifions aucun document",
  "q.p4.age_verification.opt.not_checked": "Nous ne demandons pas l’âge",

  "q.p4.under_minimum_age.text":
    "Au cours des 12 derniers mois, a-t-on trouvé une personne n’ayant pas l’âge minimum légal pour travailler en train de travailler sur votre site, ou pour une agence ou un sous-traitant travaillant pour vous ?",
  "q.p4.under_minimum_age.help":
    "L’âge minimum est fixé par la loi nationale, en général 15 ans, ou 14 ans dans certains pays ; il n’est jamais inférieur à 13 ans pour des travaux légers. Comptez chaque cas, même si l’enfant ne travaille plus chez vous. Nous le dire aide à faire en sorte que l’enfant soit protégé et aidé à retourner à l’école.",

  "q.p4.young_hazardous_work.text":
    "Des travailleurs de moins de 18 ans font-ils des travaux dangereux, comme le travail de nuit, les heures supplémentaires, les charges lourdes, des machines ou des produits chimiques dangereux, ou le travail en hauteur ?",
  "q.p4.young_hazardous_work.help":
    "Les travailleurs âgés de l’âge minimum à 18 ans peuvent travailler, mais jamais à des travaux qui peuvent nuire à leur santé, à leur sécurité ou à leur moralité. Un travail dangereux effectué par une personne de moins de 18 ans est l’une des pires formes de travail des enfants.",

  "q.p4.child_labour_remediation.text":
    "Avez-vous un système pour repérer le travail des enfants, sur votre site et là où vos matières premières sont produites, et pour aider tout enfant trouvé ?",
  "q.p4.child_labour_remediation.help":
    "Un bon système contrôle régulièrement, par exemple dans les exploitations agricoles ou les petits ateliers qui vous approvisionnent, et prévoit par écrit ce qu’il faut faire si un enfant est trouvé : l’enfant arrête le travail mais n’est pas simplement renvoyé ; le plan fait passer l’intérêt de l’enfant en premier, par exemple avec une aide pour retourner à l’école et un soutien à la famille.",
  "q.p4.child_labour_remediation.evidence": "La procédure, ou le compte rendu du traitement d’un cas (vous pouvez masquer les noms)",
  "q.p4.child_labour_remediation.opt.monitoring_and_remediation":
    "Oui : nous contrôlons régulièrement et avons un plan pour aider tout enfant trouvé",
  "q.p4.child_labour_remediation.opt.remediation_procedure_only":
    "Nous avons un plan écrit de ce qu’il faut faire, mais pas de contrôles réguliers",
  "q.p4.child_labour_remediation.opt.none": "Non",

  "q.p5.normal_weekly_hours.text":
    "Combien d’heures de travail normales par semaine les travailleurs font-ils, sans les heures supplémentaires ?",
  "q.p5.normal_weekly_hours.help":
    "Les heures normales sont celles prévues par le contrat ou le planning avant toute heure supplémentaire. La limite internationale est de 48 heures normales par semaine. Si elles varient selon les groupes de travailleurs, indiquez le nombre le plus élevé.",
  "q.p5.normal_weekly_hours.evidence": "Les relevés d’heures ou le planning d’un mois récent (vous pouvez masquer les noms)",

  "q.p5.overtime_refusable.text":
    "Les travailleurs peuvent-ils refuser les heures supplémentaires sans aucune sanction, comme une amende, une prime perdue, un poste moins bon ou un licenciement ?",
  "q.p5.overtime_refusable.help":
    "Les heures supplémentaires doivent être volontaires. Des heures supplémentaires que les travailleurs ne peuvent pas refuser, par exemple pour atteindre des objectifs de production, sont un signe de travail forcé.",
  "q.p5.overtime_refusable.na": "Non applicable : aucune heure supplémentaire n’est faite",

  "q.p5.usual_total_hours.text":
    "Au cours d’une semaine habituelle, combien d’heures au total travaillent les travailleurs aux horaires les plus longs, heures supplémentaires comprises ?",
  "q.p5.usual_total_hours.help":
    "Consultez vos relevés d’heures des trois derniers mois et indiquez une semaine habituelle, pas la plus chargée. La durée totale du travail ne devrait pas dépasser 60 heures par semaine.",
  "q.p5.usual_total_hours.evidence": "Les relevés d’heures d’une semaine habituelle (vous pouvez masquer les noms)",

  // ── Indicateurs de l'OIT et principes (écrans acheteur, rapports) ───────────────────────────
  "ilo.abuse_of_vulnerability": "Abus de vulnérabilité",
  "ilo.deception": "Tromperie",
  "ilo.restriction_of_movement": "Restriction de la liberté de mouvement",
  "ilo.isolation": "Isolement",
  "ilo.physical_sexual_violence": "Violences physiques et sexuelles",
  "ilo.intimidation_threats": "Intimidation et menaces",
  "ilo.retention_of_documents": "Rétention des documents d’identité",
  "ilo.withholding_of_wages": "Retenue des salaires",
  "ilo.debt_bondage": "Servitude pour dettes",
  "ilo.abusive_conditions": "Conditions de travail et de vie abusives",
  "ilo.excessive_overtime": "Heures supplémentaires excessives",
  // Au-delà des onze de l’OIT : travail des enfants et travail forcé imposé par l’État (questionnaire v2).
  "ilo.child_labour": "Travail d’enfants n’ayant pas l’âge minimum",
  "ilo.hazardous_child_labour": "Travail dangereux d’enfants de moins de 18 ans",
  "ilo.state_imposed_labour": "Travail forcé imposé par l’État",
  "principle.P1": "Définition d’une politique",
  "principle.P2": "Sensibilisation du public",
  "principle.P3": "Planification stratégique",
  "principle.P4": "Application de la politique du personnel",
  "principle.P5": "Traçabilité de la chaîne d’approvisionnement",
  "principle.P6": "Plaidoyer auprès des pouvoirs publics",
  "principle.P7": "Transparence",

  // ── Portail fournisseur ─────────────────────────────────────────────────────────────────────
  // Langues (dans la langue courante ; LOCALE_NAMES donne le nom de chaque langue dans cette langue)
  "ui.language.label": "Langue",
  "ui.language.en": "Anglais",
  "ui.language.es": "Espagnol",
  "ui.language.fr": "Français",
  "ui.language.zh-Hans": "Chinois (simplifié)",
  "ui.language.change": "Changer de langue",

  // Cadre
  "ui.portal.title": "Auto-évaluation fournisseur",
  "ui.portal.skip_to_content": "Aller directement aux questions",
  "ui.portal.requested_by": "À la demande de {buyer}",
  "ui.portal.for_supplier": "Pour {supplier}",
  "ui.portal.due": "Merci de transmettre vos réponses au plus tard le {date}",
  "ui.portal.overdue": "La date limite de ce questionnaire était le {date}. Vous pouvez encore le transmettre.",
  "ui.portal.contact": "Une question sur ce questionnaire ? Écrivez à {email}.",
  "ui.portal.privacy":
    "Vos réponses et vos fichiers sont communiqués uniquement à {buyer}. Ils servent à évaluer et à améliorer les conditions de travail dans sa chaîne d’approvisionnement.",
  "ui.portal.session_expired": "Votre session a pris fin. Pour continuer, ouvrez à nouveau le lien reçu dans votre e-mail d’invitation.",

  // Page du lien d'invitation (GET affiche cette page ; le bouton ouvre la session)
  "ui.link.heading": "Vous avez reçu une invitation à remplir un questionnaire",
  "ui.link.intro":
    "{buyer} demande à {supplier} de répondre à des questions sur les conditions de travail et la prévention du travail forcé.",
  "ui.link.open": "Ouvrir le questionnaire",
  "ui.link.expired": "Ce lien a expiré.",
  "ui.link.revoked": "Ce lien n’est plus valable.",
  "ui.link.invalid": "Ce lien n’est pas valable. Vérifiez que vous avez copié le lien en entier depuis l’e-mail.",
  "ui.link.request_new": "Demander un nouveau lien",
  "ui.link.request_email": "Adresse e-mail qui a reçu l’invitation",
  "ui.link.request_sent":
    "Si cette adresse a été invitée, un nouveau lien est en route. Vérifiez votre boîte de réception et votre dossier de courrier indésirable.",
  "ui.link.too_many_attempts": "Trop de tentatives. Veuillez patienter quelques minutes, puis réessayer.",

  // Début et vue d'ensemble
  "ui.start.heading": "Avant de commencer",
  "ui.start.time_needed":
    "Comptez environ {minutes} minutes. Vous pouvez vous arrêter à tout moment et reprendre plus tard avec le même lien.",
  "ui.start.prepare":
    "Il est utile d’avoir sous la main : vos documents de politique, vos registres de paie et de temps de travail, et vos contrats avec les agences.",
  "ui.start.button": "Commencer",
  "ui.start.continue": "Reprendre là où vous en étiez",
  "ui.overview.heading": "Sections",
  "ui.overview.section_done": "Terminée",
  "ui.overview.section_todo": "Pas commencée",
  "ui.overview.section_partial": "Réponses : {answered} sur {total}",
  "ui.required_legend": "Les questions marquées d’un * sont obligatoires.",

  // Navigation et progression
  "ui.section.position": "Section {n} sur {total}",
  "ui.progress.answered": "Rempli à {percent} %",
  "ui.progress.section": "Réponses dans cette section : {answered} sur {total}",
  "ui.progress.label": "Progression",
  "ui.next_section": "Section suivante",
  "ui.previous_section": "Section précédente",
  "ui.back_to_overview": "Retour à toutes les sections",
  "ui.review_answers": "Relire vos réponses",

  // Réponses
  "ui.yes": "Oui",
  "ui.no": "Non",
  "ui.na": "Non applicable",
  "ui.required": "Obligatoire",
  "ui.optional": "Facultatif",
  "ui.question.help_toggle": "Pourquoi cette question ?",
  "ui.question.comment": "Ajouter un commentaire (facultatif)",
  "ui.question.comment_hint": "Expliquez votre réponse ou ajoutez des précisions utiles à la personne qui l’examinera.",
  "ui.question.select_placeholder": "Choisissez une réponse",
  "ui.question.multi_hint": "Cochez toutes les réponses qui s’appliquent.",
  "ui.question.clear": "Effacer la réponse",
  "ui.question.text_remaining": "Caractères restants : {count}",
  "ui.number.hint": "Saisissez un nombre, par exemple 25 ou 12,5",
  "ui.percent.hint": "Saisissez un pourcentage de 0 à 100",
  "ui.date.hint": "Année-mois-jour, par exemple 2024-03-31",
  "ui.date.format": "AAAA-MM-JJ",
  "ui.unit.days": "jours",
  "ui.unit.hours_per_week": "heures par semaine",
  "ui.unit.people": "personnes",
  "ui.unit.percent": "%",

  // Enregistrement automatique et connexion
  "ui.save": "Enregistrer",
  "ui.saved": "Enregistré",
  "ui.saving": "Enregistrement…",
  "ui.saved_at": "Enregistré à {time}",
  "ui.autosave.note": "Vos réponses sont enregistrées automatiquement.",
  "ui.save_failed": "Vos dernières réponses n’ont pas pu être enregistrées. Nous allons réessayer.",
  "ui.retry": "Réessayer",
  "ui.offline": "Hors ligne — vos réponses sont conservées et seront envoyées dès que vous serez de nouveau en ligne",
  "ui.back_online": "De nouveau en ligne — envoi de vos réponses…",
  "ui.invalid_answers.one":
    "{count} réponse n’a pas été enregistrée, car sa valeur n’est pas acceptée. Corrigez-la à l’endroit où le message s’affiche, à côté de la question.",
  "ui.invalid_answers.other":
    "{count} réponses n’ont pas été enregistrées, car leurs valeurs ne sont pas acceptées. Corrigez-les à l’endroit où les messages s’affichent, à côté des questions.",
  "ui.needs_attention": "Ces réponses demandent votre attention :",
  "ui.unsent_changes": "Certaines réponses n’ont pas encore été envoyées. Restez sur cette page jusqu’à ce qu’elles soient enregistrées.",
  "ui.conflict":
    "Quelqu’un d’autre a modifié cette réponse en même temps que vous. Nous avons gardé sa version ; vérifiez-la et répondez à nouveau si nécessaire.",
  "ui.reload": "Recharger",

  // Envoi de documents justificatifs
  "ui.upload": "Ajouter un fichier",
  "ui.upload.more": "Ajouter un autre fichier",
  "ui.upload.allowed": "Formats acceptés : PDF, images, Word, Excel, jusqu’à 10 Mo",
  "ui.upload.drop_here": "ou déposez un fichier ici",
  "ui.upload.uploading": "Envoi de {name}…",
  "ui.upload.done": "Fichier {name} envoyé",
  "ui.upload.remove": "Supprimer",
  "ui.upload.remove_confirm": "Supprimer le fichier {name} ?",
  "ui.upload.too_large": "Le fichier {name} dépasse 10 Mo. Veuillez ajouter un fichier plus petit.",
  "ui.upload.wrong_type": "Le type du fichier {name} n’est pas accepté. Veuillez ajouter un PDF, une image, ou un fichier Word ou Excel.",
  "ui.upload.failed": "Le fichier {name} n’a pas pu être envoyé. Veuillez réessayer.",
  "ui.upload.offline": "Vous ne pouvez envoyer des fichiers que lorsque vous êtes en ligne.",
  "ui.evidence.label": "Document justificatif",
  "ui.evidence.requested": "Veuillez joindre : {what}",
  "ui.evidence.required": "Un document est obligatoire pour cette réponse.",
  "ui.evidence.optional": "Un document est le bienvenu, mais il n’est pas obligatoire.",
  "ui.evidence.hide_personal_data":
    "Masquez les données personnelles dont nous n’avons pas besoin, comme les noms et les numéros d’identité.",
  "ui.evidence.files.one": "{count} fichier joint",
  "ui.evidence.files.other": "{count} fichiers joints",
  // Documents behind answers: kind, validity and the reviewer's decision
  "ui.evidence.add": "Ajouter un document qui appuie cette réponse (facultatif)",
  "ui.evidence.backs_answer":
    "Un document qui appuie cette réponse, comme une politique, des registres ou un rapport d’audit, lui donne plus de poids.",
  "ui.evidence.kind_label": "Type de document",
  "ui.evidence.valid_until_label": "Valable jusqu’au (facultatif)",
  "ui.evidence.valid_until_hint": "Si le document expire, par exemple un certificat ou une licence, indiquez sa date de fin.",
  "ui.evidence.valid_until": "valable jusqu’au {date}",
  "ui.evidence.kind_invalid": "Choisissez le type de document dans la liste.",
  "ui.evidence.valid_until_invalid": "Indiquez la date jusqu’à laquelle le document est valable sous forme de date du calendrier.",
  "ui.evidence.valid_until_past":
    "La date jusqu’à laquelle le document est valable est passée. Veuillez téléverser un document encore valable.",
  "ui.evidence.status.pending": "En attente d’examen",
  "ui.evidence.status.accepted": "Accepté par {buyer}",
  "ui.evidence.status.rejected": "Refusé par {buyer} : {reason}",
  "ui.evidence.rejected_next": "Téléversez ici un meilleur document ; il sera examiné à nouveau.",
  "ui.evidence.kind.policy_document": "Document de politique",
  "ui.evidence.kind.training_records": "Registres de formation",
  "ui.evidence.kind.risk_assessment": "Évaluation des risques",
  "ui.evidence.kind.payroll_records": "Registres de paie",
  "ui.evidence.kind.time_records": "Registres du temps de travail",
  "ui.evidence.kind.grievance_procedure": "Procédure de réclamation",
  "ui.evidence.kind.supplier_code": "Code de conduite fournisseurs",
  "ui.evidence.kind.employment_contract": "Contrat de travail",
  "ui.evidence.kind.agency_contract": "Contrat avec une agence de recrutement",
  "ui.evidence.kind.audit_report": "Rapport d’audit ou certificat",
  "ui.evidence.kind.public_statement": "Déclaration publique",
  "ui.evidence.kind.age_records": "Relevés de vérification de l’âge",
  "ui.evidence.kind.traceability_records": "Documents de traçabilité ou d’origine",
  "ui.evidence.kind.other": "Autre document",

  // Transmission et réponses manquantes
  "ui.submit": "Transmettre",
  "ui.submit.heading": "Transmettre vos réponses",
  "ui.submit.confirm":
    "Transmettre vos réponses à {buyer} ? Vous ne pourrez plus les modifier ensuite, sauf si {buyer} demande des modifications.",
  "ui.submit.confirm_button": "Oui, transmettre",
  "ui.submit.cancel": "Pas encore",
  "ui.submit.submitting": "Transmission en cours…",
  "ui.submit.blocked": "Il manque des réponses ou des documents obligatoires. Complétez-les avant de transmettre vos réponses.",
  "ui.missing.heading": "Ce qui manque encore",
  "ui.missing.none": "Toutes les questions obligatoires ont une réponse. Vous pouvez transmettre vos réponses.",
  "ui.missing.count.one": "{count} élément demande encore votre attention",
  "ui.missing.count.other": "{count} éléments demandent encore votre attention",
  "ui.missing.unanswered": "Pas encore de réponse",
  "ui.missing.evidence": "Il manque un document justificatif",
  "ui.missing.go_to": "Aller à la question",
  "ui.submitted.heading": "Vos réponses ont été transmises",
  "ui.submitted.body": "Merci. {buyer} va examiner vos réponses et pourra revenir vers vous avec des questions.",
  "ui.submitted.on": "Date de transmission : {date}",
  "ui.submitted.readonly": "Les réponses transmises ne peuvent plus être modifiées. Ceci est une copie en lecture seule.",
  "ui.print": "Imprimer ou enregistrer une copie",
  "ui.print.heading": "Copie de vos réponses",
  "ui.print.generated": "Date d’impression : {date}",
  "ui.print.no_answer": "Pas de réponse",

  // Examen par l'acheteur
  "ui.status.label": "Statut",
  "ui.status.draft": "Pas encore envoyé",
  "ui.status.sent": "En attente de réponses",
  "ui.status.in_progress": "En cours",
  "ui.status.submitted": "Transmis, en attente d’examen",
  "ui.status.changes_requested": "Modifications demandées",
  "ui.status.approved": "Approuvé",
  "ui.review.changes_requested.heading": "Modifications demandées",
  "ui.review.changes_requested.body":
    "{buyer} vous demande de modifier ou d’expliquer certaines réponses. Les questions qui ont reçu un commentaire de l’évaluateur sont signalées. Modifiez vos réponses ou répondez au commentaire, puis transmettez-les à nouveau.",
  "ui.review.comment_from": "Commentaire de {name}",
  "ui.review.comment_label": "Commentaire de l’évaluateur",
  "ui.review.reply": "Votre réponse au commentaire",
  "ui.review.reply_placeholder": "Expliquez ce que vous avez modifié, ou pourquoi la réponse est correcte",
  "ui.review.resolved": "Résolu",
  "ui.review.resubmit": "Transmettre à nouveau",
  "ui.review.comments.one": "{count} question a reçu un commentaire de l’évaluateur",
  "ui.review.comments.other": "{count} questions ont reçu un commentaire de l’évaluateur",
  "ui.review.approved.body": "{buyer} a approuvé vos réponses le {date}. Merci.",
  "ui.review.valid_until": "Cette évaluation est valable jusqu’au {date}.",

  // Messages de validation (validateAnswer renvoie ces clés)
  "ui.validation.required": "Cette question est obligatoire",
  "ui.validation.yes_no": "Choisissez oui ou non",
  "ui.validation.choose_one": "Choisissez une réponse",
  "ui.validation.choose_at_least_one": "Choisissez au moins une réponse",
  "ui.validation.unknown_option": "Ce choix n’est pas disponible. Veuillez choisir à nouveau.",
  "ui.validation.exclusive_option": "« Aucune de ces réponses » ne peut pas être combinée avec d’autres choix",
  "ui.validation.na_not_allowed": "« Non applicable » n’est pas une réponse possible à cette question",
  "ui.validation.not_a_number": "Saisissez un nombre, par exemple 25 ou 12,5",
  "ui.validation.whole_number": "Saisissez un nombre entier, sans décimales",
  "ui.validation.number_between": "Saisissez un nombre compris entre {min} et {max}",
  "ui.validation.number_min": "Saisissez un nombre supérieur ou égal à {min}",
  "ui.validation.number_max": "Saisissez un nombre inférieur ou égal à {max}",
  "ui.validation.percent_between": "Saisissez un pourcentage compris entre {min} et {max}",
  "ui.validation.text_too_long": "Ne dépassez pas {max} caractères",
  "ui.validation.text_invalid": "Ce texte contient des caractères qui ne peuvent pas être enregistrés. Veuillez le saisir à nouveau.",
  "ui.validation.date_format": "Saisissez la date au format année-mois-jour, par exemple 2024-03-31",
  "ui.validation.date_invalid": "Cette date n’existe pas",
  "ui.validation.date_range": "Saisissez une date comprise entre le {min} et le {max}",
  "ui.validation.files_required": "Ajoutez au moins un fichier",
  "ui.validation.files_invalid": "L’un des fichiers est introuvable. Veuillez l’ajouter à nouveau.",
  "ui.validation.too_many_files": "Joignez {max} fichiers au maximum",
  "ui.validation.fix_errors.one": "Veuillez corriger {count} réponse avant de continuer",
  "ui.validation.fix_errors.other": "Veuillez corriger {count} réponses avant de continuer",

  // Erreurs
  "ui.error.heading": "Une erreur s’est produite",
  "ui.error.body": "Vos réponses enregistrées sont en sécurité. Veuillez recharger la page ; si le problème persiste, écrivez à {email}.",
  "ui.error.not_found": "Cette page n’existe pas.",
  "ui.error.forbidden": "Vous n’avez pas accès à cette page.",

  // Portail fournisseur, ajouté avec ses pages : nouveau lien, enregistrements en conflit, fichiers refusés
  "ui.link.send_new": "M’envoyer un nouveau lien",
  "ui.link.ask_new": "Vous pouvez demander un nouveau lien. Nous l’envoyons uniquement à l’adresse e-mail qui a reçu cette invitation.",
  "ui.link.new_link_sent": "Si ce lien vous a été envoyé, un nouveau lien est en route vers la même adresse.",
  "ui.link.revoked_help":
    "{buyer} a retiré ce lien ou l’a remplacé par un lien plus récent. Utilisez le dernier lien reçu, ou demandez à {buyer} de vous envoyer une nouvelle invitation.",
  "ui.conflict.choose":
    "Quelqu’un d’autre a enregistré une réponse différente à cette question pendant que vous répondiez. Choisissez la réponse à garder.",
  "ui.conflict.yours": "Votre réponse",
  "ui.conflict.theirs": "Enregistrée par {name} le {time}",
  "ui.conflict.keep_yours": "Garder ma réponse",
  "ui.conflict.keep_theirs": "Garder la réponse enregistrée",
  "ui.not_sent": "En attente d’envoi",
  "ui.kept_on_device":
    "Les réponses qui n’ont pas encore été envoyées sont conservées dans ce navigateur et seront envoyées quand vous reprendrez.",
  "ui.upload.empty": "Le fichier {name} est vide. Veuillez choisir un autre fichier.",
  "ui.upload.too_many": "Vous pouvez joindre au maximum {max} fichiers par question.",
  "ui.upload.quota":
    "Le fichier {name} n’a pas pu être enregistré, car l’espace réservé aux documents est plein. Veuillez contacter l’entreprise qui vous a envoyé ce questionnaire.",
  "ui.error.read_only": "Ce questionnaire a été transmis et ne peut plus être modifié.",

  // Corrective actions in the supplier portal
  "ui.portal.nav.label": "Rubriques de ce site",
  "ui.portal.nav.questionnaire": "Questionnaire",
  "ui.portal.nav.actions": "Actions correctives",
  "ui.actions.heading": "Actions correctives",
  "ui.actions.intro":
    "{buyer} demande à {supplier} de corriger ces points. Répondez à chacun en indiquant ce que vous avez fait et joignez des preuves, par exemple une nouvelle politique, des registres de paie ou des photos.",
  "ui.actions.none": "Aucune action corrective n’est ouverte pour {supplier}.",
  "ui.actions.due": "À traiter avant le {date}",
  "ui.actions.overdue": "En retard : l’échéance était le {date}",
  "ui.actions.status.open": "Ouverte",
  "ui.actions.status.in_progress": "En cours",
  "ui.actions.status.done": "Réalisée, en attente de vérification",
  "ui.actions.status.verified": "Vérifiée",
  "ui.actions.concern": "Motif : {indicator}",
  "ui.actions.about_answer": "À propos de votre réponse à : {question}",
  "ui.actions.history": "Historique",
  "ui.actions.event.created": "{name} a ouvert cette action",
  "ui.actions.event.status": "{name} a changé le statut en « {status} »",
  "ui.actions.event.reply": "Réponse de {name}",
  "ui.actions.reply.heading": "Votre réponse",
  "ui.actions.reply.body": "Qu’avez-vous fait ?",
  "ui.actions.reply.hint": "Expliquez ce que vous avez changé et ce que montrent les fichiers joints.",
  "ui.actions.reply.files": "Fichiers justificatifs (facultatif)",
  "ui.actions.reply.files_hint": "Jusqu’à {max} fichiers à la fois : PDF, images, Word ou Excel, 10 Mo maximum chacun.",
  "ui.actions.reply.send": "Envoyer la réponse",
  "ui.actions.reply.sending": "Envoi…",
  "ui.actions.reply.sent": "Votre réponse a été envoyée à {buyer}.",
  "ui.portal.started":
    "Bienvenue. Tout ce que vous saisissez est enregistré au fur et à mesure ; vous pouvez vous arrêter et revenir par le même lien.",
  "ui.actions.reply_empty": "Écrivez une réponse ou joignez un fichier.",
  "ui.actions.too_many_files": "Vous pouvez joindre au maximum {max} fichiers ici.",
  "ui.actions.stale":
    "Cette action a changé pendant que vous écriviez : votre réponse n’a pas été envoyée. Copiez votre texte, rechargez la page et envoyez-la à nouveau.",
};
