#include "cli/help.h"

namespace cli {

std::string usage() {
  return R"(usage:
  paperset build ISSUE.xml -o OUT.pdf [options]
  paperset watch ISSUE.xml -o OUT.pdf --png DIR [options]
  paperset preflight FILE.pdf [--pdfx 1a|3|4] [--json]
  paperset import COPY [--format nitf|newsml|text] [--keep-copy] [--kicker hl2|title]
  paperset help [build|watch|preflight|import]
  paperset --help | --version

commands:
  build        lay out an issue and write its print-ready PDF/X (and proofs)
  watch        rebuild on every save of the issue, its layout, copy files and
               photos (only the pages that changed), refreshing the proof sheet
  preflight    check any PDF against what a newspaper plant's preflight asks
  import       print a NITF story, NewsML-G2 item or plain-text manuscript as
               issue XML to place (docs/import.md)

`paperset help build` (or `paperset build --help`) lists the build options.
Data (layouts, font map, ICC profile) is found beside the program, or in
$PAPERSET_DATA. Manual: man paperset.

exit status: 0 success, 1 bad input or a failed check, 2 usage error,
3 internal error (a bug: please report it)
)";
}

std::string build_help() {
  return R"(usage: paperset build ISSUE.xml -o OUT.pdf [options]

Lays out the issue and writes its PDF/X-4 (or PDF/X-1a, X-3: --pdfx). Every
option that takes a value takes it as `--opt value` or `--opt=value`.

output:
  -o, --output FILE.pdf     where to write the PDF; `-o -` writes it to standard
                            output. Its folder is created when missing.
  --split                   one PDF per page; -o is then a folder (or a name stem:
                            -o out/issue.pdf gives out/issue-page-01.pdf …)
  --split-name TEMPLATE     with --split: the page files' names, from {paper},
                            {number}, {date}, {date:%Y%m%d}, {page}, {page:3},
                            {section}; e.g. "{paper}-{date:%Y%m%d}-A{page}"
  --jobs, -j N              with --split: pages drawn at once (default: one per core)
  --png DIR                 also write a PNG proof of every page into DIR
  --png-dpi N               proof resolution (default 150)
  --overlay                 draw the grid, frame edges and overset marks on proofs
  --report FILE.json        write a build report (also when the build fails)
  --output-profile FILE.icc CMYK output profile to embed (default: the shipped
                            newsprint profile)
  --pdfx 1a|3|4             the PDF/X standard to write: PDF/X-1a:2001,
                            PDF/X-3:2002 or PDF/X-4 (default: the layout's
                            <print pdfx>, else 4)
  --dump lines|pages        print composed lines / placed boxes to standard output
  --keep-copy               set copy from NITF, NewsML-G2 and manuscripts as
                            delivered: no clean-up of ASCII marks and quotes
  --proof-sheet FILE.html   an HTML proof sheet of the issue: every page, the
                            overlay, every finding linked to its element and
                            source line (proofs go beside it without --png)
  --cache DIR               reuse the pages that did not change since the last
                            build with this cache (frames and proofs)

what fails the build:
  --allow-overset           text that does not fit is a warning, not an error
  --allow-low-res           photos under 100 ppi are a warning, not an error
  --allow-missing-photos    a photo file not there is a placeholder and a warning
  --allow-missing-ads       an ad not delivered is an empty slot (marked 广告 on proofs) and a warning
  --fail-on LIST            these warnings fail the build too: `warning` (all),
                            overset, underset, low-res, missing-glyph, ink-limit …
  --werror                  the same as --fail-on warning
  --no-balance              never balance an article's last columns
  --max-errors N            input errors reported before stopping (default 20)

inputs:
  --allow-paths DIR         photos, logos and layouts may also come from DIR (by
                            default only from the issue's folder tree and paperset's own)
  --limit NAME=N            raise an input limit (docs/format.md "Limits"):
                            issue-size, layout-size, image-size, icc-size, pdf-size
                            (bytes; K, M, G), elements, paragraph, pages

messages:
  -q, --quiet               print errors only (no warnings, progress or "wrote")

On failure nothing that looks like a result is left: no temporary file, and a
PDF (split pages, proofs) of an earlier build at the output paths is removed.

exit status: 0 success, 1 bad input or a failed check, 2 usage error,
3 internal error
)";
}

std::string preflight_help() {
  return R"(usage: paperset preflight FILE.pdf [--pdfx 1a|3|4] [--json]
                          [--limit pdf-size=N]

Checks a PDF against what a newspaper plant's preflight asks: page boxes, PDF/X
identification and what the standard forbids (transparency, colour spaces, PDF
version), output intent, embedded fonts, no RGB, black text overprinting, image
resolution, total ink. Prints one line per finding, a summary, and which
standard the file claims and whether it meets it.

  --pdfx 1a|3|4             check against PDF/X-1a:2001, PDF/X-3:2002 or
                            PDF/X-4 (default: the standard the file claims,
                            else PDF/X-4)
  --json                    the findings as JSON on standard output
  --limit pdf-size=N        read PDFs up to N bytes (K, M, G; default 512M)

exit status: 0 no errors, 1 a check failed or the file cannot be read,
2 usage error
)";
}

std::string import_help() {
  return R"(usage: paperset import COPY [--format nitf|newsml|text] [--keep-copy] [--kicker hl2|title]

Prints a copy file as issue XML for editing and placing: one <article> per story
(its photos nested), a <banner> per banner, a <photo> per caption or picture item.
Reads IPTC NITF 3.x, NewsML-G2 (newsItem, newsMessage) and plain-text manuscripts
(docs/import.md). The clean-up's changes and reading notes go to standard error.

  --format F                nitf, newsml or text (default: the file's content tells)
  --keep-copy               no clean-up: the text as delivered
  --kicker K                the kicker from NITF hl2 or the document title (default
                            none: hl2 is the subtitle)

exit status: 0 success, 1 a bad copy file (its path and line), 2 usage error
)";
}

std::string watch_help() {
  return R"(usage: paperset watch ISSUE.xml -o OUT.pdf --png DIR [build options]

Builds the issue, then waits for changes to it, its layout file, its copy files
and its photos, and rebuilds on every save (changes within 100 ms are taken
together). Only the pages that changed are laid out and drawn again (the page
cache: --cache DIR, default OUT_FOLDER/.paperset-cache). Each rebuild writes the
PDF, the proofs and the proof sheet (--proof-sheet FILE.html, default
DIR/index.html), which reloads itself in the browser. A rebuild that fails leaves
the last good PDF and proofs in place; the sheet then shows the errors over them.
Stop with Ctrl-C.

Takes every option of paperset build but -o - and --dump, and:
  --serve PORT    serve the proof sheet's folder on http://127.0.0.1:PORT/ (0: any
                  free port; the URL is printed); an open sheet reloads the moment
                  a rebuild is done. Loopback only; the proofs must be beside the
                  sheet (the default).

exit status: 128 + the signal's number when stopped (130 for Ctrl-C), 1 when the
issue cannot be watched, 2 usage error
)";
}

std::string help_for(const std::string& topic) {
  if (topic == "build") return build_help();
  if (topic == "watch") return watch_help();
  if (topic == "preflight") return preflight_help();
  if (topic == "import") return import_help();
  return usage();
}

}  // namespace cli
