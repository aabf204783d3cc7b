"""Texts the PIU publishes in Mongolian and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import FeedbackItem


@register(FeedbackItem)
class FeedbackItemTranslationOptions(TranslationOptions):
    fields = ("topic", "text", "reason", "reflected_in")
