"""Texts the safeguards specialist writes in Mongolian and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Document, DocumentVersion


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "target_stakeholders")


@register(DocumentVersion)
class DocumentVersionTranslationOptions(TranslationOptions):
    fields = ("changes",)
