// Sample notes shared by several tests, and a helper to derive a note with
// one planted defect from them. Tests that need a note of their own keep it
// next to the test.
#pragma once

#include <stdexcept>
#include <string>

namespace followup::testing {

// fixtures/cli/clean-thank-you.txt without its header block: a thank-you
// letter with no findings.
inline const std::string kCleanNote = R"(Dear Mr. Jones,

Thank you for taking the time to speak with me about the Customer Service Associate position. I enjoyed hearing about the diverse clientele your team works with every day.

In addition to my enthusiasm for customer service, I bring five years of experience managing call centers. That work taught me to troubleshoot problems quickly and to set clear goals for a team.

If you have any further questions about my background, you can reach me at (555) 010-4477. Thank you again for your time, and I hope we can speak again soon.

Sincerely,
Ana Cruz
(555) 010-4477
ana.cruz@example.com
)";

// A short note with four findings: salutation.punctuation (1:1-1:15, fix
// inserts ','), style.repeated-word (3:54-3:61, fix removes the second
// 'the'), cliche.soft-skill (3:106-3:117, no fix), closing.unprofessional
// (7:1-7:8, fix 'Sincerely,').
inline const std::string kFlawedNote = R"(Dear Mr. Jones

Thank you for taking the time to speak with me about the the Customer Service Associate position. I am a team player.

If you have any further questions, you can reach me at (555) 010-4477. Thank you again for your time.

Cheers,
Ana Cruz
(555) 010-4477
)";

// Replaces the first `from`; throws when it is missing, so a stale test text fails loudly.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test text lacks '" + from + "'");
  return text.replace(at, from.size(), to);
}

// kCleanNote with one cliche.soft-skill finding, at 5:115.
inline const std::string kClicheNote = replace_once(
    kCleanNote,
    "That work taught me to troubleshoot problems quickly and to set clear goals for a team.",
    "I am a team player.");

}  // namespace followup::testing
