from django.contrib import admin, messages
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static import admin as static_admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .calendar_changes import calendar_day_save, calendar_days_delete
from .models import CalendarDay, OutboxMessage


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "is_working_day", "reason"]
    list_filter = ["is_working_day"]
    search_fields = ["reason"]
    date_hierarchy = "date"

    # Saved and deleted through the calendar's services, which move the open deadlines the change falls within.
    def save_model(self, request, obj, form, change):
        self._say_moved(request, calendar_day_save(day=obj, actor=request.user))

    def delete_model(self, request, obj):
        self._say_moved(request, calendar_days_delete(days=[obj], actor=request.user))

    def delete_queryset(self, request, queryset):
        self._say_moved(request, calendar_days_delete(days=queryset, actor=request.user))

    def _say_moved(self, request, moved):
        if moved:
            message = ngettext(
                "The deadlines of %(count)d open case moved with the calendar.",
                "The deadlines of %(count)d open cases moved with the calendar.",
                moved,
            ) % {"count": moved}
            self.message_user(request, message, messages.INFO)


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

    def has_delete_permission(self, request, obj=None):
        """Nobody deletes one: a sent message is the record that the complainant was told (the history links it).

        The complainant's anonymisation removes their case's messages through its service (personal_data.py).
        """
        return False


def _titled(filter_class, title):
    """`filter_class` showing `title` instead of its field's name."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


def _device_column(field, description, *, ordering=None, **options):
    """A device list's column showing `field` under `description`, sorted by the field unless told otherwise."""

    @admin.display(description=description, ordering=ordering or field, **options)
    def column(self, device):
        return getattr(device, field)

    return column


class DeviceListWordsMixin:
    """django-otp's device lists in the reader's language.

    django-otp leaves its field names unmarked for translation, and builds its
    search hint in English around the user fields' names, translated once at
    import: one language's words inside another's sentence, whoever reads it.
    The columns and filters here are the same fields, named in our catalogue.
    """

    device_user = _device_column("user", _("user"), ordering="user__username")
    device_name = _device_column("name", _("name"))
    created = _device_column("created_at", _("created"))
    last_used = _device_column("last_used_at", _("last used"))
    is_confirmed = _device_column("confirmed", _("confirmed"), boolean=True)

    list_display = ["device_user", "device_name", "created", "last_used", "is_confirmed"]
    list_filter = [
        ("created_at", _titled(admin.DateFieldListFilter, created.short_description)),
        ("last_used_at", _titled(admin.DateFieldListFilter, last_used.short_description)),
        ("confirmed", _titled(admin.BooleanFieldListFilter, is_confirmed.short_description)),
    ]
    search_fields = ["user__username", "user__email"]
    search_help_text = _("Search by the user's username or e-mail address.")


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
