"""The CSRF token a copy of the page cache gets for each visitor: Django's get_token, with its randomness drawn in
one read of the system's source instead of one per character.

Django draws each of the 64 characters of a new visitor's token (the secret of their cookie, then the mask that
hides it in the page from BREACH) by a secrets.choice of its own, a system call each: nearly half of what serving a
copy with a form cost. The token is checked by Django's CsrfViewMiddleware alone.
"""

import os

# The alphabet and the length of a secret are those CsrfViewMiddleware accepts in a cookie and unmasks in a form.
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

# A random byte is kept as the digit byte % 62 only below 248 (4 × 62), so that every digit is as likely as the others.
_BASE = len(CSRF_ALLOWED_CHARS)
_KEPT = _BASE * (256 // _BASE)
_DIGIT_OF_BYTE = bytes(byte % _BASE for byte in range(256))
_DROPPED = bytes(range(_KEPT, 256))
_CHARS = CSRF_ALLOWED_CHARS.encode()
_DIGITS = bytes(range(_BASE))
_TO_CHARS = bytes.maketrans(_DIGITS, _CHARS)
_TO_DIGITS = bytes.maketrans(_CHARS, _DIGITS)


def get_token(request):
    """The token to put in a form: the visitor's secret (from their cookie, which CsrfViewMiddleware.process_request
    has read, or new) under a new mask, as Django's get_token makes it; and, as it does, has the middleware's
    process_response send the secret as the visitor's cookie.

    Two details of Django are not documented, both unchanged since Django 4.0: the keys of request.META through
    which get_token hands the secret to the middleware, and how a mask hides a secret (the mask, then each character
    of the secret shifted by the mask's). tests/home/test_csrf.py has the middleware check the tokens: it fails if
    either changes."""
    digits = _random_digits(2 * CSRF_SECRET_LENGTH)
    mask, new_secret = digits[:CSRF_SECRET_LENGTH], digits[CSRF_SECRET_LENGTH:]
    if "CSRF_COOKIE" not in request.META:
        request.META["CSRF_COOKIE"] = new_secret.translate(_TO_CHARS).decode()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    secret = request.META["CSRF_COOKIE"].encode().translate(_TO_DIGITS)
    cipher = bytes((s + m) % _BASE for s, m in zip(secret, mask, strict=True))
    return (mask + cipher).translate(_TO_CHARS).decode()


def _random_digits(count):
    """`count` digits of base 62, each as likely as the others, from os.urandom."""
    digits = b""
    while len(digits) < count:
        # 1/32 of the bytes are dropped: a quarter more than needed is almost always enough at the first read.
        digits += os.urandom(count + count // 4).translate(_DIGIT_OF_BYTE, _DROPPED)
    return digits[:count]
