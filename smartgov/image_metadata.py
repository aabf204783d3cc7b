"""Remove metadata (EXIF with its GPS position and device, XMP, IPTC, comments) from a picture before it is stored.

Citizens send photos from their phones; the position where a photo was taken
can say where the complainant lives. The pictures are cleaned by rewriting
their container, never their pixels: segments and chunks that carry metadata
are left out, the image data is copied byte for byte. So a photo loses no
quality, and a 10 MB file costs a scan of 10 MB, not the decoding of millions
of pixels. What is kept is what a picture needs to be shown as taken: a JPEG's
colour profile and Adobe colour transform, and its orientation (written back
as the only EXIF entry, so a portrait photo does not turn on its side).

HEIC files are left as they are (no decoder for them here); see README.
"""

import io
import struct

from PIL import Image

JPEG, PNG, GIF, WEBP = "image/jpeg", "image/png", "image/gif", "image/webp"
EXIF_ORIENTATION = 0x0112


class DamagedImage(ValueError):
    """The picture's structure could not be followed: it is not stored."""


def strip_image_metadata(data: bytes, content_type: str) -> bytes:
    """Return the picture without its metadata; raise DamagedImage if its structure is broken."""
    strip = STRIPPERS.get(content_type)
    if strip is None:
        return data
    try:
        return strip(data)
    except (IndexError, ValueError, struct.error) as error:  # DamagedImage is a ValueError too
        raise DamagedImage(str(error)) from error


# --- JPEG ----------------------------------------------------------------------------------

# Segments kept before the image data: quantisation and Huffman tables, frame and restart headers, JFIF (APP0),
# the colour profile (APP2 "ICC_PROFILE") and Adobe's colour transform (APP14). Dropped: APP1 (EXIF, XMP),
# the other APPn (MPF with its extra pictures, Photoshop/IPTC in APP13, ...) and comments (COM).
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RSTn carry no length


def _strip_jpeg(data: bytes) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise DamagedImage("no JPEG start")
    out = [b"\xff\xd8"]
    orientation = _jpeg_orientation(data)
    if orientation not in (None, 1):
        exif = Image.Exif()
        exif[EXIF_ORIENTATION] = orientation
        payload = exif.tobytes()
        out.append(b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
    position = 2
    while True:
        marker, position = _next_marker(data, position)
        if marker == 0xD9:  # end of image: whatever follows (MPF's extra pictures) is left out
            out.append(b"\xff\xd9")
            return b"".join(out)
        if marker in STANDALONE:
            out.append(bytes([0xFF, marker]))
            continue
        (length,) = struct.unpack(">H", data[position : position + 2])
        if length < 2 or position + length > len(data):
            raise DamagedImage("JPEG segment runs past the end")
        segment = data[position - 2 : position + length]
        position += length
        if _keep_jpeg_segment(marker, segment[4:]):
            out.append(segment)
        if marker == 0xDA:  # start of scan: copy the entropy-coded data up to the next marker
            end = _scan_end(data, position)
            out.append(data[position:end])
            position = end


def _next_marker(data, position):
    if data[position] != 0xFF:
        raise DamagedImage("JPEG marker expected")
    while data[position] == 0xFF:  # fill bytes
        position += 1
    return data[position], position + 1


def _scan_end(data, position):
    """The offset of the marker after a scan (FF followed by neither 00 nor a restart marker)."""
    while True:
        position = data.index(b"\xff", position)
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1
            continue
        return position


def _keep_jpeg_segment(marker, body):
    if marker == 0xFE:  # comment
        return False
    if marker == 0xE2:
        return body.startswith(b"ICC_PROFILE\x00")
    if 0xE0 <= marker <= 0xEF:
        return marker in (0xE0, 0xEE)  # JFIF, Adobe
    return True


def _jpeg_orientation(data):
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.getexif().get(EXIF_ORIENTATION)
    except Exception:  # noqa: BLE001 - an unreadable EXIF block: no orientation to keep
        return None


# --- PNG -----------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_METADATA_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def _strip_png(data: bytes) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise DamagedImage("no PNG signature")
    out, position = [PNG_SIGNATURE], len(PNG_SIGNATURE)
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise DamagedImage("PNG chunk runs past the end")
        if kind not in PNG_METADATA_CHUNKS:
            out.append(data[position:end])
        position = end
        if kind == b"IEND":
            break
    return b"".join(out)


# --- WebP ----------------------------------------------------------------------------------

VP8X_EXIF_FLAG, VP8X_XMP_FLAG = 0x08, 0x04


def _strip_webp(data: bytes) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise DamagedImage("no WebP header")
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + length + (length & 1)
        if position + 8 + length > len(data):
            raise DamagedImage("WebP chunk runs past the end")
        chunk = data[position:end]
        if kind == b"VP8X":
            flags = chunk[8] & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        if kind not in (b"EXIF", b"XMP "):
            chunks.append(chunk)
        position = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# --- GIF -----------------------------------------------------------------------------------

GIF_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # looping of an animation


def _strip_gif(data: bytes) -> bytes:
    if data[:3] != b"GIF":
        raise DamagedImage("no GIF header")
    position = 13 + _color_table_size(data[10])
    out = [data[:position]]
    while True:
        block = data[position]
        if block == 0x3B:  # trailer
            out.append(b"\x3b")
            return b"".join(out)
        if block == 0x21:  # extension: label, then sub-blocks
            label = data[position + 1]
            end = _sub_blocks_end(data, position + 2)
            application = data[position + 3 : position + 14]
            if label in (0xF9, 0x01) or (label == 0xFF and application in GIF_KEPT_APPLICATIONS):
                out.append(data[position:end])
            position = end
        elif block == 0x2C:  # image: descriptor, local colour table, LZW code size, data sub-blocks
            start = position
            position += 10 + _color_table_size(data[position + 9]) + 1
            position = _sub_blocks_end(data, position)
            out.append(data[start:position])
        else:
            raise DamagedImage("unknown GIF block")


def _color_table_size(flags):
    return 3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0


def _sub_blocks_end(data, position):
    while data[position]:
        position += data[position] + 1
    return position + 1


STRIPPERS = {JPEG: _strip_jpeg, PNG: _strip_png, WEBP: _strip_webp, GIF: _strip_gif}
