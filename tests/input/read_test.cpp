#include "input/read.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace in = followup::input;

namespace {

// The file bytes that the decoded occurrence of `word` maps back to.
std::string file_of(const in::Decoded& d, std::string_view word, size_t from = 0) {
  size_t at = d.text.find(word, from);
  REQUIRE(at != std::string::npos);
  auto span = d.map.to_file({static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())});
  return std::string(d.file().substr(span.begin, span.size()));
}

}  // namespace

TEST_CASE("format_for reads the extension, case-insensitively", "[input][read]") {
  CHECK(in::format_for("note.eml") == in::Format::kEmail);
  CHECK(in::format_for("NOTE.MD") == in::Format::kMarkdown);
  CHECK(in::format_for("a/b.markdown") == in::Format::kMarkdown);
  CHECK(in::format_for("page.HTM") == in::Format::kHtml);
  CHECK(in::format_for("page.html") == in::Format::kHtml);
  CHECK(in::format_for("note.txt") == in::Format::kPlain);
  CHECK(in::format_for("note.md.bak") == in::Format::kPlain);
  CHECK(in::format_for("dir/.md") == in::Format::kPlain);
  CHECK(in::format_for("README") == in::Format::kPlain);
  CHECK(in::format_name(in::Format::kEmail) == "email");
  CHECK(in::format_name(in::Format::kPlain) == "text");
  CHECK(in::format_name(in::Format::kMarkdown) == "markdown");
  CHECK(in::format_name(in::Format::kHtml) == "html");
}

TEST_CASE("read dispatches on the format", "[input][read]") {
  auto plain = in::read("Hi *Sam*,\n", in::Format::kPlain);
  CHECK(plain.format == in::Format::kPlain);
  CHECK(plain.text == "Hi *Sam*,\n");
  CHECK(plain.file_text.empty());

  auto md = in::read("Hi *Sam*,\n", in::Format::kMarkdown);
  CHECK(md.format == in::Format::kMarkdown);
  CHECK(md.text == "Hi Sam,\n");
  CHECK(file_of(md, "Sam") == "Sam");

  auto html = in::read("<p>Hi <b>Sam</b>,</p>", in::Format::kHtml);
  CHECK(html.format == in::Format::kHtml);
  CHECK(html.text == "Hi Sam,\n");
  CHECK(file_of(html, "Sam") == "Sam");
}

TEST_CASE("read never throws on hostile input", "[input][read]") {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div><blockquote><ul><li>";
  deep += "x";
  std::string long_line(1 << 20, 'a');
  std::string open_front = "+++\nencoding = \"latin1\"\n" + long_line;
  std::string yaml_open = "---\ntitle: x\n" + long_line;
  std::string nested_md(50000, '>');
  std::string junk;
  for (int i = 0; i < 256; ++i) junk += static_cast<char>(i);
  for (const std::string& bytes :
       {deep, long_line, open_front, yaml_open, nested_md, junk, std::string()}) {
    for (auto format : {in::Format::kPlain, in::Format::kMarkdown, in::Format::kHtml}) {
      auto d = in::read(bytes, format);
      CHECK(d.text.size() <= bytes.size() * 4 + 64);
    }
  }
}
