from django.contrib import admin
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp import admin as totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import CalendarDay, OutboxMessage


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "is_working_day", "reason"]
    list_filter = ["is_working_day"]
    search_fields = ["reason"]
    date_hierarchy = "date"


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: messages are written by services and sent by tasks, never edited by hand."""

    list_display = ["created_at", "reference", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["reference"]
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]

    def get_queryset(self, request):
        """Leave out the messages of sensitive cases (SEA/SH) for whoever may not see those cases.

        A message names its recipient (the admin's row checkbox quotes str()) and its case.
        """
        from grievances.models import SENSITIVE_PERMISSION, Grievance

        queryset = super().get_queryset(request)
        if request.user.has_perm(SENSITIVE_PERMISSION):
            return queryset
        references = (
            Grievance.objects.filter(sensitive=True)
            .annotate(reference=Concat(Value("grievance:"), Cast("pk", output_field=CharField())))
            .values("reference")
        )
        return queryset.exclude(reference__in=references)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TOTPDeviceAdmin(totp_admin.TOTPDeviceAdmin):
    """django-otp's device admin, answering 404 for an unknown device instead of crashing."""

    def config_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().qrcode_view(request, pk)


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, TOTPDeviceAdmin)
