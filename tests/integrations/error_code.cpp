#include <smtpcodes/error_code.hpp>

#include <doctest/doctest.h>

#include <ostream>  // lets doctest print std::error_code
#include <string>
#include <system_error>
#include <type_traits>

#include "error_code_module.hpp"

using namespace smtpcodes::literals;
using smtpcodes::ParseErrorKind;
using smtpcodes::Severity;

static_assert(std::is_error_code_enum_v<ParseErrorKind>);
static_assert(std::is_error_condition_enum_v<Severity>);
static_assert(!std::is_error_code_enum_v<Severity>);
static_assert(std::is_nothrow_invocable_v<decltype(&smtpcodes::parse_category)>);

TEST_CASE("parse errors are error codes") {
  struct Case {
    ParseErrorKind kind;
    const char* message;
  };
  const Case cases[] = {
      {ParseErrorKind::empty_input, "the input is empty"},
      {ParseErrorKind::too_short, "the input ends before the code is complete"},
      {ParseErrorKind::leading_zero, "subject and detail must not have leading zeros (RFC 3463 section 2)"},
      {ParseErrorKind::value_out_of_range, "the number is out of range for this kind of code"},
  };
  for (const Case& c : cases) {
    const std::error_code ec = c.kind;
    CHECK(ec);
    CHECK(ec.category() == smtpcodes::parse_category());
    CHECK(ec.value() == static_cast<int>(c.kind));
    CHECK(ec.message() == c.message);
    CHECK(ec == c.kind);
    CHECK(ec == std::errc::invalid_argument);
    CHECK(ec != std::errc::io_error);
  }
  CHECK(std::string(smtpcodes::parse_category().name()) == "smtpcodes.parse");
  CHECK(smtpcodes::parse_category().message(0) == "unknown smtpcodes parse error");
  CHECK(smtpcodes::parse_category().message(256) == "unknown smtpcodes parse error");
  CHECK(smtpcodes::parse_category().message(-1) == "unknown smtpcodes parse error");
  CHECK(smtpcodes::parse_category().message(200) == "unknown error");
}

TEST_CASE("reply parse errors are error codes") {
  static_assert(std::is_error_code_enum_v<smtpcodes::ReplyErrorKind>);
  const auto reply = smtpcodes::parse_whole_reply("250-first\r\n");
  REQUIRE_FALSE(reply);
  const std::error_code ec = make_error_code(reply.error());
  CHECK(ec == smtpcodes::ReplyErrorKind::incomplete_reply);
  CHECK(ec.category() == smtpcodes::reply_error_category());
  CHECK(ec.message() == "the input ends before the last line of the reply");
  CHECK(ec == std::errc::invalid_argument);
  // The same number in two categories is two different errors.
  CHECK(std::error_code(smtpcodes::ReplyErrorKind::empty_input) != ParseErrorKind::empty_input);

  const std::error_code full = smtpcodes::ReplyErrorKind::buffer_full;
  CHECK(full == std::errc::no_buffer_space);
  CHECK(full != std::errc::invalid_argument);
  CHECK(std::string(smtpcodes::reply_error_category().name()) == "smtpcodes.reply_error");
  CHECK(smtpcodes::reply_error_category().message(0) == "unknown smtpcodes reply error");
}

TEST_CASE("a ParseError becomes the error code of its kind") {
  const auto result = smtpcodes::parse_enhanced_status("5.1.1000");
  REQUIRE_FALSE(result);
  const std::error_code ec = make_error_code(result.error());
  CHECK(ec == ParseErrorKind::too_many_digits);
  CHECK(ec != ParseErrorKind::too_short);
}

TEST_CASE("reply codes travel as error codes and compare with their severity") {
  struct Case {
    smtpcodes::ReplyCode code;
    Severity severity;
    const char* message;
  };
  const Case cases[] = {
      {550_reply, Severity::permanent_negative, "550: Permanent Negative Completion reply, Mail system"},
      {421_reply, Severity::transient_negative, "421: Transient Negative Completion reply, Connections"},
      {250_reply, Severity::positive_completion, "250: Positive Completion reply, Mail system"},
      {571_reply, Severity::permanent_negative, "571: Permanent Negative Completion reply, undefined"},
      {999_reply, Severity{9}, "999: undefined, undefined"},
  };
  for (const Case& c : cases) {
    const std::error_code ec = make_error_code(c.code);
    CHECK(ec.category() == smtpcodes::reply_category());
    CHECK(ec.value() == c.code.value());
    CHECK(smtpcodes::ReplyCode::from_value(static_cast<unsigned>(ec.value())) == c.code);
    CHECK(ec.message() == c.message);
    CHECK(ec == c.severity);
    CHECK(ec != Severity{static_cast<std::uint8_t>(static_cast<unsigned>(c.severity) ^ 1U)});
    CHECK(ec != std::errc::invalid_argument);
  }
  CHECK(smtpcodes::reply_category().message(99) == "not an SMTP reply code");
  CHECK(smtpcodes::reply_category().message(-550) == "not an SMTP reply code");
  CHECK(smtpcodes::reply_category().default_error_condition(1000) ==
        std::error_condition(1000, smtpcodes::reply_category()));
}

TEST_CASE("enhanced status codes travel as error codes") {
  const std::error_code ec = make_error_code("5.7.26"_status);
  CHECK(ec.category() == smtpcodes::enhanced_status_category());
  CHECK(ec.value() == 5007026);
  CHECK(ec.message() == "5.7.26: Permanent Failure, Security or Policy Status");
  CHECK(ec == Severity::permanent_negative);
  CHECK(make_error_code("4.2.2"_status) == Severity::transient_negative);
  CHECK(make_error_code("4.2.2"_status) != make_error_code(422_reply));
  CHECK(smtpcodes::enhanced_status_category().message(3001001) == "not an enhanced status code");
  CHECK(smtpcodes::enhanced_status_category().message(-1) == "not an enhanced status code");
  CHECK(smtpcodes::enhanced_status_category().message(5001000) == "5.1.0: Permanent Failure, Addressing Status");
  CHECK(smtpcodes::severity_category().message(4) == "Transient Negative Completion reply");
}

TEST_CASE("the categories are distinct and named") {
  CHECK(smtpcodes::parse_category() != smtpcodes::reply_category());
  CHECK(smtpcodes::parse_category() != smtpcodes::reply_error_category());
  CHECK(smtpcodes::reply_category() != smtpcodes::enhanced_status_category());
  CHECK(std::string(smtpcodes::reply_category().name()) == "smtpcodes.reply");
  CHECK(std::string(smtpcodes::enhanced_status_category().name()) == "smtpcodes.enhanced_status");
  CHECK(std::string(smtpcodes::severity_category().name()) == "smtpcodes.severity");
}

// Two shared libraries built with -fvisibility=hidden and
// -fvisibility-inlines-hidden each return the categories they see.
TEST_CASE("one category object across shared libraries") {
  const smtpcodes_test::ModuleCategories first = smtpcodes_test_first_module_categories();
  const smtpcodes_test::ModuleCategories second = smtpcodes_test_second_module_categories();
  for (const smtpcodes_test::ModuleCategories& module : {first, second}) {
    CHECK(module.parse == &smtpcodes::parse_category());
    CHECK(module.reply_error == &smtpcodes::reply_error_category());
    CHECK(module.reply == &smtpcodes::reply_category());
    CHECK(module.enhanced_status == &smtpcodes::enhanced_status_category());
    CHECK(module.severity == &smtpcodes::severity_category());
  }
  CHECK(smtpcodes_test_first_module_error() == ParseErrorKind::too_short);
  CHECK(smtpcodes_test_second_module_error() == Severity::permanent_negative);
}
