#!/usr/bin/env python3
"""Measures the dev server on a built corpus: how long an edit takes to be served.

    scripts/serve-bench.py SITE [--bin target/release/sachhon] [--runs 5]

Starts `sachhon serve` on SITE, then edits one case study again and again: its body, its title
(shown by its section list, its terms, related pages), and a save without changes. Each edit is
timed from the write until the server returns the changed page, and the server's own figure is
printed beside it. The file is restored at the end. Figures are printed, never asserted.
"""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_until(url, text, timeout=60):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if text in get(url):
            return time.monotonic()
        time.sleep(0.002)
    raise SystemExit(f"timed out waiting for {text!r} at {url}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--bin", default="target/release/sachhon")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    cases = sorted(glob.glob(os.path.join(args.site, "content/case-studies/**/*.md"), recursive=True))
    cases = [c for c in cases if not os.path.basename(c).startswith("_")]
    if not cases:
        raise SystemExit("no case study in the site")
    source = cases[len(cases) // 2]
    original = open(source, encoding="utf-8").read()
    title = re.search(r"^title:\s*(.+)$", original, re.M)
    if not title:
        raise SystemExit(f"no title in {source}")
    env = dict(os.environ, SACHHON_LANG="en")
    server = subprocess.Popen(
        [args.bin, "serve", "--port", "0", "--root", args.site],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    log = []
    started = time.monotonic()
    for line in server.stderr:
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = m.group(1)
            break
    else:
        raise SystemExit("the server did not start")
    print(f"serve: first build and listening after {time.monotonic() - started:.1f} s")
    threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    # The page's URL: the one whose HTML carries the file's title.
    rel = os.path.relpath(source, os.path.join(args.site, "content"))
    stem = os.path.splitext(os.path.basename(rel))[0]
    candidates = [f"/{os.path.dirname(rel)}/{stem}/", f"/{os.path.dirname(rel)}/"]
    page = next((c for c in candidates if title.group(1).strip('"') in get(base + c)), None)
    if page is None:
        raise SystemExit(f"cannot find the page of {source}")

    def edit(text, marker, url):
        count = len(log)
        t0 = time.monotonic()
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        t1 = wait_until(base + url, marker)
        while len(log) == count and time.monotonic() - t0 < 30:
            time.sleep(0.005)
        said = "".join(log[count:]).strip().splitlines()
        return (t1 - t0) * 1000, said[0] if said else ""

    try:
        results = {"body": [], "title": []}
        for run in range(args.runs):
            marker = f"Edited body {run} {time.time()}"
            ms, said = edit(original + f"\n\n{marker}\n", marker, page)
            results["body"].append(ms)
            print(f"  body edit    served after {ms:6.0f} ms   server: {said}")
            new_title = f"Edited title {run} {int(time.time())}"
            text = original.replace(title.group(0), f"title: {new_title}", 1)
            ms, said = edit(text, new_title, page)
            results["title"].append(ms)
            print(f"  title edit   served after {ms:6.0f} ms   server: {said}")
            time.sleep(0.1)
        count = len(log)
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        time.sleep(0.5)
        said = "".join(log[count:]).strip()
        print(f"  saved without changes          server: {said}")
        # The whole build that follows once edits pause: the server's figure.
        deadline = time.monotonic() + 60
        caught = []
        while not caught and time.monotonic() < deadline:
            caught = [line.strip() for line in log[count:] if "brought up to date" in line]
            time.sleep(0.1)
        if caught:
            print(f"  whole build after edits pause  server: {caught[-1]}")
        for kind, values in results.items():
            print(f"serve: {kind} edit of one page on {len(cases)} case studies: median "
                  f"{statistics.median(values):.0f} ms (edit written -> page served)")
    finally:
        with open(source, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(0.3)
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
