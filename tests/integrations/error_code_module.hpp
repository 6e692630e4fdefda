#ifndef SMTPCODES_TESTS_ERROR_CODE_MODULE_HPP
#define SMTPCODES_TESTS_ERROR_CODE_MODULE_HPP

// What each test shared library (error_code_module.cpp, built twice) sees.

#include <system_error>

#if defined(_WIN32)
#define SMTPCODES_TEST_MODULE_API __declspec(dllexport)
#else
#define SMTPCODES_TEST_MODULE_API __attribute__((visibility("default")))
#endif

namespace smtpcodes_test {
struct ModuleCategories {
  const std::error_category* parse;
  const std::error_category* reply_error;
  const std::error_category* reply;
  const std::error_category* enhanced_status;
  const std::error_category* severity;
};
}  // namespace smtpcodes_test

SMTPCODES_TEST_MODULE_API smtpcodes_test::ModuleCategories smtpcodes_test_first_module_categories();
SMTPCODES_TEST_MODULE_API std::error_code smtpcodes_test_first_module_error();
SMTPCODES_TEST_MODULE_API smtpcodes_test::ModuleCategories smtpcodes_test_second_module_categories();
SMTPCODES_TEST_MODULE_API std::error_code smtpcodes_test_second_module_error();

#endif  // SMTPCODES_TESTS_ERROR_CODE_MODULE_HPP
