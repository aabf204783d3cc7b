"""Caps on the bytes of files kept for a next try (uploads.keep_for_next_try), per client address and in all.

A form sent with an error keeps the files that passed their checks, so the
person need not choose them again. Without a cap that is a way to fill the disk
with forms that are never meant to succeed. Kept bytes are counted in the cache
over windows of KEPT_MAX_AGE (the time a kept file lives), once per address and
once for the whole portal; a file that would pass either cap is not kept. The
stale-file task removes files a window or so later, so the disk holds at most
about twice each cap.

When the cache cannot be reached nothing is kept (the answer is "over the cap"):
choosing a file again costs the person little, an unbounded disk costs everyone.
"""

import contextlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from .uploads import KEPT_MAX_AGE

logger = logging.getLogger(__name__)


def _keys(client: str) -> list[str]:
    window = int(time.time() // KEPT_MAX_AGE)
    return [f"kept-upload-bytes:client:{client}:{window}", f"kept-upload-bytes:all:{window}"]


def kept_bytes_take(*, client: str, size: int) -> bool:
    """Count `size` bytes about to be kept for `client`; False, counting nothing, when a cap would be passed."""
    keys = _keys(client)
    caps = [settings.GRM_KEPT_UPLOAD_BYTES_PER_CLIENT, settings.GRM_KEPT_UPLOAD_BYTES_TOTAL]
    counted = []
    try:
        for key, cap in zip(keys, caps, strict=True):
            cache.add(key, 0, timeout=KEPT_MAX_AGE + 60)
            counted.append(key)
            if cache.incr(key, size) > cap:
                _give_back(counted, size)
                return False
    except Exception:  # noqa: BLE001 - any cache backend error
        logger.warning("Kept-upload bytes not counted: the cache is unreachable; the file is not kept.", exc_info=True)
        return False
    return True


def _give_back(keys, size):
    for key in keys:
        with contextlib.suppress(ValueError):  # the window ended meanwhile: nothing to give back
            cache.decr(key, size)
