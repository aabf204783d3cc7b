from django.db import models


class Submission(models.Model):
    """One row per POST: what the load client sent."""

    message = models.TextField()
    email = models.CharField(max_length=254, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"bare-{self.pk}"
