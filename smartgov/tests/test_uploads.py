"""The one upload checker: each form's allow-list, the same refusal and the same words in every app."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from disclosure import uploads as disclosure_uploads
from grievances import uploads as grievance_uploads
from grievances.tests.public_helpers import PDF_BYTES, PNG_BYTES
from smartgov.uploads import RefusedUpload, UploadRules, check_upload


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def _upload(content, name="file.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _refusal(check, upload) -> str:
    with pytest.raises(RefusedUpload) as refused:
        check(upload)
    return refused.value.message


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"%PDF-1.7\n garbage", id="damaged PDF"),
        pytest.param(b"\x00" * 2048, id="too large"),
    ],
)
def test_grievances_and_disclosure_refuse_the_same_problem_in_the_same_words(settings, content):
    settings.UPLOAD_MAX_FILE_BYTES = 1024

    from_grievances = _refusal(grievance_uploads.check_upload, _upload(content))
    from_disclosure = _refusal(disclosure_uploads.check_upload, _upload(content))

    assert from_grievances == from_disclosure
    assert "“file.pdf”" in from_grievances


def test_a_type_outside_the_allow_list_is_refused_naming_the_accepted_formats():
    message = _refusal(grievance_uploads.check_upload, _upload(PROGRAM, name="letter.pdf"))

    assert message == "“letter.pdf” is not in a format accepted here. Accepted formats: JPG, PNG, GIF, WEBP, HEIC, PDF."


def test_each_app_accepts_only_its_own_types():
    photo = SimpleUploadedFile("photo.png", PNG_BYTES)

    assert grievance_uploads.check_upload(photo).content_type == "image/png"
    assert "Accepted formats: PDF, DOCX, ODT, XLSX." in _refusal(disclosure_uploads.check_upload, photo)


def test_a_size_limit_of_the_rules_overrides_the_setting(settings):
    settings.UPLOAD_MAX_FILE_BYTES = 10 * 1024 * 1024
    rules = UploadRules(types={"application/pdf": "pdf"}, max_bytes=100)

    with pytest.raises(RefusedUpload, match="is larger than 0.01 MB"):
        check_upload(_upload(PDF_BYTES), rules=rules)


def test_an_accepted_upload_is_returned_rewound_for_storing():
    upload = _upload(PDF_BYTES)

    assert check_upload(upload, rules=UploadRules(types={"application/pdf": "pdf"})) == "application/pdf"
    assert upload.tell() == 0
