"""Staff API on the grievance log: list, read and the named transitions (one service each)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .. import selectors, services, workflow
from .filters import GrievanceFilter
from .serializers import (
    AssignSerializer,
    EscalateSerializer,
    GrievanceSerializer,
    GrievanceWithComplainantSerializer,
    MarkUnrelatedSerializer,
    ResolveSerializer,
    TransitionSerializer,
)

COMPLAINANT_NOTE = "`complainant` is present only for users with the grievances.view_complainant permission."


class CanSeeGrievances(permissions.BasePermission):
    """Staff who may see cases; the queryset narrows PSC members to the cases assigned to them."""

    def has_permission(self, request, view):
        return bool(
            request.user and request.user.is_authenticated and request.user.has_perm("grievances.view_grievance")
        )


def _transition(name, input_serializer, service):
    """Build the POST endpoint `name` that validates its input and calls one transition service.

    A person without the right to make it gets 403; bad input is answered 400 by
    the serializer, a transition the case's state refuses 400 by
    smartgov.api.exception_handler; either way the service has changed nothing.
    """

    def endpoint(self, request, pk=None):
        grievance = self.get_object()
        # Lacking the right is 403 whatever the case's state; a wrong state or bad input stays 400.
        if not workflow.may_act(workflow.Action(name), grievance, request.user):
            raise exceptions.PermissionDenied(workflow.refusal_message(workflow.Action(name), grievance))
        data = input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        grievance = service(grievance=grievance, actor=request.user, **data.validated_data)
        return Response(self.get_serializer(selectors.grievance_get_for_user(user=request.user, pk=grievance.pk)).data)

    endpoint.__name__ = name
    endpoint = extend_schema(request=input_serializer, responses=GrievanceWithComplainantSerializer)(endpoint)
    return action(detail=True, methods=["post"], url_path=name.replace("_", "-"))(endpoint)


@extend_schema_view(
    list=extend_schema(responses=GrievanceWithComplainantSerializer(many=True), description=COMPLAINANT_NOTE),
    retrieve=extend_schema(responses=GrievanceWithComplainantSerializer, description=COMPLAINANT_NOTE),
)
class GrievanceViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanSeeGrievances]
    filterset_class = GrievanceFilter

    def get_queryset(self):
        queryset = selectors.grievance_list_for_user(user=self.request.user).order_by("-received_at", "-pk")
        if self._shows_complainant():
            queryset = queryset.select_related("complainant")
        return queryset

    def _shows_complainant(self):
        return self.request.user.has_perm("grievances.view_complainant")

    def get_serializer_class(self):
        return GrievanceWithComplainantSerializer if self._shows_complainant() else GrievanceSerializer

    acknowledge = _transition("acknowledge", TransitionSerializer, services.grievance_acknowledge)
    mark_unrelated = _transition("mark_unrelated", MarkUnrelatedSerializer, services.grievance_mark_unrelated)
    assign = _transition("assign", AssignSerializer, services.grievance_assign)
    escalate = _transition("escalate", EscalateSerializer, services.grievance_escalate)
    resolve = _transition("resolve", ResolveSerializer, services.grievance_resolve)
    reopen = _transition("reopen", TransitionSerializer, services.grievance_reopen)
    close = _transition("close", TransitionSerializer, services.grievance_close)
