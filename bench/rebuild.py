#!/usr/bin/env python3
"""Rebuild times of the proof loop: one changed page of the 16-page benchmark issue.

    bench/rebuild.py [PAPERSET] [--runs N] [--dpi 150] [--keep]

Generates the benchmark issue (bench/gen_issue.py) and measures, each as the median of
N timed runs (default 7, at least 5) after one warm-up:

* clean          build with PNG proofs, no cache: what every change cost before;
* cache, 1 page  build --cache with proofs after one paragraph on page 3 changed
                 (the changed character alternates, so every run is a real change);
* cache, none    build --cache with proofs, nothing changed;
* watch          paperset watch: time from saving the changed issue (a new file
                 renamed over the old one, as editors save) to the new report, the
                 rebuild's own time as watch prints it ("laid out in … s"), and the CPU
                 time the watch process spent on the rebuild (/proc/PID/stat: user +
                 system, all threads), with the report's time by stage.

The build cases run under hyperfine (its median; CPU: its mean user + system); watch is
timed here. Every figure is also given as a ratio against the clean build of the same
run (clean ÷ case: 5.0x means five times less). Needs hyperfine and python3. Timings on
the shared machine are noisy: compare cases of one run, and prefer the CPU ratios when
the machine is busy.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EDIT = r"""
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
at = text.index('<article id="p3a1"')
p = text.index("<p>", at) + 3
text = text[:p] + ("新" if text[p] != "新" else "旧") + text[p + 1:]
open(path + ".new", "w", encoding="utf-8").write(text)
import os
os.replace(path + ".new", path)
"""


def edit(issue, script):
    subprocess.run([sys.executable, script, issue], check=True)


def hyperfine(work, runs, cases):
    """cases: (name, command, prepare or None). Returns {name: median seconds}, {name: mean CPU seconds}."""
    out, cpu = {}, {}
    for name, cmd, prepare in cases:
        js = os.path.join(work, "hf.json")
        args = ["hyperfine", "--style", "basic", "--warmup", "1", "--runs", str(runs), "--export-json", js]
        if prepare:
            args += ["--prepare", prepare]
        subprocess.run(args + [cmd], check=True, stdout=sys.stderr)
        with open(js) as f:
            r = json.load(f)["results"][0]
        out[name], cpu[name] = r["median"], r["user"] + r["system"]
    return out, cpu


def cpu_seconds(pid):
    """User + system CPU time of a process so far, all its threads (proc(5): fields 14, 15)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_report(path, before, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if text != before and text.endswith("}\n"):
                return text
        except OSError:
            pass
        time.sleep(0.002)
    raise TimeoutError("watch did not rebuild within %d s" % limit)


def watch(paperset, work, issue, runs, dpi, script):
    out = os.path.join(work, "watch")
    report, log_path = os.path.join(out, "report.json"), os.path.join(work, "watch.log")
    log = open(log_path, "w")
    proc = subprocess.Popen([paperset, "watch", issue, "-o", os.path.join(out, "out.pdf"), "--png",
                             os.path.join(out, "png"), "--png-dpi", str(dpi), "--report", report, "-q"],
                            stdout=log, stderr=log)
    latencies, cpu, stages = [], [], {}
    try:
        text = wait_report(report, None, limit=300)
        for i in range(runs + 1):
            time.sleep(0.5)  # the rebuild's report is written; let watch return to waiting
            c0, t0 = cpu_seconds(proc.pid), time.monotonic()
            edit(issue, script)
            text = wait_report(report, text)
            if i:  # the first change is the warm-up
                latencies.append(time.monotonic() - t0)
            r = json.loads(text)
            if not r["ok"] or r["cache"]["rebuilt"] != [3]:
                sys.exit("bench: watch rebuilt %s, not page 3 only" % r.get("cache"))
            time.sleep(0.2)  # the sheet-state file and the log line come just after the report
            if i:
                cpu.append(cpu_seconds(proc.pid) - c0)
                for stage, ms in r.get("timings_ms", {}).items():
                    stages.setdefault(stage, []).append(ms / 1000)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    with open(log_path, encoding="utf-8") as f:
        own = [float(s) for s in re.findall(r"built page 3 laid out in ([0-9.]+) s", f.read())][1:]
    med = statistics.median
    return (med(latencies), med(own) if own else float("nan"), med(cpu),
            {stage: med(v) for stage, v in stages.items()})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paperset", nargs="?", default=os.path.join(ROOT, "build", "src", "cli", "paperset"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    if a.runs < 5:
        sys.exit("bench: --runs must be at least 5")
    if not shutil.which("hyperfine"):
        sys.exit("bench: needs hyperfine (apt-get install hyperfine)")
    paperset = os.path.abspath(a.paperset)
    work = tempfile.mkdtemp(prefix="paperset-rebuild-")
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_issue.py"), os.path.join(work, "issue")],
                       check=True, stdout=sys.stderr)
        issue = os.path.join(work, "issue", "issue.xml")
        q = lambda s: "'" + s + "'"  # noqa: E731 - paths from mkdtemp hold no quote
        base = "%s build %s -o %s --png %s --png-dpi %d -q" % (
            q(paperset), q(issue), q(work + "/out.pdf"), q(work + "/png"), a.dpi)
        cache = base + " --cache " + q(work + "/cache")
        script = os.path.join(work, "edit.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(EDIT)
        prep = "%s %s %s" % (q(sys.executable), q(script), q(issue))
        times, cpu = hyperfine(work, a.runs, [("clean (every page)", base, prep),
                                               ("cache, 1 page changed", cache, prep),
                                               ("cache, nothing changed", cache, None)])
        latency, own, watch_cpu, stages = watch(paperset, work, issue, a.runs, a.dpi, script)
        clean, clean_cpu = times["clean (every page)"], cpu["clean (every page)"]
        print("\npaperset rebuild: 16-page benchmark issue, page 3 changed, proofs at %d dpi, "
              "%d runs, %d cores (load average %.1f)" % (a.dpi, a.runs, os.cpu_count(), os.getloadavg()[0]))
        print("%-44s %9s %8s %9s %8s" % ("case", "median s", "clean/", "CPU s", "clean/"))
        row = lambda name, s, c: print("%-44s %9.3f %7.2fx %9s %8s" % (  # noqa: E731
            name, s, clean / s, "%.3f" % c if c is not None else "", "%.2fx" % (clean_cpu / c) if c else ""))
        for name, s in times.items():
            row("build, " + name, s, cpu[name])
        row("watch, save to report (100 ms debounce)", latency, None)
        row("watch, the rebuild itself", own, watch_cpu)
        print("watch rebuild by stage (median s): " +
              ", ".join("%s %.3f" % (stage, s) for stage, s in stages.items()))
    finally:
        if a.keep:
            print("bench: work folder " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
