#!/usr/bin/env python3
"""What total fit costs over first fit on the 16-page benchmark issue, on one core.

    bench/compose_cost.py build/src/cli/paperset [--runs 5]

The issue of bench/gen_issue.py is built twice, each with its own copy of the broadsheet
layout beside it: as bundled (justified text, broken by total fit) and with every
justified style set flush left (the composer breaks unjustified text by first fit,
docs/composer.md). Both builds run under callgrind, whose instruction counts are stable
on the shared machine, and natively (the median of --runs user CPU times of the
justified build gives the instructions per second). The difference is printed in
instructions and in milliseconds of one core. It is an upper bound for the breaking
algorithm: the justified build also justifies its lines (stretch and shrink) and its
dry runs plan at every measure they try."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def layouts(work):
    src = open(os.path.join(ROOT, 'layouts', 'broadsheet.xml'), encoding='utf-8').read()
    open(os.path.join(work, 'total.xml'), 'w', encoding='utf-8').write(src)
    left = re.sub(r'align="justify"', 'align="left"', src)
    open(os.path.join(work, 'first.xml'), 'w', encoding='utf-8').write(left)


def issue_with(work, layout):
    text = open(os.path.join(work, 'issue.xml'), encoding='utf-8').read()
    text = re.sub(r'layout="[^"]*"', f'layout="{layout}.xml"', text, count=1)
    path = os.path.join(work, f'issue-{layout}.xml')
    open(path, 'w', encoding='utf-8').write(text)
    return path


def instructions(binary, issue, work):
    out = os.path.join(work, 'cg.out')
    r = subprocess.run(['valgrind', '--tool=callgrind', f'--callgrind-out-file={out}', binary, 'build', issue,
                        '-o', os.path.join(work, 'cg.pdf')], capture_output=True, text=True)
    m = re.search(r'Collected : (\d+)', r.stderr)
    if r.returncode != 0 or not m:
        sys.exit(f'callgrind run failed:\n{r.stderr[-2000:]}')
    return int(m.group(1))


def user_seconds(binary, issue, work, runs):
    times = []
    for _ in range(runs):
        r = subprocess.run(['/usr/bin/time', '-f', '%U', binary, 'build', issue, '-o', os.path.join(work, 't.pdf')],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f'build failed:\n{r.stderr[-2000:]}')
        times.append(float(r.stderr.strip().splitlines()[-1]))
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('paperset')
    ap.add_argument('--runs', type=int, default=5)
    a = ap.parse_args()
    binary = os.path.abspath(a.paperset)
    work = tempfile.mkdtemp(prefix='compose-cost-')
    try:
        subprocess.run([sys.executable, os.path.join(ROOT, 'bench', 'gen_issue.py'), work], check=True,
                       capture_output=True)
        layouts(work)
        total, first = issue_with(work, 'total'), issue_with(work, 'first')
        i_total = instructions(binary, total, work)
        i_first = instructions(binary, first, work)
        secs = user_seconds(binary, total, work, a.runs)
        rate = i_total / secs if secs > 0 else 0
        extra_ms = 1000.0 * (i_total - i_first) / rate if rate else float('nan')
        print(f'16-page issue, total fit (justified): {i_total / 1e9:.3f} G instructions')
        print(f'16-page issue, first fit (flush left): {i_first / 1e9:.3f} G instructions')
        print(f'user CPU of the justified build: {secs:.3f} s (median of {a.runs}); '
              f'{rate / 1e9:.2f} G instructions/s')
        print(f'total fit adds {(i_total - i_first) / 1e6:.0f} M instructions = {extra_ms:.1f} ms on one core '
              f'({100.0 * (i_total - i_first) / i_first:+.1f} %)')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
