#!/usr/bin/env python3
"""`paperset watch` as a layout editor uses it, scripted: start it on a copy of the city
tabloid, then edit and save, and after each save wait for the rebuild (the report
changes) and check what it did:

* a changed paragraph on page 3 rebuilds page 3 only (the report's cache.rebuilt), and
  the PDF and proofs are those of a clean build of the edited issue;
* a photo saved again rebuilds the page that shows it;
* a save that breaks the XML fails the rebuild: the last good PDF and proofs stay, the
  proof sheet says the build failed and shows the error; the next good save builds;
* the proof sheet's sheet-state.js names a new generation after every rebuild;
* with --serve 0 it prints a 127.0.0.1 URL that serves the sheet and its proofs (and
  nothing outside their folder), and an /events stream opened before a save names the
  rebuild's generation once it is done.

    watch_test.py PAPERSET SOURCE_ROOT

Each wait has a generous limit (the machine may be busy); the whole test stops watch.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

FAILS, CHECKS = [], [0]


def check(cond, what):
    CHECKS[0] += 1
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)
    return cond


def wait_report(path, after, limit=120):
    """The report once it is newer than `after` (its previous text)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if text != after and text.endswith("}\n"):
                return text, json.loads(text)
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    raise TimeoutError("no rebuild within %d s" % limit)


def edit_first_paragraph(xml, page, new_char):
    at = xml.index('<page number="%d"' % page)
    p = xml.index("<p>", at) + 3
    while not "\u4e00" <= xml[p] <= "\u9fff":  # the first paragraph that starts with a Han character
        p = xml.index("<p>", p) + 3
    return xml[:p] + new_char + xml[p + 1:]


def read(p, mode="r"):
    with open(p, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(p, text):
    with open(p + ".new", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(p + ".new", p)  # as editors save: a new file renamed over the old one


def main():
    paperset, root = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="paperset-watch-")
    shutil.copy(os.path.join(root, "samples", "city-tabloid.xml"), work)
    shutil.copytree(os.path.join(root, "samples", "images"), os.path.join(work, "images"))
    issue, out = os.path.join(work, "city-tabloid.xml"), os.path.join(work, "out")
    report, proofs = os.path.join(out, "report.json"), os.path.join(out, "proofs")
    log = open(os.path.join(work, "watch.log"), "w")
    proc = subprocess.Popen([paperset, "watch", issue, "-o", os.path.join(out, "city.pdf"), "--png", proofs,
                             "--png-dpi", "50", "--report", report, "--serve", "0", "-q"], stdout=log, stderr=log)
    try:
        run(paperset, work, issue, out, report, proofs)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = None
        # Killed by the signal (re-raised after clean-up), which a shell reports as 130.
        check(code in (-signal.SIGINT, 128 + signal.SIGINT), "Ctrl-C stops watch (status %s)" % code)
        log.close()
        print(read(os.path.join(work, "watch.log")))
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (CHECKS[0] - len(FAILS), len(FAILS)))
    return 1 if FAILS else 0


def generation(proofs, newer_than=0, limit=30):
    """The generation sheet-state.js names (written just after each rebuild's outputs)."""
    deadline = time.monotonic() + limit
    while True:
        try:
            g = int(read(os.path.join(proofs, "sheet-state.js")).split("=")[1].strip(" ;\n"))
            if g > newer_than or time.monotonic() > deadline:
                return g
        except (OSError, ValueError, IndexError):
            if time.monotonic() > deadline:
                return 0
        time.sleep(0.05)


class Events:
    """An /events stream of the server, read on a thread of its own."""

    def __init__(self, port):
        self.text, self.sock = "", socket.create_connection(("127.0.0.1", port), timeout=120)
        self.sock.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        try:
            while True:
                data = self.sock.recv(4096)
                if not data:
                    return
                self.text += data.decode("utf-8")
        except OSError:
            return

    def generations(self):
        return [int(g) for g in re.findall(r"^data: (\d+)$", self.text, re.M)]

    def close(self):
        self.sock.close()


def fetch(port, target, host=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.putrequest("GET", target, skip_host=True)
    c.putheader("Host", host or "127.0.0.1:%d" % port)
    c.endheaders()
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body


def served(work, proofs):
    """The URL watch printed: the sheet, a proof, and nothing else."""
    m = re.search(r"serving the proof sheet at http://127\.0\.0\.1:(\d+)/", read(os.path.join(work, "watch.log")))
    if not check(m is not None, "--serve 0 prints the URL of the sheet on 127.0.0.1"):
        return None
    port = int(m.group(1))
    status, body = fetch(port, "/")
    check(status == 200 and body == read(os.path.join(proofs, "index.html"), "rb"), "the URL serves the proof sheet")
    status, body = fetch(port, "/page-03.png")
    check(status == 200 and body == read(os.path.join(proofs, "page-03.png"), "rb"), "and its proofs")
    check(fetch(port, "/../city.pdf")[0] == 404 and fetch(port, "/%2e%2e/city-tabloid.xml")[0] == 404,
          "nothing outside the sheet's folder")
    check(fetch(port, "/", "paperset.example:%d" % port)[0] == 403, "no answer to a request for another host")
    return port


def same_as_clean(paperset, work, issue, out, proofs, name):
    """The PDF and proofs watch left are those of a clean build of the issue as it is now."""
    clean = os.path.join(work, name)
    c = subprocess.run([paperset, "build", issue, "-o", os.path.join(clean, "city.pdf"), "--png", clean,
                        "--png-dpi", "50", "-q"], capture_output=True, text=True)
    check(c.returncode == 0, "a clean build of the edited issue: " + c.stderr)
    check(read(os.path.join(out, "city.pdf"), "rb") == read(os.path.join(clean, "city.pdf"), "rb"),
          "the PDF is a clean build's (%s)" % name)
    for n in range(1, 5):
        png = "page-%02d.png" % n
        check(read(os.path.join(proofs, png), "rb") == read(os.path.join(clean, png), "rb"),
              "proof %s is a clean build's (%s)" % (png, name))


def run(paperset, work, issue, out, report, proofs):
    text, first = wait_report(report, None, limit=300)
    check(first["ok"] and first["cache"]["rebuilt"] == [1, 2, 3, 4], "the first build lays out all 4 pages")
    g1 = generation(proofs)
    port = served(work, proofs)
    events = Events(port) if port else None

    xml = edit_first_paragraph(read(issue), 3, "新")
    write(issue, xml)
    text, r = wait_report(report, text)
    check(r["ok"] and r["cache"]["rebuilt"] == [3], "a paragraph changed on page 3 rebuilds page 3 only: %s" % r.get("cache"))
    g2 = generation(proofs, g1)
    check(g2 > g1, "sheet-state.js names a new generation (%d → %d)" % (g1, g2))
    if events:
        deadline = time.monotonic() + 30
        while g2 not in events.generations() and time.monotonic() < deadline:
            time.sleep(0.05)
        check(g2 in events.generations(), "the /events stream names the rebuild (%s)" % events.generations())
        events.close()
    same_as_clean(paperset, work, issue, out, proofs, "clean")

    rel = re.search(r'<photo [^>]*src="([^"]+)"', xml).group(1)  # the sample's first photo
    photo = os.path.join(work, rel)
    pages = [i + 1 for i, chunk in enumerate(xml.split('<page number=')[1:]) if 'src="%s"' % rel in chunk]
    data = read(photo, "rb")
    with open(photo, "wb") as f:
        f.write(data)
    text, r = wait_report(report, text)
    check(r["ok"] and r["cache"]["rebuilt"] == pages, "saving a photo rebuilds its page %s: %s" % (pages, r.get("cache")))

    before = {n: read(os.path.join(proofs, n), "rb") for n in os.listdir(proofs) if n.endswith(".png")}
    write(issue, xml.replace("</page>", "</pag>", 1))
    text, r = wait_report(report, text)
    check(not r["ok"] and any(f["severity"] == "error" for f in r["findings"]), "broken XML: the rebuild fails")
    after = {n: read(os.path.join(proofs, n), "rb") for n in os.listdir(proofs) if n.endswith(".png")}
    check(after == before and os.path.exists(os.path.join(out, "city.pdf")), "the last good PDF and proofs stay")
    sheet = read(os.path.join(proofs, "index.html"))
    check('"ok":false' in sheet and "last good build" in sheet and "page-01.png" in sheet,
          "the sheet shows the last good pages under the failure")

    write(issue, xml)
    text, r = wait_report(report, text)
    check(r["ok"], "the next good save builds again")
    same_as_clean(paperset, work, issue, out, proofs, "after the photo and the failed save")


if __name__ == "__main__":
    sys.exit(main())
