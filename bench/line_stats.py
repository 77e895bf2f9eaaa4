#!/usr/bin/env python3
"""Colour of justified text: reads `paperset build … --dump=lines` and prints how many
justified lines (not a paragraph's last, not ended by a forced break) stretch the gaps
between their characters by more than 0.10 em and 0.20 em, and lists the worst.

    paperset build ISSUE.xml -o out.pdf --dump=lines > lines.txt
    bench/line_stats.py lines.txt [--show N] [--em PT]

The per-gap stretch is the line's `stretch X.XXXem` field. Dumps without it (older
binaries) are measured from their `justify@…` adjustments in points, divided by --em
(the body size, default 9)."""
import argparse
import re
import sys


def stretch_em(line, em_pt):
    m = re.search(r' stretch ([\d.]+)em', line)
    if m:
        return float(m.group(1))
    adj = re.findall(r'(?:justify|letterspace)@\d+\+([\d.]+)', line)
    return max(float(a) for a in adj) / em_pt if adj else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dump')
    ap.add_argument('--show', type=int, default=10)
    ap.add_argument('--em', type=float, default=9.0)
    a = ap.parse_args()
    rows = []
    for line in open(a.dump, encoding='utf-8'):
        if not line.startswith('line ') or ' last ' in line or 'break "forced' in line:
            continue
        if 'justify@' not in line and ' stretch ' not in line and 'adj [' not in line:
            continue
        text = re.search(r' text "(.*)" adj', line).group(1)
        rows.append((stretch_em(line, a.em), ' loose' in line, text))
    n = len(rows)
    over10 = sum(1 for r in rows if r[0] > 0.1 + 1e-9 or (r[1] and r[0] == 0))
    over20 = sum(1 for r in rows if r[0] > 0.2 + 1e-9 or (r[1] and r[0] == 0))
    pct = lambda k: 100.0 * k / n if n else 0.0
    print(f'{a.dump}: {n} lines; stretched > 0.10 em per gap: {over10} ({pct(over10):.1f} %); '
          f'> 0.20 em: {over20} ({pct(over20):.1f} %)')
    for s, loose, text in sorted(rows, reverse=True)[:a.show]:
        if s > 0.1 or loose:
            print(f'  {s:.3f} em{" loose" if loose else ""}  {text}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
