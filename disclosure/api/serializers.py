from django.urls import reverse
from rest_framework import serializers

from ..models import Document, DocumentVersion, ExternalDisclosure, VersionFile
from ..services import DOCUMENT_FIELDS


class VersionFileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = VersionFile
        fields = ["language", "file_format", "size", "url"]

    def get_url(self, version_file) -> str | None:
        if version_file.version.is_withdrawn:
            return None
        path = reverse("disclosure:version_file", args=[version_file.pk, version_file.download_name])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ExternalDisclosureSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalDisclosure
        fields = ["venue", "disclosed_on", "url", "note"]


class VersionSerializer(serializers.ModelSerializer):
    files = VersionFileSerializer(many=True, read_only=True)
    external_disclosures = ExternalDisclosureSerializer(many=True, read_only=True)
    open_for_comment = serializers.SerializerMethodField()

    class Meta:
        model = DocumentVersion
        fields = [
            "id",
            "document",
            "kind",
            "number",
            "disclosure_date",
            "changes_mn",
            "changes_en",
            "comment_start",
            "comment_end",
            "open_for_comment",
            "withdrawn_at",
            "withdrawal_reason",
            "files",
            "external_disclosures",
        ]

    def get_open_for_comment(self, version) -> bool:
        return version.is_open_for_comment()


class DocumentSerializer(serializers.ModelSerializer):
    versions = VersionSerializer(many=True, read_only=True, source="public_versions")
    latest_disclosure_date = serializers.DateField(read_only=True)
    comment_open_until = serializers.DateField(read_only=True)

    class Meta:
        model = Document
        # The descriptive fields the specialist writes (services.DOCUMENT_FIELDS) are all public.
        fields = ["id", *DOCUMENT_FIELDS, "latest_disclosure_date", "comment_open_until", "versions"]
