#!/usr/bin/env python3
"""Checks that samples/wujin-2024-01-05.xml carries the newspaper's text unchanged.

The source is the page as a text file (tests/compose/data/corpus_000.txt): '#'
and '##' lines are headlines and subheads, blank lines separate paragraphs, a line
ending in two spaces continues its block on the next line (the banner's two lines, the
caption and its credit). The text file also breaks six paragraphs mid-sentence
("…实施方案》。自" / "项目确立起…"); those are joined without a space, as printed.

Every paragraph, heading, the byline, the banner, the caption and the credit must
appear in the XML byte for byte (after the issue format's whitespace rule,
docs/format.md "Whitespace in text"), body paragraphs in the corpus order, and the XML
may hold no text that is not in the corpus.

    samples/check_sample_text.py [CORPUS] [ISSUE_XML]

Exit 0 when all is identical; 1 with the differences listed otherwise.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "tests", "compose", "data", "corpus_000.txt")
DEFAULT_XML = os.path.join(HERE, "wujin-2024-01-05.xml")

# A paragraph that ends in none of these was cut mid-sentence by the text file.
SENTENCE_END = set("。！？”’）)…；：")
EXPECTED_JOINS = 6


def blocks_of(corpus_text):
    """Paragraph blocks: lists of lines; a line ending in two spaces continues."""
    blocks, current = [], []
    for raw in corpus_text.split("\n"):
        if raw.strip() == "":
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(raw.rstrip(" "))
        if not raw.endswith("  "):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_heading(line):
    return line.startswith("#")


def is_body(block):
    line = block[0]
    return len(block) == 1 and not is_heading(line) and not line.startswith("□")


def join_broken(blocks):
    """Joins a body paragraph cut mid-sentence with the body paragraph after it."""
    out, joins = [], []
    for b in blocks:
        prev = out[-1] if out else None
        if prev and is_body(prev) and is_body(b) and prev[0][-1] not in SENTENCE_END:
            joins.append((prev[0][-8:], b[0][:8]))
            out[-1] = [prev[0] + b[0]]
        else:
            out.append(b)
    return out, joins


# --- the issue format's whitespace rule (docs/format.md), applied to element text ---

WIDE_RANGES = [(0x1100, 0x115F), (0x2E80, 0x303E), (0x3040, 0x33FF), (0x3400, 0x4DBF),
               (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
               (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
               (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]


def wide(ch):
    c = ord(ch)
    return any(a <= c <= b for a, b in WIDE_RANGES) or ch in "“”‘’—…·"


def apply_space_rule(text):
    def repl(m):
        run, start, end = m.group(0), m.start(), m.end()
        if start == 0 or end == len(text) or text[start - 1] == "\n" or text[end] == "\n":
            return ""
        if ("\n" in run or "\r" in run) and wide(text[start - 1]) and wide(text[end]):
            return ""
        return " "
    # '\n' here only stands for <br/> (see element_text); source newlines are '\r'.
    return re.sub(r"[ \t\r]+", repl, text)


def element_text(e):
    """Text of a text element; <br/> becomes '\n', source line breaks are runs."""
    parts = [(e.text or "").replace("\n", "\r")]
    for child in e:
        parts.append("\n" if child.tag == "br" else element_text(child))
        parts.append((child.tail or "").replace("\n", "\r"))
    return "".join(parts)


def xml_texts(path):
    root = ET.parse(path).getroot()
    found = {}
    for tag in ("headline", "subhead", "byline", "p", "banner", "caption", "credit",
                "kicker", "subtitle"):
        found[tag] = [apply_space_rule(element_text(e)) for e in root.iter(tag)]
    return found


def expected_texts(blocks):
    exp = {"headline": [], "subhead": [], "byline": [], "p": [], "banner": [], "caption": [],
           "credit": [], "kicker": [], "subtitle": []}
    lead_seen = False
    for i, b in enumerate(blocks):
        line = b[0]
        if line.startswith("# "):
            exp["headline"].append(line[2:])
            lead_seen = True
        elif line.startswith("## "):
            # A '##' right after the banner starts the second story; the others are
            # subheads of the lead.
            after_banner = i > 0 and len(blocks[i - 1]) == 2 and not blocks[i - 1][0].startswith("作为")
            exp["headline" if after_banner else "subhead"].append(line[3:])
        elif line.startswith("□"):
            exp["byline"].append(line)
        elif len(b) == 2 and b[1].endswith("摄"):
            exp["caption"].append(b[0])
            exp["credit"].append(b[1])
        elif len(b) == 2:
            exp["banner"].append(b[0] + "\n" + b[1])
        else:
            assert lead_seen, "body text before the first headline"
            exp["p"].append(line)
    return exp


def first_difference(a, b):
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"differs at character {n}: corpus …{a[max(0, n - 10):n + 10]}… xml …{b[max(0, n - 10):n + 10]}…"


def compare(exp, got):
    problems = []
    for tag in exp:
        e, g = exp[tag], got.get(tag, [])
        if len(e) != len(g):
            problems.append(f"<{tag}>: corpus has {len(e)}, xml has {len(g)}")
        for k, (x, y) in enumerate(zip(e, g)):
            if x != y:
                problems.append(f"<{tag}> #{k + 1} {first_difference(x, y)}")
    return problems


def main(argv):
    corpus = argv[1] if len(argv) > 1 else DEFAULT_CORPUS
    issue = argv[2] if len(argv) > 2 else DEFAULT_XML
    with open(corpus, encoding="utf-8") as f:
        blocks, joins = join_broken(blocks_of(f.read()))
    problems = []
    if len(joins) != EXPECTED_JOINS:
        problems.append(f"expected {EXPECTED_JOINS} mid-sentence joins, found {len(joins)}: {joins}")
    exp = expected_texts(blocks)
    problems += compare(exp, xml_texts(issue))
    chars = sum(len(t) for v in exp.values() for t in v)
    if problems:
        print(f"check_sample_text: {issue} differs from {corpus}:")
        for p in problems:
            print("  " + p)
        print(f"0 passed, {len(problems)} failed")
        return 1
    counts = ", ".join(f"{len(v)} {k}" for k, v in exp.items() if v)
    print(f"check_sample_text: identical: {counts}; {chars} characters; joined {len(joins)} broken paragraphs")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
