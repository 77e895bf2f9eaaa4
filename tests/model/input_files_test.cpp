// Input files (docs/format.md "Limits"): only regular files are read, each kind up to its
// size limit, and a path an issue names stays inside the issue's folder tree, the
// resource folders or an --allow-paths folder. Every refusal says what the path is.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "base/files.h"
#include "model/issue.h"
#include "support/support.h"

namespace fs = std::filesystem;

namespace {

const std::string kPhotoTail = R"( col="1" cols="2" row="1" rows="5"/>)";

std::string issue_with(const std::string& layout, const std::string& blocks) {
  return "<issue paper=\"P\" date=\"2024-01-05\" layout=\"" + layout + "\">\n<page number=\"1\">\n" + blocks +
         "\n</page>\n</issue>\n";
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// The message of the base::Error that `f` throws ("" when it throws none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const base::Error& e) {
    return e.format();
  }
  return "";
}

std::string parse_error(const fs::path& dir, const std::string& xml, const base::Context& ctx = test::context()) {
  return error_of([&] { model::parse_issue(xml, dir / "issue.xml", ctx); });
}

// A folder with an issue's photo beside it.
fs::path issue_folder(const std::string& tag) {
  const auto dir = test::temp_dir(tag);
  fs::create_directories(dir / "images");
  fs::copy_file(test::source_root() / "tests/data/good/images/forge.jpg", dir / "images/forge.jpg");
  return dir;
}

}  // namespace

TEST_CASE("an issue file that is not a regular file is refused by what it is") {
  const auto dir = test::temp_dir("files-kind");
  REQUIRE(::mkfifo((dir / "fifo.xml").c_str(), 0600) == 0);
  fs::create_symlink("loop-b", dir / "loop-a");
  fs::create_symlink("loop-a", dir / "loop-b");
  fs::create_symlink("gone.xml", dir / "dangling.xml");
  fs::create_directories(dir / "folder.xml");
  const struct {
    fs::path path;
    const char* says;
  } cases[] = {
      {dir / "fifo.xml", "is a named pipe (FIFO), not a regular file"},
      {dir / "loop-a", "is a symbolic link loop"},
      {dir / "dangling.xml", "is a symbolic link to a file that does not exist"},
      {dir / "folder.xml", "is a folder, not a file"},
      {"/dev/null", "is a character device, not a regular file"},
      {dir / "nothing.xml", "not found"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    // The FIFO has no writer: reading it would block forever; it must be refused unopened.
    const std::string e = error_of([&] { model::load_issue(c.path, test::context()); });
    CHECK(e.find("issue file '" + c.path.string() + "' " + c.says) != std::string::npos);
    CHECK(e.find("\n  fix: ") != std::string::npos);
  }
}

TEST_CASE("reads stop at the limit for each kind of file") {
  const auto dir = test::temp_dir("files-limit");
  write(dir / "ten.bin", std::string(10, 'x'));
  CHECK(base::read_input_file(dir / "ten.bin", {}, "test file", {10, "issue-size"}) == std::string(10, 'x'));
  const std::string e = error_of([&] { base::read_input_file(dir / "ten.bin", {}, "test file", {9, "issue-size"}); });
  CHECK(e.find("test file is 10 bytes, over the limit of 9 bytes") != std::string::npos);
  CHECK(e.find("--limit issue-size=N") != std::string::npos);

  // An issue over the issue-size limit names the limit and the flag that raises it.
  auto ctx = test::context();
  ctx.limits.issue_bytes = 100;
  write(dir / "big.xml", issue_with("broadsheet", std::string(200, ' ')));
  const std::string big = error_of([&] { model::load_issue(dir / "big.xml", ctx); });
  CHECK(big.find("over the limit of 100 bytes") != std::string::npos);
  CHECK(big.find("--limit issue-size=N") != std::string::npos);
}

TEST_CASE("--limit NAME=N: names, units and bad values") {
  base::Limits l;
  CHECK_FALSE(l.set("issue-size=64M"));
  CHECK(l.issue_bytes == 64u << 20);
  CHECK_FALSE(l.set("image-size=2G"));
  CHECK(l.image_bytes == std::uint64_t{2} << 30);
  CHECK_FALSE(l.set("paragraph=500000"));
  CHECK(l.text_chars == 500000);
  CHECK_FALSE(l.set("elements=7"));
  CHECK(l.elements == 7);
  CHECK(l.set("pages=0").value_or("").find("whole number from 1") != std::string::npos);
  CHECK(l.set("pages=10K").value_or("").find("got 'pages=10K'") != std::string::npos);  // counts take no unit
  CHECK(l.set("issue-size=99999999999G").has_value());
  CHECK(l.set("colour=3").value_or("").find("issue-size, layout-size") != std::string::npos);
  CHECK(base::format_bytes(16u << 20) == "16 MiB");
  CHECK(base::format_bytes(1536) == "1.5 KiB");
}

TEST_CASE("photos: inside the issue's folder tree, regular files, within the image limit") {
  const auto dir = issue_folder("files-photo");
  const auto outside = test::temp_dir("files-outside");
  fs::copy_file(dir / "images/forge.jpg", outside / "elsewhere.jpg");
  fs::create_symlink(outside / "elsewhere.jpg", dir / "images/link.jpg");
  REQUIRE(::mkfifo((dir / "images/pipe.jpg").c_str(), 0600) == 0);
  const auto photo = [&](const std::string& src) {
    return issue_with("broadsheet", "<photo id=\"p\" src=\"" + src + "\"" + kPhotoTail);
  };
  CHECK(parse_error(dir, photo("images/forge.jpg")).empty());
  CHECK(parse_error(dir, photo("images/../images/forge.jpg")).empty());
  for (const std::string& src : {"../" + outside.filename().string() + "/elsewhere.jpg", (outside / "elsewhere.jpg").string(),
                                std::string("images/link.jpg"), std::string("/etc/passwd")}) {
    CAPTURE(src);
    const std::string e = parse_error(dir, photo(src));
    CHECK(e.rfind((dir / "issue.xml").string() + ":3: error: image file '", 0) == 0);
    CHECK(e.find("is outside the issue's folder") != std::string::npos);
    CHECK(e.find("--allow-paths DIR") != std::string::npos);
  }
  CHECK(parse_error(dir, photo("images/pipe.jpg")).find("is a named pipe (FIFO)") != std::string::npos);
  CHECK(parse_error(dir, photo("images")).find("is a folder, not a file") != std::string::npos);

  // --allow-paths opens another folder; what is there is still checked by type.
  auto ctx = test::context();
  ctx.allowed_paths = {outside, "/dev"};
  CHECK(parse_error(dir, photo((outside / "elsewhere.jpg").string()), ctx).empty());
  CHECK(parse_error(dir, photo("images/link.jpg"), ctx).empty());
  CHECK(parse_error(dir, photo("/dev/zero"), ctx).find("'/dev/zero' of photo 'p' is a character device") != std::string::npos);
  ctx.limits.image_bytes = 100;  // forge.jpg is 331 bytes
  const std::string big = parse_error(dir, photo("images/forge.jpg"), ctx);
  CHECK(big.find("is 331 bytes, over the limit of 100 bytes") != std::string::npos);
  CHECK(big.find("--limit image-size=N") != std::string::npos);
}

TEST_CASE("layouts named by path: inside the issue's folder tree or the resource folders") {
  const auto dir = issue_folder("files-layout");
  const auto outside = test::temp_dir("files-layout-out");
  const std::string layout = [] {
    std::ifstream in(test::source_root() / "layouts/tabloid.xml");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  write(dir / "mine.xml", layout);
  write(outside / "theirs.xml", layout);
  REQUIRE(::mkfifo((dir / "pipe.xml").c_str(), 0600) == 0);
  const std::string body = "<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"><p>甲</p></article>";
  CHECK(parse_error(dir, issue_with("mine.xml", body)).empty());
  CHECK(parse_error(dir, issue_with((test::source_root() / "layouts/tabloid.xml").string(), body)).empty());
  const std::string e = parse_error(dir, issue_with((outside / "theirs.xml").string(), body));
  CHECK(e.find("issue.xml:1: error: layout file '") != std::string::npos);
  CHECK(e.find("is outside the issue's folder and the resource folders") != std::string::npos);
  CHECK(parse_error(dir, issue_with("../../../../../../../etc/passwd.xml", body)).find("is outside") !=
        std::string::npos);
  CHECK(parse_error(dir, issue_with("pipe.xml", body)).find("layout file '" + (dir / "pipe.xml").string() +
                                                             "' is a named pipe (FIFO)") != std::string::npos);
  auto ctx = test::context();
  ctx.allowed_paths = {outside, "/dev"};
  CHECK(parse_error(dir, issue_with((outside / "theirs.xml").string(), body), ctx).empty());
  CHECK(parse_error(dir, issue_with("/dev/zero", body), ctx).find("'/dev/zero' is a character device") !=
        std::string::npos);
  ctx.limits.layout_bytes = 1000;
  CHECK(parse_error(dir, issue_with("mine.xml", body), ctx).find("over the limit of 1000 bytes") != std::string::npos);
}

TEST_CASE("a masthead logo is an image file inside the issue's folder like a photo") {
  const auto dir = issue_folder("files-logo");
  const auto masthead = [](const std::string& logo) {
    return issue_with("tabloid", "<masthead col=\"1\" cols=\"6\" row=\"1\" rows=\"6\" logo=\"" + logo + "\"/>");
  };
  CHECK(parse_error(dir, masthead("images/forge.jpg")).empty());
  CHECK(parse_error(dir, masthead("../../../../../etc/passwd")).find("logo file '") != std::string::npos);
  CHECK(parse_error(dir, masthead("../../../../../etc/passwd")).find("is outside the issue's folder") != std::string::npos);
  CHECK(parse_error(dir, masthead("images")).find("is a folder, not a file") != std::string::npos);
  CHECK(parse_error(dir, masthead("images/none.png")).find("logo file '" + (dir / "images/none.png").string() + "' not found") !=
        std::string::npos);
}

TEST_CASE("copy files: inside the issue's folder, regular files, and the character rule of XML for plain text") {
  const auto dir = issue_folder("files-copy");
  const auto outside = test::temp_dir("files-copy-out");
  write(outside / "story.txt", "标题\n\n正文。\n");
  write(dir / "story.txt", "标题\n\n正文。\n");
  write(dir / "control.txt", "标题\n\n正文\x01。\n");
  write(dir / "nonchar.txt", "标题\n\n正\xEF\xBF\xBF文。\n");
  const auto article = [](const std::string& src) {
    return issue_with("tabloid", "<article id=\"a\" src=\"" + src + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\"/>");
  };
  CHECK(parse_error(dir, article("story.txt")).empty());
  const std::string out = parse_error(dir, article((outside / "story.txt").string()));
  CHECK(out.find("copy file '") != std::string::npos);
  CHECK(out.find("is outside the issue's folder") != std::string::npos);
  CHECK(parse_error(dir, article("images")).find("is a folder, not a file") != std::string::npos);
  CHECK(parse_error(dir, article("control.txt")).find((dir / "control.txt").string() + ":3: error: character U+0001") == 0);
  CHECK(parse_error(dir, article("nonchar.txt")).find("U+FFFF in the file is a Unicode noncharacter") != std::string::npos);
}
