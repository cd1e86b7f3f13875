"""Verify OAuth 1.0a requests with oauthlib's server side, for Signet's interop tests.

Reads one JSON object per line on stdin:
  { "method", "uri", "headers": {name: value}, "body": str | null,
    "consumer_key", "client_secret", "resource_owner_key"?, "resource_owner_secret"?,
    "signature_method",                  # the only method this "server" allows for the request
    "rsa_public_key"?: PEM,              # for RSA-SHA1 / RSA-SHA256
    "allow_http"?: bool,                 # accept plain http to a non-loopback host (RFC vector only)
    "accept_timestamp"?: str }           # accept this exact out-of-window oauth_timestamp (RFC vector only)
and writes one JSON line per request: { "valid": bool, "error"?: str }.

Verification is oauthlib.oauth1.SignatureOnlyEndpoint.validate_request (oauthlib 3.2.2), i.e.
oauthlib's own parsing of the Authorization header, query and form body, its mandatory-parameter
checks (10-digit timestamp within timestamp_lifetime = 600 s, allowed method, oauth_version),
and its signature check. Needs /usr/bin/python3 with python3-oauthlib (and python3-jwt plus
python3-cryptography for the RSA methods, which Debian's python3-oauthlib pulls in).
"""
import json
import logging
import sys
import time
from urllib.parse import urlsplit

from oauthlib.oauth1 import RequestValidator, SignatureOnlyEndpoint

# Nonces consumed by *accepted* requests, shared by every request of this process (one per test
# file). A refused request does not burn its nonce, so a test can send a tampered copy of a
# request and then the original, and each verdict is about the signature alone.
USED_NONCES = set()

# oauthlib's defaults restrict keys and nonces to 20-30 ASCII letters/digits. RFC 5849 sets no
# such limit (the RFC's own example has a 16-character key and a 6-character nonce), so this
# harness allows 1-128 characters of the RFC 3986 unreserved set (which includes base64url).
UNRESERVED = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~')
LOOPBACK_HOSTS = {'127.0.0.1', 'localhost', '::1'}


class Validator(RequestValidator):
    """Knows exactly one client (and optionally one token) - the ones named in the JSON line."""

    def __init__(self, spec):
        super().__init__()
        self.spec = spec
        self.pending_nonce = None
        self.nonce_refused = False

    # --- policy --------------------------------------------------------------------------
    @property
    def allowed_signature_methods(self):
        return (self.spec['signature_method'],)

    @property
    def enforce_ssl(self):
        # oauthlib refuses any non-https URI when this is True.
        host = urlsplit(self.spec['uri']).hostname
        return not (host in LOOPBACK_HOSTS or self.spec.get('allow_http'))

    safe_characters = UNRESERVED
    client_key_length = (1, 128)
    access_token_length = (1, 128)
    nonce_length = (1, 128)

    # --- the one client and token ---------------------------------------------------------
    dummy_client = 'dummy-client'
    dummy_access_token = 'dummy-token'

    def validate_client_key(self, client_key, request):
        return client_key == self.spec['consumer_key']

    def get_client_secret(self, client_key, request):
        return self.spec['client_secret'] if client_key == self.spec['consumer_key'] else 'dummy'

    def get_access_token_secret(self, client_key, token, request):
        if token == self.spec.get('resource_owner_key'):
            return self.spec.get('resource_owner_secret') or ''
        return 'dummy'

    def get_rsa_key(self, client_key, request):
        return self.spec.get('rsa_public_key')

    def validate_timestamp_and_nonce(self, client_key, timestamp, nonce, request,
                                     request_token=None, access_token=None):
        key = (client_key, timestamp, nonce, request.resource_owner_key)
        if key in USED_NONCES:
            self.nonce_refused = True
            return False
        self.pending_nonce = key  # committed only if the whole request is valid
        return True


class Endpoint(SignatureOnlyEndpoint):
    def _check_mandatory_parameters(self, request):
        # oauthlib hard-codes "timestamp has exactly 10 digits and is within timestamp_lifetime of
        # now"; the RFC 5849 example's timestamp 137131202 fails both, and no validator property
        # can relax it. For a line that names that exact timestamp in accept_timestamp, run every
        # other mandatory check against the current time instead. The signature is still computed
        # from request.params, which keep the original oauth_timestamp.
        accepted = self.request_validator.spec.get('accept_timestamp')
        if accepted is None or request.timestamp != accepted:
            return super()._check_mandatory_parameters(request)
        request.timestamp = str(int(time.time()))
        try:
            return super()._check_mandatory_parameters(request)
        finally:
            request.timestamp = accepted


class Capture(logging.Handler):
    """Collects oauthlib's log lines: they are the only place it says why it refused."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


capture = Capture()
oauthlib_log = logging.getLogger('oauthlib')
oauthlib_log.setLevel(logging.DEBUG)
oauthlib_log.addHandler(capture)
oauthlib_log.propagate = False


def verify(spec):
    validator = Validator(spec)
    capture.messages = []
    try:
        valid, request = Endpoint(validator).validate_request(
            spec['uri'], spec['method'], spec.get('body'), spec.get('headers') or {})
    except ValueError as err:  # e.g. a query with characters oauthlib's urldecode rejects
        return {'valid': False, 'error': 'oauthlib could not parse the request: %s' % err}
    if valid:
        USED_NONCES.add(validator.pending_nonce)
        return {'valid': True}
    log = request.validator_log if request is not None else {}
    if validator.nonce_refused:
        error = 'nonce already used'
    elif log.get('client') is False:
        error = 'unknown client'
    elif log.get('signature') is False:
        error = 'invalid signature'
    else:
        reasons = [m for m in capture.messages if 'Exception caught' in m or '[Failure]' in m]
        error = '; '.join(reasons) or 'refused'
    return {'valid': False, 'error': error}


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        verdict = verify(json.loads(line))
    except Exception as err:  # a harness bug: report it on the line rather than hang the test
        verdict = {'valid': False, 'error': 'harness error: %r' % (err,)}
    sys.stdout.write(json.dumps(verdict) + '\n')
    sys.stdout.flush()
