"""Sends large request bodies with Python's http.client, the way a user's script does: the whole
body is written first, then the answer is read. Used by LargeBodyClientsTest.

Reads a JSON list of requests on stdin, each {"method", "url", "bytes", "headers"}, and prints a JSON
list with, for each, {"status", "body"} or {"error": "<exception>"} (a reset or broken pipe instead
of an answer). The body is a JSON object {"desc": "aaa..."} of exactly "bytes" bytes, sent with a
Content-Length.
"""

import http.client
import json
import sys
import urllib.parse


def send(request):
    url = urllib.parse.urlsplit(request["url"])
    size = request["bytes"]
    body = b'{"desc":"' + b"a" * (size - 11) + b'"}'
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        connection.request(request["method"], url.path, body=body, headers=request["headers"])
        answer = connection.getresponse()
        return {"status": answer.status, "body": answer.read().decode("utf-8")}
    except Exception as e:  # a reset, EPIPE: what this script is here to catch
        return {"error": type(e).__name__ + ": " + str(e)}
    finally:
        connection.close()


print(json.dumps([send(r) for r in json.load(sys.stdin)]))
