#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "text/compare.hpp"
#include "text/emoji.hpp"
#include "text/sentences.hpp"
#include "text/width.hpp"
#include "text/words.hpp"

namespace Catch {
template <>
struct StringMaker<followup::core::Span> {
  static std::string convert(followup::core::Span span) {
    return "[" + std::to_string(span.begin) + ", " + std::to_string(span.end) + ")";
  }
};
}  // namespace Catch

namespace {

using followup::core::Span;
using followup::text::comparison_key;
using followup::text::display_width;
using followup::text::edit_distance;
using followup::text::find_emoji;
using followup::text::split_sentences;
using followup::text::split_words;

std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text)) out.emplace_back(slice(text, s.span));
  return out;
}

std::vector<std::string> word_texts(std::string_view text) {
  std::vector<std::string> out;
  for (Span w : split_words(text)) out.emplace_back(slice(text, w));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("split_sentences: TECH-NOTES example gives exactly five sentences", "[segment]") {
  const std::string text =
      "Dear Mr. Jones, thank you. I met Dr. A. J. Rivera at 3 p.m. today. It was great! "
      "Was it? Yes.";
  CHECK(sentence_texts(text) == Strings{"Dear Mr. Jones, thank you.",
                                        "I met Dr. A. J. Rivera at 3 p.m. today.",
                                        "It was great!", "Was it?", "Yes."});
  for (const auto& s : split_sentences(text)) CHECK_FALSE(s.list_item);
}

TEST_CASE("split_sentences: spans are exact byte offsets", "[segment]") {
  const std::string text = "  Hi there.  Bye now.  ";
  const auto sentences = split_sentences(text);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].span == Span{2, 11});
  CHECK(sentences[1].span == Span{13, 21});
}

TEST_CASE("split_sentences: byte offsets survive non-ASCII and astral text", "[segment]") {
  // "Café 👍 was nice." has a 2-byte é and a 4-byte emoji (a UTF-16 pair).
  const std::string text = "Café 👍 was nice. Señor Núñez called.";
  CHECK(sentence_texts(text) == Strings{"Café 👍 was nice.", "Señor Núñez called."});
  const auto sentences = split_sentences(text);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[1].span.end == text.size());

  // Accents, curly quotes, dashes and NBSP take the fast path; same offsets.
  const std::string typographic =
      "Se\u00f1or N\u00fa\u00f1ez said \u201cyes.\u201d\u00a0Then \u2014 well\u2026 ok.";
  const auto parts = split_sentences(typographic);
  REQUIRE(parts.size() == 2);
  CHECK(slice(typographic, parts[0].span) == "Se\u00f1or N\u00fa\u00f1ez said \u201cyes.\u201d");
  CHECK(parts[1].span == Span{32, static_cast<uint32_t>(typographic.size())});
}

TEST_CASE("split_sentences: hard-wrapped lines are joined", "[segment]") {
  const std::string text =
      "Thank you for taking the time to speak with me\n"
      "yesterday about the role. I enjoyed learning about\n"
      "the team and the roadmap.\r\n"
      "I look forward to hearing from you.";
  CHECK(sentence_texts(text) ==
        Strings{"Thank you for taking the time to speak with me\nyesterday about the role.",
                "I enjoyed learning about\nthe team and the roadmap.",
                "I look forward to hearing from you."});
}

TEST_CASE("split_sentences: bulleted and numbered lines are list items", "[segment]") {
  const std::string text =
      "A few highlights from our chat:\n"
      "- the roadmap for Q3\n"
      "  * mentoring plans\n"
      "• Remote days. They sound great.\n"
      "1. Salary range\n"
      "2) Start date\n"
      "Thanks again.";
  const auto sentences = split_sentences(text);
  std::vector<std::string> texts;
  std::vector<bool> lists;
  for (const auto& s : sentences) {
    texts.emplace_back(slice(text, s.span));
    lists.push_back(s.list_item);
  }
  // The marker is not part of the span; an unindented capitalized line ends the list.
  CHECK(texts == Strings{"A few highlights from our chat:", "the roadmap for Q3", "mentoring plans",
                         "Remote days.", "They sound great.", "Salary range", "Start date",
                         "Thanks again."});
  CHECK(lists == std::vector<bool>{false, true, true, true, true, true, true, false});
}

TEST_CASE("split_sentences: wrapped list items and blank lines", "[segment]") {
  // Indented or lowercase continuation lines stay in the item.
  const std::string text =
      "- I enjoyed the talk about\n"
      "  Kubernetes upgrades\n"
      "- and the part about\n"
      "on-call rotations.\n"
      "Best regards";
  const auto sentences = split_sentences(text);
  REQUIRE(sentences.size() == 3);
  CHECK(slice(text, sentences[0].span) == "I enjoyed the talk about\n  Kubernetes upgrades");
  CHECK(sentences[0].list_item);
  CHECK(slice(text, sentences[1].span) == "and the part about\non-call rotations.");
  CHECK(sentences[1].list_item);
  CHECK(slice(text, sentences[2].span) == "Best regards");
  CHECK_FALSE(sentences[2].list_item);

  CHECK(sentence_texts("Best regards,\n\nJohn Smith") == Strings{"Best regards,", "John Smith"});
  CHECK(sentence_texts("Best regards,\r\n \r\nJohn") == Strings{"Best regards,", "John"});
}

TEST_CASE("split_sentences: list marker at the very start and lookalikes", "[segment]") {
  const auto first = split_sentences("- First point\n- Second point");
  REQUIRE(first.size() == 2);
  CHECK(first[0].list_item);
  CHECK(first[0].span == Span{2, 13});
  CHECK(first[1].list_item);

  // No blank after the marker, or a three-digit number: ordinary wrapped text.
  const auto plain = split_sentences("We spoke about\n-5 degrees and\n100. Then it ended.");
  for (const auto& s : plain) CHECK_FALSE(s.list_item);
  // A bare marker line has no text and produces no segment.
  CHECK(sentence_texts("Intro:\n- \n- Real item") == Strings{"Intro:", "Real item"});
}

TEST_CASE("split_sentences: initials and abbreviations", "[segment]") {
  CHECK(sentence_texts("J. R. R. Tolkien wrote it.") == Strings{"J. R. R. Tolkien wrote it."});
  CHECK(sentence_texts("We met at 3 p.m. Then we left.") ==
        Strings{"We met at 3 p.m.", "Then we left."});
  CHECK(sentence_texts("We met at 3 p.m. and then we left.") ==
        Strings{"We met at 3 p.m. and then we left."});
  CHECK(sentence_texts("She moved to the U.S. last year. Good.") ==
        Strings{"She moved to the U.S. last year.", "Good."});
  CHECK(sentence_texts("Ask Prof. Smith and Mrs. Lee (Ms. Diaz too).") ==
        Strings{"Ask Prof. Smith and Mrs. Lee (Ms. Diaz too)."});
  // Quotes between a title and the name, through the fast path and through ICU.
  CHECK(sentence_texts("She wrote to \u201cDr. Rivera\u201d today.") ==
        Strings{"She wrote to \u201cDr. Rivera\u201d today."});
  CHECK(sentence_texts("Ask Dr. \u2019Bob\u2019 Smith.") == Strings{"Ask Dr. \u2019Bob\u2019 Smith."});
  CHECK(sentence_texts("Ask Dr. \u2019Bob\u2019 Smith. \u65e5\u672c\u3002") ==
        Strings{"Ask Dr. \u2019Bob\u2019 Smith.", "\u65e5\u672c\u3002"});
  // Only the boundary right after the title is joined.
  CHECK(sentence_texts("See Dr. Who. He is great.") == Strings{"See Dr. Who.", "He is great."});
  // Case matters: "DR." is not a title.
  CHECK(sentence_texts("CALL THE DR. NOW.").size() == 2);
}

TEST_CASE("split_sentences: CJK and odd input do not crash", "[segment]") {
  CHECK(sentence_texts("日本語の文です。次の文です。") == Strings{"日本語の文です。", "次の文です。"});
  CHECK(split_sentences("").empty());
  CHECK(split_sentences("   \n\t ").empty());
  CHECK(sentence_texts("\xff\xfe bad bytes. Next.") == Strings{"\xff\xfe bad bytes.", "Next."});
  CHECK(sentence_texts("Trailing Dr.") == Strings{"Trailing Dr."});
}

TEST_CASE("split_words: words / numbers and apostrophes", "[segment]") {
  CHECK(word_texts("Ms. O'Brien, don't worry!") == Strings{"Ms", "O'Brien", "don't", "worry"});
  // ICU splits at a hyphen: a hyphenated surname is two words.
  CHECK(word_texts("Smith-Jones paid $1,000.50 on 3/4") ==
        Strings{"Smith", "Jones", "paid", "1,000.50", "on", "3", "4"});
  CHECK(word_texts("Write to jane@example.com, e.g. today") ==
        Strings{"Write", "to", "jane@example.com", "e.g", "today"});
  CHECK(word_texts("  ... !!! 👍 ").empty());
  CHECK(split_words("").empty());
}

TEST_CASE("split_words: byte offsets with non-ASCII text", "[segment]") {
  const std::string text = "Núñez 日本 👍 café";
  const auto words = split_words(text);
  std::vector<std::string> texts;
  for (Span w : words) texts.emplace_back(slice(text, w));
  CHECK(texts == Strings{"Núñez", "日本", "café"});
  REQUIRE(words.size() == 3);
  CHECK(words[0] == Span{0, 7});
  CHECK(words[2].end == text.size());
}

TEST_CASE("display_width", "[segment]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("hello") == 5);
  CHECK(display_width("a\tb") == 3);
  CHECK(display_width("café") == 4);         // precomposed U+00E9
  CHECK(display_width("cafe\u0301") == 4);   // e + combining acute
  CHECK(display_width("日本") == 4);
  CHECK(display_width("👍") == 2);
  CHECK(display_width("👍🏽") == 2);
  CHECK(display_width("👩\u200d💻") == 2);  // ZWJ sequence
  CHECK(display_width("🇺🇸") == 2);          // flag: a pair of regional indicators
  CHECK(display_width("\u2764") == 1);      // text-style heart
  CHECK(display_width("\u2764\ufe0f") == 2);  // emoji-style heart
  CHECK(display_width("\u0301") == 0);      // lone combining mark
  CHECK(display_width("a\u200bb") == 2);    // zero width space
  CHECK(display_width("Ｈｉ") == 4);         // fullwidth Latin
  CHECK(display_width("Núñez 日本") == 10);
}

TEST_CASE("find_emoji", "[segment]") {
  const std::string text = "Great 👍🏽 news!";
  const auto spans = find_emoji(text);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0] == Span{6, 14});  // U+1F44D U+1F3FD, four bytes each
  CHECK(slice(text, spans[0]) == "👍🏽");

  CHECK(find_emoji("I have 3 #1 items").empty());
  CHECK(find_emoji("Acme® and Foo™ © 2024, café").empty());
  CHECK(find_emoji("").empty());

  const std::string zwj = "Hi 👩\u200d💻!";
  const auto zwj_spans = find_emoji(zwj);
  REQUIRE(zwj_spans.size() == 1);
  CHECK(slice(zwj, zwj_spans[0]) == "👩\u200d💻");

  const std::string mixed = "Press 1\ufe0f\u20e3, wave 🇺🇸 and \u2764 ok";
  std::vector<std::string> found;
  for (Span s : find_emoji(mixed)) found.emplace_back(slice(mixed, s));
  CHECK(found == Strings{"1\ufe0f\u20e3", "🇺🇸", "\u2764"});
  // © is typography unless it asks for emoji presentation.
  const std::string copyright = "\u00a9 Acme, \u00a9\ufe0f";
  const auto copyright_spans = find_emoji(copyright);
  REQUIRE(copyright_spans.size() == 1);
  CHECK(copyright_spans[0] == Span{9, 14});
}

TEST_CASE("comparison_key", "[segment]") {
  CHECK(comparison_key("Núñez") == comparison_key("NUNEZ"));
  CHECK(comparison_key("Núñez") == "nunez");
  CHECK(comparison_key("Nu\u0303n\u0303ez") == "nunez");  // decomposed input
  CHECK(comparison_key("STRASSE") == comparison_key("Straße"));
  CHECK(comparison_key("Zoë O'Brien") == "zoe o'brien");
  CHECK(comparison_key("Jones") != comparison_key("Jonas"));
  CHECK(comparison_key("").empty());
}

TEST_CASE("edit_distance", "[segment]") {
  CHECK(edit_distance("Jones", "Jomes") == 1);
  CHECK(edit_distance("Núñez", "Nunez") == 2);  // code points, not bytes
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("日本", "") == 2);
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("same", "same") == 0);
  CHECK(edit_distance("ab", "ba") == 1);  // neighbours swapped: one edit
  CHECK(edit_distance("Jonse", "Jones") == 1);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment, not full Damerau
}

// The plain O(n*m) table, for checking the banded one.
static uint32_t reference_distance(const std::u32string& x, const std::u32string& y) {
  std::vector<std::vector<uint32_t>> d(x.size() + 1, std::vector<uint32_t>(y.size() + 1));
  for (size_t i = 0; i <= x.size(); ++i) d[i][0] = static_cast<uint32_t>(i);
  for (size_t j = 0; j <= y.size(); ++j) d[0][j] = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0u : 1u)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.size()][y.size()];
}

TEST_CASE("edit_distance with a limit agrees with the full table", "[segment]") {
  std::mt19937 random(20261127);
  auto word = [&](size_t max_length) {
    std::u32string w;
    size_t length = random() % (max_length + 1);
    for (size_t i = 0; i < length; ++i) w += static_cast<char32_t>(U'a' + random() % 3);  // few letters: many near misses
    return w;
  };
  auto utf8 = [](const std::u32string& w) {
    std::string out;
    for (char32_t c : w) out += static_cast<char>(c);
    return out;
  };
  for (int round = 0; round < 3000; ++round) {
    std::u32string x = word(12), y = word(12);
    uint32_t exact = reference_distance(x, y);
    CHECK(edit_distance(utf8(x), utf8(y)) == exact);
    for (uint32_t limit = 0; limit <= 4; ++limit) {
      INFO(utf8(x) << " vs " << utf8(y) << ", limit " << limit);
      CHECK(edit_distance(utf8(x), utf8(y), limit) == std::min(exact, limit + 1));
    }
  }
}

TEST_CASE("edit_distance with a limit is cheap on long text", "[segment]") {
  // 200,000 code points each way: the full table would need 160 GB.
  std::string a(200000, 'a'), b = a;
  b[100000] = 'b';
  CHECK(edit_distance(a, b, 2) == 1);
  CHECK(edit_distance(a, b + "xyz", 2) == 3);  // length alone rules it out
  CHECK(edit_distance(a, std::string(200000, 'b'), 2) == 3);  // stops at the first row past the limit
}

TEST_CASE("segmentation is usable from several threads", "[segment]") {
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&counts, t] {
      size_t total = 0;
      for (int i = 0; i < 200; ++i) {
        total += split_sentences("One here. Two there. Three, Dr. Who.").size();
        total += split_sentences("日本語です。Ok 👍. Fine.").size();
        total += split_words("Núñez and 日本").size();
        total += display_width("👩\u200d💻") + find_emoji("a 👍🏽 b").size();
      }
      counts[t] = total;
    });
  }
  for (auto& th : threads) th.join();
  for (size_t c : counts) CHECK(c == 200 * (3 + 3 + 3 + 2 + 1));
}

// Text made of letters, digits, spaces and common punctuation (ASCII, plus
// accented letters, curly quotes, dashes, no-break spaces...) takes a
// hand-written fast path for sentences and words; anything else goes through
// ICU. Appending a separate CJK tail forces the ICU path without changing what
// comes before it, so both must agree.
TEST_CASE("fast paths agree with ICU", "[segment]") {
  static const char* const kPieces[] = {
      "a",     "Z",     "7",     " ",      " ",      "  ",     ".",      "!",       "?",
      "'",     "\"",    ",",     ";",      ":",      "-",      "_",      "@",       "(",
      ")",     "]",     "{",     "#",      "/",      "\t",     "\n",     "\r\n",    "\f",
      "\x01",  "Mr. ",  "Dr. ",  "A. ",    "p.m. ",  "U.S.",   "3.5",    "e.g.",    " The ",
      " the ", "...",   "?!",    ".) ",    ". \"",   "word",   "x@y.com", "don't",  "1,000",
      "1;2",   "__",    "\n- ",  "\n1. ",  "\n  ",   "etc. ",  "vs. ",   "\n\u2022 ", "\u00e9",
      "\u00c9", "\u00df", "\u03a9", "\u0436", "\u2019", "\u2018", "\u201c", "\u201d",  "\u00ab",
      "\u2013", "\u2014", "\u00a0", "\u2026", "\u20ac", "\xff",   "\u00c9. ", "l\u2019\u00e9t\u00e9"};
  uint32_t seed = 20240611;
  auto next_random = [&seed](uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  };
  const auto piece_count = static_cast<uint32_t>(std::size(kPieces));
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const uint32_t pieces = 1 + next_random(24);
    for (uint32_t k = 0; k < pieces; ++k) text += kPieces[next_random(piece_count)];
    INFO("text: [" << text << "]");

    std::vector<std::pair<Span, bool>> fast;
    for (const auto& s : split_sentences(text)) fast.emplace_back(s.span, s.list_item);
    std::vector<std::pair<Span, bool>> icu;
    for (const auto& s : split_sentences(text + "\n\n\u65e5\u672c\u3002")) {
      icu.emplace_back(s.span, s.list_item);
    }
    REQUIRE_FALSE(icu.empty());
    icu.pop_back();  // the CJK sentence
    REQUIRE(fast == icu);

    std::vector<Span> words_fast = split_words(text);
    std::vector<Span> words_icu = split_words(text + " \u65e5\u672c");
    REQUIRE_FALSE(words_icu.empty());
    words_icu.pop_back();
    REQUIRE(words_fast == words_icu);
  }
}

// display_width measures text without clustering characters one code point at
// a time; a trailing combining mark sends it through ICU's grapheme iterator
// without changing the width (it joins the last cluster or stands alone).
TEST_CASE("display_width fast path agrees with grapheme clusters", "[segment]") {
  static const char* const kPieces[] = {
      "a",       " ",      "\t",     "\n",     "\r\n",   "\x01",   "\x7f",       "\u00e9",
      "\u00ad",  "\u200b", "\u2019", "\u2014", "\u00a0", "\u65e5", "\uff28",     "\u3000",
      "\u2764",  "\u00a9", "\U0001F44D", "\u0436", "\u0e01", "\u05d0", "\U0001F1FA"};
  uint32_t seed = 7;
  auto next_random = [&seed](uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  };
  const auto piece_count = static_cast<uint32_t>(std::size(kPieces));
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const uint32_t pieces = 1 + next_random(12);
    for (uint32_t k = 0; k < pieces; ++k) text += kPieces[next_random(piece_count)];
    INFO("text: [" << text << "]");
    REQUIRE(display_width(text) == display_width(text + "\u0301"));
  }
  // Curly quotes and the em dash are East Asian Ambiguous: one column.
  CHECK(display_width("\u2019Hi\u2019 \u2014 \u65e5\u672c \U0001F44D") == 14);
}

TEST_CASE("append_words adds the words after those already there, shifted by the offset", "[text][words]") {
  // ASCII, accented Latin (the stand-in path) and Japanese with an emoji (ICU's own path).
  for (std::string_view part : {"Thank you, Ms. O'Brien.", "José Zoë Łukasz", "面接ありがとうございました 🙏 Sam"}) {
    INFO(part);
    const std::vector<followup::core::Span> alone = followup::text::split_words(part);
    REQUIRE_FALSE(alone.empty());
    std::vector<followup::core::Span> out = {{0, 4}, {5, 9}};
    followup::text::append_words(part, 100, out);
    REQUIRE(out.size() == alone.size() + 2);
    CHECK(out[0] == followup::core::Span{0, 4});
    CHECK(out[1] == followup::core::Span{5, 9});
    for (size_t k = 0; k < alone.size(); ++k)
      CHECK(out[k + 2] == followup::core::Span{alone[k].begin + 100, alone[k].end + 100});
  }
}
