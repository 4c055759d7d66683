# Writes OUTPUT, a C++ file holding every RULES_DIR/*.toml as a string, so the
# built-in rules travel inside the binary.
file(GLOB rule_files ${RULES_DIR}/*.toml)
list(SORT rule_files)
set(body "")
foreach(path ${rule_files})
  get_filename_component(name ${path} NAME)
  file(READ ${path} text)
  string(FIND "${text}" ")FLRULES\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw-string delimiter )FLRULES\"")
  endif()
  string(APPEND body "    {\"rules/${name}\", R\"FLRULES(${text})FLRULES\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from rules/*.toml by cmake/embed_rules.cmake. Do not edit.
#include \"rules/builtin_rules.hpp\"

namespace followup::rules {

const std::vector<BuiltinRuleFile>& builtin_rule_files() {
  static const std::vector<BuiltinRuleFile> files = {
${body}  };
  return files;
}

}  // namespace followup::rules
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
