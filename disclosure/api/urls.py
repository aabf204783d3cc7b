from rest_framework.routers import SimpleRouter

from .views import DocumentViewSet, VersionViewSet

router = SimpleRouter()
router.register("disclosure/documents", DocumentViewSet, basename="disclosure-document")
router.register("disclosure/versions", VersionViewSet, basename="disclosure-version")

urlpatterns = router.urls
