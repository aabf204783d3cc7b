"""Public read-only API of the document library: only public versions, never drafts before disclosure."""

from django.db.models import Prefetch
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from .. import selectors
from .filters import DocumentFilter, VersionFilter
from .serializers import DocumentSerializer, VersionSerializer


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    permission_classes = [AllowAny]
    authentication_classes = []

    def get_queryset(self):
        versions = selectors.version_list().select_related(None).order_by("-number")
        return selectors.document_list().prefetch_related(
            Prefetch("versions", queryset=versions, to_attr="public_versions")
        )


class VersionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = VersionSerializer
    filterset_class = VersionFilter
    permission_classes = [AllowAny]
    authentication_classes = []

    def get_queryset(self):
        return selectors.version_list()
