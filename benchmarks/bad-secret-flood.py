#!/usr/bin/env python3
"""Floods a Spaaza port with wrong token secrets and reports what it cost the server.

    benchmarks/bad-secret-flood.py BASE_URL TOKEN_ID SECRET SERVER_PID [SECONDS] [THREADS] [MODE]

MODE "distinct" (default) sends a new wrong secret on every request, as an attacker guessing
would; "same" repeats one wrong secret, as a misconfigured client would; "unknown" sends a token
ID that does not exist (never hashed: the cost of any refused request, for comparison). THREADS connections
(default 8) send GET /tasks back to back for SECONDS (default 20) over keep-alive connections
(a connection the server closed is reopened). Meanwhile a legitimate caller (the right SECRET,
verified once before the flood) sends one request every 0.5 s. The server's CPU time is read from
/proc/SERVER_PID/stat before and after. Prints requests by status, the server's CPU seconds and
its share of one core, CPU milliseconds per flood request, and the legitimate caller's latency.
"""

import http.client
import os
import sys
import threading
import time
import urllib.parse
from collections import Counter


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main():
    base, token_id, secret, pid = sys.argv[1:5]
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 20
    threads = int(sys.argv[6]) if len(sys.argv) > 6 else 8
    mode = sys.argv[7] if len(sys.argv) > 7 else "distinct"
    url = urllib.parse.urlsplit(base)
    statuses = Counter()
    lock = threading.Lock()
    stop = 0.0

    def get(connection, auth):
        connection.request("GET", "/tasks", headers={"Authorization": "Bearer " + auth})
        answer = connection.getresponse()
        answer.read()
        return answer.status

    def flood(n):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        i = 0
        while time.monotonic() < stop:
            i += 1
            wrong = f"wrong-{n}-{i}" if mode == "distinct" else "wrong-secret"
            tid = "no-such-token" if mode == "unknown" else token_id
            try:
                status = get(connection, f"{tid}:{wrong}")
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
                status = "error"
            with lock:
                statuses[status] += 1

    legit = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    assert get(legit, f"{token_id}:{secret}") == 200, "the right secret must work"
    latencies = []
    stop = time.monotonic() + seconds
    before = cpu_seconds(pid)
    started = time.monotonic()
    workers = [threading.Thread(target=flood, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    while time.monotonic() < stop:
        t = time.monotonic()
        status = get(legit, f"{token_id}:{secret}")
        latencies.append(((time.monotonic() - t) * 1000, status))
        time.sleep(0.5)
    for w in workers:
        w.join()
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(pid) - before
    flood_requests = sum(statuses.values())
    ms = sorted(l for l, _ in latencies)
    print(f"mode={mode} threads={threads} seconds={elapsed:.1f}")
    print(f"flood requests: {flood_requests} ({flood_requests / elapsed:.0f}/s), by status: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
    print(f"server CPU: {cpu:.2f} s = {cpu / elapsed * 100:.0f} % of one core;"
          f" {cpu * 1000 / max(1, flood_requests):.2f} ms per flood request")
    print(f"legitimate caller: {len(ms)} requests, statuses {sorted(set(s for _, s in latencies))},"
          f" median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms")


if __name__ == "__main__":
    main()
