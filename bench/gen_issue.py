#!/usr/bin/env python3
"""Generates the benchmark issue: 16 broadsheet pages, about 100,000 characters.

    bench/gen_issue.py OUT_DIR [--pages 16] [--chars 6250 × pages] [--seed 20240105]
                               [--photos half|every|none] [--photo-files mixed|one|distinct]
                               [--corpus FILE] [--images DIR]

Writes OUT_DIR/issue.xml (core issue format, layout "broadsheet") and copies the
placeholder photos into OUT_DIR/images/. The text is built from the sentences of the
real page (tests/compose/data/corpus_000.txt) in an order drawn with a fixed seed,
so the same arguments always give the same file: a benchmark run measures the engine,
not the input.

Each page is cut into 2–3 column stacks (e.g. 5+3 or 3+3+2 of the 8 columns). Each
stack holds 1–3 articles (and on about half of the pages one stack starts with a
photo); an article's height is drawn first and its text then generated to fill up to
85 % of it (estimated with 13 characters a column line, the grid's 13 em column), so
that no article is overset and no page is left empty. Two articles jump (page 1 → 4 and page 9 → 12) through two <frame>s
(a jump whose continuation page is beyond --pages is left out).

--photos every puts a photo on every page, none on none. --photo-files one places the
same file everywhere; distinct gives every placement a file of its own (a copy of the
chosen photo with its number in a JPEG comment: different bytes, the same decoding work),
so that the cost of distinct photos can be measured.
"""
import argparse
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(ROOT, "tests", "compose", "data", "corpus_000.txt")
DEFAULT_IMAGES = os.path.join(ROOT, "samples", "images")

# The broadsheet layout (layouts/broadsheet.xml): 8 columns of 13 em at 9 pt, 1 em
# gutter, 96 grid lines of 14.4 pt. Sizes of the head styles in pt.
COLS, ROWS, COL_W, GUTTER, PITCH, BODY = 8, 96, 117.0, 9.0, 14.4, 9.0
HEADLINE, SUBHEAD, CAPTION = 24.0, 10.5, 8.0
CHARS_PER_LINE = COL_W / BODY  # 13

STACK_PATTERNS = [[5, 3], [4, 4], [3, 5], [3, 3, 2], [2, 3, 3], [3, 2, 3], [6, 2], [2, 6]]
JUMPS = {1: 4, 9: 12}  # page with the story's start → page with its continuation
CONTINUATION_ROWS = 30

SENTENCE_END = "。！？"
CLOSERS = "”’）)"


# ---------------------------------------------------------------- corpus material

def corpus_material(path):
    """Sentences of the body text, headline phrases, names, captions."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip() for l in f.read().split("\n")]
    heads, body = [], []
    for l in lines:
        if not l:
            continue
        if l.startswith("#"):
            heads.append(l.lstrip("# "))
        elif not l.startswith("□"):
            body.append(l)
    text = "".join(body)  # also joins the paragraphs the text file broke mid-sentence
    sentences = []
    for m in re.finditer(r"[^。！？]+[。！？][”’）)]*", text):
        s = m.group(0).strip()
        if 8 <= len(s) <= 160:
            sentences.append(s)
    phrases = []
    for h in heads + ["勇挑大梁走在前 勇攀新高再出发"]:
        phrases += [p for p in h.split(" ") if p]
    return sentences, phrases


NAMES = ["徐梦超", "宋祎凡", "史莲寅", "谭论", "徐晶玮", "袁涛", "陈嘉禾", "林晓", "周航", "孙悦"]


# ---------------------------------------------------------------- size estimates

def em_width(s):
    """Estimated width in em: Han and full-width 1, Latin/digits about 0.55."""
    return sum(0.5 if ch == " " else 0.55 if ord(ch) < 0x2000 else 1.0 for ch in s)


def block_width(cols):
    return cols * COL_W + (cols - 1) * GUTTER


def text_lines(s, width_em, indent=0.0):
    return max(1, math.ceil((em_width(s) + indent) / width_em))


def rows_per_line(size):
    # Conservative: a head line takes the grid lines that hold 1.25 × its size.
    return math.ceil(size * 1.25 / PITCH)


def head_rows(headline, cols, byline):
    n = text_lines(headline, block_width(cols) / HEADLINE)
    return n * rows_per_line(HEADLINE) + 1 + (1 if byline else 0)  # space-after 1, byline


def para_lines(p):
    return text_lines(p, CHARS_PER_LINE, 2.0)  # 2 em first-line indent


def subhead_lines(s):
    return 1 + text_lines(s, COL_W / SUBHEAD)  # space-before 1


def photo_rows(cols, caption):
    pic = block_width(cols) / 1.5  # a 3:2 picture
    cap = text_lines(caption, block_width(cols) / CAPTION, 2.0)
    return math.ceil(pic / PITCH) + cap + 1  # + credit


def jpeg_width(path):
    """Pixel width from a JPEG's frame header (SOFn), without any image library."""
    with open(path, "rb") as f:
        data = f.read(1 << 20)
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[i + 7:i + 9], "big")
        i += 2 + length
    return 0


def photo_for(rng, cols, images):
    """A photo with at least 200 ppi at this width (docs/print.md: below is reported)."""
    need = block_width(cols) / 72.0 * 200
    fit = [name for name, width in images if width >= need]
    return rng.choice(fit or [max(images, key=lambda x: x[1])[0]])


# ---------------------------------------------------------------- text generation

class Writer:
    def __init__(self, rng, sentences, phrases):
        self.rng, self.sentences, self.phrases = rng, sentences, phrases

    def headline(self, max_em):
        for _ in range(50):
            a, b = self.rng.sample(self.phrases, 2)
            h = a + " " + b
            if em_width(h) <= max_em:
                return h
        return self.rng.choice(self.phrases)

    def paragraph(self):
        return "".join(self.rng.choice(self.sentences) for _ in range(self.rng.randint(2, 4)))

    def body(self, target_lines):
        """Paragraphs and subheads whose estimated lines stay within target_lines."""
        out, used, since_sub = [], 0, 0
        for _ in range(10 * target_lines + 10):
            if target_lines > 70 and since_sub > 28 and used < target_lines - 20:
                sub = self.headline(2 * COL_W / SUBHEAD)
                out.append(("subhead", sub))
                used += subhead_lines(sub)
                since_sub = 0
            p = self.paragraph()
            n = para_lines(p)
            if used + n > target_lines:
                if any(k == "p" for k, _ in out):
                    break
                p = self.rng.choice(self.sentences)  # the article needs one paragraph
                n = para_lines(p)
            out.append(("p", p))
            used += n
            since_sub += n
        return out, used


# ---------------------------------------------------------------- page plan

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Article:
    def __init__(self, aid, page, frames):
        self.id, self.page, self.frames = aid, page, frames  # frames: [(page, col, cols, row, rows)]
        self.head = self.byline = None
        self.body = []


def split_rows(rng, start, count, n):
    """n heights ≥ 18 adding up to count, drawn around an even split."""
    cuts, left = [], count
    for i in range(n - 1):
        even = left / (n - i)
        h = max(18, min(left - 18 * (n - i - 1), int(even * rng.uniform(0.75, 1.25))))
        cuts.append(h)
        left -= h
    cuts.append(left)
    rows, r = [], start
    for h in cuts:
        rows.append((r, h))
        r += h
    return rows


def plan_stack(rng, page, col, cols, row0, with_photo, reserved, captions, images):
    blocks, r = [], row0
    if reserved:  # the top of the stack holds a story continued from an earlier page
        blocks.append(("continuation", dict(col=col, cols=cols, row=r, rows=reserved)))
        r += reserved
    if with_photo:
        cap = rng.choice(captions)
        h = photo_rows(cols, cap)
        blocks.append(("photo", dict(col=col, cols=cols, row=r, rows=h, caption=cap,
                                     src="images/" + photo_for(rng, cols, images))))
        r += h
    left = ROWS - r + 1
    n = max(1, min(3, left // rng.randint(30, 44)))
    for (ar, ah) in split_rows(rng, r, left, n):
        blocks.append(("article", dict(col=col, cols=cols, row=ar, rows=ah)))
    return blocks


def plan_pages(rng, pages, captions, images, jumps, photos):
    plan = {p: [] for p in range(1, pages + 1)}
    for p in range(1, pages + 1):
        pattern = [5, 3] if p == 1 else rng.choice(STACK_PATTERNS)
        row0 = 1
        if p == 1:
            plan[p].append(("banner", dict(col=1, cols=8, row=1, rows=6)))
            row0 = 7
        # The draws of the default issue; --photos none draws the same (same text).
        wanted = rng.random() < 0.5 or photos == "every"
        photo_stack = rng.choice([i for i, c in enumerate(pattern) if c >= 3]) if wanted else -1
        if photos == "none":
            photo_stack = -1
        col = 1
        for i, cols in enumerate(pattern):
            reserved = CONTINUATION_ROWS if (p in jumps.values() and i == 0) else 0
            plan[p] += plan_stack(rng, p, col, cols, row0, i == photo_stack, reserved, captions, images)
            col += cols
    return plan


# ---------------------------------------------------------------- issue assembly

def build_articles(plan, writer, fill, jumps):
    articles, photos, banners = [], [], []
    for p, blocks in plan.items():
        k = 0
        for kind, b in blocks:
            if kind == "photo":
                photos.append((p, b))
            elif kind == "banner":
                banners.append((p, b))
            elif kind == "article":
                k += 1
                frames = [(p, b["col"], b["cols"], b["row"], b["rows"])]
                a = Article(f"p{p}a{k}", p, frames)
                if p in jumps and k == 1:
                    dst = jumps[p]
                    c = next(x for kk, x in plan[dst] if kk == "continuation")
                    a.frames.append((dst, c["col"], c["cols"], c["row"], c["rows"]))
                articles.append(a)
    for a in articles:
        cols = a.frames[0][2]
        a.head = writer.headline(2 * block_width(cols) / HEADLINE)
        a.byline = "□ 记者 " + " ".join(writer.rng.sample(NAMES, 2)) if writer.rng.random() < 0.6 else None
        capacity = cols * (a.frames[0][4] - head_rows(a.head, cols, a.byline))
        capacity += sum(f[2] * (f[4] - 1) for f in a.frames[1:])  # a jump line in each later frame
        capacity -= len(a.frames) - 1  # the "continued on" line
        a.body, a.lines = writer.body(int(capacity * fill))
    return articles, photos, banners


def write_issue(path, pages, articles, photos, banners):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           "<!-- Generated by bench/gen_issue.py: benchmark input, not a real newspaper. -->\n",
           '<issue paper="武进日报" date="2024-01-05" number="9999" layout="broadsheet">\n']
    for p in range(1, pages + 1):
        out.append(f'  <page number="{p}" section="{"要闻" if p == 1 else "综合"}">\n')
        for bp, b in banners:
            if bp == p:
                out.append(f'    <banner id="banner{p}" col="{b["col"]}" cols="{b["cols"]}" row="{b["row"]}" '
                           f'rows="{b["rows"]}">勇挑大梁走在前 勇攀新高再出发<br/>奋力推进中国式现代化武进新实践</banner>\n')
        for a in articles:
            if a.page != p:
                continue
            if len(a.frames) == 1:
                _, c, cs, r, rs = a.frames[0]
                out.append(f'    <article id="{a.id}" col="{c}" cols="{cs}" row="{r}" rows="{rs}">\n')
            else:
                out.append(f'    <article id="{a.id}">\n')
                for (fp, c, cs, r, rs) in a.frames:
                    pg = f' page="{fp}"' if fp != a.page else ""
                    out.append(f'      <frame col="{c}" cols="{cs}" row="{r}" rows="{rs}"{pg}/>\n')
            out.append(f"      <headline>{esc(a.head)}</headline>\n")
            if a.byline:
                out.append(f"      <byline>{esc(a.byline)}</byline>\n")
            for kind, t in a.body:
                out.append(f"      <{kind}>{esc(t)}</{kind}>\n")
            out.append("    </article>\n")
        for k, (pp, b) in enumerate(photos):
            if pp == p:
                out.append(f'    <photo id="photo{p}_{k}" src="{b["src"]}" col="{b["col"]}" cols="{b["cols"]}" '
                           f'row="{b["row"]}" rows="{b["rows"]}">\n')
                out.append(f"      <caption>{esc(b['caption'])}</caption>\n      <credit>徐晶玮 摄</credit>\n    </photo>\n")
        out.append("  </page>\n")
    out.append("</issue>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def count_chars(articles):
    return sum(len(t) for a in articles for _, t in a.body) + sum(len(a.head) for a in articles)


def generate(args, fill):
    rng = random.Random(args.seed)
    sentences, phrases = corpus_material(args.corpus)
    images = sorted((f, jpeg_width(os.path.join(args.images, f)))
                    for f in os.listdir(args.images) if f.lower().endswith(".jpg"))
    if not images:
        sys.exit(f"gen_issue: no .jpg placeholder photos in {args.images} (scripts/make-sample-images.sh makes them)")
    jumps = jumps_for(args.pages)
    plan = plan_pages(rng, args.pages, sentences, images, jumps, args.photos)
    return build_articles(plan, Writer(rng, sentences, phrases), fill, jumps), images


def jumps_for(pages):
    return {s: d for s, d in JUMPS.items() if d <= pages}


def place_photo_files(photos, how, src_dir, out_dir):
    """Copies the photos the issue places; 'one' and 'distinct' rewrite their src first."""
    os.makedirs(os.path.join(out_dir, "images"), exist_ok=True)
    if how == "one" and photos:
        for _, b in photos:
            b["src"] = photos[0][1]["src"]
    for k, (_, b) in enumerate(photos):
        name = b["src"][len("images/"):]
        with open(os.path.join(src_dir, name), "rb") as f:
            data = f.read()
        if how == "distinct":
            # A COM segment right after SOI: other bytes, the same pixels.
            text = f"bench photo {k}".encode()
            data = data[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + data[2:]
            name = f"{os.path.splitext(name)[0]}-{k}.jpg"
            b["src"] = "images/" + name
        with open(os.path.join(out_dir, "images", name), "wb") as f:
            f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--pages", type=int, default=16)
    ap.add_argument("--chars", type=int, default=0, help="target characters of text (default 6250 a page)")
    ap.add_argument("--photos", choices=["half", "every", "none"], default="half",
                    help="pages with a photo: about half (default), every page, or none")
    ap.add_argument("--photo-files", choices=["mixed", "one", "distinct"], default="mixed",
                    help="the placeholder photos as drawn (default), one file everywhere, or a file per placement")
    ap.add_argument("--seed", type=int, default=20240105)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--images", default=DEFAULT_IMAGES)
    args = ap.parse_args()
    if args.pages < 1:
        sys.exit("gen_issue: --pages must be at least 1")
    args.chars = args.chars or 6250 * args.pages
    # The fill factor that meets --chars, found by regenerating with the same seed; capped
    # at 85 % of the estimated room so that nothing is overset.
    fill = 0.8
    for _ in range(4):
        (articles, photos, banners), images = generate(args, fill)
        fill = min(0.85, fill * args.chars / max(1, count_chars(articles)))
    (articles, photos, banners), images = generate(args, fill)
    place_photo_files(photos, args.photo_files, args.images, args.out_dir)
    issue = os.path.join(args.out_dir, "issue.xml")
    write_issue(issue, args.pages, articles, photos, banners)
    print(f"gen_issue: {issue}: {args.pages} pages, {len(articles)} articles, {len(photos)} photos, "
          f"{len(jumps_for(args.pages))} jumps, {count_chars(articles)} characters (fill {fill:.0%} of the estimated room)")


if __name__ == "__main__":
    main()
