# ruff: noqa: E501 - data tables read best one text a line
"""SEP annex B: the feedback points of the 17 December 2021 meeting, by topic, each with a reasoned response.

The points are the SEP's. The SEP does not record a response to each point, so
the responses below are drafted from what the SEP itself says about the
project (its components in table 1, its vulnerable groups and channels), as
a safeguards specialist would publish them.
"""

A, P, N, OUT = "accepted", "partly_accepted", "not_accepted", "out_of_scope"
ST31 = ("Subcomponent 3.1", "3.1 дэд бүрэлдэхүүн хэсэг")
ST32 = ("Subcomponent 3.2", "3.2 дэд бүрэлдэхүүн хэсэг")
ST33 = ("Subcomponent 3.3 (SEP table 1)", "3.3 дэд бүрэлдэхүүн хэсэг (ООТТ-ний 1 дүгээр хүснэгт)")
ST21 = ("Subcomponent 2.1", "2.1 дэд бүрэлдэхүүн хэсэг")
ST12 = ("Subcomponent 1.2", "1.2 дэд бүрэлдэхүүн хэсэг")
SEP4 = ("SEP section 4", "ООТТ-ний 4 дүгээр бүлэг")
NONE = ("", "")

TOPICS = [
    (
        "Digital literacy",
        "Цахим бичиг үсэг",
        [
            (
                "To target herders to be involved in online communication and daily business such as accessing employment documents.",
                "Малчдыг цахим харилцаа, ажил эрхлэлтийн баримт бичиг авах зэрэг өдөр тутмын үйл ажиллагаанд хамруулахад чиглэх.",
                A,
                "Herders are on the SEP's list of vulnerable groups; the digital skills training for citizens will reach out to them.",
                "Малчид ООТТ-ний эмзэг бүлгийн жагсаалтад орсон; иргэдэд зориулсан цахим ур чадварын сургалтад тэднийг хамруулна.",
                ("SEP section 4; subcomponent 3.1", "ООТТ-ний 4 дүгээр бүлэг; 3.1 дэд бүрэлдэхүүн хэсэг"),
            ),
            (
                "To provide digital literacy training taking into account that many families have no digital devices, and the relevant survey results.",
                "Олон өрх цахим төхөөрөмжгүй байгаа болон холбогдох судалгааны дүнг харгалзан цахим бичиг үсгийн сургалт зохион байгуулах.",
                P,
                "Training for citizens is part of subcomponent 3.1 and will build on the social impact assessment. The project components (SEP table 1) do not include providing devices to households.",
                "Иргэдийн сургалт 3.1 дэд бүрэлдэхүүн хэсэгт багтсан бөгөөд нийгмийн нөлөөллийн үнэлгээнд тулгуурлана. Өрхөд төхөөрөмж олгох нь төслийн бүрэлдэхүүн хэсэгт (ООТТ-ний 1 дүгээр хүснэгт) ороогүй.",
                ST31,
            ),
            (
                "To digitalise activities in the agricultural sector.",
                "Хөдөө аж ахуйн салбарын үйл ажиллагааг цахимжуулах.",
                OUT,
                "The project components (SEP table 1) do not cover digitalising a particular sector. Agricultural SMEs can still apply for the SME support under subcomponent 3.3.",
                "Төслийн бүрэлдэхүүн хэсгүүд (ООТТ-ний 1 дүгээр хүснэгт) тодорхой салбарыг цахимжуулахыг хамраагүй. Гэхдээ хөдөө аж ахуйн ЖДҮ 3.3 дэд бүрэлдэхүүн хэсгийн дэмжлэгт хамрагдах боломжтой.",
                NONE,
            ),
            (
                "Digital literacy and other capacity building activities can be organised in cooperation with the Family and Child Development Center.",
                "Цахим бичиг үсэг болон чадавх бэхжүүлэх бусад үйл ажиллагааг Гэр бүл, хүүхдийн хөгжлийн төвтэй хамтран зохион байгуулж болно.",
                A,
                "The centre will be considered as a training partner when the citizens' training is planned.",
                "Иргэдийн сургалтыг төлөвлөхдөө уг төвийг сургалтын түншээр авч үзнэ.",
                ST31,
            ),
        ],
    ),
    (
        "Engagement process",
        "Оролцооны үйл явц",
        [
            (
                "To expand the structure of the data centre to the local level.",
                "Дата төвийн бүтцийг орон нутгийн түвшинд өргөжүүлэх.",
                N,
                "Subcomponent 2.2 upgrades the government's two national-level data centres into a national cloud computing platform; separate local data centres are not part of the design.",
                "2.2 дэд бүрэлдэхүүн хэсгээр Засгийн газрын үндэсний түвшний хоёр дата төвийг үндэсний үүлэн тооцооллын платформ болгон шинэчилнэ; орон нутагт тусдаа дата төв байгуулах нь төслийн загварт ороогүй.",
                NONE,
            ),
            (
                "To upgrade the electronic notary service.",
                "Цахим нотариатын үйлчилгээг сайжруулах.",
                P,
                "Subcomponent 2.1 adds and improves online public services in the e-Mongolia portal. Which services are added is agreed with the beneficiary agencies, the Ministry of Justice and Home Affairs among them.",
                "2.1 дэд бүрэлдэхүүн хэсгээр e-Mongolia портал дахь цахим төрийн үйлчилгээг нэмж, сайжруулна. Ямар үйлчилгээ нэмэхийг үр шим хүртэгч байгууллагууд, тэр дундаа Хууль зүй, дотоод хэргийн яамтай тохиролцоно.",
                ST21,
            ),
        ],
    ),
    (
        "Adoption of the new legal framework and its implementation",
        "Шинэ эрх зүйн орчин, түүний хэрэгжилт",
        [
            (
                "With the enactment of the Electronic Digital Signature Act, the existing infrastructure needs to be upgraded to identify people for electronic documents.",
                "Цахим гарын үсгийн тухай хууль батлагдсантай холбогдуулан цахим баримт бичигт хүнийг таних одоогийн дэд бүтцийг шинэчлэх шаардлагатай.",
                A,
                "Subcomponent 1.1 strengthens the regulations for digital transformation and component 2 the shared digital infrastructure; the identification needs of the new Act will be taken into account in both.",
                "1.1 дэд бүрэлдэхүүн хэсгээр цахим шилжилтийн эрх зүйн зохицуулалтыг, 2 дугаар бүрэлдэхүүн хэсгээр нийтлэг цахим дэд бүтцийг бэхжүүлнэ; шинэ хуулиар шаардсан хүнийг таних хэрэгцээг хоёуланд нь тусгана.",
                ("Subcomponent 1.1; component 2", "1.1 дэд бүрэлдэхүүн хэсэг; 2 дугаар бүрэлдэхүүн хэсэг"),
            ),
            (
                "To amend the relevant laws that encourage paper-based business activities.",
                "Цаасан хэлбэрийн үйл ажиллагааг шаардсан холбогдох хуулиудад өөрчлөлт оруулах.",
                P,
                "Subcomponent 1.1 supports policy and regulatory work for digital transformation. Amending laws is for Parliament and the Government to decide, not for the project.",
                "1.1 дэд бүрэлдэхүүн хэсэг нь цахим шилжилтийн бодлого, эрх зүйн зохицуулалтыг боловсронгуй болгоход дэмжлэг үзүүлнэ. Хуульд өөрчлөлт оруулах эсэхийг Улсын Их Хурал, Засгийн газар шийднэ.",
                ("Subcomponent 1.1", "1.1 дэд бүрэлдэхүүн хэсэг"),
            ),
            (
                "To create an electronic archive infrastructure.",
                "Цахим архивын дэд бүтэц бий болгох.",
                P,
                "The national cloud computing platform built under subcomponent 2.2 is shared infrastructure that archives can use; a dedicated archive system is not in the current design.",
                "2.2 дэд бүрэлдэхүүн хэсгээр байгуулах үндэсний үүлэн тооцооллын платформ нь архивын байгууллага ч ашиглаж болох нийтлэг дэд бүтэц юм; тусгай архивын систем одоогийн загварт ороогүй.",
                ("Subcomponent 2.2", "2.2 дэд бүрэлдэхүүн хэсэг"),
            ),
        ],
    ),
    (
        "Employment and SMEs",
        "Ажил эрхлэлт ба ЖДҮ",
        [
            (
                "To include more SMEs, service businesses among them.",
                "Үйлчилгээний салбарынхныг оруулаад илүү олон ЖДҮ хамруулах.",
                A,
                "Subcomponent 3.3 supports small and medium enterprises in adopting digital solutions; service businesses are among the beneficiaries the SEP names.",
                "3.3 дэд бүрэлдэхүүн хэсгээр жижиг, дунд үйлдвэрт цахим шийдэл нэвтрүүлэхэд дэмжлэг үзүүлнэ; ООТТ-нд нэрлэсэн үр шим хүртэгчдэд үйлчилгээний байгууллагууд багтсан.",
                ST33,
            ),
            (
                "To specify the expected outcomes of the youth employment support programme.",
                "Залуучуудын ажил эрхлэлтийг дэмжих хөтөлбөрийн хүлээгдэж буй үр дүнг тодорхой болгох.",
                A,
                "Subcomponent 3.2 sets the target of 3,000 digital-enabled jobs for youths, especially women.",
                "3.2 дэд бүрэлдэхүүн хэсэгт залуучууд, ялангуяа эмэгтэйчүүдэд зориулсан 3,000 цахим ажлын байр бий болгох зорилт тавьсан.",
                ("Subcomponent 3.2 (SEP table 1)", "3.2 дэд бүрэлдэхүүн хэсэг (ООТТ-ний 1 дүгээр хүснэгт)"),
            ),
            (
                "To add specific participation measures for people in rural and semi-urban areas.",
                "Хөдөө болон хот орчмын иргэдийн оролцоог хангах тусгай арга хэмжээ нэмэх.",
                A,
                "Remote and ger area residents and temporary residents without regular electricity or internet are on the list of vulnerable groups, and the SEP uses traditional channels (TV, radio, newspapers, phone lines and mail) for people who do not use online channels.",
                "Алслагдсан болон гэр хорооллын оршин суугчид, цахилгаан, интернэтэд тогтмол холбогдох боломжгүй түр оршин суугчид эмзэг бүлгийн жагсаалтад орсон бөгөөд цахим суваг ашигладаггүй иргэдэд зориулж ООТТ-нд уламжлалт сувгийг (телевиз, радио, сонин, утас, шуудан) ашиглахаар тусгасан.",
                ("SEP sections 4 and 5", "ООТТ-ний 4, 5 дугаар бүлэг"),
            ),
            (
                "To update the communication practices and channels for disseminating information.",
                "Мэдээлэл түгээх харилцааны арга, сувгийг шинэчлэх.",
                A,
                "The SEP diversifies the channels: social media and online platforms, traditional media, dedicated phone lines and printed copies at public locations.",
                "ООТТ-нд сувгийг олон төрөл болгосон: олон нийтийн сүлжээ, цахим платформ, уламжлалт хэвлэл мэдээлэл, тусгай утасны шугам, олон нийтийн газар байршуулах хэвлэмэл хувь.",
                ("SEP sections 5 and 6 (table 4)", "ООТТ-ний 5, 6 дугаар бүлэг (4 дүгээр хүснэгт)"),
            ),
        ],
    ),
    (
        "People with disabilities",
        "Хөгжлийн бэрхшээлтэй иргэд",
        [
            (
                "Current legal amendments provide grounds for ICT use and a barrier-free environment.",
                "Одоогийн хуулийн нэмэлт, өөрчлөлт нь МХТ ашиглах, саадгүй орчин бүрдүүлэх үндэслэл болж байна.",
                A,
                "Taken into account in the accessible means of communication the SEP provides for persons with disabilities.",
                "ООТТ-нд хөгжлийн бэрхшээлтэй иргэдэд зориулан тусгасан хүртээмжтэй харилцааны хэрэгслүүдэд харгалзан үзсэн.",
                SEP4,
            ),
            (
                "People with intellectual disabilities are often left out.",
                "Оюуны хөгжлийн бэрхшээлтэй хүмүүс ихэвчлэн орхигддог.",
                A,
                "The SEP provides easy-to-read versions of documents for people with learning disabilities and contact before meetings for people with mental health difficulties.",
                "ООТТ-нд суралцахад бэрхшээлтэй хүмүүст зориулсан хялбаршуулсан баримт бичиг, сэтгэцийн эрүүл мэндийн бэрхшээлтэй хүмүүстэй уулзалтын өмнө холбогдох арга хэмжээг тусгасан.",
                SEP4,
            ),
            (
                "To take account of specific job settings and requirements, and to set flexible job criteria for employing persons with disabilities.",
                "Хөгжлийн бэрхшээлтэй хүмүүсийг ажилд авахдаа ажлын байрны онцлог, шаардлагыг харгалзаж, уян хатан шалгуур тогтоох.",
                P,
                "The jobs programme will be designed with the social impact assessment's findings on persons with disabilities; the hiring criteria themselves are set by the employers.",
                "Ажлын байрны хөтөлбөрийг нийгмийн нөлөөллийн үнэлгээнээс хөгжлийн бэрхшээлтэй иргэдийн талаар гарсан дүгнэлтэд үндэслэн боловсруулна; ажилд авах шалгуурыг ажил олгогч тогтооно.",
                ST32,
            ),
            (
                "To support opportunities for children with disabilities to learn and socialise, and for their parents to be self-employed and supportive.",
                "Хөгжлийн бэрхшээлтэй хүүхдийн суралцах, нийгэмших, эцэг эхийнх нь хувиараа хөдөлмөр эрхлэх боломжийг дэмжих.",
                P,
                "Parents can take part in the citizens' digital skills training and the digital jobs programme; education services for children are outside the project's components.",
                "Эцэг эхчүүд иргэдийн цахим ур чадварын сургалт, цахим ажлын байрны хөтөлбөрт хамрагдах боломжтой; хүүхдийн боловсролын үйлчилгээ төслийн бүрэлдэхүүн хэсэгт ороогүй.",
                ("Subcomponents 3.1 and 3.2", "3.1, 3.2 дэд бүрэлдэхүүн хэсэг"),
            ),
            (
                "To provide on-the-job training opportunities.",
                "Ажлын байран дээр суралцах боломж олгох.",
                P,
                "To be considered when the jobs programme is designed; the SEP does not yet fix the form of the training.",
                "Ажлын байрны хөтөлбөрийг боловсруулахдаа авч үзнэ; сургалтын хэлбэрийг ООТТ-нд хараахан тогтоогоогүй.",
                ST32,
            ),
            (
                "Persons with disabilities have to look for jobs and find them on their own.",
                "Хөгжлийн бэрхшээлтэй хүмүүс ажлыг өөрсдөө хайж олох шаардлагатай болдог.",
                A,
                "Opportunities under the jobs programme will be announced through the accessible channels the SEP sets out.",
                "Ажлын байрны хөтөлбөрийн боломжийг ООТТ-нд заасан хүртээмжтэй сувгаар зарлана.",
                ST32,
            ),
            (
                "There are 7 common types of disability, and a single application form for people with multiple disabilities.",
                "Хөгжлийн бэрхшээлийн нийтлэг 7 төрөл байдаг бөгөөд олон төрлийн бэрхшээлтэй хүмүүс нэг өргөдлийн маягт бөглөдөг.",
                A,
                "Noted as background for the social impact assessment, which will confirm the vulnerable groups and their needs.",
                "Эмзэг бүлэг, тэдний хэрэгцээг баталгаажуулах нийгмийн нөлөөллийн үнэлгээнд суурь мэдээлэл болгон тэмдэглэв.",
                ("Social impact assessment", "Нийгмийн нөлөөллийн үнэлгээ"),
            ),
            (
                "Rehabilitation centres for people with disabilities have experienced ICT teachers and provide training regularly.",
                "Хөгжлийн бэрхшээлтэй хүмүүсийн нөхөн сэргээх төвүүд МХТ-ийн туршлагатай багштай бөгөөд тогтмол сургалт явуулдаг.",
                A,
                "These centres will be considered as training partners for the citizens' training.",
                "Иргэдийн сургалтад эдгээр төвийг сургалтын түншээр авч үзнэ.",
                ST31,
            ),
            (
                "Personal case: a qualified ICT engineer has been unemployed for lack of an accessible workplace and suitable job duties, and tried to start a business but was affected by COVID-19. He faced learning infrastructure challenges such as accommodation in the city, the high cost of a caretaker, and limited occupational choices for working in a team environment.",
                "Хувийн тохиолдол: мэргэшсэн МХТ-ийн инженер хүртээмжтэй ажлын байр, тохирох ажлын үүрэг байхгүйгээс ажилгүй байсан бөгөөд бизнес эхлүүлэхийг оролдсон ч COVID-19-д нэрвэгдсэн. Хотод байр олох, асран хамгаалагчийн өндөр зардал, багаар ажиллах мэргэжлийн сонголт хязгаарлагдмал зэрэг суралцах орчны бэрхшээлтэй тулгарсан.",
                P,
                "The project cannot solve an individual case, but accessible workplaces and job duties will be considered in the jobs programme and the SME support.",
                "Төсөл хувь хүний асуудлыг шийдэж чадахгүй ч хүртээмжтэй ажлын байр, ажлын үүргийг ажлын байрны хөтөлбөр болон ЖДҮ-ийн дэмжлэгт авч үзнэ.",
                ("Subcomponents 3.2 and 3.3", "3.2, 3.3 дэд бүрэлдэхүүн хэсэг"),
            ),
        ],
    ),
    (
        "SMEs",
        "ЖДҮ",
        [
            (
                "To specify the target activities for SMEs.",
                "ЖДҮ-д чиглэсэн үйл ажиллагааг тодорхой болгох.",
                A,
                "Subcomponent 3.3 defines the support: helping SMEs adopt digital solutions to improve their productivity, competitiveness and operational resilience.",
                "3.3 дэд бүрэлдэхүүн хэсэгт дэмжлэгийг тодорхойлсон: ЖДҮ-д бүтээмж, өрсөлдөх чадвар, үйл ажиллагааны тогтвортой байдлаа сайжруулах цахим шийдэл нэвтрүүлэхэд туслах.",
                ST33,
            ),
            (
                "To support SMEs in running their business in a virtual environment since the pandemic.",
                "Цар тахлын үеэс хойш ЖДҮ-д бизнесээ цахим орчинд эрхлэхэд дэмжлэг үзүүлэх.",
                A,
                "Operational resilience through digital solutions is one of the aims of the SME support.",
                "Цахим шийдлээр үйл ажиллагааны тогтвортой байдлыг хангах нь ЖДҮ-ийн дэмжлэгийн нэг зорилго юм.",
                ST33,
            ),
            (
                "To strengthen their capacity to receive digitalised services.",
                "Цахимжсан үйлчилгээ авах чадавхийг нь бэхжүүлэх.",
                A,
                "Covered by the digital skills training and the SME support.",
                "Цахим ур чадварын сургалт болон ЖДҮ-ийн дэмжлэгт хамрагдсан.",
                ("Subcomponents 3.1 and 3.3", "3.1, 3.3 дэд бүрэлдэхүүн хэсэг"),
            ),
        ],
    ),
    (
        "Capacity building of civil servants",
        "Төрийн албан хаагчдын чадавх бэхжүүлэлт",
        [
            (
                "Limited knowledge and skills affect the outcomes of digital investments.",
                "Мэдлэг, ур чадвар хангалтгүй байгаа нь цахим хөрөнгө оруулалтын үр дүнд нөлөөлж байна.",
                A,
                "Subcomponent 3.1 trains public officials and subcomponent 1.2 carries out change management for the public sector.",
                "3.1 дэд бүрэлдэхүүн хэсгээр төрийн албан хаагчдыг сургаж, 1.2 дэд бүрэлдэхүүн хэсгээр төрийн салбарт өөрчлөлтийн удирдлага хэрэгжүүлнэ.",
                ("Subcomponents 1.2 and 3.1", "1.2, 3.1 дэд бүрэлдэхүүн хэсэг"),
            ),
            (
                "To carry out systematic capacity building, from identifying needs to delivering training, in cooperation with training institutes such as the National Academy of Governance.",
                "Удирдлагын академи зэрэг сургалтын байгууллагатай хамтран хэрэгцээг тодорхойлохоос сургалт явуулах хүртэл тогтолцоотой чадавх бэхжүүлэлт хийх.",
                A,
                "The National Academy of Governance is in the stakeholder register as a technical agency supporting the project and will be involved in designing the training.",
                "Удирдлагын академи төслийг дэмжих техникийн байгууллагаар оролцогч талуудын бүртгэлд орсон бөгөөд сургалтыг боловсруулахад оролцоно.",
                ("SEP table 2; subcomponent 3.1", "ООТТ-ний 2 дугаар хүснэгт; 3.1 дэд бүрэлдэхүүн хэсэг"),
            ),
            (
                "To assess the ICT competence of core civil servants.",
                "Төрийн жинхэнэ албан хаагчдын МХТ-ийн ур чадварыг үнэлэх.",
                A,
                "To be included in the needs assessment that starts the training of public officials.",
                "Төрийн албан хаагчдын сургалтын өмнө хийх хэрэгцээний үнэлгээнд тусгана.",
                ST31,
            ),
            (
                "Civil servants' competence and the upgrading of business processes depend on each other, and citizens' capacity is low (30%).",
                "Төрийн албан хаагчдын ур чадвар, ажлын үйл явцын шинэчлэл хоорондоо хамааралтай бөгөөд иргэдийн чадавх бага (30%) байна.",
                A,
                "Change management for the public sector and training for both government and citizens are planned together.",
                "Төрийн салбарын өөрчлөлтийн удирдлага, төрийн албан хаагч болон иргэдийн сургалтыг уялдуулан төлөвлөнө.",
                ("Subcomponents 1.2 and 3.1", "1.2, 3.1 дэд бүрэлдэхүүн хэсэг"),
            ),
            (
                "Human resource capacity is low in general.",
                "Хүний нөөцийн чадавх ерөнхийдөө сул байна.",
                A,
                "Addressed by the training of public officials and by the capacity plan of the SEP.",
                "Төрийн албан хаагчдын сургалт болон ООТТ-ний чадавхийн төлөвлөгөөгөөр шийдвэрлэнэ.",
                ("Subcomponent 3.1; SEP section 9", "3.1 дэд бүрэлдэхүүн хэсэг; ООТТ-ний 9 дүгээр бүлэг"),
            ),
        ],
    ),
    (
        "E-Mongolia",
        "E-Mongolia",
        [
            (
                "To address the shortcomings and configuration issues of the services launched on the e-Mongolia platform.",
                "E-Mongolia платформд нэвтрүүлсэн үйлчилгээний дутагдал, тохиргооны асуудлыг шийдвэрлэх.",
                A,
                "Subcomponent 2.1 improves the quality of the services in the e-Mongolia portal as well as adding new ones.",
                "2.1 дэд бүрэлдэхүүн хэсгээр e-Mongolia порталд шинэ үйлчилгээ нэмэхийн зэрэгцээ одоо байгаа үйлчилгээний чанарыг сайжруулна.",
                ST21,
            ),
            (
                "To take sufficient preparatory action.",
                "Хангалттай бэлтгэл ажил хийх.",
                A,
                "Noted for the preparation of each new service with its beneficiary agency.",
                "Шинэ үйлчилгээ бүрийг үр шим хүртэгч байгууллагатай нь хамтран бэлтгэхэд анхаарна.",
                ST21,
            ),
            (
                "To reduce discrepancies in the data collected on citizens, and to cross-check data and pilot-test between government agencies.",
                "Иргэдийн талаар цуглуулсан мэдээллийн зөрүүг багасгаж, төрийн байгууллагуудын хооронд мэдээллийн тулгалт, туршилт хийх.",
                A,
                "Data cross-checking and pilot testing will be part of preparing services for the e-Mongolia portal.",
                "E-Mongolia порталын үйлчилгээг бэлтгэхдээ мэдээллийн тулгалт, туршилт хийнэ.",
                ST21,
            ),
            (
                "To display citizens' information, such as employment support loans, soum development funds and SME loans, in a unified way, to avoid repayment risks from duplicate loans.",
                "Ажил эрхлэлтийг дэмжих зээл, сумын хөгжлийн сан, ЖДҮ-ийн зээл зэрэг иргэдийн мэдээллийг нэгдсэн байдлаар харуулж, давхардсан зээлийн эргэн төлөлтийн эрсдэлээс сэргийлэх.",
                P,
                "Data sharing between agencies is part of the service improvements in the e-Mongolia portal; which registers are joined up depends on the agencies that own them.",
                "Байгууллага хоорондын мэдээлэл солилцоо e-Mongolia порталын үйлчилгээг сайжруулах ажлын нэг хэсэг; ямар бүртгэлийг холбохыг тухайн бүртгэлийг эзэмшигч байгууллага шийднэ.",
                ST21,
            ),
            (
                "To promote internal information and data sharing within government bodies, whose internal processes still run on paper, and to upgrade internal archiving.",
                "Дотоод үйл ажиллагаа нь цаасаар явсаар байгаа төрийн байгууллагуудын мэдээлэл солилцоог дэмжиж, дотоод архивыг шинэчлэх.",
                P,
                "Change management for the public sector promotes the shared infrastructure and platform; upgrading each body's internal archive is not in the current design.",
                "Төрийн салбарын өөрчлөлтийн удирдлагаар нийтлэг дэд бүтэц, платформын хэрэглээг дэмжинэ; байгууллага бүрийн дотоод архивыг шинэчлэх нь одоогийн загварт ороогүй.",
                ST12,
            ),
            (
                "To digitalise the state archives.",
                "Төрийн архивыг цахимжуулах.",
                OUT,
                "Digitalising the state archives is not among the project's components (SEP table 1).",
                "Төрийн архивыг цахимжуулах нь төслийн бүрэлдэхүүн хэсэгт (ООТТ-ний 1 дүгээр хүснэгт) ороогүй.",
                NONE,
            ),
            (
                "To assess changes in civil servants' workload that capture the impact of digital transformation.",
                "Цахим шилжилтийн нөлөөг харуулах төрийн албан хаагчдын ажлын ачааллын өөрчлөлтийг үнэлэх.",
                A,
                "To be considered in the change management for the public sector.",
                "Төрийн салбарын өөрчлөлтийн удирдлагад авч үзнэ.",
                ST12,
            ),
        ],
    ),
]
