#!/usr/bin/python3
"""Signs a batch of requests with botocore, as an independent SigV4 implementation to compare with.

stdin: {"credentials": {"access_key_id", "secret_access_key", "token"?}, "region", "service",
        "timestamp": "YYYYMMDDTHHMMSSZ",
        "requests": [{"method", "url" (no query: path is the wire path), "params": [[k, v], ...]
                      (decoded), "headers": [[name, value], ...], "body_hex", "presign_expires"?,
                      "presign_body_expires"?}]}
stdout: [{"authorization": str, "presigned_url": str | null, "presigned_body_url": str | null,
          "wire_url": str, "wire_headers": [[name, value], ...]}, ...] in the same order; wire_url and
        wire_headers are the request to send (query encoded by botocore's encoder, headers as signed,
        repeats kept). presigned_url is signed without the body; presigned_body_url with the body's
        hash (BodySigV4QueryAuth below).

botocore's SigV4Auth: path normalised (dot segments, empty segments) then percent-encoded again
(quote(path, safe='/~')), query from `params` encoded with quote(safe='-_.~') and sorted by
(key, value), headers trimmed with ' '.join(value.split()) and repeated ones joined with ',',
host from the URL (default port dropped), payload = sha256 of the body.
"""
import datetime
import json
import sys
import types

import botocore.auth
import botocore.utils
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

class BodySigV4QueryAuth(SigV4QueryAuth):
    """SigV4QueryAuth that signs the body's SHA-256 as the payload hash and keeps the body.

    botocore's own presigner moves a body into the query (its query-protocol convention) and then
    signs the empty payload; with the body set aside during that step, its unchanged SigV4Auth
    canonical request and payload code hash the body, as the official suite's query vectors do.
    """

    def _modify_request_before_signing(self, request):
        data = request.data
        request.data = b""
        super()._modify_request_before_signing(request)
        request.data = data


job = json.load(sys.stdin)
fixed = datetime.datetime.strptime(job["timestamp"], "%Y%m%dT%H%M%SZ")


class FixedDatetime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return fixed


# Freeze botocore's clock (add_auth reads datetime.datetime.utcnow()).
botocore.auth.datetime = types.SimpleNamespace(datetime=FixedDatetime)

c = job["credentials"]
credentials = Credentials(c["access_key_id"], c["secret_access_key"], c.get("token"))


def build(spec):
    request = AWSRequest(
        method=spec["method"],
        url=spec["url"],
        data=bytes.fromhex(spec["body_hex"]),
        params=[tuple(pair) for pair in spec["params"]],
    )
    for name, value in spec["headers"]:
        request.headers[name] = value  # HTTPHeaders appends: repeated names are kept
    return request


out = []
for spec in job["requests"]:
    request = build(spec)
    SigV4Auth(credentials, job["service"], job["region"]).add_auth(request)
    presigned = None
    if spec.get("presign_expires"):
        query_request = build(spec)
        query_request.params = dict(spec["params"])
        query_request.data = b""  # presigned URLs carry no body (botocore would move it into the query)
        SigV4QueryAuth(
            credentials, job["service"], job["region"], expires=spec["presign_expires"]
        ).add_auth(query_request)
        presigned = query_request.url
    presigned_body = None
    if spec.get("presign_body_expires"):
        body_request = build(spec)
        body_request.params = dict(spec["params"])
        BodySigV4QueryAuth(
            credentials, job["service"], job["region"], expires=spec["presign_body_expires"]
        ).add_auth(body_request)
        presigned_body = body_request.url
    # The wire URL with the query percent-encoded by botocore's own encoder (what it signs): the
    # prepared request's quote_plus form sends a space as `+`, which @gatehouse/sigv4 reads as a
    # literal plus (RFC 3986), so that form would sign one string and send another.
    query = botocore.utils.percent_encode_sequence(spec["params"])
    wire_url = spec["url"] + ("?" + query if query else "")
    out.append(
        {
            "authorization": request.headers["Authorization"],
            "presigned_url": presigned,
            "presigned_body_url": presigned_body,
            "wire_url": wire_url,
            # The signed request's own headers: prepare() would keep one value of a repeated name.
            "wire_headers": [[name, value] for name, value in request.headers.items()],
        }
    )

json.dump(out, sys.stdout)
