"""The GRM report figures as JSON for World Bank viewers and reporting staff."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from reporting.periods import parse_period
from reporting.selectors import grm_report_data


class CanViewReports(BasePermission):
    def has_permission(self, request, view):
        return request.user.has_perm("reporting.view_reportrecord")


class GrmReportView(APIView):
    """The half-yearly GRM report of a period: figures and addressed cases, no complainant identity."""

    permission_classes = [IsAuthenticated, CanViewReports]

    @extend_schema(
        parameters=[
            OpenApiParameter("start", OpenApiTypes.DATE, required=True, description="YYYY-MM-DD"),
            OpenApiParameter("end", OpenApiTypes.DATE, required=True, description="YYYY-MM-DD"),
        ],
        responses={200: dict},
    )
    def get(self, request):
        start, end = parse_period(request.query_params.get("start"), request.query_params.get("end"))
        return Response(grm_report_data(start=start, end=end, language=request.LANGUAGE_CODE))
