// Reading an issue file (docs/format.md; extensions in docs/format.md): the steps
// are parse the XML, load the layout it names, read the pages, check the whole.
#include "model/issue.h"

#include "model/copy_attach.h"
#include "model/issue_parse.h"

namespace model {

namespace fs = std::filesystem;

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// YYYY-MM-DD (ISO 8601 calendar date) that exists in the Gregorian calendar.
Date read_date(const xml::Node& n, const std::string& text) {
  const auto bad = [&](const std::string& why) {
    n.fail("date", "date=\"" + text + "\" of <issue> " + why,
           "write the issue's date as YYYY-MM-DD, a real calendar date, e.g. date=\"2024-01-05\"");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') bad("is not written YYYY-MM-DD");
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') bad("is not written YYYY-MM-DD");
  Date d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12) bad("has no month " + std::to_string(d.month));
  const int days = kDays[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
  if (d.day < 1 || d.day > days) bad("is not a real calendar date (that month has " + std::to_string(days) + " days)");
  return d;
}

// The page's own attributes are needed for all its blocks (an error there loses the page);
// an error in one block is collected and the next block read.
Page read_page(const xml::Node& n, const IssueScope& s, base::ErrorCollector& errors) {
  n.allow({"number", "section", "editor", "style"});
  n.no_loose_text();
  style_attr(n, s.layout, "");
  Page p;
  p.loc = n.at();
  p.number = n.integer("number", 1);
  p.section = n.opt("section").value_or("");
  p.editor = n.opt("editor").value_or("");
  for (const auto* c : xml::children(n.e)) {
    const std::string tag = c->Name();
    const xml::Node child{*c, s.file};
    errors.attempt(
        [&] {
          if (tag == "article") p.blocks.emplace_back(read_article(child, p.number, s));
          else if (tag == "photo") p.blocks.emplace_back(read_photo(child, p.number, s));
          else if (tag == "banner") p.blocks.emplace_back(read_banner(child, p.number, s));
          else if (tag == "rule") p.blocks.emplace_back(read_rule(child, p.number, s));
          else if (tag == "briefs") p.blocks.emplace_back(read_briefs(child, p.number, s));
          else if (tag == "masthead") p.blocks.emplace_back(read_masthead(child, p.number, s));
          else if (tag == "ear") p.blocks.emplace_back(read_ear(child, p.number, s));
          else if (tag == "ad") p.blocks.emplace_back(read_ad(child, p.number, s));
          else n.unknown_child(*c, "article, photo, banner, rule, briefs, masthead, ear, ad");
        },
        p.number, child.opt("id").value_or(""));
  }
  return p;
}

// The layout is needed for everything after it; the other attributes are collected.
void read_issue_attrs(const xml::Node& n, Issue& is, const base::Context& ctx, base::ErrorCollector& errors) {
  errors.attempt([&] { n.allow({"paper", "date", "number", "layout", "style"}); });
  errors.attempt([&] { is.paper = n.req("paper"); });
  is.number = n.opt("number").value_or("");
  is.layout = load_layout(n.req("layout"), ctx, n.at("layout"));
  errors.attempt([&] { style_attr(n, is.layout, ""); });
  errors.attempt([&] {
    is.date_text = n.req("date");
    is.date = read_date(n, is.date_text);
  });
}

}  // namespace

Issue parse_issue(const std::string& xml_text, const fs::path& name, const base::Context& ctx,
                  const LoadOptions& opt) {
  const std::string file = name.string();
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  const xml::Node root{xml::parse(doc, xml_text, file, "issue", ctx.limits), file};
  root.no_loose_text();
  Issue is;
  is.source = name;
  // Every input error of the file is reported, up to the limit (docs/cli.md "Diagnostics").
  base::ErrorCollector errors(ctx.diag.error_limit());
  read_issue_attrs(root, is, ctx, errors);
  Imports imports;  // copy files the blocks name (docs/import.md)
  imports.keep_copy = opt.keep_copy;
  std::vector<base::Finding> media_notes;  // photos and ads not delivered yet
  const IssueScope scope{file, name.parent_path(), is.layout, ctx, &imports, &opt, &media_notes};
  bool pages_read = true;
  for (const auto* c : xml::children(root.e)) {
    if (std::string(c->Name()) != "page") {
      errors.attempt([&] { root.unknown_child(*c, "page"); });
      continue;
    }
    // docs/format.md "Limits": no page beyond the limit is read.
    if (is.pages.size() >= ctx.limits.pages) {
      errors.add(base::Error(xml::loc(file, *c),
                             "the issue has more than " + std::to_string(ctx.limits.pages) + " pages (the limit)",
                             "split the issue, or raise the limit with --limit pages=N"));
      pages_read = false;
      break;
    }
    pages_read = errors.attempt([&] { is.pages.push_back(read_page({*c, file}, scope, errors)); }) && pages_read;
  }
  if (is.pages.empty() && errors.empty())
    root.fail(nullptr, "the issue has no <page>", "add <page number=\"1\">…</page> with the page's blocks");
  // A page lost to an error would make its blocks' frames look misplaced: the
  // whole-issue checks run only over a complete set of pages.
  if (pages_read) check_issue(is, errors);
  errors.throw_if_any();
  is.notes = std::move(imports.notes);
  is.notes.insert(is.notes.end(), media_notes.begin(), media_notes.end());
  is.copy_files = std::move(imports.paths);
  return is;
}

Issue load_issue(const fs::path& file, const base::Context& ctx, const LoadOptions& opt) {
  const std::string bytes =
      base::read_input_file(file, {}, "issue file '" + file.string() + "'", {ctx.limits.issue_bytes, "issue-size"});
  return parse_issue(bytes, file, ctx, opt);
}

const base::Loc& loc_of(const Block& b) {
  return std::visit([](const auto& x) -> const base::Loc& { return x.loc; }, b);
}

const std::string& id_of(const Block& b) {
  return std::visit([](const auto& x) -> const std::string& { return x.id; }, b);
}

const Page* Issue::page(int number) const {
  for (const auto& p : pages)
    if (p.number == number) return &p;
  return nullptr;
}

}  // namespace model
