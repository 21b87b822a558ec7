// Spanish catalogue (neutral Spanish for Latin America and Spain, "usted" form): same keys and same
// {placeholders} as en.ts, the reference. Plain words for a supplier's managers and HR staff.
// Choice labels quoted in other texts must match: “Sí”, “No”, “No aplica”, “Ninguna de estas opciones”.
// Numbers: the answer parser accepts "12,5" and "12.5" as decimals, so examples use a decimal comma.
import type { Catalogue } from "./catalogue";

export const es: Catalogue = {
  // ── Template ────────────────────────────────────────────────────────────────────────────────
  "t.athens-fl.title": "Principios Éticos de Atenas — trabajo forzoso",
  "t.athens-fl.intro":
    "Este cuestionario pregunta cómo su empresa previene el trabajo forzoso y la trata de personas, tanto en su propio centro de trabajo como entre sus agencias de contratación y sus proveedores. Sigue los siete Principios Éticos de Atenas. Responda por el centro de trabajo o la empresa que se indica en la invitación. Las respuestas sinceras ayudan: un problema que usted nos cuenta se puede resolver en conjunto, mientras que un problema que se descubre más tarde es mucho más difícil de resolver.",

  // ── Sections ────────────────────────────────────────────────────────────────────────────────
  "s.profile.title": "Su personal",
  "s.profile.intro":
    "Algunos datos sobre las personas que trabajan en su centro de trabajo, incluidos los trabajadores contratados a través de agencias o contratistas de mano de obra. Algunos grupos de trabajadores corren más riesgos, así que estas respuestas nos indican dónde mirar con más atención. No cuentan ni a favor ni en contra de usted.",
  "s.p1.title": "Principio 1 — Política: tolerancia cero",
  "s.p1.intro":
    "Su compromiso por escrito contra el trabajo forzoso y la trata de personas, y las libertades básicas que todo trabajador debe tener: conservar sus propios documentos, entrar y salir libremente, mantenerse en contacto con otras personas y dejar su empleo.",
  "s.p2.title": "Principio 2 — Sensibilización y capacitación",
  "s.p2.intro":
    "Cómo los trabajadores, los gerentes y otras personas conocen sus derechos y los riesgos del trabajo forzoso y la trata de personas.",
  "s.p3.title": "Principio 3 — Estrategia y evaluación de riesgos",
  "s.p3.intro": "Quién está a cargo, dónde están los riesgos y cómo mide usted si sus acciones funcionan.",
  "s.p4.title": "Principio 4 — Su propio personal",
  "s.p4.intro":
    "Cómo se capacita a los gerentes y cómo se les exige cumplir la política, cómo se paga y se trata a los trabajadores, y cómo pueden presentar una queja de forma segura.",
  "s.p5.title": "Principio 5 — Contratación y proveedores",
  "s.p5.intro":
    "Cómo se contrata y se emplea a los trabajadores, y cómo se asegura usted de que sus agencias de contratación y sus propios proveedores respeten las mismas reglas.",
  "s.p6.title": "Principio 6 — Colaboración con los gobiernos y otros actores",
  "s.p6.intro":
    "Cómo colabora usted con otras empresas, organizaciones y autoridades públicas para mejorar las normas que protegen a los trabajadores.",
  "s.p7.title": "Principio 7 — Transparencia e informes",
  "s.p7.intro": "Lo que usted publica sobre sus acciones contra el trabajo forzoso, para que otros puedan verlo y pedirle cuentas.",

  // ── Workforce profile ───────────────────────────────────────────────────────────────────────
  "q.profile.workers.text":
    "¿Cuántas personas trabajan en su centro de trabajo, incluidos los trabajadores contratados a través de agencias o contratistas de mano de obra?",
  "q.profile.workers.help":
    "Cuente a todas las personas que trabajan hoy en el centro: trabajadores permanentes, temporales, de temporada y de agencia, y aprendices. Si la cifra cambia mucho, indique el promedio de los últimos tres meses.",

  "q.profile.migrant_share.text": "¿Qué porcentaje de estos trabajadores son trabajadores migrantes?",
  "q.profile.migrant_share.help":
    "Un trabajador migrante es una persona que vino de otro país, o que se trasladó desde otra región de su país, para ocupar este empleo. A los trabajadores migrantes se les cobran comisiones de contratación o se les engaña sobre el empleo con más frecuencia, y a menudo dependen del empleador para obtener una visa o un lugar donde vivir, por lo que requieren una atención especial.",

  "q.profile.nationalities.text": "¿De qué países o regiones vienen sus trabajadores migrantes?",
  "q.profile.nationalities.help":
    "Indique los principales, por ejemplo “Nepal, Bangladés” o “provincias de Yunnan y Sichuan”. Así sabremos qué rutas de contratación intervienen.",

  "q.profile.temporary_share.text":
    "¿Qué porcentaje de los trabajadores son temporales, de temporada o contratados a través de una agencia o un contratista de mano de obra?",
  "q.profile.temporary_share.help":
    "A los trabajadores con contratos cortos o empleados por otra empresa les puede resultar más difícil presentar una queja o conocer sus derechos. Cuente a todas las personas que no son empleados permanentes de su empresa.",

  "q.profile.uses_agencies.text":
    "¿Utiliza agencias de contratación, intermediarios o contratistas de mano de obra para encontrar o emplear trabajadores?",
  "q.profile.uses_agencies.help":
    "Incluya las agencias en otros países, los intermediarios locales y los contratistas que proporcionan trabajadores a su centro. Responda “Sí” aunque solo unos pocos trabajadores se contraten de esta forma.",

  "q.profile.agencies_licensed.text": "¿Tienen estas agencias una licencia (cuando la ley la exige) y un contrato por escrito con usted?",
  "q.profile.agencies_licensed.help":
    "Los agentes sin licencia y los intermediarios informales son la causa más frecuente de cobros de comisiones de contratación y de promesas falsas. Un contrato por escrito le permite fijar reglas, por ejemplo, que los trabajadores no paguen nada.",
  "q.profile.agencies_licensed.evidence": "Un contrato con una de sus agencias (puede ocultar los precios)",
  "q.profile.agencies_licensed.opt.all": "Sí, todas",
  "q.profile.agencies_licensed.opt.some": "Algunas",
  "q.profile.agencies_licensed.opt.none": "Ninguna",
  "q.profile.agencies_licensed.opt.dont_know": "No lo sé",

  "q.profile.fees_charged.text":
    "En los últimos dos años, ¿algún trabajador ha pagado una comisión o un gasto para conseguir su empleo en su centro de trabajo?",
  "q.profile.fees_charged.help":
    "Cuente cualquier pago hecho a usted, a una agencia, a un intermediario o a cualquier otra persona: comisiones de contratación o de colocación, o gastos de viaje, visa, permiso de trabajo, examen médico, capacitación o uniforme. También cuenta el dinero que se le prestó a un trabajador para pagar esos gastos. Los trabajadores que deben dinero por su empleo pueden sentir que no pueden irse; esto se llama servidumbre por deudas. Si no está seguro, pregunte a algunos trabajadores contratados recientemente.",

  "q.profile.fees_repaid.text": "¿Se les han devuelto a los trabajadores estas comisiones y gastos?",
  "q.profile.fees_repaid.help":
    "Según el principio de “el empleador paga”, la empresa paga todo el costo de la contratación, y a los trabajadores que hayan pagado algo se les devuelve la cantidad completa.",
  "q.profile.fees_repaid.opt.repaid_all": "Sí, se les ha devuelto todo a todos los trabajadores",
  "q.profile.fees_repaid.opt.repaying": "La devolución ha empezado, pero no ha terminado",
  "q.profile.fees_repaid.opt.not_repaid": "No",

  // ── P1 Policy ───────────────────────────────────────────────────────────────────────────────
  "q.p1.written_policy.text": "¿Tiene una política por escrito que prohíba el trabajo forzoso y la trata de personas?",
  "q.p1.written_policy.help":
    "Una política fija la regla que todas las personas de la empresa deben cumplir. Cuenta si está por escrito y menciona el trabajo forzoso o la trata de personas. Tiene más peso cuando el propietario, un director o el consejo de administración la ha firmado o aprobado.",
  "q.p1.written_policy.evidence": "La política, donde se vea quién la firmó o aprobó y cuándo",
  "q.p1.written_policy.opt.signed": "Sí, firmada o aprobada por la alta dirección",
  "q.p1.written_policy.opt.written_not_signed": "Sí, pero no está firmada ni aprobada por la alta dirección",
  "q.p1.written_policy.opt.none": "No",

  "q.p1.policy_scope.text": "¿Qué prohíbe claramente la política? Marque todas las opciones que correspondan.",
  "q.p1.policy_scope.help":
    "El trabajo forzoso puede tomar varias formas. Una buena política nombra cada una de ellas, para que ningún gerente ni ninguna agencia pueda decir que una práctica estaba permitida.",
  "q.p1.policy_scope.opt.forced_labour": "Trabajo forzoso (trabajo bajo la amenaza de un castigo)",
  "q.p1.policy_scope.opt.bonded_labour": "Trabajo en servidumbre (trabajar para pagar una deuda)",
  "q.p1.policy_scope.opt.prison_labour": "Trabajo penitenciario que no es voluntario",
  "q.p1.policy_scope.opt.trafficking": "Trata de personas",
  "q.p1.policy_scope.opt.recruitment_fees": "Cobrar comisiones a los trabajadores para darles un empleo",
  "q.p1.policy_scope.opt.none": "Ninguna de estas opciones",

  "q.p1.resignation_notice.text": "¿Con cuántos días de anticipación debe avisar un trabajador antes de dejar su empleo?",
  "q.p1.resignation_notice.help":
    "Los trabajadores deben tener libertad para dejar su empleo. Un plazo de aviso de 30 días o menos es razonable. Escriba 0 si no hace falta avisar. Si el plazo es distinto según el grupo de trabajadores, indique el más largo.",

  "q.p1.deposits.text":
    "¿Los trabajadores tienen que pagar un depósito, o dejar dinero o pertenencias en manos de usted o de una agencia, para conseguir o conservar su empleo?",
  "q.p1.deposits.help":
    "Un depósito, un dinero de garantía o unas pertenencias que el trabajador pierde si se va antes de tiempo lo atan a su empleo. Es una forma de servidumbre por deudas y no está permitido.",

  "q.p1.documents_holder.text": "¿Quién guarda los pasaportes, documentos de identidad y permisos de trabajo de los trabajadores?",
  "q.p1.documents_holder.help":
    "Los trabajadores deben poder tomar sus propios documentos en cualquier momento, sin tener que pedírselos a nadie. Retenerlos, incluso “para guardarlos de forma segura”, impide que los trabajadores se vayan y es una señal clara de trabajo forzoso. Entregar los documentos a una autoridad durante unos días, por ejemplo para renovar una visa, es aceptable si el trabajador está de acuerdo y se los devuelven enseguida.",
  "q.p1.documents_holder.opt.workers_themselves": "Los propios trabajadores",
  "q.p1.documents_holder.opt.locker_free_access":
    "Se guardan en un casillero o una caja fuerte que los trabajadores pueden abrir por sí mismos en cualquier momento",
  "q.p1.documents_holder.opt.employer_keeps": "La empresa o una agencia los guarda",

  "q.p1.free_movement.text":
    "Fuera del horario de trabajo, ¿pueden los trabajadores salir del lugar de trabajo y de la vivienda que usted o una agencia les proporciona?",
  "q.p1.free_movement.help":
    "Los trabajadores deben poder entrar y salir libremente en su tiempo libre. Las puertas cerradas con llave, los guardias que impiden salir a los trabajadores o las reglas que exigen permiso o un acompañante para salir les quitan su libertad de movimiento.",
  "q.p1.free_movement.opt.freely": "Sí, cuando quieran",
  "q.p1.free_movement.opt.night_curfew": "Sí, pero la vivienda tiene toque de queda por la noche",
  "q.p1.free_movement.opt.permission_or_escort": "Solo con permiso o con un acompañante",

  "q.p1.contact_outside.text":
    "¿Pueden los trabajadores conservar sus teléfonos móviles y comunicarse libremente con su familia y sus amigos?",
  "q.p1.contact_outside.help":
    "Aislar a los trabajadores de su familia, sus amigos o la ayuda externa hace que sea más fácil controlarlos. Pedir a los trabajadores que guarden el teléfono durante el turno por motivos de seguridad es aceptable si se lo devuelven en los descansos y al terminar el trabajo.",
  "q.p1.contact_outside.opt.phones_always": "Sí, los trabajadores conservan sus teléfonos",
  "q.p1.contact_outside.opt.phones_stored_in_shifts":
    "Los teléfonos se guardan durante los turnos por seguridad y se devuelven en los descansos y al terminar el trabajo",
  "q.p1.contact_outside.opt.phones_taken": "No, se les quitan los teléfonos o se limita su contacto con otras personas",

  // ── P2 Awareness ────────────────────────────────────────────────────────────────────────────
  "q.p2.policy_communicated.text": "¿Se ha explicado la política a los trabajadores en idiomas que ellos entienden?",
  "q.p2.policy_communicated.help":
    "Una política solo protege a los trabajadores que la conocen. Cuente las explicaciones al contratarlos, los avisos en la pared y las reuniones, en cada uno de los idiomas que hablan sus trabajadores.",
  "q.p2.policy_communicated.opt.all_workers": "Sí, a todos los trabajadores, en todos los idiomas que hablan",
  "q.p2.policy_communicated.opt.some_workers": "A algunos trabajadores, o solo en algunos de sus idiomas",
  "q.p2.policy_communicated.opt.not_communicated": "No",

  "q.p2.induction_topics.text":
    "Cuando los trabajadores empiezan, ¿qué se les dice sobre sus derechos? Marque todas las opciones que correspondan.",
  "q.p2.induction_topics.help":
    "Los trabajadores nuevos, sobre todo los migrantes, pueden no saber qué está permitido. Dígaselo con claridad y en su propio idioma.",
  "q.p2.induction_topics.opt.keep_documents": "Que conservan sus propios documentos de identidad",
  "q.p2.induction_topics.opt.free_to_resign": "Que pueden renunciar, y con cuánta anticipación deben avisar",
  "q.p2.induction_topics.opt.wages_deductions": "Cómo se calcula el salario y qué se puede descontar",
  "q.p2.induction_topics.opt.working_hours": "El horario de trabajo, las horas extras y los días de descanso",
  "q.p2.induction_topics.opt.how_to_complain": "Cómo presentar una queja de forma segura",
  "q.p2.induction_topics.opt.none": "Ninguna de estas opciones",

  "q.p2.worker_training.text": "¿Con qué frecuencia reciben los trabajadores capacitación sobre sus derechos y sobre el trabajo forzoso?",
  "q.p2.worker_training.help":
    "Una capacitación al contratarlos y un repaso al menos una vez al año mantienen vivo el mensaje y llegan también a los trabajadores que entraron a través de agencias.",
  "q.p2.worker_training.opt.hiring_and_yearly": "Al contratarlos y al menos una vez al año",
  "q.p2.worker_training.opt.hiring_only": "Solo al contratarlos",
  "q.p2.worker_training.opt.occasionally": "De vez en cuando, sin un calendario fijo",
  "q.p2.worker_training.opt.never": "Nunca",

  "q.p2.training_records.text": "¿Guarda registros de esta capacitación (fecha, tema y quién asistió)?",
  "q.p2.training_records.help": "Los registros demuestran que la capacitación se realizó y quién todavía la necesita.",
  "q.p2.training_records.evidence": "Una lista de asistencia o un registro de capacitación de los últimos 12 meses",

  "q.p2.awareness_activities.text":
    "En los últimos dos años, ¿ha organizado o apoyado actividades de sensibilización sobre el trabajo forzoso y la trata de personas más allá de sus propios trabajadores?",
  "q.p2.awareness_activities.help":
    "Por ejemplo: sesiones para sus proveedores o agencias de contratación, información en las comunidades de donde vienen sus trabajadores, o trabajo con escuelas u organizaciones locales.",

  // ── P3 Strategy ─────────────────────────────────────────────────────────────────────────────
  "q.p3.senior_owner.text":
    "¿Hay un alto directivo, designado por su nombre, que sea responsable de prevenir el trabajo forzoso en su empresa?",
  "q.p3.senior_owner.help":
    "Cuando una persona de la alta dirección tiene que rendir cuentas, este trabajo recibe tiempo, dinero y atención. Un departamento por sí solo, sin una persona designada, no cuenta.",

  "q.p3.risk_assessment.text":
    "¿Cuándo evaluó por última vez el riesgo de trabajo forzoso en su centro de trabajo y en su cadena de suministro?",
  "q.p3.risk_assessment.help":
    "Una evaluación de riesgos analiza dónde es más probable que haya problemas: en qué centros, países, productos, grupos de trabajadores y rutas de contratación. Debe quedar por escrito y repetirse al menos una vez al año.",
  "q.p3.risk_assessment.evidence": "La evaluación de riesgos o un resumen de ella",
  "q.p3.risk_assessment.opt.last_12_months": "En los últimos 12 meses",
  "q.p3.risk_assessment.opt.one_to_three_years": "Hace entre uno y tres años",
  "q.p3.risk_assessment.opt.never": "Nunca",

  "q.p3.risk_assessment_date.text": "¿En qué fecha se terminó?",
  "q.p3.risk_assessment_date.help": "La fecha de la versión final. Basta con una fecha aproximada.",

  "q.p3.supply_chain_map.text": "¿Hasta qué punto de su cadena de suministro, hacia el origen, sabe quiénes son sus proveedores?",
  "q.p3.supply_chain_map.help":
    "El trabajo forzoso suele encontrarse en las etapas más lejanas de la cadena, por ejemplo donde se producen las materias primas. Conocer los nombres y la ubicación de los proveedores de sus proveedores es el primer paso para verificarlos.",
  "q.p3.supply_chain_map.opt.raw_materials": "Hasta el origen de las materias primas",
  "q.p3.supply_chain_map.opt.beyond_direct": "Nuestros proveedores directos y algunos de sus proveedores",
  "q.p3.supply_chain_map.opt.direct_only": "Solo nuestros proveedores directos",
  "q.p3.supply_chain_map.opt.not_mapped": "No hemos hecho un mapa de nuestros proveedores",

  "q.p3.kpis.text": "¿Hace seguimiento de indicadores medibles que muestren si sus acciones contra el trabajo forzoso funcionan?",
  "q.p3.kpis.help":
    "Por ejemplo: porcentaje de trabajadores capacitados, comisiones de contratación devueltas, quejas recibidas y resueltas, proveedores auditados. Los indicadores muestran el avance y dónde actuar a continuación.",

  "q.p3.budget.text": "¿Hay un presupuesto o tiempo de personal reservado para este trabajo?",
  "q.p3.budget.help":
    "Sin dinero ni personas, los planes se quedan en el papel. Cuenta una partida del presupuesto, y también cuenta el personal designado que dedica parte de su tiempo a esta tarea.",

  // ── P4 Own workforce ────────────────────────────────────────────────────────────────────────
  "q.p4.managers_trained.text":
    "En los últimos 12 meses, ¿han recibido capacitación sobre la política los gerentes, los supervisores, el personal de recursos humanos y los guardias de seguridad?",
  "q.p4.managers_trained.help":
    "Son las personas cuyas decisiones más afectan a los trabajadores. Necesitan saber qué está prohibido y qué hacer si ven un problema.",

  "q.p4.disciplinary.text":
    "¿Sus normas indican qué ocurre cuando un miembro del personal incumple la política, por ejemplo una amonestación o el despido?",
  "q.p4.disciplinary.help": "Unas consecuencias claras demuestran que la política va en serio.",

  "q.p4.wages_on_time.text":
    "En los últimos 12 meses, ¿se pagó a todos los trabajadores su salario completo y a tiempo, al menos una vez al mes?",
  "q.p4.wages_on_time.help":
    "Los salarios retenidos, pagados con retraso o pagados solo al final del contrato impiden que los trabajadores se vayan. Responda “No” si a algún grupo de trabajadores, incluidos los de agencia, se le pagó con retraso, se le pagó menos de lo acordado o se le hicieron descuentos que nadie le explicó.",
  "q.p4.wages_on_time.evidence": "Registros de nómina o recibos de sueldo de un mes reciente (puede ocultar los nombres)",

  "q.p4.violence_reported.text":
    "En los últimos 12 meses, ¿alguien ha informado de un caso de violencia física o sexual contra un trabajador por parte de un gerente, supervisor, guardia, agente o compañero de trabajo?",
  "q.p4.violence_reported.help":
    "Cuente cada caso informado, sin importar de dónde vino (una queja, una auditoría, un trabajador o alguien de fuera) e incluso si no se demostró. Informarnos ayuda a asegurar que el trabajador esté a salvo y que el caso se trate como corresponde.",

  "q.p4.threats_reported.text":
    "En los últimos 12 meses, ¿alguien ha informado de amenazas contra trabajadores, por ejemplo de despido, de violencia, de denunciarlos ante las autoridades o de hacer daño a sus familias?",
  "q.p4.threats_reported.help":
    "Las amenazas se usan para obligar a las personas a trabajar en contra de su voluntad. Cuente cada caso informado, aunque no se haya demostrado.",

  "q.p4.vulnerable_groups.text":
    "¿Trabaja en su centro de trabajo alguno de estos grupos de personas? Marque todas las opciones que correspondan.",
  "q.p4.vulnerable_groups.help":
    "Estos trabajadores son más fáciles de explotar y necesitan una protección adicional. Emplearlos no está mal en sí mismo: lo que importa es cómo los protege usted.",
  "q.p4.vulnerable_groups.opt.under_18": "Trabajadores menores de 18 años",
  "q.p4.vulnerable_groups.opt.no_work_permit": "Trabajadores migrantes sin papeles de trabajo válidos",
  "q.p4.vulnerable_groups.opt.cannot_read_contract": "Trabajadores que no saben leer el idioma de su contrato",
  "q.p4.vulnerable_groups.opt.none": "Ninguna de estas opciones",

  "q.p4.vulnerable_safeguards.text": "¿Tiene medidas de protección específicas para estos trabajadores?",
  "q.p4.vulnerable_safeguards.help":
    "Por ejemplo: nada de trabajo nocturno ni peligroso para los menores de 18 años, ayuda para obtener o renovar los papeles de trabajo, contratos leídos en voz alta o traducidos, y una persona designada a quien puedan acudir.",

  "q.p4.housing_standards.text":
    "¿La vivienda que usted o una agencia proporcionan cumple con todos estos requisitos: espacio suficiente, agua limpia y baños, instalación eléctrica segura y salidas de emergencia en caso de incendio, un lugar con llave para guardar las pertenencias, y habitaciones separadas para hombres y mujeres?",
  "q.p4.housing_standards.help":
    "Una vivienda abarrotada, insegura o sucia es una condición de vida abusiva. Incluya también la vivienda organizada o pagada por una agencia.",
  "q.p4.housing_standards.na": "No aplica: no se proporciona vivienda",
  "q.p4.housing_standards.opt.meets_all": "Sí, cumple con todos",
  "q.p4.housing_standards.opt.meets_most": "Cumple con la mayoría",
  "q.p4.housing_standards.opt.does_not_meet": "Cumple con pocos o con ninguno",

  "q.p4.transport_access.text":
    "Si su centro de trabajo o la vivienda están lejos de un pueblo o una ciudad, ¿pueden los trabajadores ir al pueblo o la ciudad más cercana al menos una vez por semana, gratis o a bajo costo?",
  "q.p4.transport_access.help":
    "Los trabajadores de lugares aislados pueden quedar sin acceso a tiendas, bancos, ayuda y su comunidad si no tienen forma de salir.",
  "q.p4.transport_access.na": "No aplica: el centro de trabajo y la vivienda están en un pueblo o una ciudad, o cerca",

  "q.p4.grievance_channel.text": "¿Tienen los trabajadores alguna forma de presentar quejas, también sobre trabajo forzoso?",
  "q.p4.grievance_channel.help":
    "Por ejemplo, una línea telefónica, un buzón de quejas, un comité de trabajadores o una persona de confianza que no sea uno de sus jefes. Los trabajadores necesitan una forma segura de hablar antes de que un problema crezca.",
  "q.p4.grievance_channel.evidence": "El procedimiento de quejas, o el aviso que se lo explica a los trabajadores",

  "q.p4.grievance_features.text": "¿Cuáles de estas características ofrece el canal de quejas? Marque todas las opciones que correspondan.",
  "q.p4.grievance_features.help":
    "Los trabajadores confían en un canal que funciona en sus idiomas, que los protege de castigos y que demuestra que las quejas llevan a actuar.",
  "q.p4.grievance_features.opt.workers_languages": "Funciona en todos los idiomas que hablan los trabajadores",
  "q.p4.grievance_features.opt.anonymous": "Los trabajadores pueden quejarse sin dar su nombre",
  "q.p4.grievance_features.opt.non_retaliation": "Un compromiso por escrito de que nadie será castigado por quejarse",
  "q.p4.grievance_features.opt.appeal": "Los trabajadores pueden apelar una decisión con la que no están de acuerdo",
  "q.p4.grievance_features.opt.outcomes_recorded": "Se registra cada queja y su resultado",
  "q.p4.grievance_features.opt.none": "Ninguna de estas opciones",

  // ── P5 Recruitment and suppliers ────────────────────────────────────────────────────────────
  "q.p5.supplier_code.text": "¿Sus normas para proveedores prohíben el trabajo forzoso y la trata de personas?",
  "q.p5.supplier_code.help":
    "Un código de conducta para proveedores establece lo que usted espera de ellos. Incluir la misma regla en sus contratos la hace obligatoria y le permite actuar si no se cumple.",
  "q.p5.supplier_code.evidence": "El código para proveedores o la cláusula del contrato",
  "q.p5.supplier_code.opt.code_and_contracts": "Sí, en nuestro código para proveedores y en nuestros contratos",
  "q.p5.supplier_code.opt.code_only": "Sí, solo en nuestro código para proveedores",
  "q.p5.supplier_code.opt.none": "No",

  "q.p5.employer_pays.text":
    "¿Tiene una regla por escrito que diga que los trabajadores nunca pagan por su contratación y que se les devolverá cualquier comisión que hayan pagado?",
  "q.p5.employer_pays.help":
    "Este es el principio de “el empleador paga”: la empresa, y no el trabajador, paga todas las comisiones y todos los gastos de contratación, incluidos los que cobran las agencias.",

  "q.p5.direct_hiring.text": "¿Cómo contrata a la mayoría de sus trabajadores?",
  "q.p5.direct_hiring.help":
    "Contratar usted mismo a los trabajadores elimina a los intermediarios que pueden cobrar comisiones o hacer promesas falsas.",
  "q.p5.direct_hiring.opt.all_direct": "A todos directamente, sin agencias",
  "q.p5.direct_hiring.opt.mostly_direct": "A la mayoría directamente",
  "q.p5.direct_hiring.opt.mostly_agencies": "A la mayoría a través de agencias o contratistas de mano de obra",

  "q.p5.agency_checks.text": "¿Cómo verifica a las agencias de contratación y a los contratistas de mano de obra con los que trabaja?",
  "q.p5.agency_checks.help":
    "Una auditoría comprueba cómo trabaja la agencia, entre otras cosas hablando con los trabajadores que colocó sobre las comisiones, las promesas y los contratos. Una licencia por sí sola dice poco sobre cómo se trata a los trabajadores.",
  "q.p5.agency_checks.evidence": "El último informe de auditoría de una de sus agencias",
  "q.p5.agency_checks.opt.audited": "Verificamos su licencia y las hemos auditado en los últimos 12 meses",
  "q.p5.agency_checks.opt.licence_only": "Solo verificamos su licencia",
  "q.p5.agency_checks.opt.not_checked": "No las verificamos",

  "q.p5.contract_before_start.text":
    "¿Recibe cada trabajador un contrato por escrito, en un idioma que entienda, antes de empezar a trabajar, y los trabajadores migrantes antes de salir de su lugar de origen?",
  "q.p5.contract_before_start.help":
    "Un contrato que se muestra demasiado tarde, en un idioma que el trabajador no sabe leer, o distinto de lo que se prometió, es una señal de engaño. Los trabajadores deben conocer el puesto, el salario, el horario y los descuentos antes de comprometerse.",

  "q.p5.sample_contract.text": "Por favor, suba un ejemplo de contrato de trabajo.",
  "q.p5.sample_contract.help":
    "Un contrato en blanco, o uno real con el nombre oculto. Nos ayuda a revisar los plazos de aviso, el salario y los descuentos.",
  "q.p5.sample_contract.evidence": "Un ejemplo de contrato, en el idioma en que lo reciben los trabajadores",

  "q.p5.loan_deductions.text":
    "Si presta dinero a los trabajadores o les adelanta parte del salario, ¿cuál es el mayor porcentaje del salario mensual que les descuenta para recuperarlo?",
  "q.p5.loan_deductions.help":
    "Los préstamos que se devuelven con grandes descuentos en el salario pueden atrapar a los trabajadores en deudas. Los descuentos no deberían superar aproximadamente el 10 % del salario mensual, y los préstamos deberían quedar pagados en pocos meses.",
  "q.p5.loan_deductions.na": "No aplica: no prestamos dinero ni adelantamos salarios",

  "q.p5.weekly_hours.text":
    "En la semana de más trabajo de los últimos 12 meses, ¿cuántas horas trabajaron los trabajadores con la jornada más larga, incluidas las horas extras?",
  "q.p5.weekly_hours.help":
    "La jornada no debería superar las 60 horas semanales, incluidas las horas extras, y las horas extras deben ser voluntarias. Revise sus registros de horario de la semana de más trabajo del año.",
  "q.p5.weekly_hours.evidence": "Los registros de horario de esa semana (puede ocultar los nombres)",

  "q.p5.rest_day.text":
    "¿Tienen todos los trabajadores al menos un día completo de descanso cada siete días, incluso en las temporadas de mucho trabajo?",
  "q.p5.rest_day.help": "Los días de descanso protegen la salud y ayudan a que las horas extras sigan siendo voluntarias.",

  "q.p5.supplier_checks.text": "¿Cómo verifica que sus propios proveedores no recurran al trabajo forzoso?",
  "q.p5.supplier_checks.help":
    "Las auditorías que incluyen entrevistas privadas con los trabajadores detectan problemas que los cuestionarios no ven. Empiece por los proveedores de países o productos de alto riesgo.",
  "q.p5.supplier_checks.evidence": "Un informe de auditoría reciente (puede ocultar el nombre del proveedor)",
  "q.p5.supplier_checks.opt.audits":
    "Auditorías con entrevistas a trabajadores en los últimos dos años, al menos para los proveedores de alto riesgo",
  "q.p5.supplier_checks.opt.questionnaires_only": "Solo cuestionarios o autoevaluaciones",
  "q.p5.supplier_checks.opt.no_checks": "No verificamos a nuestros proveedores",

  // ── P6 Advocacy ─────────────────────────────────────────────────────────────────────────────
  "q.p6.initiative_member.text":
    "¿Es su empresa miembro de una iniciativa del sector o de múltiples partes interesadas que trabaje contra el trabajo forzoso?",
  "q.p6.initiative_member.help":
    "Estas iniciativas reúnen a empresas, sindicatos y organizaciones de la sociedad civil, comparten herramientas e impulsan cambios que una sola empresa no puede lograr.",

  "q.p6.initiative_names.text": "¿Qué iniciativas son?",
  "q.p6.initiative_names.help":
    "Indique sus nombres, por ejemplo el programa de una asociación del sector o una iniciativa de múltiples partes interesadas.",

  "q.p6.government_engagement.text":
    "En los últimos dos años, ¿ha planteado a un gobierno o a una autoridad pública propuestas o inquietudes sobre leyes o normas relativas al trabajo forzoso o a la contratación, y ha guardado constancia de ello?",
  "q.p6.government_engagement.help":
    "Por ejemplo: comentarios sobre un proyecto de ley, reuniones con un ministerio de trabajo, o cartas conjuntas con otras empresas para pedir una mejor protección de los trabajadores.",

  // ── P7 Transparency ─────────────────────────────────────────────────────────────────────────
  "q.p7.statement_published.text":
    "¿Publica, al menos una vez al año, una declaración sobre lo que hace contra el trabajo forzoso y la trata de personas?",
  "q.p7.statement_published.help":
    "Por ejemplo, una declaración sobre esclavitud moderna o una sección de su informe anual o de sostenibilidad. Publicarla le obliga a rendir cuentas.",

  "q.p7.statement_link.text": "¿Dónde se puede encontrar?",
  "q.p7.statement_link.help": "Una dirección web, o el nombre y el año del informe.",

  "q.p7.supplier_list.text": "¿Publica una lista de sus proveedores, con al menos sus nombres y países?",
  "q.p7.supplier_list.help":
    "Una lista pública de proveedores permite que los trabajadores, los sindicatos y otras personas señalen los problemas que ven en esos centros de trabajo.",

  "q.p7.remedy_disclosed.text":
    "Cuando se detectan problemas de trabajo forzoso, ¿informa públicamente de lo que se hizo para corregirlos y para ayudar a los trabajadores afectados?",
  "q.p7.remedy_disclosed.help":
    "Informar sobre las medidas de reparación, como comisiones devueltas o trabajadores indemnizados, demuestra que los problemas llevan a cambios reales.",
  "q.p7.remedy_disclosed.na": "No aplica: hasta ahora no se ha detectado ningún problema",

  "q.p7.practice_sharing.text":
    "¿Comparte lo que ha aprendido sobre la prevención del trabajo forzoso con otras empresas, proveedores o grupos del sector?",
  "q.p7.practice_sharing.help": "Compartir buenas prácticas ayuda a otros a mejorar, y es lo que pide el séptimo Principio de Atenas.",

  // ── Cuestionario v2: preguntas añadidas en la versión 2, por sección ───────────────────────
  "q.p1.labour_transfer.text":
    "¿Trabaja en su centro alguna persona que haya llegado a través de un programa del gobierno de traslado de mano de obra, de “mano de obra excedente” o de alivio de la pobreza que traslada a trabajadores de una región a otra?",
  "q.p1.labour_transfer.help":
    "En algunos lugares las autoridades envían trabajadores, a menudo de minorías étnicas o religiosas, a fábricas y explotaciones agrícolas lejos de su hogar. Quienes participan en estos programas no pueden negarse ni marcharse libremente, por lo que los reguladores consideran este trabajo como trabajo forzoso impuesto por el Estado. Responda sí si algún trabajador, incluidos los de agencias, llegó a través de un programa así.",

  "q.p1.prison_labour.text":
    "¿Realizan personas presas o detenidas algún trabajo para su centro, ya sea en el propio centro o en una prisión, un centro de detención o de “formación”, directamente o a través de un subcontratista?",
  "q.p1.prison_labour.help":
    "El trabajo de personas recluidas en prisiones, centros de detención o los llamados centros de educación o formación no es trabajo libre, y los productos fabricados con él no pueden venderse en muchos mercados. Cuente también el trabajo que un subcontratista hace para usted.",

  "q.p3.material_origins.text": "¿De dónde proceden las principales materias primas de sus productos? Marque todas las que correspondan.",
  "q.p3.material_origins.help":
    "Materias primas son, por ejemplo, el algodón, el hilo, el polisilicio, los metales, el caucho, los tomates o los productos del mar. Las primeras regiones de la lista están señaladas por leyes de importación contra el trabajo forzoso: los productos hechos total o parcialmente con materiales de allí pueden ser retenidos en la frontera. Marque “Otros países o regiones” para todo lo demás e indíquelos.",
  "q.p3.material_origins.evidence":
    "Documentos que muestren el origen, por ejemplo certificados de origen o declaraciones de sus proveedores",
  "q.p3.material_origins.opt.xinjiang": "Región Autónoma Uigur de Xinjiang, China (cualquier material)",
  "q.p3.material_origins.opt.turkmenistan_cotton": "Turkmenistán (algodón)",
  "q.p3.material_origins.opt.north_korea": "Corea del Norte (cualquier material)",
  "q.p3.material_origins.opt.other_regions": "Otros países o regiones",
  "q.p3.material_origins.opt.dont_know": "No lo sabemos",

  "q.p3.material_origins_other.text": "¿Qué otros países o regiones?",
  "q.p3.material_origins_other.help":
    "Indique el país, y la provincia o región cuando la conozca, para cada material principal, por ejemplo “algodón: Gujarat, India; poliéster: Jiangsu, China”.",

  "q.p3.minerals_traced.text": "Si sus productos contienen minerales, metales o piedras preciosas, ¿hasta dónde puede rastrear su origen?",
  "q.p3.minerals_traced.help":
    "Las minas son uno de los lugares donde el trabajo forzoso y el trabajo infantil son más frecuentes. Rastrear un metal hasta la fundición o refinería, y un mineral o una piedra hasta la mina de la que procede, es la forma en que las empresas verifican este riesgo.",
  "q.p3.minerals_traced.evidence": "Registros de trazabilidad, por ejemplo un certificado de cadena de custodia o una lista de fundiciones",
  "q.p3.minerals_traced.na": "No aplica: nuestros productos no contienen minerales, metales ni piedras preciosas",
  "q.p3.minerals_traced.opt.to_mine": "Hasta la mina de la que proceden",
  "q.p3.minerals_traced.opt.to_smelter": "Hasta la fundición o refinería",
  "q.p3.minerals_traced.opt.partly": "Solo algunos de ellos, o solo hasta nuestro proveedor directo",
  "q.p3.minerals_traced.opt.not_traced": "No rastreamos su origen",

  "q.p3.site_audit.text":
    "En los últimos tres años, ¿ha revisado las condiciones de trabajo de su centro un auditor independiente o un organismo de certificación?",
  "q.p3.site_audit.help":
    "Cuente las auditorías sociales y certificaciones realizadas por una organización externa, por ejemplo SMETA, amfori BSCI, SA8000 o RBA. Una auditoría hecha por su propio personal o por el comprador de un cliente no cuenta.",
  "q.p3.site_audit.evidence": "El último informe de auditoría o certificado",

  "q.p3.site_audit_standard.text": "¿Qué norma se utilizó en la última auditoría o certificación?",
  "q.p3.site_audit_standard.help": "El nombre del programa de auditoría o certificación, tal como figura en el informe o el certificado.",
  "q.p3.site_audit_standard.opt.smeta": "SMETA (Sedex)",
  "q.p3.site_audit_standard.opt.amfori_bsci": "amfori BSCI",
  "q.p3.site_audit_standard.opt.sa8000": "SA8000",
  "q.p3.site_audit_standard.opt.rba_vap": "Proceso de auditoría validada de la RBA (VAP)",
  "q.p3.site_audit_standard.opt.wrap": "WRAP",
  "q.p3.site_audit_standard.opt.other": "Otra norma",

  "q.p3.site_audit_standard_other.text": "¿Qué norma?",
  "q.p3.site_audit_standard_other.help": "Indique su nombre y la organización que la gestiona.",

  "q.p3.site_audit_date.text": "¿En qué fecha tuvo lugar la última auditoría?",
  "q.p3.site_audit_date.help": "El último día en que los auditores estuvieron en su centro, tal como figura en el informe.",

  "q.p3.site_audit_result.text": "¿Cuál fue el resultado de la última auditoría?",
  "q.p3.site_audit_result.help":
    "Un hallazgo crítico es el tipo más grave, llamado por ejemplo de “tolerancia cero” o “prioritario”. Un hallazgo sigue abierto hasta que el auditor confirma que se ha corregido.",
  "q.p3.site_audit_result.opt.no_open_findings": "Ningún hallazgo abierto: no se encontró ninguno, o todos se corrigieron y se verificaron",
  "q.p3.site_audit_result.opt.open_minor": "Algunos hallazgos siguen abiertos, ninguno crítico",
  "q.p3.site_audit_result.opt.open_critical": "Al menos un hallazgo crítico sigue abierto, o el centro no superó la auditoría",

  "q.p4.wages_deferred.text":
    "¿Se retiene alguna parte del salario de los trabajadores hasta el final de un contrato, una temporada o un periodo fijo, por ejemplo como “prima de permanencia” o como ahorro que guarda la empresa?",
  "q.p4.wages_deferred.help":
    "Un pago que el trabajador solo recibe si se queda hasta el final lo ata al empleo: marcharse antes significaría perder dinero ya ganado. Los trabajadores deben recibir todo su salario al menos una vez al mes.",

  "q.p4.payment_in_kind.text": "¿Cómo se paga a los trabajadores?",
  "q.p4.payment_in_kind.help":
    "El salario debe pagarse en dinero. Una parte puede pagarse en especie, por ejemplo comidas o alojamiento, solo si el trabajador está de acuerdo, es para su propio uso y se valora a un precio justo. Los vales, el crédito en una tienda de la empresa o la comida en lugar de dinero no son salario.",
  "q.p4.payment_in_kind.opt.money_only": "Todo en dinero",
  "q.p4.payment_in_kind.opt.part_in_kind_agreed":
    "Casi todo en dinero, con una pequeña parte en especie (por ejemplo comidas) aceptada por el trabajador, a un valor justo",
  "q.p4.payment_in_kind.opt.mostly_in_kind": "En su mayor parte o por completo en especie, vales o crédito",

  "q.p4.deductions_share.text":
    "Aparte de los impuestos y la seguridad social, ¿qué porcentaje del salario mensual de un trabajador típico se descuenta, sumando todos los descuentos?",
  "q.p4.deductions_share.help":
    "Cuente todo lo que se descuenta del salario: comida, alojamiento, transporte, herramientas, devolución de préstamos, multas y cualquier otro gasto. Escriba 0 si no se descuenta nada. Cuando una gran parte del salario vuelve al empleador, los trabajadores pueden acabar trabajando para pagar lo que deben.",
  "q.p4.deductions_share.evidence": "Una nómina que muestre los descuentos (puede ocultar el nombre)",

  "q.p4.deduction_types.text": "¿Qué se descuenta del salario? Marque todas las que correspondan.",
  "q.p4.deduction_types.help":
    "Los costes de contratación nunca deben descontarse del salario. Las multas como castigo están prohibidas en muchos países, y las herramientas y el equipo de seguridad deberían ser gratuitos.",
  "q.p4.deduction_types.opt.food": "Comida",
  "q.p4.deduction_types.opt.housing": "Alojamiento",
  "q.p4.deduction_types.opt.transport": "Transporte",
  "q.p4.deduction_types.opt.tools_uniforms": "Herramientas, uniformes o equipo de seguridad",
  "q.p4.deduction_types.opt.loan_repayment": "Devolución de un préstamo o de un anticipo del salario",
  "q.p4.deduction_types.opt.recruitment_costs": "Comisiones o costes de contratación, como viaje, visado o exámenes médicos",
  "q.p4.deduction_types.opt.fines": "Multas, por ejemplo por llegar tarde o por errores",
  "q.p4.deduction_types.opt.other": "Otra cosa",

  "q.p4.age_verification.text": "¿Cómo comprueba la edad de cada nuevo trabajador al contratarlo?",
  "q.p4.age_verification.help":
    "Comprobar un documento oficial, como un documento de identidad o un certificado de nacimiento, y guardar una copia es la mejor forma de asegurarse de que no se contrata a ningún niño. Donde los documentos pueden falsificarse, compare el documento con otras pruebas, por ejemplo los registros escolares.",
  "q.p4.age_verification.evidence": "Su procedimiento de comprobación de la edad, o un registro de comprobación en blanco",
  "q.p4.age_verification.opt.document_checked_copy_kept": "Comprobamos un documento oficial y guardamos una copia",
  "q.p4.age_verification.opt.document_checked": "Comprobamos un documento oficial pero no guardamos copia",
  "q.p4.age_verification.opt.self_declared": "Los trabajadores nos dicen su edad; no comprobamos ningún documento",
  "q.p4.age_verification.opt.not_checked": "No preguntamos la edad",

  "q.p4.under_minimum_age.text":
    "En los últimos 12 meses, ¿se ha encontrado a alguien menor de la edad mínima legal para trabajar trabajando en su centro, o para una agencia o un subcontratista que trabaja para usted?",
  "q.p4.under_minimum_age.help":
    "La edad mínima la fija la ley nacional, normalmente 15 años, o 14 en algunos países; nunca es inferior a 13 años para trabajos ligeros. Cuente cada caso, aunque el niño ya no trabaje allí. Informarnos ayuda a garantizar que el niño esté protegido y reciba ayuda para volver a la escuela.",

  "q.p4.young_hazardous_work.text":
    "¿Realiza algún trabajador menor de 18 años trabajos peligrosos, como turnos de noche, horas extras, cargas pesadas, máquinas o productos químicos peligrosos, o trabajo en altura?",
  "q.p4.young_hazardous_work.help":
    "Los trabajadores que tienen entre la edad mínima y 18 años pueden trabajar, pero nunca en trabajos que puedan dañar su salud, su seguridad o su moral. El trabajo peligroso de cualquier menor de 18 años es una de las peores formas de trabajo infantil.",

  "q.p4.child_labour_remediation.text":
    "¿Tiene un sistema para detectar el trabajo infantil, en su centro y donde se producen sus materias primas, y para ayudar a cualquier niño que encuentre?",
  "q.p4.child_labour_remediation.help":
    "Un buen sistema revisa con regularidad, por ejemplo en las explotaciones agrícolas o los pequeños talleres que le abastecen, y tiene un plan escrito de lo que hay que hacer si se encuentra a un niño: el niño deja el trabajo pero no se le despide sin más; el plan antepone el interés del niño, por ejemplo con ayuda para volver a la escuela y apoyo a la familia.",
  "q.p4.child_labour_remediation.evidence": "El procedimiento, o un registro de cómo se gestionó un caso (puede ocultar los nombres)",
  "q.p4.child_labour_remediation.opt.monitoring_and_remediation":
    "Sí: revisamos con regularidad y tenemos un plan para ayudar a cualquier niño que encontremos",
  "q.p4.child_labour_remediation.opt.remediation_procedure_only":
    "Tenemos un plan escrito de lo que hay que hacer, pero no revisamos con regularidad",
  "q.p4.child_labour_remediation.opt.none": "No",

  "q.p5.normal_weekly_hours.text": "¿Cuántas horas de trabajo normales a la semana tienen los trabajadores, sin contar las horas extras?",
  "q.p5.normal_weekly_hours.help":
    "Las horas normales son las que figuran en el contrato o en el plan de turnos antes de cualquier hora extra. El límite internacional es de 48 horas normales a la semana. Si varía entre grupos de trabajadores, indique la más larga.",
  "q.p5.normal_weekly_hours.evidence": "Registros de horario o el plan de turnos de un mes reciente (puede ocultar los nombres)",

  "q.p5.overtime_refusable.text":
    "¿Pueden los trabajadores negarse a hacer horas extras sin ninguna sanción, como una multa, la pérdida de una prima, un peor puesto o el despido?",
  "q.p5.overtime_refusable.help":
    "Las horas extras deben ser voluntarias. Unas horas extras que los trabajadores no pueden rechazar, por ejemplo para cumplir objetivos de producción, son una señal de trabajo forzoso.",
  "q.p5.overtime_refusable.na": "No aplica: no se hacen horas extras",

  "q.p5.usual_total_hours.text":
    "En una semana habitual, ¿cuántas horas en total trabajan los trabajadores con la jornada más larga, incluidas las horas extras?",
  "q.p5.usual_total_hours.help":
    "Revise sus registros de horario de los últimos tres meses e indique una semana habitual, no la de más trabajo. La jornada total no debería superar las 60 horas semanales.",
  "q.p5.usual_total_hours.evidence": "Registros de horario de una semana habitual (puede ocultar los nombres)",

  // ── ILO indicators and principles (buyer screens, reports) ───────────────────────────────────
  // Indicator names follow the usual Spanish wording of the ILO (OIT) indicators of forced labour.
  "ilo.abuse_of_vulnerability": "Abuso de vulnerabilidad",
  "ilo.deception": "Engaño",
  "ilo.restriction_of_movement": "Restricción de movimiento",
  "ilo.isolation": "Aislamiento",
  "ilo.physical_sexual_violence": "Violencia física y sexual",
  "ilo.intimidation_threats": "Intimidación y amenazas",
  "ilo.retention_of_documents": "Retención de documentos de identidad",
  "ilo.withholding_of_wages": "Retención de salarios",
  "ilo.debt_bondage": "Servidumbre por deudas",
  "ilo.abusive_conditions": "Condiciones de trabajo y de vida abusivas",
  "ilo.excessive_overtime": "Horas extraordinarias excesivas",
  // Además de los once de la OIT: trabajo infantil y trabajo forzoso impuesto por el Estado (cuestionario v2).
  "ilo.child_labour": "Trabajo infantil por debajo de la edad mínima",
  "ilo.hazardous_child_labour": "Trabajo peligroso de menores de 18 años",
  "ilo.state_imposed_labour": "Trabajo forzoso impuesto por el Estado",
  "principle.P1": "Definición de políticas",
  "principle.P2": "Sensibilización pública",
  "principle.P3": "Planificación estratégica",
  "principle.P4": "Aplicación de la política de personal",
  "principle.P5": "Trazabilidad de la cadena de suministro",
  "principle.P6": "Incidencia ante los gobiernos",
  "principle.P7": "Transparencia",

  // ── Supplier portal ─────────────────────────────────────────────────────────────────────────
  // Languages (in the current language; LOCALE_NAMES has each language's own name)
  "ui.language.label": "Idioma",
  "ui.language.en": "Inglés",
  "ui.language.es": "Español",
  "ui.language.fr": "Francés",
  "ui.language.zh-Hans": "Chino (simplificado)",
  "ui.language.change": "Cambiar de idioma",

  // Frame
  "ui.portal.title": "Autoevaluación de proveedores",
  "ui.portal.skip_to_content": "Ir a las preguntas",
  "ui.portal.requested_by": "Solicitado por {buyer}",
  "ui.portal.for_supplier": "Para {supplier}",
  "ui.portal.due": "Por favor, envíelo a más tardar el {date}",
  "ui.portal.overdue": "La fecha límite de este cuestionario era el {date}. Todavía puede enviarlo.",
  "ui.portal.contact": "¿Tiene preguntas sobre este cuestionario? Escriba a {email}.",
  "ui.portal.privacy":
    "Sus respuestas y archivos solo se comparten con {buyer}. Se utilizan para evaluar y mejorar las condiciones de trabajo en la cadena de suministro de {buyer}.",
  "ui.portal.session_expired": "Su sesión ha terminado. Para continuar, vuelva a abrir el enlace del correo electrónico de invitación.",

  // Invite link page (GET shows this page; the button starts the session)
  "ui.link.heading": "Ha recibido una invitación para completar un cuestionario",
  "ui.link.intro":
    "{buyer} solicita a {supplier} que responda a unas preguntas sobre las condiciones de trabajo y la prevención del trabajo forzoso.",
  "ui.link.open": "Abrir el cuestionario",
  "ui.link.expired": "Este enlace ha caducado.",
  "ui.link.revoked": "Este enlace ya no es válido.",
  "ui.link.invalid": "Este enlace no es válido. Compruebe que copió el enlace completo del correo electrónico.",
  "ui.link.request_new": "Solicitar un enlace nuevo",
  "ui.link.request_email": "Dirección de correo electrónico que recibió la invitación",
  "ui.link.request_sent":
    "Si esta dirección recibió una invitación, le estamos enviando un enlace nuevo. Revise su bandeja de entrada y la carpeta de correo no deseado.",
  "ui.link.too_many_attempts": "Demasiados intentos. Espere unos minutos y vuelva a intentarlo.",

  // Start and overview
  "ui.start.heading": "Antes de empezar",
  "ui.start.time_needed":
    "Se tarda unos {minutes} minutos. Puede detenerse en cualquier momento y continuar más tarde desde el mismo enlace.",
  "ui.start.prepare":
    "Le conviene tener a mano: sus documentos de políticas, los registros de nómina y de horario, y los contratos con sus agencias.",
  "ui.start.button": "Empezar",
  "ui.start.continue": "Continuar donde lo dejó",
  "ui.overview.heading": "Secciones",
  "ui.overview.section_done": "Completa",
  "ui.overview.section_todo": "Sin empezar",
  "ui.overview.section_partial": "{answered} de {total} respondidas",
  "ui.required_legend": "Las preguntas marcadas con * son obligatorias.",

  // Navigation and progress
  "ui.section.position": "Sección {n} de {total}",
  "ui.progress.answered": "{percent}% respondido",
  "ui.progress.section": "{answered} de {total} preguntas respondidas en esta sección",
  "ui.progress.label": "Progreso",
  "ui.next_section": "Sección siguiente",
  "ui.previous_section": "Sección anterior",
  "ui.back_to_overview": "Volver a todas las secciones",
  "ui.review_answers": "Revisar sus respuestas",

  // Answers
  "ui.yes": "Sí",
  "ui.no": "No",
  "ui.na": "No aplica",
  "ui.required": "Obligatorio",
  "ui.optional": "Opcional",
  "ui.question.help_toggle": "Por qué lo preguntamos",
  "ui.question.comment": "Agregar un comentario (opcional)",
  "ui.question.comment_hint": "Explique su respuesta o agregue detalles que la persona que revisa deba conocer.",
  "ui.question.select_placeholder": "Elija una respuesta",
  "ui.question.multi_hint": "Marque todas las opciones que correspondan.",
  "ui.question.clear": "Borrar la respuesta",
  "ui.question.text_remaining": "Caracteres restantes: {count}",
  "ui.number.hint": "Escriba un número sin puntos de miles, por ejemplo 25 o 12,5",
  "ui.percent.hint": "Escriba un porcentaje de 0 a 100",
  "ui.date.hint": "Año-mes-día, por ejemplo 2024-03-31",
  "ui.date.format": "AAAA-MM-DD",
  "ui.unit.days": "días",
  "ui.unit.hours_per_week": "horas por semana",
  "ui.unit.people": "personas",
  "ui.unit.percent": "%",

  // Autosave and connection
  "ui.save": "Guardar",
  "ui.saved": "Guardado",
  "ui.saving": "Guardando…",
  "ui.saved_at": "Guardado: {time}",
  "ui.autosave.note": "Sus respuestas se guardan automáticamente.",
  "ui.save_failed": "No se pudieron guardar sus últimas respuestas. Lo volveremos a intentar.",
  "ui.retry": "Volver a intentar",
  "ui.offline": "Sin conexión — sus respuestas se conservan y se enviarán cuando vuelva a tener conexión",
  "ui.back_online": "Conexión restablecida — enviando sus respuestas…",
  "ui.invalid_answers.one":
    "{count} respuesta no se guardó porque su valor no es válido. Corríjala donde se muestra el mensaje, junto a la pregunta.",
  "ui.invalid_answers.other":
    "{count} respuestas no se guardaron porque sus valores no son válidos. Corríjalas donde se muestran los mensajes, junto a las preguntas.",
  "ui.needs_attention": "Estas respuestas requieren su atención:",
  "ui.unsent_changes": "Algunas respuestas aún no se han enviado. Permanezca en esta página hasta que se guarden.",
  "ui.conflict":
    "Otra persona cambió esta respuesta al mismo tiempo. Conservamos la versión de esa persona; revísela y vuelva a responder si es necesario.",
  "ui.reload": "Volver a cargar",

  // Evidence upload
  "ui.upload": "Subir un archivo",
  "ui.upload.more": "Subir otro archivo",
  "ui.upload.allowed": "Se admiten: PDF, imágenes, Word, Excel, de hasta 10 MB",
  "ui.upload.drop_here": "o arrastre un archivo aquí",
  "ui.upload.uploading": "Subiendo {name}…",
  "ui.upload.done": "Se subió {name}",
  "ui.upload.remove": "Quitar",
  "ui.upload.remove_confirm": "¿Quitar {name}?",
  "ui.upload.too_large": "{name} pesa más de 10 MB. Suba un archivo más pequeño.",
  "ui.upload.wrong_type": "{name} no es un tipo de archivo admitido. Suba un PDF, una imagen, o un archivo de Word o de Excel.",
  "ui.upload.failed": "No se pudo subir {name}. Vuelva a intentarlo.",
  "ui.upload.offline": "Solo se pueden subir archivos cuando hay conexión a internet.",
  "ui.evidence.label": "Documento de respaldo",
  "ui.evidence.requested": "Por favor, adjunte: {what}",
  "ui.evidence.required": "Esta respuesta requiere un documento.",
  "ui.evidence.optional": "Puede adjuntar un documento, pero no es obligatorio.",
  "ui.evidence.hide_personal_data": "Oculte los datos personales que no necesitamos, como nombres y números de documentos de identidad.",
  "ui.evidence.files.one": "{count} archivo adjunto",
  "ui.evidence.files.other": "{count} archivos adjuntos",
  // Documents behind answers: kind, validity and the reviewer's decision
  "ui.evidence.add": "Añadir un documento que respalde esta respuesta (opcional)",
  "ui.evidence.backs_answer":
    "Un documento que respalde esta respuesta, como una política, registros o un informe de auditoría, le da más peso.",
  "ui.evidence.kind_label": "Tipo de documento",
  "ui.evidence.valid_until_label": "Válido hasta (opcional)",
  "ui.evidence.valid_until_hint": "Si el documento caduca, por ejemplo un certificado o una licencia, indique su fecha de fin.",
  "ui.evidence.valid_until": "válido hasta el {date}",
  "ui.evidence.kind_invalid": "Elija el tipo de documento de la lista.",
  "ui.evidence.valid_until_invalid": "Indique la fecha hasta la que el documento es válido como una fecha del calendario.",
  "ui.evidence.valid_until_past": "La fecha hasta la que el documento es válido ya pasó. Suba un documento que siga siendo válido.",
  "ui.evidence.status.pending": "Pendiente de revisión",
  "ui.evidence.status.accepted": "Aceptado por {buyer}",
  "ui.evidence.status.rejected": "No aceptado por {buyer}: {reason}",
  "ui.evidence.rejected_next": "Suba aquí un documento mejor; se revisará de nuevo.",
  "ui.evidence.kind.policy_document": "Documento de política",
  "ui.evidence.kind.training_records": "Registros de capacitación",
  "ui.evidence.kind.risk_assessment": "Evaluación de riesgos",
  "ui.evidence.kind.payroll_records": "Registros de nómina",
  "ui.evidence.kind.time_records": "Registros de tiempo de trabajo",
  "ui.evidence.kind.grievance_procedure": "Procedimiento de quejas",
  "ui.evidence.kind.supplier_code": "Código de conducta para proveedores",
  "ui.evidence.kind.employment_contract": "Contrato de trabajo",
  "ui.evidence.kind.agency_contract": "Contrato con una agencia de contratación",
  "ui.evidence.kind.audit_report": "Informe de auditoría o certificado",
  "ui.evidence.kind.public_statement": "Declaración pública",
  "ui.evidence.kind.age_records": "Registros de comprobación de la edad",
  "ui.evidence.kind.traceability_records": "Registros de trazabilidad u origen",
  "ui.evidence.kind.other": "Otro documento",

  // Submission and completeness
  "ui.submit": "Enviar",
  "ui.submit.heading": "Enviar sus respuestas",
  "ui.submit.confirm": "¿Enviar sus respuestas a {buyer}? Después ya no podrá modificarlas, salvo que {buyer} le pida cambios.",
  "ui.submit.confirm_button": "Sí, enviar",
  "ui.submit.cancel": "Todavía no",
  "ui.submit.submitting": "Enviando…",
  "ui.submit.blocked": "Faltan algunas respuestas o documentos obligatorios. Complételos antes de enviar.",
  "ui.missing.heading": "Lo que todavía falta",
  "ui.missing.none": "Ha respondido todo lo obligatorio. Ya puede enviar.",
  "ui.missing.count.one": "{count} elemento todavía requiere su atención",
  "ui.missing.count.other": "{count} elementos todavía requieren su atención",
  "ui.missing.unanswered": "Todavía sin responder",
  "ui.missing.evidence": "Falta un documento de respaldo",
  "ui.missing.go_to": "Ir a la pregunta",
  "ui.submitted.heading": "Sus respuestas se enviaron",
  "ui.submitted.body": "Gracias. {buyer} revisará sus respuestas y es posible que se comunique con usted si tiene preguntas.",
  "ui.submitted.on": "Enviado el {date}",
  "ui.submitted.readonly": "Las respuestas enviadas ya no se pueden modificar. Esta es una copia de solo lectura.",
  "ui.print": "Imprimir o guardar una copia",
  "ui.print.heading": "Copia de sus respuestas",
  "ui.print.generated": "Impreso el {date}",
  "ui.print.no_answer": "Sin respuesta",

  // Review by the buyer
  "ui.status.label": "Estado",
  "ui.status.draft": "Aún no enviado",
  "ui.status.sent": "En espera de respuestas",
  "ui.status.in_progress": "En curso",
  "ui.status.submitted": "Enviado, en espera de revisión",
  "ui.status.changes_requested": "Cambios solicitados",
  "ui.status.approved": "Aprobado",
  "ui.review.changes_requested.heading": "Cambios solicitados",
  "ui.review.changes_requested.body":
    "{buyer} le pidió que modifique o explique algunas respuestas. Las preguntas con un comentario de la persona que revisa están marcadas. Modifique sus respuestas o conteste al comentario, y luego vuelva a enviarlas.",
  "ui.review.comment_from": "Comentario de {name}",
  "ui.review.comment_label": "Comentario de la persona que revisa",
  "ui.review.reply": "Su respuesta al comentario",
  "ui.review.reply_placeholder": "Explique qué cambió, o por qué la respuesta es correcta",
  "ui.review.resolved": "Resuelto",
  "ui.review.resubmit": "Volver a enviar",
  "ui.review.comments.one": "{count} pregunta tiene un comentario de la persona que revisa",
  "ui.review.comments.other": "{count} preguntas tienen un comentario de la persona que revisa",
  "ui.review.approved.body": "{buyer} aprobó sus respuestas el {date}. Gracias.",
  "ui.review.valid_until": "Esta evaluación es válida hasta el {date}.",

  // Validation messages (validateAnswer returns these keys)
  "ui.validation.required": "Esta pregunta es obligatoria",
  "ui.validation.yes_no": "Elija “Sí” o “No”",
  "ui.validation.choose_one": "Elija una opción",
  "ui.validation.choose_at_least_one": "Elija al menos una opción",
  "ui.validation.unknown_option": "Esta opción no está disponible. Vuelva a elegir.",
  "ui.validation.exclusive_option": "“Ninguna de estas opciones” no se puede combinar con otras respuestas",
  "ui.validation.na_not_allowed": "“No aplica” no es una respuesta posible para esta pregunta",
  "ui.validation.not_a_number": "Escriba un número, por ejemplo 25 o 12,5",
  "ui.validation.whole_number": "Escriba un número entero, sin decimales",
  "ui.validation.number_between": "Escriba un número entre {min} y {max}",
  "ui.validation.number_min": "Escriba un número igual o mayor que {min}",
  "ui.validation.number_max": "Escriba un número que no sea mayor que {max}",
  "ui.validation.percent_between": "Escriba un porcentaje entre {min} y {max}",
  "ui.validation.text_too_long": "Use como máximo {max} caracteres",
  "ui.validation.text_invalid": "Este texto contiene caracteres que no se pueden guardar. Vuelva a escribirlo.",
  "ui.validation.date_format": "Escriba la fecha como año-mes-día, por ejemplo 2024-03-31",
  "ui.validation.date_invalid": "Esta fecha no existe",
  "ui.validation.date_range": "Escriba una fecha entre el {min} y el {max}",
  "ui.validation.files_required": "Suba al menos un archivo",
  "ui.validation.files_invalid": "No se encontró uno de los archivos. Vuelva a subirlo.",
  "ui.validation.too_many_files": "Adjunte como máximo {max} archivos",
  "ui.validation.fix_errors.one": "Corrija {count} respuesta antes de continuar",
  "ui.validation.fix_errors.other": "Corrija {count} respuestas antes de continuar",

  // Errors
  "ui.error.heading": "Algo salió mal",
  "ui.error.body": "Sus respuestas guardadas están a salvo. Vuelva a cargar la página; si el problema continúa, escriba a {email}.",
  "ui.error.not_found": "Esta página no existe.",
  "ui.error.forbidden": "No tiene acceso a esta página.",

  // Supplier portal, added with the portal pages: new-link request, conflicting saves, upload refusals
  "ui.link.send_new": "Enviarme un enlace nuevo",
  "ui.link.ask_new": "Puede solicitar un enlace nuevo. Solo lo enviamos a la dirección de correo electrónico que recibió esta invitación.",
  "ui.link.new_link_sent": "Si este enlace se le envió a usted, le estamos enviando uno nuevo a la misma dirección.",
  "ui.link.revoked_help":
    "{buyer} retiró este enlace o lo sustituyó por uno más reciente. Use el enlace más reciente que recibió o pida a {buyer} que le envíe una nueva invitación.",
  "ui.conflict.choose":
    "Otra persona guardó una respuesta distinta a esta pregunta mientras usted respondía. Elija qué respuesta quiere conservar.",
  "ui.conflict.yours": "Su respuesta",
  "ui.conflict.theirs": "Guardada por {name} el {time}",
  "ui.conflict.keep_yours": "Conservar mi respuesta",
  "ui.conflict.keep_theirs": "Conservar la respuesta guardada",
  "ui.not_sent": "Todavía sin enviar",
  "ui.kept_on_device": "Las respuestas que todavía no se enviaron se conservan en este navegador y se enviarán cuando usted continúe.",
  "ui.upload.empty": "{name} está vacío. Elija otro archivo.",
  "ui.upload.too_many": "Puede adjuntar como máximo {max} archivos a cada pregunta.",
  "ui.upload.quota":
    "No se pudo guardar {name} porque el espacio para documentos está lleno. Comuníquese con la empresa que le envió este cuestionario.",
  "ui.error.read_only": "Este cuestionario ya se envió y no se puede modificar.",

  // Corrective actions in the supplier portal
  "ui.portal.nav.label": "Secciones de este sitio",
  "ui.portal.nav.questionnaire": "Cuestionario",
  "ui.portal.nav.actions": "Acciones correctivas",
  "ui.actions.heading": "Acciones correctivas",
  "ui.actions.intro":
    "{buyer} pide a {supplier} que corrija estos puntos. Responda a cada uno explicando lo que ha hecho y adjunte pruebas, como una nueva política, registros de nómina o fotos.",
  "ui.actions.none": "No hay acciones correctivas abiertas para {supplier}.",
  "ui.actions.due": "Fecha límite: {date}",
  "ui.actions.overdue": "Vencida: la fecha límite era el {date}",
  "ui.actions.status.open": "Abierta",
  "ui.actions.status.in_progress": "En curso",
  "ui.actions.status.done": "Realizada, pendiente de verificación",
  "ui.actions.status.verified": "Verificada",
  "ui.actions.concern": "Motivo: {indicator}",
  "ui.actions.about_answer": "Sobre su respuesta a: {question}",
  "ui.actions.history": "Historial",
  "ui.actions.event.created": "{name} abrió esta acción",
  "ui.actions.event.status": "{name} cambió el estado a «{status}»",
  "ui.actions.event.reply": "Respuesta de {name}",
  "ui.actions.reply.heading": "Su respuesta",
  "ui.actions.reply.body": "¿Qué ha hecho?",
  "ui.actions.reply.hint": "Explique qué ha cambiado y qué muestran los archivos adjuntos.",
  "ui.actions.reply.files": "Archivos de prueba (opcional)",
  "ui.actions.reply.files_hint": "Hasta {max} archivos a la vez: PDF, imágenes, Word o Excel, de 10 MB como máximo cada uno.",
  "ui.actions.reply.send": "Enviar respuesta",
  "ui.actions.reply.sending": "Enviando…",
  "ui.actions.reply.sent": "Su respuesta se envió a {buyer}.",
  "ui.portal.started": "Bienvenido. Todo lo que escriba se guarda sobre la marcha; puede parar y volver con el mismo enlace.",
  "ui.actions.reply_empty": "Escriba una respuesta o adjunte un archivo.",
  "ui.actions.too_many_files": "Puede adjuntar como máximo {max} archivos aquí.",
  "ui.actions.stale":
    "Esta acción cambió mientras escribía, por lo que su respuesta no se envió. Copie su texto, vuelva a cargar la página y envíela de nuevo.",
};
