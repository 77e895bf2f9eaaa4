// `paperset import`: a copy file written out as issue XML for editing (docs/import.md
// "paperset import"), with tinyxml2's printer (escaping, indentation outside text).
// Text is written exactly as read, so that the issue reader gives back the same blocks.
#include <cctype>

#include "model/copy.h"
#include "model/xml_read.h"

namespace model {

namespace fs = std::filesystem;

namespace {

const char* tag_of(TextKind k) {
  switch (k) {
    case TextKind::Kicker: return "kicker";
    case TextKind::Headline: return "headline";
    case TextKind::Subtitle: return "subtitle";
    case TextKind::Byline: return "byline";
    case TextKind::Para: return "p";
    case TextKind::Subhead: return "subhead";
    case TextKind::Caption: return "caption";
    case TextKind::Credit: return "credit";
    case TextKind::Banner: return "banner";
    case TextKind::Item: return "item";
    case TextKind::JumpHead: return "jumphead";
  }
  return "p";
}

void write_runs(tinyxml2::XMLPrinter& out, const std::vector<Inline>& runs) {
  // An empty text first: from here on the printer adds no indentation inside the
  // element, which would put line breaks into the text.
  out.PushText("");
  for (const Inline& r : runs) {
    if (r.br) {
      out.OpenElement("br");
      out.CloseElement();
      continue;
    }
    const bool dateline = r.style == "dateline";
    if (dateline) out.OpenElement("dateline");
    if (r.bold) out.OpenElement("b");
    if (r.italic) out.OpenElement("i");
    out.PushText(r.text.c_str());
    for (int k = dateline + r.bold + r.italic; k > 0; --k) out.CloseElement();
  }
}

void write_block(tinyxml2::XMLPrinter& out, const TextBlock& b, const char* tag = nullptr) {
  out.OpenElement(tag ? tag : tag_of(b.kind));
  write_runs(out, b.content);
  out.CloseElement();
}

// An id from a name: letters, digits, '-' and '_' kept, the rest '-'.
std::string id_from(const std::string& name) {
  std::string id;
  for (unsigned char c : name) id += std::isalnum(c) || c == '-' || c == '_' ? static_cast<char>(c) : '-';
  while (!id.empty() && id.front() == '-') id.erase(0, 1);
  return id.empty() ? "story" : id;
}

std::string image_ref(const fs::path& src, const fs::path& relative_to) {
  if (src.string().find("://") != std::string::npos) return src.string();
  std::error_code ec;
  const fs::path rel = fs::relative(src, relative_to, ec);
  return (ec || rel.empty() ? src : rel).generic_string();
}

void write_photo(tinyxml2::XMLPrinter& out, const CopyPhoto& p, const std::string& id, const fs::path& relative_to) {
  out.OpenElement("photo");
  out.PushAttribute("id", id.c_str());
  if (!p.src.empty()) out.PushAttribute("src", image_ref(p.src, relative_to).c_str());
  if (p.caption) write_block(out, *p.caption);
  if (p.credit) write_block(out, *p.credit);
  out.CloseElement();
}

}  // namespace

std::string copy_to_issue_xml(const Copy& copy, const fs::path& relative_to) {
  tinyxml2::XMLPrinter out;
  const std::string stem = id_from(copy.file.stem().string());
  out.PushComment((" " + copy.file.filename().string() + " (" + format_name(copy.format) +
                   "): place each block with col= cols= row= rows= (docs/format.md) ")
                      .c_str());
  for (size_t i = 0; i < copy.stories.size(); ++i) {
    const CopyStory& s = copy.stories[i];
    const std::string id = copy.stories.size() == 1 ? stem : stem + "-" + std::to_string(i + 1);
    out.OpenElement("article");
    out.PushAttribute("id", id.c_str());
    for (const auto& b : s.head) write_block(out, b);
    for (const auto& b : s.body) write_block(out, b);
    for (size_t k = 0; k < s.photos.size(); ++k)
      write_photo(out, s.photos[k], id + "-photo-" + std::to_string(k + 1), relative_to);
    out.CloseElement();
  }
  for (size_t i = 0; i < copy.banners.size(); ++i) {
    out.OpenElement("banner");
    out.PushAttribute("id", (stem + "-banner-" + std::to_string(i + 1)).c_str());
    write_runs(out, copy.banners[i].content);
    out.CloseElement();
  }
  for (size_t i = 0; i < copy.photos.size(); ++i)
    write_photo(out, copy.photos[i], stem + "-photo-" + std::to_string(i + 1), relative_to);
  return out.CStr();
}

}  // namespace model
