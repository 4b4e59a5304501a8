#!/usr/bin/env python3
"""Sends conversions to naicxbrl-serve from several threads, one new connection per request,
signals the server with SIGTERM part way, and accounts for every request:

    Scripts/service-drain.py PORT BODY PID [THREADS] [SECONDS_BEFORE_SIGTERM]

A request counts as accepted once its connection is open and the whole request is sent; it
completes when its answer arrives whole. After SIGTERM a new connection is refused (not
accepted). The exit code is 1 when an accepted request got no whole answer, or any answer was
not 200 (or 503, busy).
"""
import http.client
import os
import signal
import sys
import threading
import time

port, body_path, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 8
delay = float(sys.argv[5]) if len(sys.argv) > 5 else 3.0
body = open(body_path, "rb").read()

lock = threading.Lock()
counts = {"sent": 0, "completed": 0, "refused": 0, "unsent": 0, "lost": 0}
statuses = {}
stop = threading.Event()


def worker():
    while not stop.is_set():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.connect()
        except ConnectionRefusedError:
            with lock:
                counts["refused"] += 1
            stop.wait(0.05)
            continue
        try:
            connection.request("POST", "/v1/convert", body=body, headers={"Content-Type": "text/plain"})
        except OSError:
            # The server closed the connection before the request was sent whole: not accepted.
            with lock:
                counts["unsent"] += 1
            connection.close()
            continue
        with lock:
            counts["sent"] += 1
        try:
            response = connection.getresponse()
            response.read()
            with lock:
                counts["completed"] += 1
                statuses[response.status] = statuses.get(response.status, 0) + 1
        except (OSError, http.client.HTTPException) as error:
            with lock:
                counts["lost"] += 1
                print(f"no whole answer to an accepted request: {error!r}", file=sys.stderr)
        finally:
            connection.close()


pool = [threading.Thread(target=worker) for _ in range(threads)]
for thread in pool:
    thread.start()
time.sleep(delay)
with lock:
    before = counts["completed"]
signalled = time.monotonic()
os.kill(pid, signal.SIGTERM)
# Keep sending for a second after the signal, so requests race the shutdown.
time.sleep(1.0)
stop.set()
for thread in pool:
    thread.join()
print(f"completed before SIGTERM: {before}; after: {counts['completed'] - before}")
print(f"accepted (sent whole): {counts['sent']}; completed: {counts['completed']}; statuses: {dict(sorted(statuses.items()))}")
print(f"not accepted: {counts['refused']} connections refused, {counts['unsent']} closed before the request was sent")
print(f"accepted but not answered: {counts['lost']}")
bad = counts["lost"] > 0 or any(status not in (200, 503) for status in statuses)
sys.exit(1 if bad else 0)
