// NITF 3.x and NewsML-G2 copy (docs/import.md): the mapping onto issue text, round trips
// through `paperset import`'s XML, and bad copy files named with their own file and line.
#include <doctest/doctest.h>

#include "model/copy_helpers.h"

using namespace copytest;

namespace {

// Adds placement to the XML `paperset import` wrote for one story (an <article> with
// its nested photos), to read it back as an issue.
std::string placed(std::string xml, const std::string& article_rect, const std::vector<std::string>& photo_rects) {
  const size_t a = xml.find("<article id=\"");
  const size_t a_end = xml.find('"', a + 13);
  xml.insert(a_end + 1, " " + article_rect);
  size_t at = 0;
  for (const auto& r : photo_rects) {
    at = xml.find("<photo id=\"", at);
    const size_t end = xml.find('"', at + 11);
    xml.insert(end + 1, " " + r);
    at = end;
  }
  return xml.substr(xml.find("-->") + 3);
}

}  // namespace

TEST_CASE("NITF: hl1 headline, hl2 subtitle, byline, dateline run in, block hl2 subheads, media photos") {
  const model::Copy c = read("story.nitf.xml");
  CHECK(c.format == model::CopyFormat::Nitf);
  REQUIRE(c.stories.size() == 1);
  const auto& s = c.stories[0];
  CHECK(s.name == "test-nitf-001");
  CHECK(show(s.head) == "headline/headline: 𠮷祥桥年内通行 运河两岸“串珠成链”\nsubtitle/subtitle: 沿河步道将贯通12.6公里\n");
  CHECK(show(s.body) ==
        "byline/byline: □ 记者 陈𠮷 通讯员 周晓岚\n"
        "p/body: {dateline:本报讯}3月14日，记者从新区建设局获悉，运河新区今年将建成三座跨运河人行桥。\n"
        "p/body: 家住运河花园的市民{i:沈阿姨}说，桥修好以后，出门五分钟就能到对岸。\n"
        "subhead/subhead: 一桥一景 兼顾通行与观景\n"
        "p/body: 文昌桥主跨86米，是新区跨度最大的人行桥，桥面中部设有观景平台。\n"
        "subhead/subhead: 步道贯通\n"
        "p/body: 步道沿线串联起运河湿地公园等5个公园。\n");
  // Lines are the NITF file's own.
  CHECK(s.head[0].loc.line == 12);
  CHECK(s.body[1].loc.line == 19);
  REQUIRE(s.photos.size() == 2);  // the video is skipped, with a warning
  CHECK(s.photos[0].src == data("images/wide.jpg"));
  CHECK(show(*s.photos[0].caption) == "caption/caption: 3月14日，工人在𡈼桥施工现场吊装钢箱梁。");
  CHECK(show(*s.photos[0].credit) == "credit/credit: 记者 王泽宇 摄");
  CHECK(!s.photos[1].credit);
  REQUIRE(count_code(c.notes, "import-skipped") == 1);
  CHECK(c.notes[0].loc.line == 38);
  CHECK(c.notes[0].severity == base::Severity::Warning);
}

TEST_CASE("NITF: the kicker comes from hl2 or head/title when the article says so") {
  const auto hl2 = read("story.nitf.xml", {true, "hl2"}).stories[0];
  CHECK(show(hl2.head) == "kicker/kicker: 沿河步道将贯通12.6公里\nheadline/headline: 𠮷祥桥年内通行 运河两岸“串珠成链”\n");
  const auto title = read("story.nitf.xml", {true, "title"}).stories[0];
  CHECK(show(title.head[0]) == "kicker/kicker: 河畔𠮷祥桥");
  CHECK(title.head.size() == 3);
  CHECK(show(read("prefixed.nitf.xml").stories[0].body) == "p/body: 带前缀的正文。\n");
  CHECK(show(read("prefixed.nitf.xml").stories[0].head) == "headline/headline: 前缀标题\n");
}

TEST_CASE("NewsML-G2 with inline NITF: the body's headline wins; contentMeta fills by-line and dateline") {
  const model::Copy c = read("item_nitf.newsml.xml");
  CHECK(c.format == model::CopyFormat::NewsMl);
  REQUIRE(c.stories.size() == 1);
  const auto& s = c.stories[0];
  CHECK(s.name == "urn:test:item-nitf");
  CHECK(show(s.head) == "headline/headline: 正文里的标题\n");
  CHECK(show(s.body) ==
        "byline/byline: 记者 林𠮷\n"
        "p/body: {dateline:新华社北京3月14日电}国家统计局14日发布数据，1至2月全国规模以上工业增加值同比增长7.0%。\n"
        "subhead/subhead: 小标题\n"
        "p/body: 分三大门类看，制造业增加值增长7.7%。\n");
  REQUIRE(s.photos.size() == 1);
  CHECK(show(*s.photos[0].credit) == "credit/credit: 新华社记者 李贺 摄");
}

TEST_CASE("NewsML-G2 message: XHTML story with contentMeta headline and subtitle, and a picture item") {
  const model::Copy c = read("message_xhtml.newsml.xml");
  REQUIRE(c.stories.size() == 1);
  const auto& s = c.stories[0];
  CHECK(show(s.head) == "headline/headline: 家门口的“城市书房”开到第20家\nsubtitle/subtitle: 24小时开放\n");
  CHECK(show(s.body) ==
        "byline/byline: 记者 孙悦\n"
        "p/body: {dateline:运河新区}书房面积约260平方米，藏书{b:1.2万册}，{i:24小时}开放。<br>市民刷身份证即可入馆。\n"
        "subhead/subhead: 全天候开放\n"
        "p/body: 去年共接待读者103.6万人次。\n"
        "p/body: 阅览区\n"
        "p/body: 亲子阅读区\n");
  REQUIRE(s.photos.size() == 1);  // the figure
  CHECK(show(*s.photos[0].caption) == "caption/caption: 市民在书房阅读。");
  CHECK(show(*s.photos[0].credit) == "credit/credit: 记者 王泽宇 摄");
  REQUIRE(c.photos.size() == 1);  // the picture item: the rendition that exists
  CHECK(c.photos[0].src == data("images/wide.jpg"));
  CHECK(show(*c.photos[0].caption) == "caption/caption: 3月14日，市民在新开放的“运河书房”里阅读。");
  CHECK(count_code(c.notes, "import-skipped") == 1);  // the table
}

TEST_CASE("NewsML-G2 inline plain text is read as a manuscript, lines counted in the G2 file") {
  const model::Copy c = read("brief.newsml.xml");
  REQUIRE(c.stories.size() == 1);
  CHECK(show(c.stories[0].head) == "headline/headline: 简讯标题\n");
  REQUIRE(c.stories[0].body.size() == 2);
  CHECK(show(c.stories[0].body[0]) == "p/body: {dateline:本报讯（记者 孙悦）}新区今年将新建公共充电桩1500个。");
  CHECK(c.stories[0].body[1].loc.line == 10);
}

TEST_CASE("round trip: `paperset import`'s XML, placed, reads back as the same article as src=") {
  for (const char* file : {"story.nitf.xml", "item_nitf.newsml.xml", "message_xhtml.newsml.xml"}) {
    CAPTURE(file);
    const model::Copy c = read(file);
    const std::string xml = model::copy_to_issue_xml(c, data(""));
    std::vector<std::string> photos;
    for (size_t k = 0; k < c.stories[0].photos.size(); ++k)
      photos.push_back("col=\"" + std::to_string(k + 1) + "\" cols=\"1\" row=\"30\" rows=\"10\"");
    const std::string rect = "col=\"1\" cols=\"4\" row=\"1\" rows=\"60\"";
    std::string body = placed(xml, rect, photos);
    // Stand-alone photos of the file (the picture item) are not part of the round trip.
    if (const size_t extra = body.find("<photo id=\"", body.find("</article>")); extra != std::string::npos)
      body.erase(extra);
    const model::Issue back = issue(body);
    std::string nested;
    for (size_t k = 0; k < c.stories[0].photos.size(); ++k) nested += "<photo id=\"p" + std::to_string(k) + "\" " + photos[k] + "/>";
    const model::Issue direct = issue("<article id=\"x\" src=\"" + std::string(file) + "\" " + rect + ">" + nested + "</article>");
    const auto& a = back.pages[0].of<model::Article>().at(0);
    const auto& b = direct.pages[0].of<model::Article>().at(0);
    CHECK(show(a) == show(b));
    REQUIRE(a.photos.size() == b.photos.size());
    for (size_t k = 0; k < a.photos.size(); ++k) {
      CHECK(a.photos[k].src.lexically_normal() == b.photos[k].src.lexically_normal());
      CHECK(show(*a.photos[k].caption) == show(*b.photos[k].caption));
      CHECK((a.photos[k].credit ? show(*a.photos[k].credit) : "") == (b.photos[k].credit ? show(*b.photos[k].credit) : ""));
    }
  }
}

TEST_CASE("nested photos without src take the story's photos in order; part= picks one; unplaced ones are noted") {
  const auto is = issue(
      "<article id=\"a\" src=\"story.nitf.xml\" col=\"1\" cols=\"4\" row=\"1\" rows=\"60\">\n"
      "  <photo id=\"second\" part=\"2\" col=\"1\" cols=\"2\" row=\"30\" rows=\"10\"/>\n"
      "</article>");
  const auto& a = is.pages[0].of<model::Article>().at(0);
  REQUIRE(a.photos.size() == 1);
  CHECK(a.photos[0].src == data("images/tall.jpg"));
  CHECK(a.photos[0].caption->plain() == "运河湿地公园。");
  REQUIRE(count_code(is.notes, "import-photo") == 1);
  for (const auto& n : is.notes)
    if (n.code == "import-photo") CHECK(n.loc.line == 25);  // photo 1's <media>, in the NITF file
  // A picture item of a message becomes a photo with from=.
  const auto p = issue("<photo id=\"pic\" from=\"message_xhtml.newsml.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>");
  CHECK(p.pages[0].of<model::Photo>().at(0).src == data("images/wide.jpg"));
  CHECK(p.pages[0].of<model::Photo>().at(0).credit->plain() == "记者 王泽宇 摄");
}

namespace {

struct BadCopy {
  const char* page;      // inner XML of the page
  const char* file;      // the file the error must name
  int line;
  const char* message;
  const char* fix;
};

const BadCopy kBad[] = {
    {"<article id=\"a\" src=\"bad/malformed.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/malformed.nitf.xml", 5,
     "malformed XML", "close every element"},
    {"<article id=\"a\" src=\"bad/no_body.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/no_body.nitf.xml", 2,
     "the NITF story has no <body>", "<body.content>"},
    {"<article id=\"a\" src=\"bad/no_paragraphs.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>",
     "bad/no_paragraphs.nitf.xml", 3, "no paragraphs", "<p>"},
    {"<article id=\"a\" src=\"bad/package.newsml.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/package.newsml.xml", 2,
     "packageItem only refers to its items", "import the newsItem files"},
    {"<article id=\"a\" src=\"bad/remote_text.newsml.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>",
     "bad/remote_text.newsml.xml", 4, "no inline story", "remoteContent"},
    {"<article id=\"a\" src=\"bad/rss.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/rss.xml", 1,
     "XML with root <rss>", "NITF or NewsML-G2"},
    {"<article id=\"a\" src=\"bad/entity.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/entity.nitf.xml", 5,
     "'&' does not start an entity", "&#xA0;"},
    {"<article id=\"a\" src=\"bad/missing_image.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\">"
     "<photo id=\"p\" col=\"1\" cols=\"1\" row=\"10\" rows=\"5\"/></article>",
     "bad/missing_image.nitf.xml", 6, "nowhere.jpg' of photo 'p' not found", "relative path starts at the copy file's folder"},
    {"<article id=\"a\" src=\"bad/empty.txt\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/empty.txt", 1, "the file is empty",
     "write the plain-text content"},
    {"<article id=\"a\" src=\"bad/binary.txt\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/binary.txt", 3, "NUL bytes",
     "plain-text text file"},
    {"<article id=\"a\" src=\"bad/gbk.txt\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/gbk.txt", 1, "not valid UTF-8",
     "iconv -f GB18030"},
    {"<article id=\"a\" src=\"bad/headings_only.txt\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "bad/headings_only.txt", 2,
     "the story has no paragraphs", "write the story's text"},
    {"<article id=\"a\" src=\"story.nitf.xml\" format=\"newsml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "story.nitf.xml", 1,
     "not NewsML-G2", "format=\"nitf\""},
};

}  // namespace

TEST_CASE("bad copy files: the error names the copy file's own path and line, and says which element read it") {
  for (const auto& c : kBad) {
    CAPTURE(c.page);
    try {
      issue(c.page);
      FAIL("accepted");
    } catch (const base::Error& e) {
      CHECK(e.loc().file == data(c.file).string());
      CHECK(e.loc().line == c.line);
      CHECK_MESSAGE(e.message().find(c.message) != std::string::npos, e.message());
      CHECK_MESSAGE(e.fix().find(c.fix) != std::string::npos, e.fix());
    }
  }
}

TEST_CASE("bad placing of copy: the issue's own line") {
  const std::pair<const char*, const char*> cases[] = {
      {"<article id=\"a\" src=\"story.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"><p>自己的正文。</p></article>",
       "has text of its own"},
      {"<article id=\"a\" format=\"nitf\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"><p>正文。</p></article>", "format= on <article> needs src="},
      {"<article id=\"a\" src=\"story.nitf.xml\" format=\"word\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "is not one of: nitf, newsml, text"},
      {"<article id=\"a\" src=\"nothing-here.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "nothing-here.xml' not found"},
      {"<banner src=\"story.nitf.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"4\"/>", "holds no banner"},
      {"<photo id=\"p\" from=\"story.nitf.xml\" part=\"9\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "holds 2 photos and captions"},
      {"<photo id=\"p\" src=\"images/wide.jpg\" part=\"1\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", "part= on <photo> needs from="},
      {"<article id=\"a\" src=\"story.nitf.xml\" col=\"1\" cols=\"4\" row=\"1\" rows=\"30\"><photo id=\"p1\" col=\"1\" cols=\"1\" row=\"10\" rows=\"3\"/>"
       "<photo id=\"p2\" col=\"2\" cols=\"1\" row=\"10\" rows=\"3\"/><photo id=\"p3\" col=\"3\" cols=\"1\" row=\"10\" rows=\"3\"/></article>",
       "has only 2 photo(s)"},
  };
  for (const auto& [page, message] : cases) {
    CAPTURE(page);
    try {
      issue(page);
      FAIL("accepted");
    } catch (const base::Error& e) {
      CHECK(e.loc().file == data("issue.xml").string());
      CHECK(e.loc().line == 3);
      CHECK_MESSAGE(e.message().find(message) != std::string::npos, e.message());
    }
  }
}
