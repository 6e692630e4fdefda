#ifndef SMTPCODES_TESTS_DISPLAY_CASES_HPP
#define SMTPCODES_TESTS_DISPLAY_CASES_HPP

// The expected text of every public type, shared by the ostream and format
// tests so that all ways of printing agree.

#include <string_view>

#include <smtpcodes/smtpcodes.hpp>

namespace smtpcodes_test {

template <class Check>
void for_each_display_case(Check&& check) {
  using namespace smtpcodes;
  using namespace smtpcodes::literals;
  check(550_reply, "550");
  check(101_reply, "101");
  check(ReplyCode{}, "");
  check("5.1.1"_status, "5.1.1");
  check("4.7.606"_status, "4.7.606");
  check(EnhancedStatus{}, "");
  check(Severity::permanent_negative, "permanent_negative");
  check(Severity{9}, "undefined (9)");
  check(Category::mail_system, "mail_system");
  check(Category{7}, "undefined (7)");
  check(StatusClass::persistent_transient_failure, "persistent_transient_failure");
  check(StatusClass{3}, "undefined (3)");
  check(Subject::security_or_policy, "security_or_policy");
  check(Subject{999}, "undefined (999)");
  check(ParseErrorKind::leading_zero, "leading_zero");
  check(ParseError{ParseErrorKind::too_many_digits, 3}, "too_many_digits at offset 3");
  check(ParseError{ParseErrorKind::trailing_characters, 18446744073709551615ULL},
        "trailing_characters at offset 18446744073709551615");
  check(to_string("5.7.26"_status), "5.7.26");
  check(parse_reply("421 try later"), "421");
  check(parse_reply("5x0"), "error: not_a_digit at offset 1");
  check(parse_enhanced_status("5.01.1"), "error: leading_zero at offset 2");
  check(parse_enhanced_status("5.01.1", ParseMode::lenient), "5.1.1");

  // Whole replies (reply.hpp) and the registry's enumerations.
  check(ReplyErrorKind::incomplete_reply, "incomplete_reply");
  check(ReplyError{ReplyErrorKind::line_too_long, 520, 2, {}}, "line_too_long at offset 520, line 2");
  check(ReplyError{ReplyErrorKind::invalid_reply_code, 7, 1, ParseErrorKind::not_a_digit},
        "invalid_reply_code (not_a_digit) at offset 7, line 1");
  check(EnhancedStatusSource::given, "given");
  check(Extension::enhanced_status_codes, "ENHANCEDSTATUSCODES");
  check(Extension::unknown, "unknown");
  check(Retry::retry_later, "retry_later");
  check(Actor::sender_admin, "sender_admin");
  check(Source::courier_code_list, "courier_code_list");
  check(ParseMode::lenient, "lenient");
  check(parse_whole_reply("250-mx.example.org\r\n250-SIZE 1000\r\n250 8BITMIME\r\n"),
        "250-mx.example.org\n250-SIZE 1000\n250 8BITMIME");
  check(parse_whole_reply("550 5.1.1 User unknown\r\n"), "550 5.1.1 User unknown");
  check(parse_whole_reply("220\r\n"), "220");
  check(parse_whole_reply("250-first\r\n250 second\r\nextra"), "error: trailing_data at offset 23, line 2");
  check(parse_whole_reply("25x oops\r\n"), "error: invalid_reply_code (not_a_digit) at offset 2, line 0");
}

}  // namespace smtpcodes_test

#endif  // SMTPCODES_TESTS_DISPLAY_CASES_HPP
