"""Staff API on the grievance log: list, read and the named transitions (one service each)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .. import access_log, selectors, workflow
from . import serializers
from .filters import GrievanceFilter
from .serializers import GrievanceWithComplainantSerializer

COMPLAINANT_NOTE = "`complainant` is present only for users with the grievances.view_complainant permission."


class CanSeeGrievances(permissions.BasePermission):
    """Staff who may see cases; the queryset narrows PSC members to the cases assigned to them."""

    def has_permission(self, request, view):
        return bool(
            request.user and request.user.is_authenticated and request.user.has_perm("grievances.view_grievance")
        )


def _transition_endpoint(transition):
    """Build the POST endpoint of one registered transition: validate its input, call its service.

    A person without the right to make it gets 403; bad input is answered 400 by
    the serializer, a transition the case's state or the service refuses 400 by
    smartgov.api.exception_handler, under the input's name when the refusal is
    about one; either way the service has changed nothing.
    """
    input_serializer = serializers.transition_serializer(transition)

    def endpoint(self, request, pk=None):
        grievance = self.get_object()
        # Lacking the right is 403 whatever the case's state; a wrong state or bad input stays 400.
        if not workflow.may_act(transition.name, grievance, request.user):
            raise exceptions.PermissionDenied(workflow.refusal_message(transition.name, grievance))
        data = input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        grievance = transition.perform(grievance=grievance, actor=request.user, **data.validated_data)
        grievance = selectors.grievance_get_for_user(user=request.user, pk=grievance.pk)
        self.identity_shown_record([grievance])
        return Response(self.get_serializer(grievance).data)

    endpoint.__name__ = transition.name
    # @action first, then @extend_schema, as drf-spectacular documents: the other order loses the request body.
    endpoint = action(detail=True, methods=["post"], url_path=transition.url_path)(endpoint)
    return extend_schema(
        request=input_serializer,
        responses=GrievanceWithComplainantSerializer,
        description=_schema_description(transition),
    )(endpoint)


def _schema_description(transition):
    sources = ", ".join(sorted(state.value if hasattr(state, "value") else state for state in transition.sources))
    target = transition.target.value if transition.target else "the same state"
    return (
        f"The `{transition.name}` transition: from {sources} to {target}; needs the "
        f"`{transition.permission}` permission{'' if transition.needs_all_cases else ' (on an assigned case)'}."
    )


def transition_endpoints_install(viewset):
    """Give the viewset one action per registered transition (and drop those no longer registered)."""
    for name in list(getattr(viewset, "_transition_names", ())):
        delattr(viewset, name)
    viewset._transition_names = tuple(transition.name for transition in workflow.staff_transitions())
    for transition in workflow.staff_transitions():
        setattr(viewset, transition.name, _transition_endpoint(transition))


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

    def identity_shown_record(self, cases):
        """Log each case whose complainant this answer shows, as the admin's case page does (one entry per case)."""
        if self._shows_complainant():
            access_log.complainants_viewed(grievances=cases, actor=self.request.user, via="api")

    def list(self, request, *args, **kwargs):
        """The page of cases; each case on it whose complainant is shown is logged (the e-mail and phone search too)."""
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        self.identity_shown_record(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        grievance = self.get_object()
        self.identity_shown_record([grievance])
        return Response(self.get_serializer(grievance).data)

    def get_serializer_class(self):
        return (
            serializers.GrievanceWithComplainantSerializer
            if self._shows_complainant()
            else serializers.GrievanceSerializer
        )


transition_endpoints_install(GrievanceViewSet)
