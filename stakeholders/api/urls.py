from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import ConsultationEventViewSet, EngagementFiguresView, FeedbackItemViewSet, StakeholderViewSet

router = SimpleRouter()
router.register("stakeholders", StakeholderViewSet, basename="stakeholder")
router.register("consultation-events", ConsultationEventViewSet, basename="consultation-event")
router.register("feedback", FeedbackItemViewSet, basename="feedback-item")

urlpatterns = [
    path("engagement-figures/", EngagementFiguresView.as_view(), name="engagement-figures"),
    *router.urls,
]
