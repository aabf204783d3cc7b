# ruff: noqa: E501 - data tables read best one text a line
"""The consultative meeting of 17 December 2021 (SEP table 3, annexes A and C) and the earlier briefing.

Annex C gives the number of participants per organisation but not their gender,
so those counts are recorded as "other or not disclosed".
"""

from datetime import date, time

DECEMBER_MEETING = {
    "title_en": "Consultative meeting on the Smart Government II project and its draft environmental and social documents",
    "title_mn": "Ухаалаг засаг II төсөл, түүний байгаль орчин, нийгмийн баримт бичгийн төслийн талаарх зөвлөлдөх уулзалт",
    "starts_on": date(2021, 12, 17),
    "kind": "consultation_meeting",
    "project_stage": "preparation",
    "topics_en": "Overall project concept, potential environmental and social risks and impacts.",
    "topics_mn": "Төслийн ерөнхий үзэл баримтлал, байгаль орчин, нийгэмд үзүүлж болзошгүй эрсдэл, нөлөөлөл.",
    "responsible_body_en": "Cabinet Secretariat of Mongolia, PIU and its external consultants",
    "responsible_body_mn": "Засгийн газрын Хэрэг эрхлэх газар, Төсөл хэрэгжүүлэх нэгж, түүний гадны зөвлөхүүд",
    "minutes_en": (
        "The Stakeholder Engagement Plan summarises this meeting in annex A (agenda), annex B (feedback received) and "
        "annex C (participants). The feedback was collected in two engagement workshops, one with non-government "
        "stakeholders and one with government stakeholders. Annex C gives the number of participants per "
        "organisation but not their gender."
    ),
    "minutes_mn": (
        "Оролцогч талуудын оролцооны төлөвлөгөөний А хавсралтад (хөтөлбөр), Б хавсралтад (ирүүлсэн санал), "
        "В хавсралтад (оролцогчид) энэ уулзалтыг нэгтгэн тусгасан. Саналыг төрийн бус оролцогч талуудтай болон "
        "төрийн байгууллагуудтай тус тус зохион байгуулсан хоёр хэлэлцүүлгээр цуглуулсан. В хавсралтад "
        "байгууллага тус бүрийн оролцогчдын тоог өгсөн боловч хүйсийг заагаагүй."
    ),
}

AGENDA = [
    (time(9, 0), time(9, 10), "Opening", "Нээлт", "", "", "", ""),
    (
        time(9, 10),
        time(9, 25),
        "Brief presentation on the Smart Government II project",
        "Ухаалаг засаг II төслийн товч танилцуулга",
        "",
        "",
        "",
        "",
    ),
    (
        time(9, 25),
        time(9, 45),
        "Brief introduction of the draft environmental and social documents for the implementation phase",
        "Төслийн хэрэгжилтийн үе шатанд мөрдөх байгаль орчин, нийгмийн баримт бичгийн төслийн товч танилцуулга",
        "Stakeholder Engagement Plan, Labor Management Procedure, Environmental Code of Practice and "
        "Environmental and Social Commitment Plan (draft documents)",
        "Оролцогч талуудын оролцооны төлөвлөгөө, Хөдөлмөр эрхлэлтийн удирдлагын журам, Байгаль орчны "
        "дадлын журам, Байгаль орчин, нийгмийн үүргийн төлөвлөгөө (баримт бичгийн төсөл)",
        "",
        "",
    ),
    (
        time(9, 45),
        time(10, 45),
        "Questions, answers and suggestions",
        "Асуулт, хариулт, санал",
        "",
        "",
        "Participants",
        "Оролцогчид",
    ),
    (time(10, 45), time(11, 0), "Closing", "Хаалт", "", "", "", ""),
]

# (English name, Mongolian name, organisation type, participants, stakeholder in the register by English name)
PARTICIPANTS = [
    (
        "Cabinet Secretariat of Mongolia (CS)",
        "Засгийн газрын Хэрэг эрхлэх газар (ЗГХЭГ)",
        "government",
        3,
        "Cabinet Secretariat of Mongolia",
    ),
    (
        "Ministry of Justice and Home Affairs (MoJHA)",
        "Хууль зүй, дотоод хэргийн яам (ХЗДХЯ)",
        "government",
        1,
        "Ministry of Justice and Home Affairs (MoJHA)",
    ),
    (
        "Ministry of Environment and Tourism (MET)",
        "Байгаль орчин, аялал жуулчлалын яам (БОАЖЯ)",
        "government",
        1,
        "Ministry of Environment and Tourism (MoET)",
    ),
    (
        "Communications Information and Technology Agency (CITA)",
        "Харилцаа холбоо, мэдээллийн технологийн газар (ХХМТГ)",
        "government",
        4,
        "Communication Information Technology Agency (CITA) or Ministry of Digital Development (to be established by 2022)",
    ),
    ("National Data Center (NDC)", "Үндэсний дата төв (ҮДТ)", "government", 1, None),
    (
        "Small and Medium Enterprise Agency",
        "Жижиг, дунд үйлдвэрийн газар",
        "government",
        3,
        "Small and Medium Enterprise Agency",
    ),
    (
        "National Center for Lifelong Education",
        "Насан туршийн боловсролын үндэсний төв",
        "government",
        2,
        "National Center for Lifelong Education",
    ),
    ("National Statistics Office (NSO)", "Үндэсний статистикийн хороо (ҮСХ)", "government", 1, None),
    (
        "Land Management, Geodesy, Cartography Agency",
        "Газар зохион байгуулалт, геодези, зураг зүйн газар",
        "government",
        2,
        "Agency for Land Administration and Management, Geodesy and Cartography (ALAMGC)",
    ),
    ("National Academy of Governance (NAOG)", "Удирдлагын академи", "government", 1, "National Academy of Governance"),
    (
        "National Development Agency (NDA)",
        "Үндэсний хөгжлийн газар (ҮХГ)",
        "government",
        1,
        "National Development Agency (NDA) or Ministry of Economic Development (to be established by 2022)",
    ),
    ("General Authority of State Registration (GASR)", "Улсын бүртгэлийн ерөнхий газар (УБЕГ)", "government", 6, None),
    (
        "Registration Department, Municipality of Ulaanbaatar",
        "Нийслэлийн улсын бүртгэлийн хэлтэс",
        "government",
        2,
        "Municipality of Ulaanbaatar City and aimag authorities and their local public service agencies",
    ),
    (
        "Registration Department, Tuv aimag",
        "Төв аймгийн улсын бүртгэлийн хэлтэс",
        "government",
        1,
        "Municipality of Ulaanbaatar City and aimag authorities and their local public service agencies",
    ),
    (
        "Small and Medium Production and Service, Municipality of Ulaanbaatar",
        "Нийслэлийн жижиг, дунд үйлдвэрлэл, үйлчилгээ",
        "government",
        2,
        "Municipality of Ulaanbaatar City and aimag authorities and their local public service agencies",
    ),
    (
        "Labor and Social Welfare Service Agency, Govisumber aimag",
        "Говьсүмбэр аймгийн Хөдөлмөр, халамжийн үйлчилгээний газар",
        "government",
        1,
        "Municipality of Ulaanbaatar City and aimag authorities and their local public service agencies",
    ),
    (
        "Private sector and ICT industry representatives",
        "Хувийн хэвшил, МХТ-ийн салбарын төлөөлөл",
        "non_government",
        3,
        "Beneficiary private entities (local and international ICT businesses, startups, ICT goods suppliers and software developers, consulting firms, SMEs, tourism entities, etc.)",
    ),
    (
        "NGO representatives",
        "ТББ-ын төлөөлөл",
        "non_government",
        7,
        "NGOs and interest groups (youth and women oriented organisations, ICT professional associations, tech savvies, associations of people with disability, ethnic minority education right activists, Mongolian Chamber of Commerce and its business councils, skills development international NGOs, etc.)",
    ),
    (
        "Academia",
        "Эрдэм шинжилгээний байгууллага",
        "non_government",
        1,
        "Local education and research institutes (University of Science and Technology, National University of Mongolia, Academy of Sciences, public and private training institutes and centres, etc.)",
    ),
    (
        "SME representatives",
        "ЖДҮ эрхлэгчдийн төлөөлөл",
        "non_government",
        4,
        "Beneficiary private entities (local and international ICT businesses, startups, ICT goods suppliers and software developers, consulting firms, SMEs, tourism entities, etc.)",
    ),
]

MATERIALS = [
    (
        "Draft SEP, ESCP, ECOP and LMP, disclosed on 26 November 2021",
        "ООТТ, БОНҮТ, БОДЖ, ХЭУЖ-ийн төсөл, 2021 оны 11 дүгээр сарын 26-нд ил болгосон",
        "https://www.smart.gov.mn/mn/draftenvsocialdocs/",
    ),
]

# SEP table 3, first row: the executing, implementing and beneficiary agencies' review of the draft instruments.
BRIEFING = {
    "title_en": "Briefing and review of the draft environmental and social instruments with the executing and beneficiary agencies",
    "title_mn": "Байгаль орчин, нийгмийн баримт бичгийн төслийг хэрэгжүүлэгч болон үр шим хүртэгч байгууллагуудтай хэлэлцэж, танилцуулах",
    "starts_on": date(2021, 11, 23),
    "ends_on": date(2021, 12, 3),
    "kind": "consultation_meeting",
    "project_stage": "preparation",
    "topics_en": "Overall project concept, ESF and the requirements of its instruments, review of draft ESF documents and engagement mechanisms.",
    "topics_mn": "Төслийн ерөнхий үзэл баримтлал, Байгаль орчин, нийгмийн хүрээ болон түүний баримт бичгийн шаардлага, баримт бичгийн төсөл, оролцооны механизмыг хянах.",
    "responsible_body_en": "Cabinet Secretariat of Mongolia, PIU and its external consultants",
    "responsible_body_mn": "Засгийн газрын Хэрэг эрхлэх газар, Төсөл хэрэгжүүлэх нэгж, түүний гадны зөвлөхүүд",
    "minutes_en": "Newly established working group members were briefed on the ESF instruments and gave written feedback. Each instrument incorporated those comments.",
    "minutes_mn": "Шинээр байгуулагдсан ажлын хэсгийн гишүүдэд байгаль орчин, нийгмийн баримт бичгийг танилцуулж, тэд бичгээр санал ирүүлсэн. Баримт бичиг тус бүрд эдгээр саналыг тусгасан.",
}

BRIEFING_PARTICIPANTS = [
    (
        "Executing, implementing and beneficiary agencies (Cabinet Secretariat, CITA, Ministry of Environment and Tourism, General Authority of State Registration, PIU of the Smart Government project and others)",
        "Хэрэгжүүлэгч болон үр шим хүртэгч байгууллагууд (ЗГХЭГ, ХХМТГ, БОАЖЯ, УБЕГ, Ухаалаг засаг төслийн ТХН болон бусад)",
        5,
        3,
    ),
]

# The "Other" section of the 2020 H2 GRM report (seeds/grm-half-year-report-2020h2.txt): outreach, not a consultation.
ICT_EXPO = {
    "title_en": "ICT Expo 2020",
    "title_mn": "МХТ Экспо 2020",
    "starts_on": date(2020, 10, 8),
    "ends_on": date(2020, 10, 11),
    "kind": "outreach",
    "event_format": "in_person",
    "project_stage": "implementation",
    "venue_en": "Ulaanbaatar",
    "venue_mn": "Улаанбаатар",
    "people_reached": 1800,
    "topics_en": (
        "The project team (Cabinet Secretariat, PIU, contractors and consultants of ISP, the 11-11 centre upgrade and "
        "BA, and a volunteer) presented the project's deliverables, outcomes, activity plan, procurement plan and "
        "contracts."
    ),
    "topics_mn": (
        "Төслийн баг (ЗГХЭГ, ТХН, ISP, 11-11 төвийн шинэчлэл, BA-ийн гүйцэтгэгч, зөвлөхүүд, сайн дурын ажилтан) "
        "төслийн үр дүн, үйл ажиллагааны төлөвлөгөө, худалдан авах ажиллагааны төлөвлөгөө, гэрээний мэдээллийг "
        "танилцуулав."
    ),
    "responsible_body_en": "Cabinet Secretariat of Mongolia and the PIU",
    "responsible_body_mn": "Засгийн газрын Хэрэг эрхлэх газар, Төсөл хэрэгжүүлэх нэгж",
}
