#include "input/read.hpp"

#include <array>
#include <cctype>

#include "input/html.hpp"
#include "input/mail.hpp"
#include "input/markdown.hpp"
#include "input/plain.hpp"

namespace followup::input {
namespace {

bool iends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

Format format_for(std::string_view file_name) {
  struct Extension {
    std::string_view suffix;
    Format format;
  };
  static constexpr std::array<Extension, 5> kExtensions = {{{".eml", Format::kEmail},
                                                            {".md", Format::kMarkdown},
                                                            {".markdown", Format::kMarkdown},
                                                            {".html", Format::kHtml},
                                                            {".htm", Format::kHtml}}};
  for (const Extension& e : kExtensions) {
    // A bare ".md" (a hidden file with no stem) is a name, not an extension.
    if (file_name.size() > e.suffix.size() && iends_with(file_name, e.suffix) &&
        file_name[file_name.size() - e.suffix.size() - 1] != '/')
      return e.format;
  }
  return Format::kPlain;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kPlain:
      return "text";
    case Format::kMarkdown:
      return "markdown";
    case Format::kEmail:
      return "email";
    case Format::kHtml:
      return "html";
  }
  return "text";
}

Decoded read(std::string_view bytes, Format format, const ReadOptions& options) {
  switch (format) {
    case Format::kEmail:
      return decode_mail(bytes, options);
    case Format::kMarkdown:
      return decode_markdown_file(bytes, options);
    case Format::kHtml:
      return decode_html_file(bytes, options);
    case Format::kPlain:
      break;
  }
  return decode_plain(bytes, options);
}

}  // namespace followup::input
