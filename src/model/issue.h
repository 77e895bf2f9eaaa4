#pragma once
// The typed issue: what docs/format.md describes, after parsing and validation.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/kinds.h"

#include "model/layout.h"

namespace model {

// A piece of inline text with its emphasis (docs/format.md: <b>, <i>, <br/>).
struct Inline {
  std::string text;    // UTF-8; empty when br
  bool bold = false;
  bool italic = false; // rendered as CJK emphasis: Kai for Han text
  bool br = false;     // forced line break
  std::string style;   // inline style override (e.g. "dateline"), empty: the block's
  bool dateline = false;  // inside <dateline>: the composer keeps its names whole
};

enum class TextKind { Kicker, Headline, Subtitle, Byline, Para, Subhead, Caption, Credit, Banner, Item, JumpHead };

struct TextBlock {
  TextKind kind = TextKind::Para;
  std::vector<Inline> content;
  std::string style;  // resolved style name (explicit style= or the kind's default)
  base::Loc loc;
  std::string plain() const;  // all text, <br/> as '\n'
};

struct Frame {
  GridRect rect;
  int page = 0;  // page number (as in <page number=…>)
  int columns = 0;  // text columns across the frame (变栏); 0: the article's columns
  base::Loc loc;
  // Vertical text (竖排, docs/format.md "Vertical text"): the frame's text in vertical lines
  // from right to left, in `tiers` bands (栏/段) of whole grid lines; 0: as many tiers as
  // make each about a column width high. Resolved from the frame's or the article's dir=.
  bool vertical = false;
  int tiers = 0;
};

// crop="x y w h" of a photo: the part of the upright image that is shown, in pixels, or
// in percent of the image's width and height when written with % (docs/format.md).
struct Crop {
  double x = 0, y = 0, w = 0, h = 0;
  bool percent = false;
};

struct Photo {
  std::string id;
  std::filesystem::path src;  // resolved against the issue file's folder
  GridRect rect;
  int page = 0;
  std::optional<TextBlock> caption;
  std::optional<TextBlock> credit;
  std::string style;  // optional layout style of the block
  std::string fit = "fill";  // "fill" (crop to fill) or "fit" (letterbox)
  std::string rules;  // stroke of the rules along its edges; empty: the layout's
  std::optional<Crop> crop;  // the part of the image shown; none: all of it
  // focus="x y": the point of the (cropped) image, as fractions of its width and height,
  // that fill keeps in view (centred as far as the image allows); none: the centre.
  std::optional<std::pair<double, double>> focus;
  bool missing = false;  // src= names no file and --allow-missing-photos: a placeholder
  base::Loc loc;
};

// <ad> (广告): page N of a PDF, or a JPEG/PNG/TIFF, placed in a grid slot; the file's
// page box (TrimBox, else CropBox, else MediaBox) must match the slot within the layout's
// ads tolerance. Without the file (not delivered yet, --allow-missing-ads) the slot is
// kept empty and marked "广告" on the proofs.
struct Ad {
  std::string id;
  std::filesystem::path src;  // empty: not delivered yet
  int src_page = 1;           // page of a PDF
  GridRect rect;
  int page = 0;
  std::string client;         // the advertiser, for proofs and messages
  bool missing = false;       // no file (yet): a reserved slot
  std::string rules;
  base::Loc loc;
};

// How an article may be fitted to its frames (docs/format.md "Copyfitting").
enum class FitMethod { Track, ShrinkSize, Frames };

struct Article {
  std::string id;
  GridRect rect;  // empty when the article is placed by <frame>s only
  int page = 0;
  std::vector<TextBlock> head;  // kicker / headline / subtitle, in document order
  std::vector<TextBlock> body;  // byline, p, subhead, in document order
  // <jumphead> (接题): the head over the continuation on another page; none: the
  // headline's text in the jumphead style (docs/format.md "Jumps").
  std::optional<TextBlock> jumphead;
  std::vector<Frame> frames;    // threading order; one frame = rect when none written
  std::vector<Photo> photos;    // photos placed inside the article
  std::string style;
  bool balance = true;  // balance the columns of the last frame (docs/format.md §4)
  std::string box;      // a box style of the layout: frame, tint, padding, gutter
  int columns = 0;      // text columns across each frame (变栏); 0: one per grid column
  std::string rules;    // stroke of the rules along its edges; empty: the layout's
  bool ear = false;     // written as <ear> (报眼): one frame, beside the page's masthead
  std::vector<FitMethod> fit;  // fit=: copyfitting methods, tried in order (none: set as written)
  int fit_rows = -1;           // fit-rows=: grid lines the last frame may gain or give back; -1: as many as free
  // Vertical text (docs/format.md "Vertical text"): dir="vertical" on the article (its
  // frames' default), tiers= likewise; the head group set vertically (竖题: a vertical
  // <headline>, or the first frame vertical), beside the text on the right or the left.
  bool vertical = false;
  int tiers = 0;
  bool head_vertical = false;
  bool head_left = false;
  base::Loc loc;
};

// <briefs> (简讯): short items, each a paragraph with a run-in bold lead-in (<lead>) after
// the style's marker (■), set continuously through the block's text columns.
struct Briefs {
  std::string id;
  GridRect rect;
  int page = 0;
  std::vector<TextBlock> head;   // an optional headline over the items ("简讯")
  std::vector<TextBlock> items;  // TextKind::Item, in order
  std::string box;
  int columns = 0;
  std::string rules;
  base::Loc loc;
};

// <masthead> (报头): the paper's logo (or its name set large), then the issue data — date
// with weekday and lunar date (农历), issue number, page count, CN number, 邮发代号.
struct Masthead {
  std::string id;
  GridRect rect;
  int page = 0;
  std::filesystem::path logo;  // a PDF (placed as vectors), PNG, JPEG or TIFF; empty: the paper's name
  std::string cn;              // 国内统一连续出版物号, e.g. "CN32-0012"
  std::string post;            // 邮发代号, e.g. "27-45"
  int pages = 0;               // 今日N版; 0: the issue's page count
  std::string rules;
  base::Loc loc;
};

struct Banner {
  std::string id;
  GridRect rect;
  int page = 0;
  TextBlock text;
  std::string rules;
  base::Loc loc;
};

// <rule>: a rule block, a line of a layout stroke centred across the grid lines it takes
// (horizontal) — a 花边 or 文武线 strip between parts of a page.
struct Rule {
  std::string id;
  GridRect rect;
  int page = 0;
  std::string stroke;
  base::Loc loc;
};

// A block of a page. A new kind of block is one more alternative here: the parser
// (issue_blocks.cpp), the checks (issue_check.cpp: grid, overlaps, ids) and flow's
// dispatch (flow.cpp) visit the variant and fail to compile until they handle it.
using Block = std::variant<Article, Photo, Banner, Rule, Briefs, Masthead, Ad>;

// Where a block sits and what it is called, whatever its kind.
const base::Loc& loc_of(const Block& b);
const std::string& id_of(const Block& b);

struct Page {
  int number = 0;
  std::string section;
  std::string editor;
  // The page's blocks in document order, which is reading order (pdftotext -raw reads the
  // stories as the issue file lists them).
  std::vector<Block> blocks;
  base::Loc loc;

  // The blocks of one kind, in document order: `for (const Article& a : page.of<Article>())`.
  template <class T>
  base::KindsOf<T, Block> of() const {
    return base::KindsOf<T, Block>(blocks);
  }
};

struct Date {
  int year = 0, month = 0, day = 0;
};

struct Issue {
  std::filesystem::path source;
  std::string paper;
  Date date;
  std::string date_text;  // as written, YYYY-MM-DD
  std::string number;
  Layout layout;
  std::vector<Page> pages;
  // What reading found that the build report carries: the copy clean-up's changes,
  // paragraphs joined in a manuscript, parts of copy files not used (docs/import.md).
  std::vector<base::Finding> notes;
  std::vector<std::filesystem::path> copy_files;  // the copy files read (inputs of the build)

  const Page* page(int number) const;
};

struct LoadOptions {
  bool keep_copy = false;  // --keep-copy: imported copy is set as written, without the clean-up
  bool allow_missing_photos = false;  // a photo file not there is a placeholder and a warning
  bool allow_missing_ads = false;     // an ad file not there (or no src=) is a reserved slot and a warning
};

// Parses and validates an issue file. Throws base::Error (file, line, fix) on bad input.
Issue load_issue(const std::filesystem::path& file, const base::Context& ctx, const LoadOptions& opt = {});
// The same from memory (tests); `name` is used in messages and for resolving paths.
Issue parse_issue(const std::string& xml, const std::filesystem::path& name, const base::Context& ctx,
                  const LoadOptions& opt = {});

// Chinese font size names (docs/format.md "Units"): 五号 → 10.5 pt. nullopt if unknown.
std::optional<Len> chinese_size(const std::string& name);
// "9pt", "3mm", "12q", "小五", "1.5em" (em only where em_base > 0).
std::optional<Len> parse_length(const std::string& text, Len em_base = 0);

}  // namespace model
