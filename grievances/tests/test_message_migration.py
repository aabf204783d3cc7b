"""Migration 0012: a web case's text becomes the complainant's message; staff-written summaries stay."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from grievances.models import Grievance


def test_web_cases_move_their_text_to_the_message_and_staff_cases_keep_their_summaries(transactional_db):
    before = [("grievances", "0011_receipt_message")]
    after = MigrationExecutor(connection).loader.graph.leaf_nodes("grievances")
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldGrievance = old_apps.get_model("grievances", "Grievance")
    OldComplainant = old_apps.get_model("grievances", "Complainant")
    now = timezone.now()
    rows = [
        ("website", {"summary": "Бат гуайн хашаа", "summary_mn": "Бат гуайн хашаа"}, "mn"),
        ("website", {"summary": "Road near Dorj's house", "summary_en": "Road near Dorj's house"}, "kk"),
        ("hotline", {"summary": "Зам хаагдсан", "summary_mn": "Зам хаагдсан", "summary_en": "Road closed"}, "mn"),
    ]
    for number, (channel, texts, language) in enumerate(rows, start=1):
        case = OldGrievance.objects.create(
            registered_no=f"f-2026/{number:02}",
            registration_year=2026,
            registration_sequence=number,
            kind="complaint",
            channel=channel,
            received_at=now,
            state="registered",
            due_on=now.date(),
            **texts,
        )
        OldComplainant.objects.create(grievance=case, preferred_language=language)
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    first, second, hotline = Grievance.objects.order_by("registration_sequence")
    assert (first.message, first.message_language, first.summary_mn, first.summary_en) == (
        "Бат гуайн хашаа",
        "mn",
        "",
        "",
    )
    assert (second.message, second.message_language, second.summary_mn, second.summary_en) == (
        "Road near Dorj's house",
        "kk",
        "",
        "",
    )
    assert (hotline.message, hotline.summary_mn, hotline.summary_en) == ("", "Зам хаагдсан", "Road closed")
