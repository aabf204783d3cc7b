"""Seed the vulnerable groups named in the SEP (section 4); staff can edit the list later."""

from django.db import migrations

# (English, Mongolian, description in English, description in Mongolian)
SEP_VULNERABLE_GROUPS = [
    ("Youth", "Залуучууд", "", ""),
    ("Women", "Эмэгтэйчүүд", "", ""),
    ("Elderly", "Ахмад настан", "", ""),
    ("Poor", "Ядуу иргэд", "", ""),
    ("Low-income and single-headed households", "Бага орлоготой болон өрх толгойлсон өрх", "", ""),
    (
        "Temporary residents (rural migrants) without regular electricity or internet access",
        "Цахилгаан, интернэтэд тогтмол холбогдох боломжгүй түр оршин суугчид (хөдөөнөөс шилжин ирэгсэд)",
        "",
        "",
    ),
    (
        "Ethnic minority households",
        "Үндэстний цөөнх өрх",
        "Kazakh-speaking minority (3.8 percent of the population); Buriad, Tuva, Urianhai and Khoton "
        "(between 0.4 and 1.4 percent).",
        "Казах хэлтэй цөөнх (хүн амын 3.8 хувь); буриад, тува, урианхай, хотон (0.4-1.4 хувь).",
    ),
    ("Persons with disabilities", "Хөгжлийн бэрхшээлтэй иргэд", "", ""),
    ("Small business enterprises", "Жижиг бизнес эрхлэгчид", "", ""),
    ("Herders", "Малчид", "", ""),
    ("Remote and ger area residents", "Алслагдсан болон гэр хорооллын оршин суугчид", "", ""),
]


def seed(apps, schema_editor):
    group_model = apps.get_model("stakeholders", "VulnerableGroup")
    for position, (name_en, name_mn, description_en, description_mn) in enumerate(SEP_VULNERABLE_GROUPS, start=1):
        group_model.objects.update_or_create(
            name_en=name_en,
            defaults={
                "name": name_mn,
                "name_mn": name_mn,
                "description": description_mn,
                "description_mn": description_mn,
                "description_en": description_en,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0002_register_and_consultation_events")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
