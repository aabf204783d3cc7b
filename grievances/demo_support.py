"""Demo support services for the sensitive-case pathway (SEA/SH). Idempotent.

The services are the kinds Mongolia has (the police, the 108 child and family
helpline, the National Center Against Violence, the one-stop service centres
at hospitals); every name says "demo": staff replace them with the services
and numbers they have checked before the portal goes live.
"""

from .models import SupportService

DEMO_SERVICES = [
    {
        "ordering": 10,
        "phone": "102",
        "aimag": "",
        "name_mn": "Цагдаагийн байгууллага (демо)",
        "name_en": "Police (demo)",
        "name_kk": "Полиция (демо)",
        "offers_mn": "Таны амь нас, эрүүл мэнд аюулд байвал яаралтай тусламж.",
        "offers_en": "Emergency help when your life or health is in danger.",
        "offers_kk": "Өміріңізге не денсаулығыңызға қауіп төнсе, шұғыл көмек.",
        "hours_mn": "24 цаг",
        "hours_en": "24 hours",
        "hours_kk": "Тәулік бойы",
    },
    {
        "ordering": 20,
        "phone": "108",
        "aimag": "",
        "name_mn": "Хүүхэд, гэр бүлийн тусламжийн утас 108 (демо)",
        "name_en": "Child and family helpline 108 (demo)",
        "name_kk": "Бала мен отбасына көмек желісі 108 (демо)",
        "offers_mn": "Хүчирхийлэл, дарамтын талаар нууцлалтай зөвлөгөө, шаардлагатай бол тусламж зохион байгуулна.",
        "offers_en": "Confidential advice about violence and harassment; arranges help when needed.",
        "offers_kk": "Зорлық-зомбылық пен қысым туралы құпия кеңес; қажет болса, көмек ұйымдастырады.",
        "hours_mn": "24 цаг, үнэ төлбөргүй",
        "hours_en": "24 hours, free of charge",
        "hours_kk": "Тәулік бойы, тегін",
    },
    {
        "ordering": 30,
        "phone": "7011-0000",
        "aimag": "MN-1",
        "name_mn": "Хүчирхийллийн эсрэг үндэсний төв (ҮХТ) (демо)",
        "name_en": "National Center Against Violence (demo)",
        "name_kk": "Зорлық-зомбылыққа қарсы ұлттық орталық (демо)",
        "offers_mn": "Сэтгэл зүйн болон хуулийн зөвлөгөө, түр хамгаалах байр.",
        "offers_en": "Counselling, legal advice and a temporary shelter.",
        "offers_kk": "Психологиялық және заң кеңесі, уақытша баспана.",
        "hours_mn": "Даваа–Баасан 09:00–18:00",
        "hours_en": "Monday to Friday, 09:00–18:00",
        "hours_kk": "Дүйсенбі–жұма, 09:00–18:00",
    },
    {
        "ordering": 40,
        "phone": "7042-0000",
        "aimag": "MN-071",
        "name_mn": "Нэг цэгийн үйлчилгээний төв, Баян-Өлгий аймгийн нэгдсэн эмнэлэг (демо)",
        "name_en": "One-stop service centre, Bayan-Ölgii general hospital (demo)",
        "name_kk": "Бір терезе қызмет орталығы, Баян-Өлгей аймақтық ауруханасы (демо)",
        "offers_mn": "Эмнэлгийн тусламж, сэтгэл зүйн зөвлөгөө, цагдаа болон хамгаалах байртай холбох.",
        "offers_en": "Medical care, counselling, and contact with the police and a shelter.",
        "offers_kk": "Медициналық көмек, психологиялық кеңес, полициямен және баспанамен байланыстыру.",
        "hours_mn": "24 цаг",
        "hours_en": "24 hours",
        "hours_kk": "Тәулік бойы",
    },
]


def load(stdout):
    """Create the demo services that are not there yet."""
    created = 0
    for values in DEMO_SERVICES:
        if not SupportService.objects.filter(name_en=values["name_en"]).exists():
            SupportService.objects.create(**values)
            created += 1
    stdout.write(f"grievances: {created} demo support services created")
