// Built twice, as two shared libraries with hidden visibility; the macro
// SMTPCODES_TEST_MODULE names which one this is.
#include <smtpcodes/error_code.hpp>

#include "error_code_module.hpp"

using namespace smtpcodes::literals;

#define SMTPCODES_TEST_CONCAT_(a, b, c) a##b##c
#define SMTPCODES_TEST_CONCAT(a, b, c) SMTPCODES_TEST_CONCAT_(a, b, c)
#define SMTPCODES_TEST_FUNCTION(suffix) SMTPCODES_TEST_CONCAT(smtpcodes_test_, SMTPCODES_TEST_MODULE, suffix)

smtpcodes_test::ModuleCategories SMTPCODES_TEST_FUNCTION(_module_categories)() {
  return {&smtpcodes::parse_category(), &smtpcodes::reply_error_category(), &smtpcodes::reply_category(),
          &smtpcodes::enhanced_status_category(), &smtpcodes::severity_category()};
}

std::error_code SMTPCODES_TEST_FUNCTION(_module_error)() {
#if defined(SMTPCODES_TEST_MODULE_IS_FIRST)
  return smtpcodes::ParseErrorKind::too_short;
#else
  return make_error_code(550_reply);
#endif
}
