"""Read endpoints: the register for staff, consultation events and feedback for everyone."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors
from ..models import AgendaItem, ConsultationEvent, FeedbackItem, Stakeholder
from .filters import ConsultationEventFilter, FeedbackItemFilter, StakeholderFilter
from .serializers import (
    ConsultationEventDetailSerializer,
    ConsultationEventSerializer,
    EngagementFiguresQuerySerializer,
    FeedbackItemPublicSerializer,
    StakeholderSerializer,
)


class CanViewStakeholderRegister(permissions.BasePermission):
    """Staff with the register's view permission: it holds representatives' contact details."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_staff and user.has_perm("stakeholders.view_stakeholder"))


class StakeholderViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Stakeholder.objects.none()  # for the schema; get_queryset gives the real one
    permission_classes = [CanViewStakeholderRegister]
    serializer_class = StakeholderSerializer
    filterset_class = StakeholderFilter

    def get_queryset(self):
        return selectors.stakeholder_list().prefetch_related("representatives")


class ConsultationEventViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = ConsultationEvent.objects.none()  # for the schema; get_queryset gives the real one
    permission_classes = [permissions.AllowAny]
    filterset_class = ConsultationEventFilter

    def get_queryset(self):
        events = selectors.event_public_list()
        if self.action == "retrieve":
            events = events.prefetch_related(
                Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("starts_at", "id")),
                "participations",
                "materials",
            )
        return events

    def get_serializer_class(self):
        return ConsultationEventDetailSerializer if self.action == "retrieve" else ConsultationEventSerializer


class FeedbackItemViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = FeedbackItem.objects.none()  # for the schema; get_queryset gives the real one
    permission_classes = [permissions.AllowAny]
    serializer_class = FeedbackItemPublicSerializer
    filterset_class = FeedbackItemFilter

    def get_queryset(self):
        return selectors.feedback_public_list()

    def get_serializer_context(self):
        if getattr(self, "swagger_fake_view", False):
            return super().get_serializer_context()
        return {
            **super().get_serializer_context(),
            "event_type_id": ContentType.objects.get_for_model(ConsultationEvent).pk,
        }


class EngagementFiguresView(APIView):
    """The SEP monitoring figures for a period: `?start=YYYY-MM-DD&end=YYYY-MM-DD`."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=[EngagementFiguresQuerySerializer], responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        query = EngagementFiguresQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(selectors.engagement_figures(**query.validated_data))
