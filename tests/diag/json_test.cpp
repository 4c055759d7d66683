// --format json is written field by field (src/diag/render_json.cpp): every
// string must come out as valid JSON whatever it holds, and the document
// must read back to the same values.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "diag/report.hpp"

using followup::diag::Diagnostic;
using followup::diag::FileReport;
using json = nlohmann::json;

TEST_CASE("JSON output escapes quotes, backslashes and control characters and repairs invalid UTF-8",
          "[diag][json]") {
  const followup::core::Source source("note.txt", "Dear Ms. Lee,\n\nThank you.\n");
  Diagnostic d;
  d.rule_id = "custom.rule";
  d.span = {15, 20};  // "Thank", line 3
  d.message = "a \"quote\", a back\\slash, a tab\there, a bell \x07, a line\nbreak, DEL \x7f, é, 🙏";
  d.message += std::string(1, '\0') + " and a NUL";
  d.help = "a stray byte \xFF and a cut sequence \xE2\x82";
  d.fixes.push_back({"replace", {followup::diag::Edit::replace({15, 20}, "Thanks\r\n")},
                     followup::diag::Applicability::kSafe});
  FileReport file{&source, "dir/\"odd\" name\x01.txt", "thank-you", {d}};

  const std::string out = followup::diag::render_json({file});
  INFO(out);
  REQUIRE(out.back() == '\n');
  for (size_t i = 0; i + 1 < out.size(); ++i) CHECK(static_cast<unsigned char>(out[i]) >= 0x20);
  // nlohmann's parser rejects invalid UTF-8 and raw control characters.
  const json doc = json::parse(out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  const json& f = doc.at("files").at(0);
  CHECK(f.at("path") == "dir/\"odd\" name\x01.txt");
  CHECK(f.at("kind") == "thank-you");
  const json& got = f.at("diagnostics").at(0);
  CHECK(got.at("rule") == "custom.rule");
  CHECK(got.at("severity") == "warning");
  CHECK(got.at("message") == d.message);
  CHECK(got.at("help") == "a stray byte \uFFFD and a cut sequence \uFFFD\uFFFD");
  CHECK(got.at("line") == 3);
  CHECK(got.at("column") == 1);
  CHECK(got.at("end_column") == 6);
  CHECK(got.at("fix").at("replacement") == "Thanks\r\n");
  CHECK(got.at("fix").at("safe") == true);
  CHECK(doc.at("summary").at("warnings") == 1);
  // The short escapes where JSON has them, \u00XX for the other control characters.
  CHECK(out.find(R"(a tab\there)") != std::string::npos);
  CHECK(out.find(R"(a bell \u0007)") != std::string::npos);
  CHECK(out.find(R"(name\u0001.txt)") != std::string::npos);
  CHECK(out.find(R"(\u0000 and a NUL)") != std::string::npos);
}
