import django_filters

from .. import selectors
from ..forms import STATUS_CHOICES
from ..models import Document, DocumentType, DocumentVersion, FileLanguage, ProjectStage, VersionKind


class DocumentFilter(django_filters.FilterSet):
    """The library's filters; the logic lives in the selectors so the page and the API agree."""

    q = django_filters.CharFilter(method="filter_search", label="search")
    doc_type = django_filters.ChoiceFilter(choices=DocumentType.choices)
    project_stage = django_filters.ChoiceFilter(choices=ProjectStage.choices)
    language = django_filters.ChoiceFilter(choices=FileLanguage.choices, method="filter_language")
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES[1:], method="filter_status")

    class Meta:
        model = Document
        fields = ["q", "doc_type", "project_stage", "language", "status"]

    def filter_search(self, queryset, name, value):
        return selectors.documents_filter_search(queryset, value)

    def filter_language(self, queryset, name, value):
        return selectors.documents_filter_language(queryset, value)

    def filter_status(self, queryset, name, value):
        return selectors.documents_filter_status(queryset, value)


class VersionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=VersionKind.choices)
    doc_type = django_filters.ChoiceFilter(field_name="document__doc_type", choices=DocumentType.choices)
    language = django_filters.ChoiceFilter(field_name="files__language", choices=FileLanguage.choices, distinct=True)
    disclosed_after = django_filters.DateFilter(field_name="disclosure_date", lookup_expr="gte")
    disclosed_before = django_filters.DateFilter(field_name="disclosure_date", lookup_expr="lte")

    class Meta:
        model = DocumentVersion
        fields = ["document", "kind", "doc_type", "language", "disclosed_after", "disclosed_before"]
