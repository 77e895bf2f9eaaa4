#!/usr/bin/env python3
"""The proof sheet in a real browser: headless Chromium (Debian's chromium) driven over
the DevTools protocol (cdp.py) opens the sheet paperset wrote for a two-page issue and
checks what a layout editor would do with it:

* the page loads with no console error, exception or failed load;
* one thumbnail per page of the issue;
* the overlay toggle changes the page image (grid and frames drawn over it), and
  toggling it back gives the same screenshot again, within a small tolerance;
* clicking the overset finding brings its page up, scrolls the article into view and
  outlines it (the outline is visible: the screenshot differs there);
* the finding's file:line opens the issue's source at the article's line;
* served by `paperset watch --serve 0`: the sheet opened at the URL watch prints loads
  with no error, reloads by itself when a save is rebuilt (the new build's generation,
  the changed page marked rebuilt), and after a save that breaks the issue shows the
  error over the last good pages, whose proofs still load.

    sheet_test.py PAPERSET SOURCE_ROOT [SCREENSHOT_DIR]

Exit status 77 (ctest: skipped) with a message only when Chromium cannot start.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

FAILS = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)
    return cond


def differing_pixels(a, b, crop=None):
    """Pixels that differ by more than 2 % between two screenshots (ImageMagick compare)."""
    args = ["compare", "-metric", "AE", "-fuzz", "2%"]
    if crop:
        args = ["convert", a, "-crop", crop, "+repage", a + ".crop.png"]
        subprocess.run(args, check=True)
        subprocess.run(["convert", b, "-crop", crop, "+repage", b + ".crop.png"], check=True)
        a, b = a + ".crop.png", b + ".crop.png"
        args = ["compare", "-metric", "AE", "-fuzz", "2%"]
    r = subprocess.run(args + [a, b, "null:"], capture_output=True, text=True)
    return float(r.stderr.split()[0])


def wait_for(page, expression, what, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.js(expression):
            return True
        time.sleep(0.1)
    return check(False, what + " (waited %d s)" % timeout)


def build(paperset, issue, work):
    sheet = os.path.join(work, "sheet", "index.html")
    report = os.path.join(work, "report.json")
    r = subprocess.run([paperset, "build", issue, "-o", os.path.join(work, "out.pdf"), "--proof-sheet", sheet,
                        "--allow-overset", "--report", report, "-q"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("paperset build failed:\n" + r.stderr)
    with open(report, encoding="utf-8") as f:
        return sheet, json.load(f)


def main():
    paperset, root = sys.argv[1], sys.argv[2]
    shots = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="paperset-sheet-shots-")
    os.makedirs(shots, exist_ok=True)
    issue = os.path.join(root, "tests", "data", "sheet", "proof_sheet.xml")
    with open(issue, encoding="utf-8") as f:
        source = f.read().split("\n")
    work = tempfile.mkdtemp(prefix="paperset-sheet-")
    sheet, report = build(paperset, issue, work)
    try:
        browser = cdp.Browser()
    except cdp.CannotStart as e:
        print("SKIPPED: the browser test needs Chromium, which cannot start here: %s" % e)
        return 77
    try:
        run(browser, sheet, report, source, shots)
        run_served(browser, paperset, issue, work, shots)
    finally:
        browser.close()
        subprocess.run(["rm", "-rf", work], check=False)
    print("screenshots in " + shots)
    print("%d passed, %d failed" % (CHECKS[0] - len(FAILS), len(FAILS)))
    return 1 if FAILS else 0


CHECKS = [0]
_check = check


def check(cond, what):  # noqa: F811 - counts as it checks
    CHECKS[0] += 1
    return _check(cond, what)


def run(browser, sheet, report, source, shots):
    page = cdp.Page(browser, 1400, 900)
    page.goto("file://" + sheet)
    wait_for(page, "[...document.images].every((i) => !i.src || (i.complete && i.naturalWidth > 0))",
             "every image of the sheet loads")
    check(page.errors() == [], "no console error, exception or failed load: %s" % page.errors())

    pages = sum(1 for line in source if "<page " in line)
    thumbs = page.js("document.querySelectorAll('#thumbs .thumb img').length")
    check(thumbs == pages, "one thumbnail per page (%d of %d)" % (thumbs, pages))

    listed = page.js("document.querySelectorAll('#findings .finding').length")
    expected = len([f for f in report["findings"] if f["code"] != "fill"])
    check(listed == expected, "every finding of the report is listed (%d of %d)" % (listed, expected))

    a, b, c = (os.path.join(shots, n) for n in ("sheet.png", "sheet-overlay.png", "sheet-overlay-off.png"))
    page.screenshot(a)
    page.click("#overlay-toggle")
    time.sleep(0.3)
    page.screenshot(b)
    changed = differing_pixels(a, b)
    check(changed > 2000, "the overlay toggle changes the page image (%d pixels differ)" % changed)
    page.click("#overlay-toggle")
    time.sleep(0.3)
    page.screenshot(c)
    back = differing_pixels(a, c)
    check(back <= 50, "toggled off, the screenshot is the first one again (%d pixels differ, tolerance 50)" % back)

    overset = [f for f in report["findings"] if f["code"] == "overset"]
    if not check(len(overset) == 1, "the report has the overset finding"):
        return
    f = overset[0]
    page.click("#findings .finding[data-code='overset']")
    wait_for(page, "document.querySelector('#overlay rect.hl') !== null", "the article is outlined")
    time.sleep(0.5)  # smooth scrolling, if any
    current = page.js("document.querySelector('.thumb.current').dataset.page")
    check(current == str(f["page"]), "the finding's page (%s) is the one shown (%s)" % (f["page"], current))
    r = page.js("(() => { const r = document.querySelector('#overlay rect.hl').getBoundingClientRect();"
                " const v = document.getElementById('view').getBoundingClientRect();"
                " return {x: r.x, y: r.y, w: r.width, h: r.height, vt: v.top, vb: v.bottom, vl: v.left, vr: v.right}; })()")
    inside = r["y"] >= r["vt"] - 1 and r["y"] + r["h"] <= r["vb"] + 1 and r["x"] >= r["vl"] - 1 and r["x"] + r["w"] <= r["vr"] + 1
    check(inside and r["w"] > 20 and r["h"] > 10, "the outlined article is scrolled into view: %s" % r)
    d, e = os.path.join(shots, "sheet-overset.png"), os.path.join(shots, "sheet-overset-no-outline.png")
    page.js("document.querySelectorAll('#overlay .hl').forEach((h) => h.style.animation = 'none')")
    page.screenshot(d)
    page.js("document.querySelectorAll('#overlay .hl').forEach((h) => h.style.visibility = 'hidden')")
    page.screenshot(e)
    crop = "%dx%d+%d+%d" % (r["w"] + 8, r["h"] + 8, max(r["x"] - 4, 0), max(r["y"] - 4, 0))
    seen = differing_pixels(d, e, crop)
    check(seen > 100, "the outline is visible on the page (%d pixels)" % seen)

    line = next(i + 1 for i, l in enumerate(source) if 'id="%s"' % f["id"] in l)
    check(f["line"] == line, "the finding names the article's line (%d)" % line)
    link = page.js("document.querySelector(\"#findings .finding[data-code='overset'] .src-link\").textContent")
    check(re.search(r"proof_sheet\.xml:%d$" % line, link or "") is not None, "its link reads FILE:%d (%s)" % (line, link))
    page.click("#findings .finding[data-code='overset'] .src-link")
    hit = page.js("(() => { const h = document.querySelector('#source .line.hit'); return h ? h.textContent : ''; })()")
    check('id="%s"' % f["id"] in hit, "the link opens the source at that line: %r" % hit)
    seen = page.js("(() => { const h = document.querySelector('#source .line.hit').getBoundingClientRect();"
                   " const p = document.getElementById('source').getBoundingClientRect();"
                   " return h.top >= Math.max(p.top, 0) - 1 && h.bottom <= Math.min(p.bottom, innerHeight) + 1; })()")
    check(seen, "the source line is scrolled into view")
    page.screenshot(os.path.join(shots, "sheet-source.png"))
    check(page.errors() == [], "still no console error: %s" % page.errors())



def wait_loaded(page, expression, what, timeout=120):
    """wait_for() across a reload: while the page is being replaced, the expression may
    fail or its context go away; that is waited out, not a failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if page.js("document.readyState === 'complete' && (%s)" % expression):
                return True
        except (RuntimeError, KeyError):
            pass
        time.sleep(0.1)
    return check(False, what + " (waited %d s)" % timeout)


def wait_file(path, pattern, limit=300):
    """The first match of `pattern` in the file at `path`, once it is there."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with open(path, encoding="utf-8") as f:
                m = re.search(pattern, f.read())
            if m:
                return m
        except OSError:
            pass
        time.sleep(0.1)
    return None


def save(path, text):
    with open(path + ".new", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".new", path)  # as editors save


def run_served(browser, paperset, source_issue, work, shots):
    """The sheet as `paperset watch --serve 0` serves it, following the edits."""
    issue = os.path.join(work, "served.xml")
    with open(source_issue, encoding="utf-8") as f:
        xml = f.read()
    save(issue, xml)
    log_path = os.path.join(work, "watch.log")
    log = open(log_path, "w")
    proc = subprocess.Popen([paperset, "watch", issue, "-o", os.path.join(work, "served", "out.pdf"), "--png",
                             os.path.join(work, "served", "proofs"), "--png-dpi", "50", "--allow-overset",
                             "--serve", "0", "-q"], stdout=log, stderr=log)
    try:
        served(browser, issue, xml, log_path, shots)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def served(browser, issue, xml, log_path, shots):
    m = wait_file(log_path, r"serving the proof sheet at (http://127\.0\.0\.1:\d+/)")
    if not check(m is not None, "watch --serve 0 prints the URL it serves, on 127.0.0.1"):
        return
    wait_file(log_path, r"paperset watch: built")
    page = cdp.Page(browser, 1400, 900)
    before = len(page.errors())  # those of the pages opened before
    page.goto(m.group(1))
    images = "[...document.images].every((i) => !i.src || (i.complete && i.naturalWidth > 0))"
    wait_for(page, images, "every image of the served sheet loads")
    pages = xml.count("<page ")
    check(page.js("document.querySelectorAll('#thumbs .thumb img').length") == pages, "one thumbnail per page, served")
    generation = "(() => { const d = document.getElementById('data'); return d ? JSON.parse(d.textContent).generation : 0; })()"
    g0 = page.js(generation)

    p = xml.index("<p>", xml.index('<page number="2"')) + 3
    edited = xml[:p] + ("新" if xml[p] != "新" else "旧") + xml[p + 1:]
    save(issue, edited)
    wait_loaded(page, "%s !== %d && %s !== 0" % (generation, g0, generation),
                "the sheet reloads by itself after the save is rebuilt")
    wait_loaded(page, images, "every image loads after the reload")
    rebuilt = page.js("JSON.parse(document.getElementById('data').textContent).rebuilt")
    check(rebuilt == [2], "the reloaded sheet shows page 2 rebuilt (%s)" % rebuilt)
    g1 = page.js(generation)

    save(issue, edited.replace("</page>", "</pag>", 1))
    wait_loaded(page, "%s !== %d && %s !== 0" % (generation, g1, generation),
                "the sheet reloads after the save that breaks the issue")
    wait_loaded(page, images, "the last good proofs still load")
    banner = page.js("(() => { const b = document.getElementById('banner'); return b.hidden ? '' : b.textContent; })()")
    check("last good build" in banner and "served.xml" in banner, "the error is shown over the last good pages: %r" % banner)
    check(page.js("document.querySelectorAll('#thumbs .thumb img').length") == pages, "the last good pages are shown")
    page.screenshot(os.path.join(shots, "sheet-served-failed.png"))
    errors = page.errors()[before:]
    check(errors == [], "no console error, exception or failed load on the served sheet: %s" % errors)


if __name__ == "__main__":
    sys.exit(main())
