// libc++ 14 (Debian 12) has a <format> that it keeps hidden as incomplete.
// The libc++ stage switches it on to compile this file once more (not link:
// the library lacks format_error), so that the std::formatter code is at
// least instantiated somewhere: neither that library nor libstdc++ 12
// defines __cpp_lib_format.
#if defined(SMTPCODES_TEST_LIBCXX_INCOMPLETE_FORMAT) && __cplusplus > 201703L
#include <__config>
#undef _LIBCPP_HAS_NO_INCOMPLETE_FORMAT
#include <format>
#define SMTPCODES_USE_STD_FORMAT 1
#endif

#include <smtpcodes/format.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "display_cases.hpp"

using namespace smtpcodes::literals;

// Set by tests/CMakeLists.txt when it found fmt: the header must then use it.
#if defined(SMTPCODES_TEST_EXPECT_FMT) && !SMTPCODES_USE_FMT
#error "fmt was found but <smtpcodes/format.hpp> did not enable fmt::formatter"
#endif

TEST_CASE("the text behind every formatter") {
  smtpcodes_test::for_each_display_case([](const auto& value, std::string_view expected) {
    smtpcodes::detail::DisplayText text;
    display(text, value);
    CHECK(text.view() == expected);
  });
}

#if SMTPCODES_USE_STD_FORMAT
TEST_CASE("std::format") {
  smtpcodes_test::for_each_display_case(
      [](const auto& value, std::string_view expected) { CHECK(std::format("{}", value) == expected); });
  CHECK(std::format("[{:>6}]", 550_reply) == "[   550]");
  CHECK(std::format("[{:*<8}]", "5.1.1"_status) == "[5.1.1***]");
  CHECK(std::format("{:.3}", smtpcodes::parse_reply("5x0")) == "err");
}
#endif

#if SMTPCODES_USE_FMT
TEST_CASE("fmt::format") {
  smtpcodes_test::for_each_display_case(
      [](const auto& value, std::string_view expected) { CHECK(fmt::format("{}", value) == expected); });
  CHECK(fmt::format("[{:>6}]", 550_reply) == "[   550]");
  CHECK(fmt::format("[{:*<8}]", "5.1.1"_status) == "[5.1.1***]");
  CHECK(fmt::format("{:.3}", smtpcodes::parse_reply("5x0")) == "err");
  CHECK(fmt::format("{} {}", 550_reply, smtpcodes::Severity::permanent_negative) == "550 permanent_negative");
}
#endif
