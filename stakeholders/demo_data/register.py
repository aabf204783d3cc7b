# ruff: noqa: E501 - data tables read best one text a line
"""SEP table 2: stakeholder identification and analysis, in English and Mongolian.

Each row: English name, Mongolian name, type, English role, Mongolian role,
interest, influence, category, government or not, vulnerable groups represented
(by their English names in the seeded list), notes.
"""

GOV, DEV, PRIV, NGO, ACAD, COMM = (
    "government",
    "development_partner",
    "private_sector",
    "ngo_cso",
    "academia",
    "community_group",
)
PAP, OIP, VUL = "project_affected_party", "other_interested_party", "vulnerable_group"
H, M, L = "high", "medium", "low"

TECHNICAL_ROLE = (
    "Potential technical agency supporting the Project: technical design inputs.",
    "Төслийг дэмжих техникийн байгууллага байж болзошгүй: техникийн зураг төсөлд санал өгөх.",
)
PARTNER_ROLE = (
    "Potential project partners. Participate in project design and implementation.",
    "Төслийн түнш байж болзошгүй. Төслийн зураг төсөл, хэрэгжилтэд оролцох.",
)
BENEFICIARY_ROLE = ("Participate in project design and implementation.", "Төслийн зураг төсөл, хэрэгжилтэд оролцох.")
HIGH_AFFECTED = (
    'SEP table 2 rates the interest "High/Affected".',
    "ООТТ-ний 2 дугаар хүснэгтэд сонирхлыг «Өндөр/Нөлөөлөлд өртөх» гэж үнэлсэн.",
)

STAKEHOLDERS = [
    (
        "Cabinet Secretariat of Mongolia",
        "Засгийн газрын Хэрэг эрхлэх газар",
        GOV,
        "Executing and implementation agency: technical design, permits, project steering committee lead.",
        "Хэрэгжүүлэгч байгууллага: техникийн зураг төсөл, зөвшөөрөл, Төслийн удирдах хороог ахлах.",
        H,
        H,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "World Bank",
        "Дэлхийн банк",
        DEV,
        "Financing of the Project. Follow up on the fulfilment of the objectives of the Project.",
        "Төслийг санхүүжүүлэх. Төслийн зорилтын биелэлтэд хяналт тавих.",
        H,
        H,
        OIP,
        False,
        [],
        ("", ""),
    ),
    (
        "Communication Information Technology Agency (CITA) or Ministry of Digital Development (to be established by 2022)",
        "Харилцаа холбоо, мэдээллийн технологийн газар (ХХМТГ) буюу Цахим хөгжлийн яам (2022 онд байгуулагдана)",
        GOV,
        "Key implementing agency: technical design, permits, project steering committee member.",
        "Гол хэрэгжүүлэгч байгууллага: техникийн зураг төсөл, зөвшөөрөл, Төслийн удирдах хорооны гишүүн.",
        H,
        H,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Ministry of Justice and Home Affairs (MoJHA)",
        "Хууль зүй, дотоод хэргийн яам (ХЗДХЯ)",
        GOV,
        "Key beneficiary recipient agency: technical design, permits, project steering committee member.",
        "Үр шим хүртэгч гол байгууллага: техникийн зураг төсөл, зөвшөөрөл, Төслийн удирдах хорооны гишүүн.",
        H,
        M,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Ministry of Environment and Tourism (MoET)",
        "Байгаль орчин, аялал жуулчлалын яам (БОАЖЯ)",
        GOV,
        "Key beneficiary recipient agency: technical design, permits, project steering committee member. "
        "The MoET will provide environmental clearances and may undertake inspections and monitoring at its discretion.",
        "Үр шим хүртэгч гол байгууллага: техникийн зураг төсөл, зөвшөөрөл, Төслийн удирдах хорооны гишүүн. "
        "БОАЖЯ байгаль орчны зөвшөөрөл олгох бөгөөд өөрийн үзэмжээр хяналт шалгалт, мониторинг хийж болно.",
        H,
        M,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Ministry of Finance",
        "Сангийн яам",
        GOV,
        "Follow up on the fulfilment of the Minister's Regulation 196 on utilization of proceeds of external debts "
        "incurred by the Government of Mongolia; implementation, administration, financing, monitoring and evaluation "
        "of projects and programs funded by such proceeds.",
        "Засгийн газрын гадаад зээлийн хөрөнгийг ашиглах тухай Сайдын 196 дугаар журмын биелэлтэд хяналт тавих; "
        "уг хөрөнгөөр санхүүжих төсөл, хөтөлбөрийн хэрэгжилт, удирдлага, санхүүжилт, хяналт-шинжилгээ, үнэлгээ.",
        M,
        H,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "National Development Agency (NDA) or Ministry of Economic Development (to be established by 2022)",
        "Үндэсний хөгжлийн газар (ҮХГ) буюу Эдийн засаг, хөгжлийн яам (2022 онд байгуулагдана)",
        GOV,
        "Inclusion in the Public Investment Project plan and development strategy. Coordination in project design and "
        "implementation. Potential implementing agency for Component 3 on Digital Economy.",
        "Улсын хөрөнгө оруулалтын төслийн төлөвлөгөө, хөгжлийн стратегид тусгах. Төслийн зураг төсөл, хэрэгжилтийн "
        "уялдааг хангах. Цахим эдийн засгийн 3 дугаар бүрэлдэхүүн хэсгийг хэрэгжүүлэгч байж болзошгүй.",
        H,
        M,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Agency for Land Administration and Management, Geodesy and Cartography (ALAMGC)",
        "Газар зохион байгуулалт, геодези, зураг зүйн газар (ГЗБГЗЗГ)",
        GOV,
        *TECHNICAL_ROLE,
        M,
        L,
        PAP,
        True,
        [],
        ("", ""),
    ),
    ("National Academy of Governance", "Удирдлагын академи", GOV, *TECHNICAL_ROLE, H, L, PAP, True, [], ("", "")),
    (
        "National Center for Lifelong Education",
        "Насан туршийн боловсролын үндэсний төв",
        GOV,
        *TECHNICAL_ROLE,
        H,
        L,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Small and Medium Enterprise Agency",
        "Жижиг, дунд үйлдвэрийн газар",
        GOV,
        *TECHNICAL_ROLE,
        H,
        L,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Municipality of Ulaanbaatar City and aimag authorities and their local public service agencies",
        "Нийслэл Улаанбаатар хот, аймгуудын Засаг даргын тамгын газар, орон нутгийн төрийн үйлчилгээний байгууллагууд",
        GOV,
        "Participate in the project implementation. Beneficiary recipients.",
        "Төслийн хэрэгжилтэд оролцох. Үр шим хүртэгч.",
        M,
        L,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Project Steering Committee",
        "Төслийн удирдах хороо",
        GOV,
        "Chaired by the Cabinet Secretariat of Mongolia, with representatives of beneficiary agencies such as CITA, "
        "the Ministry of Justice and Home Affairs and the Ministry of Finance. Provides overall guidance to project "
        "implementation as per Regulation 196.",
        "Засгийн газрын Хэрэг эрхлэх газар даргалах бөгөөд ХХМТГ, Хууль зүй, дотоод хэргийн яам, Сангийн яам зэрэг "
        "үр шим хүртэгч байгууллагын төлөөллөөс бүрдэнэ. 196 дугаар журмын дагуу төслийн хэрэгжилтэд ерөнхий "
        "чиглэл өгнө.",
        H,
        H,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Project Implementation Unit",
        "Төсөл хэрэгжүүлэх нэгж",
        GOV,
        "Lead project implementation.",
        "Төслийн хэрэгжилтийг удирдана.",
        H,
        H,
        PAP,
        True,
        [],
        ("", ""),
    ),
    (
        "Contractors",
        "Гэрээт гүйцэтгэгчид",
        PRIV,
        "Project partners. Participate in the project implementation.",
        "Төслийн түншүүд. Төслийн хэрэгжилтэд оролцох.",
        H,
        H,
        PAP,
        False,
        [],
        ("", ""),
    ),
    (
        "Consultants and advisors",
        "Зөвлөхүүд",
        PRIV,
        "Project partners. Participate in the project implementation.",
        "Төслийн түншүүд. Төслийн хэрэгжилтэд оролцох.",
        M,
        M,
        OIP,
        False,
        [],
        ("", ""),
    ),
    (
        "Local education and research institutes (University of Science and Technology, National University of "
        "Mongolia, Academy of Sciences, public and private training institutes and centres, etc.)",
        "Дотоодын боловсрол, судалгааны байгууллагууд (ШУТИС, МУИС, ШУА, төрийн болон хувийн сургалтын "
        "байгууллага, төвүүд гэх мэт)",
        ACAD,
        *PARTNER_ROLE,
        M,
        L,
        OIP,
        False,
        [],
        ("", ""),
    ),
    (
        "NGOs and interest groups (youth and women oriented organisations, ICT professional associations, tech savvies, "
        "associations of people with disability, ethnic minority education right activists, Mongolian Chamber of "
        "Commerce and its business councils, skills development international NGOs, etc.)",
        "ТББ, ашиг сонирхлын бүлгүүд (залуучууд, эмэгтэйчүүдэд чиглэсэн байгууллага, МХТ-ийн мэргэжлийн холбоод, "
        "технологийн идэвхтнүүд, хөгжлийн бэрхшээлтэй хүмүүсийн холбоод, үндэстний цөөнхийн боловсролын эрхийн "
        "төлөө идэвхтнүүд, Монголын Худалдаа аж үйлдвэрийн танхим, түүний бизнес зөвлөлүүд, ур чадвар хөгжүүлэх "
        "олон улсын ТББ гэх мэт)",
        NGO,
        *PARTNER_ROLE,
        H,
        M,
        OIP,
        False,
        ["Youth", "Women", "Persons with disabilities", "Ethnic minority households", "Small business enterprises"],
        ("", ""),
    ),
    (
        "Beneficiary public entities (state-owned enterprises such as the IT park, innovation hubs, ICT units in public "
        "organisations and public service providers, etc.)",
        "Үр шим хүртэгч төрийн байгууллагууд (Мэдээллийн технологийн үндэсний парк зэрэг төрийн өмчит аж ахуйн нэгж, "
        "инновацийн төвүүд, төрийн байгууллагын МХТ-ийн нэгж, төрийн үйлчилгээ үзүүлэгчид гэх мэт)",
        GOV,
        *BENEFICIARY_ROLE,
        H,
        L,
        PAP,
        True,
        [],
        HIGH_AFFECTED,
    ),
    (
        "Beneficiary private entities (local and international ICT businesses, startups, ICT goods suppliers and "
        "software developers, consulting firms, SMEs, tourism entities, etc.)",
        "Үр шим хүртэгч хувийн хэвшил (дотоод, гадаадын МХТ-ийн компани, гарааны бизнес, МХТ-ийн бараа нийлүүлэгч, "
        "программ хангамж хөгжүүлэгч, зөвлөх компани, ЖДҮ, аялал жуулчлалын байгууллага гэх мэт)",
        PRIV,
        *BENEFICIARY_ROLE,
        H,
        L,
        PAP,
        False,
        ["Small business enterprises"],
        HIGH_AFFECTED,
    ),
    (
        "Beneficiary citizens living in urban and rural settings",
        "Хот, хөдөөд амьдардаг үр шим хүртэгч иргэд",
        COMM,
        *BENEFICIARY_ROLE,
        H,
        L,
        PAP,
        False,
        [],
        HIGH_AFFECTED,
    ),
    (
        "Potential vulnerable groups among project beneficiaries, as individuals and collective groups (such as ethnic "
        "minority groups, rural citizens, women, people with disability, youth)",
        "Төслийн үр шим хүртэгчдийн дундах эмзэг бүлэг, хувь хүн болон бүлгээрээ (үндэстний цөөнх, хөдөөгийн иргэд, "
        "эмэгтэйчүүд, хөгжлийн бэрхшээлтэй хүмүүс, залуучууд гэх мэт)",
        COMM,
        *BENEFICIARY_ROLE,
        H,
        L,
        VUL,
        False,
        ["Ethnic minority households", "Women", "Persons with disabilities", "Youth"],
        HIGH_AFFECTED,
    ),
    (
        "Donors and development partners operating in Mongolia (United Nations and its entities in Mongolia, ADB, EU "
        "and other country delegation offices and bilateral agencies, etc.)",
        "Монголд үйл ажиллагаа явуулж буй хандивлагч, хөгжлийн түншүүд (НҮБ, түүний Монгол дахь байгууллагууд, АХБ, "
        "ЕХ болон бусад улсын төлөөлөгчийн газар, хоёр талт байгууллагууд гэх мэт)",
        DEV,
        "Coordination in project design and implementation.",
        "Төслийн зураг төсөл, хэрэгжилтийн уялдааг хангах.",
        H,
        L,
        OIP,
        False,
        [],
        (
            'SEP table 2 rates the interest "High/Medium"; recorded here as high.',
            "ООТТ-ний 2 дугаар хүснэгтэд сонирхлыг «Өндөр/Дунд» гэж үнэлсэн; энд өндөр гэж бүртгэв.",
        ),
    ),
]
