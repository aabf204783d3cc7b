import time

import pytest

from disclosure.models import FileLanguage, VersionFile
from disclosure.tests.factories import make_version, pdf_upload

pytestmark = pytest.mark.worker


def test_a_real_worker_extracts_the_text_after_the_upload_commits(redis_celery_worker):
    version = make_version(
        published=False, files={FileLanguage.MONGOLIAN: pdf_upload("Бэлчээрийн нөхцөл", language="mn")}
    )
    stored = version.files.get()
    for _ in range(100):  # wait for the worker, not a timing assertion
        stored = VersionFile.objects.get(pk=stored.pk)
        if stored.text_extracted_at:
            break
        time.sleep(0.1)
    assert "Бэлчээрийн нөхцөл" in stored.extracted_text
