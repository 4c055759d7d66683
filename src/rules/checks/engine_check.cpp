// engine: rules whose findings come from the linter itself rather than from a
// check over the draft (input.encoding, suppression.unused, ...). The rule
// data still gives their severity, message and docs.
#include "rules/checks/checks.hpp"

namespace followup::rules::checks {
namespace {

class EngineRule : public Check {
 public:
  using Check::Check;
  void run(const LintInput&, Emitter&) const override {}
};

}  // namespace

std::unique_ptr<Check> make_engine(Params&, CheckCommon common) {
  return std::make_unique<EngineRule>(std::move(common));
}

}  // namespace followup::rules::checks
