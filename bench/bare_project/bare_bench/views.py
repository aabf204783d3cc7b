"""GET a form, POST it (one INSERT), GET the page that shows the row's number: nothing else."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils.html import escape

from .models import Submission

FORM = """<!doctype html><html><body><main><form method="post" action="/">
<input type="hidden" name="csrfmiddlewaretoken" value="{token}">
<label>Message <textarea name="message" required></textarea></label>
<label>E-mail <input type="email" name="email"></label>
<button type="submit">Send</button></form></main></body></html>"""
DONE = """<!doctype html><html><body><main><p>Registered: <strong>bare-{number}</strong></p></main></body></html>"""


def submit(request):
    if request.method != "POST":
        return HttpResponse(FORM.format(token=escape(get_token(request))))
    message = request.POST.get("message", "")
    if not message:
        return HttpResponseBadRequest("message required")
    row = Submission.objects.create(message=message, email=request.POST.get("email", "")[:254])
    return redirect(f"/done/{row.pk}/")


def done(request, number):
    return HttpResponse(DONE.format(number=number))
