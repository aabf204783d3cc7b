from django.contrib import admin
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static import admin as static_admin
from django_otp.plugins.otp_static.models import StaticDevice
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


def _titled(filter_class, title):
    """`filter_class` showing `title` instead of its field's name."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


class DeviceListWordsMixin:
    """django-otp's device lists in the reader's language.

    django-otp leaves its field names unmarked for translation, and builds its
    search hint in English around the user fields' names, translated once at
    import: one language's words inside another's sentence, whoever reads it.
    The columns and filters here are the same fields, named in our catalogue.
    """

    list_display = ["device_user", "device_name", "created", "last_used", "is_confirmed"]
    list_filter = [
        ("created_at", _titled(admin.DateFieldListFilter, _("created"))),
        ("last_used_at", _titled(admin.DateFieldListFilter, _("last used"))),
        ("confirmed", _titled(admin.BooleanFieldListFilter, _("confirmed"))),
    ]
    search_fields = ["user__username", "user__email"]
    search_help_text = _("Search by the user's username or e-mail address.")

    @admin.display(description=_("user"), ordering="user__username")
    def device_user(self, device):
        return device.user

    @admin.display(description=_("name"), ordering="name")
    def device_name(self, device):
        return device.name

    @admin.display(description=_("created"), ordering="created_at")
    def created(self, device):
        return device.created_at

    @admin.display(description=_("last used"), ordering="last_used_at")
    def last_used(self, device):
        return device.last_used_at

    @admin.display(description=_("confirmed"), boolean=True, ordering="confirmed")
    def is_confirmed(self, device):
        return device.confirmed


class TOTPDeviceAdmin(DeviceListWordsMixin, totp_admin.TOTPDeviceAdmin):
    """django-otp's device admin, answering 404 for an unknown device instead of crashing."""

    def config_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().qrcode_view(request, pk)

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        """The link to the device's set-up page (its QR code), named in the reader's language."""
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">{}</a>', href, _("Show the QR code"))


class StaticDeviceAdmin(DeviceListWordsMixin, static_admin.StaticDeviceAdmin):
    pass


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, TOTPDeviceAdmin)
admin.site.unregister(StaticDevice)
admin.site.register(StaticDevice, StaticDeviceAdmin)
