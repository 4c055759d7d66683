#include "rules/kind_signals.hpp"

#include <tuple>

namespace followup::rules {
namespace {

struct Signals {
  std::vector<KindSignal> signals;
  std::vector<std::string> patterns;
};

Signals make_signals() {
  using core::Kind;
  // Each pattern counts once. Rejection and inquiry signals are phrases a
  // thank-you note rarely uses; thanks appear in every kind of note.
  const std::vector<std::tuple<Kind, int, int, const char*>> table = {
      {Kind::kRejectionReply, 4, 4, R"((?i)\bnot (?:been |be )?(?:selected|chosen|moving forward|successful)\b)"},
      {Kind::kRejectionReply, 4, 4, R"((?i)\b(?:move|moving|go|going|proceed|proceeding) forward with (?:another|other|a different)\b)"},
      {Kind::kRejectionReply, 4, 4, R"((?i)\b(?:another|a different|the successful|other) (?:candidate|applicant)s?\b)"},
      {Kind::kRejectionReply, 4, 3, R"((?i)\b(?:for|about|regarding) (?:the|your) (?:update|news|decision|reply|response|email letting)\b)"},
      {Kind::kRejectionReply, 4, 4, R"((?i)\b(?:disappoint(?:ed|ing)|sorry to (?:hear|learn)|sad to (?:hear|learn)|unfortunate news)\b)"},
      {Kind::kRejectionReply, 0, 4, R"((?i)\b(?:keep|kept) me in mind\b|\bon file\b|\bfuture (?:openings|vacancies)\b)"},
      {Kind::kRejectionReply, 0, 2, R"((?i)\bfuture (?:opportunities|positions|roles)\b|\bpaths (?:will )?cross\b|\bstay in touch\b|\bnew hire\b)"},
      {Kind::kRejectionReply, 0, 3, R"((?i)\b(?:understand|respect|accept) (?:the|your) decision\b|\bletting me know\b)"},
      {Kind::kRejectionReply, 4, 4, R"((?i)\b(?:chose|chosen|selected|hired|picked|went with) (?:another|a different|someone else|an internal|other)\b|\bwent to (?:someone else|another|an internal)\b)"},
      {Kind::kRejectionReply, 0, 4, R"((?i)\b(?:keep|kept|keeping) my (?:name|application|r[eé]sum[eé]|information|details) (?:in mind|on file)\b)"},
      {Kind::kRejectionReply, 0, 3, R"((?i)\bif (?:another|a|any) (?:\w+ ){0,5}(?:role|position|opening|spot|job|vacancy) (?:opens|becomes available|comes up)\b)"},
      {Kind::kRejectionReply, 0, 3, R"((?i)\bgetting back to me\b|\bsorry (?:that )?the (?:position|role|job) went\b|\bsorry not to (?:be )?join(?:ing)?\b|\bshare (?:the|your) decision\b)"},
      {Kind::kStatusInquiry, 4, 4, R"((?i)\bfollow(?:ing)?[ -]up\b|\bcheck(?:ing)? in\b|\btouching base\b)"},
      {Kind::kStatusInquiry, 0, 5, R"((?i)\bwhen (?:a|the|your) (?:final |hiring )?decision (?:might|will|may|could|would|is expected to) be (?:made|reached)\b|\bhow the (?:search|process|hiring(?: process)?|selection) is (?:coming|going|progressing)\b)"},
      {Kind::kStatusInquiry, 3, 0, R"((?i)\bnext steps\b)"},
      {Kind::kStatusInquiry, 0, 3, R"((?i)\b(?:two|three|four|2|3|4|a few|several) weeks ago\b|\blast week\b|\bremain (?:very )?interested\b)"},
      {Kind::kStatusInquiry, 4, 4, R"((?i)\bstatus of (?:my|the)\b|\b(?:application|hiring|candidacy) status\b|\bstatus update\b)"},
      {Kind::kStatusInquiry, 3, 4, R"((?i)\b(?:any|an) updates? (?:on|regarding|about|you can share)\b|\bany (?:news|updates?)\b)"},
      {Kind::kStatusInquiry, 0, 4, R"((?i)\bdecision has been made\b|\b(?:made|reached) a decision\b|\bwhere (?:things|you|the team|the process|the search) (?:stands?|is|are)\b)"},
      {Kind::kStatusInquiry, 0, 3, R"((?i)\bwanted to (?:check|follow|ask|inquire|see)\b|\binquir(?:e|ing)\b|\bexpected timeline\b)"},
      {Kind::kStatusInquiry, 0, 1, R"((?i)\bstill (?:very )?(?:much )?interested\b|\btimeline\b|\bnext steps\b)"},
      {Kind::kThankYou, 4, 0, R"((?i)\b(?:thank|thanks|appreciat\w*)\b)"},
      {Kind::kThankYou, 0, 3, R"((?i)\b(?:thank you|thanks)(?: so much| again)? for (?:taking the time|the time|your time|speaking|talking|meeting|calling|interviewing|the (?:call|conversation|interview|opportunity|chance|chat|phone))\b)"},
      {Kind::kThankYou, 0, 3, R"((?i)\bappreciated? (?:the|your) (?:time|chance|opportunity|conversation|call)\b|\bgrateful for (?:the|your) (?:time|opportunity|chance|conversation)\b)"},
      {Kind::kThankYou, 0, 3, R"((?i)\b(?:thank you|thanks)(?: so much| again)? for taking (?:\d+|a few|some) (?:minutes|hours)\b)"},
      // "I wanted to follow up on our call yesterday and thank you": a thank-you.
      {Kind::kThankYou, 6, 8, R"((?i)\bfollow(?:ing)?[ -]up on (?:our|the|my) (?:phone |video )?(?:call|conversation|interview|meeting|chat) (?:yesterday|today|this morning|this afternoon|earlier today)\b|\bfollow(?:ing)?[ -]up on (?:yesterday's|today's|this morning's)\b)"},
      // A thank-you goes out within a day; an inquiry comes a week or more later.
      {Kind::kThankYou, 0, 2, R"((?i)\b(?:yesterday|this morning|this afternoon|earlier today)\b)"},
      {Kind::kThankYou, 0, 2, R"((?i)\benjoyed (?:speaking|talking|meeting|learning|our|hearing|the)\b|\bit was (?:a pleasure|great|nice) (?:speaking|talking|meeting)\b)"},
  };
  Signals out;
  for (const auto& [kind, subject_weight, body_weight, pattern] : table) {
    out.signals.push_back({kind, subject_weight, body_weight});
    out.patterns.emplace_back(pattern);
  }
  return out;
}

const Signals& signals() {
  static const Signals built = make_signals();
  return built;
}

}  // namespace

const std::vector<KindSignal>& kind_signals() { return signals().signals; }
const std::vector<std::string>& kind_signal_patterns() { return signals().patterns; }

}  // namespace followup::rules
