#include "input/flowed.hpp"

namespace followup::input {

namespace {

struct Line {
  size_t begin = 0;    // first content byte (after quote marks and stuffing when joined)
  size_t end = 0;      // end of content, before "\r\n" / "\n"
  size_t next = 0;     // start of the next line
  size_t depth = 0;    // number of leading '>'
  size_t content = 0;  // first byte after the quote marks and the stuffing space
};

Line read_line(std::string_view text, size_t at) {
  Line line;
  line.begin = at;
  size_t nl = text.find('\n', at);
  line.next = nl == std::string_view::npos ? text.size() : nl + 1;
  line.end = nl == std::string_view::npos ? text.size() : nl;
  if (line.end > at && text[line.end - 1] == '\r') --line.end;
  size_t i = at;
  while (i < line.end && text[i] == '>') ++i;
  line.depth = i - at;
  if (i < line.end && text[i] == ' ') ++i;  // stuffing (or the space after "> ")
  line.content = i;
  return line;
}

bool is_soft_break(std::string_view text, const Line& line) {
  if (line.end == line.begin || text[line.end - 1] != ' ') return false;
  // The signature separator "-- " is never flowed.
  return text.substr(line.content, line.end - line.content) != "-- " &&
         text.substr(line.begin, line.end - line.begin) != "-- ";
}

}  // namespace

MappedText unwrap_lines(std::string_view text, LineFormat format) {
  MappedText out;
  out.text.reserve(text.size());
  size_t at = 0;
  bool joining = false;  // the previous line ended in a soft break
  while (at < text.size()) {
    Line line = read_line(text, at);
    size_t begin = line.begin;
    if (format.flowed) {
      // A continuation drops its quote marks; a first line keeps them, but
      // an unquoted first line loses its stuffing space.
      if (joining || line.depth == 0) begin = line.content;
    }
    // RFC 3676 4.5: a soft break before a change of quote depth (or at the
    // end) counts as a hard one.
    bool soft = format.flowed && is_soft_break(text, line) && line.next < text.size() &&
                read_line(text, line.next).depth == line.depth;
    size_t end = line.end;
    if (soft && format.delsp) --end;
    if (end > begin)
      append_verbatim(out, text.substr(begin, end - begin), static_cast<uint32_t>(begin));
    bool has_break = line.next > line.end;
    if (!soft && has_break) {
      // A lone CR at the very end is a break too, but not the byte "\n".
      auto at_break = static_cast<uint32_t>(line.next - 1);
      if (text[at_break] == '\n')
        append_verbatim(out, "\n", at_break);
      else
        append_encoded(out, "\n", {at_break, at_break + 1});
    }
    joining = soft;
    at = line.next;
  }
  return out;
}

}  // namespace followup::input
