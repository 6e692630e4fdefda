// Every public core function in a constant expression. This file passes by
// compiling; the test case only reports that it was built.
#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

namespace sc = smtpcodes;
using namespace smtpcodes::literals;
using sc::ParseError;
using sc::ParseErrorKind;
using sc::ParseMode;

// The examples the Core issue asks for, word for word.
static_assert(smtpcodes::parse_enhanced_status("5.1.1")->subject() == smtpcodes::Subject::addressing);
static_assert(smtpcodes::parse_reply("550 5.1.1 User unknown")->value() == 550);
static_assert(!smtpcodes::parse_enhanced_status("5.1.1000"));

// parse_reply
static_assert(sc::parse_reply("250") == 250_reply);
static_assert(sc::parse_reply("250-SIZE 1000") == 250_reply);
static_assert(sc::parse_reply("421\r\n") == 421_reply);
static_assert(sc::parse_reply("").error() == ParseError{ParseErrorKind::empty_input, 0});
static_assert(sc::parse_reply("55").error() == ParseError{ParseErrorKind::too_short, 2});
static_assert(sc::parse_reply("5x0").error() == ParseError{ParseErrorKind::not_a_digit, 1});
static_assert(sc::parse_reply("5500").error() == ParseError{ParseErrorKind::too_many_digits, 3});
static_assert(sc::parse_reply("650").error() == ParseError{ParseErrorKind::invalid_first_digit, 0});
static_assert(sc::parse_reply("571").error() == ParseError{ParseErrorKind::invalid_second_digit, 1});
static_assert(sc::parse_reply("550x").error() == ParseError{ParseErrorKind::invalid_separator, 3});
static_assert(sc::parse_reply("571", ParseMode::lenient) == 571_reply);
static_assert(sc::parse_reply("250\tok", ParseMode::lenient) == 250_reply);

// parse_enhanced_status
static_assert(sc::parse_enhanced_status("5.7.26") == "5.7.26"_status);
static_assert(sc::parse_enhanced_status("5.01.1", ParseMode::lenient) == "5.1.1"_status);
static_assert(sc::parse_enhanced_status("5.01.1").error() == ParseError{ParseErrorKind::leading_zero, 2});
static_assert(sc::parse_enhanced_status("3.1.1").error() == ParseError{ParseErrorKind::invalid_class, 0});
static_assert(sc::parse_enhanced_status("5-1-1").error() == ParseError{ParseErrorKind::missing_dot, 1});
static_assert(sc::parse_enhanced_status("5.1").error() == ParseError{ParseErrorKind::too_short, 3});
static_assert(sc::parse_enhanced_status("5.1.1 ").error() == ParseError{ParseErrorKind::trailing_characters, 5});

// Scanners
constexpr std::size_t reply_end() {
  std::size_t end = 0;
  (void)sc::detail::scan_reply_code("550-5.1.1 x", ParseMode::strict, end);
  return end;
}
static_assert(reply_end() == 3);
constexpr std::size_t status_end() {
  std::size_t end = 0;
  (void)sc::detail::scan_enhanced_status("4.4.316 text", ParseMode::strict, end);
  return end;
}
static_assert(status_end() == 7);

// ReplyCode
static_assert((452_reply).first_digit() == 4 && (452_reply).second_digit() == 5 && (452_reply).third_digit() == 2);
static_assert((452_reply).severity() == sc::Severity::transient_negative);
static_assert((452_reply).category() == sc::Category::mail_system);
static_assert((221_reply).is_success() && (354_reply).is_intermediate());
static_assert((421_reply).is_transient_failure() && (550_reply).is_permanent_failure());
static_assert((550_reply).is_failure() && !(250_reply).is_failure());
static_assert((559_reply).is_standard() && !(560_reply).is_standard() && !(199_reply).is_standard());
static_assert(sc::ReplyCode::from_value(550) == 550_reply);
static_assert(sc::ReplyCode::from_value(1000).error().kind == ParseErrorKind::value_out_of_range);
static_assert(421_reply < 550_reply && 550_reply > 421_reply && 550_reply != 551_reply);
static_assert(sc::ReplyCode{}.value() == 0);

// EnhancedStatus
static_assert("4.2.2"_status.status_class() == sc::StatusClass::persistent_transient_failure);
static_assert("4.2.2"_status.subject() == sc::Subject::mailbox && "4.2.2"_status.detail() == 2);
static_assert("4.2.2"_status.severity() == sc::Severity::transient_negative);
static_assert("5.7.26"_status.key() == 5007026U);
static_assert("5.1.2"_status < "5.1.10"_status);
static_assert(sc::EnhancedStatus::from_parts(5, 7, 606) == "5.7.606"_status);
static_assert(sc::EnhancedStatus::from_parts(6, 0, 0).error().kind == ParseErrorKind::invalid_class);
static_assert("2.0.0"_status.is_success() && "4.0.0"_status.is_transient_failure() &&
              "5.0.0"_status.is_permanent_failure() && "5.0.0"_status.is_failure());

// Text
static_assert(sc::to_string(550_reply) == "550");
static_assert(sc::to_string("5.999.999"_status) == "5.999.999");
static_assert(sc::to_string(sc::EnhancedStatus{}).empty());
constexpr bool writes_reply() {
  char buffer[3]{};
  return sc::to_chars(buffer, buffer + 3, 421_reply) == buffer + 3 && buffer[0] == '4' && buffer[2] == '1';
}
static_assert(writes_reply());
constexpr bool refuses_small_buffer() {
  char buffer[4]{};
  return sc::to_chars(buffer, buffer + 4, "5.7.26"_status) == nullptr;
}
static_assert(refuses_small_buffer());

// Names
static_assert(title(sc::Severity::permanent_negative) == "Permanent Negative Completion reply");
static_assert(name(sc::Severity::permanent_negative) == "permanent_negative");
static_assert(title(sc::Category::connections) == "Connections");
static_assert(name(sc::Category::connections) == "connections");
static_assert(title(sc::StatusClass::success) == "Success");
static_assert(name(sc::StatusClass::success) == "success");
static_assert(sc::is_defined(sc::StatusClass::permanent_failure) && !sc::is_defined(sc::StatusClass{3}));
static_assert(title(sc::Subject::security_or_policy) == "Security or Policy Status");
static_assert(name(sc::Subject::security_or_policy) == "security_or_policy");
static_assert(name(ParseErrorKind::missing_dot) == "missing_dot");
static_assert(!message(ParseErrorKind::missing_dot).empty());
static_assert(sc::is_defined(sc::Severity::positive_preliminary) && !sc::is_defined(static_cast<sc::Severity>(6)));

// Result
static_assert(sc::parse_reply("550").has_value() && sc::parse_reply("550").value() == 550_reply);
static_assert(sc::parse_reply("x").value_or(421_reply) == 421_reply);
static_assert((*sc::parse_reply("221")).value() == 221);

// FixedString
constexpr bool fixed_string_cuts() {
  sc::FixedString<3> text;
  return !text.append("abcd") && text == "abc" && text.size() == 3;
}
static_assert(fixed_string_cuts());

// Version
static_assert(SMTPCODES_VERSION ==
              SMTPCODES_VERSION_MAJOR * 10000 + SMTPCODES_VERSION_MINOR * 100 + SMTPCODES_VERSION_PATCH);

TEST_CASE("the static_assert battery compiled") { CHECK(sc::parse_reply("250")); }
