"""Texts the PIU keeps in Mongolian and English, so the report reads in both."""

from modeltranslation.translator import TranslationOptions, register

from .models import TRANSLATED_TEXTS, Grievance, ReferralBody, SupportService


@register(Grievance)
class GrievanceTranslationOptions(TranslationOptions):
    fields = TRANSLATED_TEXTS


@register(ReferralBody)
class ReferralBodyTranslationOptions(TranslationOptions):
    fields = ("name", "contact", "address")


@register(SupportService)
class SupportServiceTranslationOptions(TranslationOptions):
    # Kazakh has its own fields (name_kk, ...): MODELTRANSLATION_LANGUAGES are the report's two languages.
    fields = ("name", "offers", "hours")
