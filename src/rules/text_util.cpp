#include "rules/text_util.hpp"

#include <algorithm>
#include <cctype>

#include "rules/params.hpp"

namespace followup::rules {

PatternList::PatternList(std::vector<std::unique_ptr<RE2>> patterns) : patterns_(std::move(patterns)) {
  if (patterns_.size() < 2) return;
  set_ = std::make_unique<RE2::Set>(pattern_options(), RE2::UNANCHORED);
  for (const auto& re : patterns_) {
    if (set_->Add(re->pattern(), nullptr) < 0) {
      set_.reset();  // fall back to running each pattern
      return;
    }
  }
  if (!set_->Compile()) set_.reset();
}

bool PatternList::any(std::string_view text, core::Span span) const {
  re2::StringPiece piece(text.data() + span.begin, span.size());
  if (set_) return set_->Match(piece, nullptr);
  for (const auto& re : patterns_)
    if (RE2::PartialMatch(piece, *re)) return true;
  return false;
}

std::vector<Match> PatternList::find_all(std::string_view text, core::Span span) const {
  std::vector<Match> out;
  if (patterns_.empty() || span.empty()) return out;
  re2::StringPiece piece(text.data() + span.begin, span.size());
  std::vector<int> hits;
  if (set_) {
    if (!set_->Match(piece, &hits)) return out;
  } else {
    for (size_t i = 0; i < patterns_.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  for (int index : hits) {
    const RE2& re = *patterns_[static_cast<size_t>(index)];
    re2::StringPiece groups[2];
    int ngroups = std::min(re.NumberOfCapturingGroups(), 1) + 1;
    size_t pos = 0;
    while (pos <= piece.size()) {
      if (!re.Match(piece, pos, piece.size(), RE2::UNANCHORED, groups, ngroups)) break;
      auto whole_begin = static_cast<uint32_t>(groups[0].data() - piece.data());
      auto whole_end = whole_begin + static_cast<uint32_t>(groups[0].size());
      Match m;
      m.pattern = static_cast<size_t>(index);
      m.whole = {span.begin + whole_begin, span.begin + whole_end};
      m.span = m.whole;
      if (ngroups == 2 && groups[1].data() != nullptr) {
        auto g = static_cast<uint32_t>(groups[1].data() - piece.data());
        m.span = {span.begin + g, span.begin + g + static_cast<uint32_t>(groups[1].size())};
      }
      out.push_back(m);
      pos = whole_end > whole_begin ? whole_end : whole_end + 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.pattern < b.pattern;
  });
  // Two patterns matching the same place report it once.
  std::vector<Match> unique;
  for (const auto& m : out) {
    if (!unique.empty() && m.span.begin < unique.back().span.end) continue;
    unique.push_back(m);
  }
  return unique;
}

std::string match_case(std::string_view matched, std::string replacement) {
  if (!matched.empty() && !replacement.empty() && std::isupper(static_cast<unsigned char>(matched[0])) &&
      std::islower(static_cast<unsigned char>(replacement[0])))
    replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
  return replacement;
}

std::string excerpt(std::string_view text, size_t max) {
  auto nl = text.find_first_of("\r\n");
  bool cut = nl != std::string_view::npos;
  if (cut) text = text.substr(0, nl);
  if (text.size() > max) {
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string out(text);
  if (cut) out += "...";
  return out;
}

}  // namespace followup::rules
