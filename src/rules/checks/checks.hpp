// Factories of the check types; see registry.cpp for the table that names them.
#pragma once

#include <memory>

#include "rules/params.hpp"
#include "rules/rule.hpp"

namespace followup::rules::checks {

std::unique_ptr<Check> make_existence(Params& params, CheckCommon common);
std::unique_ptr<Check> make_substitution(Params& params, CheckCommon common);
std::unique_ptr<Check> make_required(Params& params, CheckCommon common);
std::unique_ptr<Check> make_count(Params& params, CheckCommon common);
std::unique_ptr<Check> make_limit(Params& params, CheckCommon common);
std::unique_ptr<Check> make_presence(Params& params, CheckCommon common);
std::unique_ptr<Check> make_emoji(Params& params, CheckCommon common);
std::unique_ptr<Check> make_repetition(Params& params, CheckCommon common);
std::unique_ptr<Check> make_timing(Params& params, CheckCommon common);
std::unique_ptr<Check> make_name_match(Params& params, CheckCommon common);
std::unique_ptr<Check> make_context_flag(Params& params, CheckCommon common);
std::unique_ptr<Check> make_subject(Params& params, CheckCommon common);
std::unique_ptr<Check> make_placeholder(Params& params, CheckCommon common);
std::unique_ptr<Check> make_engine(Params& params, CheckCommon common);

}  // namespace followup::rules::checks
