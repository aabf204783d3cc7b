"""Every citizen (public) page, reached the way a citizen reaches it; shared by the layout and screenshot tests.

Imported, not a conftest, so the walk is written once and other test files stay clear of it.
"""

from django.urls import reverse
from django.utils import translation

from disclosure.tests.factories import make_version
from stakeholders.tests.factories import ConsultationEventFactory, feedback_on

# Phone-sized and desktop-sized screens (an iPhone SE's CSS pixels; a common laptop).
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


def citizen_page_data():
    """A published consultation with feedback and a document open for comment, so their pages have content."""
    event = ConsultationEventFactory()
    feedback_on(event, text="Hold meetings in the aimag centres too.")
    version = make_version(comment_days=(-1, 20))
    return {"event": event.pk, "document": version.document_id}


def walk_citizen_pages(tab, language, data, visit):
    """Open every citizen page in `language`, filing and tracking a case on the way; call visit(name) on each."""

    def arrived(name):
        tab.wait_for_load_state("load")  # stylesheets applied, not only the element waited for
        visit(name)

    def url(name, *args):
        with translation.override(language):
            return reverse(name, args=args)

    tab.goto(url("home"))
    arrived("home")
    tab.goto(url("grievances:new"))
    arrived("form")
    tab.click("form[enctype] button[type=submit]")
    tab.wait_for_selector("#error-summary")
    arrived("form-errors")
    tab.check("#id_kind_0")
    tab.fill("#id_summary", "Замын засварын нүх хаалтгүй орхигдсон. Хүүхдүүд унах аюултай.")
    tab.fill("#id_location", "Баян-Өлгий, Цэнгэл сум")
    tab.check("#id_preferred_contact_2")  # by phone
    tab.fill("#id_phone", "9911 2233")
    tab.check("#id_consent")
    tab.click("form[enctype] button[type=submit]")
    tab.wait_for_selector("#check-answers")
    arrived("check-answers")
    tab.click("#send")
    tab.wait_for_selector("#tracking-code")
    arrived("confirmation")
    code = tab.inner_text("#tracking-code")
    tab.click("#track-link")
    tab.wait_for_selector("#id_code")
    arrived("tracking")
    tab.fill("#id_code", code)
    tab.click("#look-up")
    tab.wait_for_selector("#case-title")
    arrived("tracking-case")
    tab.goto(url("grievances:easy_read"))
    arrived("easy-read")
    tab.goto(url("stakeholders:event_list"))
    arrived("consultations")
    tab.goto(url("stakeholders:event_detail", data["event"]))
    arrived("consultation")
    tab.goto(url("disclosure:document_list"))
    arrived("documents")
    tab.goto(url("disclosure:document_detail", data["document"]))
    arrived("document")
