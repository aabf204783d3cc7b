from rest_framework.routers import SimpleRouter

from .views import GrievanceViewSet

router = SimpleRouter()
router.register("grievances", GrievanceViewSet, basename="grievance")

urlpatterns = router.urls
