// parse_reply and ReplyCode: table-driven cases for every rule and error kind.
#include <doctest/doctest.h>

#include <smtpcodes/reply_code.hpp>

#include <string_view>
#include <unordered_set>

using smtpcodes::Category;
using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;
using smtpcodes::ReplyCode;
using smtpcodes::Severity;

namespace {

struct Accepted {
  std::string_view input;
  ParseMode mode;
  unsigned value;
};

struct Rejected {
  std::string_view input;
  ParseMode mode;
  ParseErrorKind kind;
  std::size_t offset;
};

constexpr ParseMode strict = ParseMode::strict;
constexpr ParseMode lenient = ParseMode::lenient;

constexpr Accepted accepted[] = {
    {"250", strict, 250},
    {"550 5.1.1 User unknown", strict, 550},
    {"550-5.1.1 first line", strict, 550},
    {"221 ", strict, 221},
    {"354 Start mail input; end with <CRLF>.<CRLF>", strict, 354},
    {"421\r\n", strict, 421},
    {"200", strict, 200},
    {"559", strict, 559},
    {"250\tOK", lenient, 250},
    {"250\nnext", lenient, 250},
    {"250\rx", lenient, 250},
    {"571 Blocked", lenient, 571},
    {"101", lenient, 101},
    {"999", lenient, 999},
    {"111 connection refused", lenient, 111},
    {"550 text", lenient, 550},
};

constexpr Rejected rejected[] = {
    {"", strict, ParseErrorKind::empty_input, 0},
    {"", lenient, ParseErrorKind::empty_input, 0},
    {"5", strict, ParseErrorKind::too_short, 1},
    {"55", strict, ParseErrorKind::too_short, 2},
    {"55", lenient, ParseErrorKind::too_short, 2},
    {"x50", strict, ParseErrorKind::not_a_digit, 0},
    {"5x0", strict, ParseErrorKind::not_a_digit, 1},
    {"55x", strict, ParseErrorKind::not_a_digit, 2},
    {"55 text", strict, ParseErrorKind::not_a_digit, 2},
    {" 550", strict, ParseErrorKind::not_a_digit, 0},
    {"5500", strict, ParseErrorKind::too_many_digits, 3},
    {"5500", lenient, ParseErrorKind::too_many_digits, 3},
    {"550x", strict, ParseErrorKind::invalid_separator, 3},
    {"550.", strict, ParseErrorKind::invalid_separator, 3},
    {"550\tOK", strict, ParseErrorKind::invalid_separator, 3},
    {"550\n", strict, ParseErrorKind::invalid_separator, 3},
    {"550\r", strict, ParseErrorKind::invalid_separator, 3},
    {"550\rx", strict, ParseErrorKind::invalid_separator, 3},
    {"550x", lenient, ParseErrorKind::invalid_separator, 3},
    {"101", strict, ParseErrorKind::invalid_first_digit, 0},
    {"650", strict, ParseErrorKind::invalid_first_digit, 0},
    {"050", strict, ParseErrorKind::invalid_first_digit, 0},
    {"050", lenient, ParseErrorKind::invalid_first_digit, 0},
    {"571", strict, ParseErrorKind::invalid_second_digit, 1},
    {"563 too many attachments", strict, ParseErrorKind::invalid_second_digit, 1},
    {"6x0", strict, ParseErrorKind::invalid_first_digit, 0},  // the first problem is reported
};

}  // namespace

TEST_CASE("parse_reply accepts what RFC 5321 section 4.2 allows, and lenient extras") {
  for (const Accepted& row : accepted) {
    CAPTURE(row.input);
    const auto code = smtpcodes::parse_reply(row.input, row.mode);
    REQUIRE(code.has_value());
    CHECK(code->value() == row.value);
    CHECK(code.value() == *ReplyCode::from_value(row.value));
  }
}

TEST_CASE("parse_reply rejects with the kind and offset of the first problem") {
  for (const Rejected& row : rejected) {
    CAPTURE(row.input);
    CAPTURE(static_cast<int>(row.mode));
    const auto code = smtpcodes::parse_reply(row.input, row.mode);
    REQUIRE_FALSE(code.has_value());
    CHECK(name(code.error().kind) == name(row.kind));
    CHECK(code.error().offset == row.offset);
    CHECK(code.error().offset <= row.input.size());
  }
}

TEST_CASE("the scanner reports where the code ends") {
  std::size_t end = 99;
  CHECK(smtpcodes::detail::scan_reply_code("250-PIPELINING", ParseMode::strict, end));
  CHECK(end == 3);
}

TEST_CASE("digits, severity and category come from the number") {
  const ReplyCode code = *smtpcodes::parse_reply("452");
  CHECK(code.first_digit() == 4);
  CHECK(code.second_digit() == 5);
  CHECK(code.third_digit() == 2);
  CHECK(code.severity() == Severity::transient_negative);
  CHECK(code.category() == Category::mail_system);
  CHECK(code.is_transient_failure());
  CHECK(code.is_failure());
  CHECK_FALSE(code.is_permanent_failure());
  CHECK_FALSE(code.is_success());
  CHECK(code.is_standard());
}

TEST_CASE("predicates split the severities") {
  struct Row {
    unsigned value;
    bool success, intermediate, transient, permanent;
  };
  constexpr Row rows[] = {
      {250, true, false, false, false}, {354, false, true, false, false},  {421, false, false, true, false},
      {554, false, false, false, true}, {101, false, false, false, false}, {999, false, false, false, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.value);
    const ReplyCode code = *ReplyCode::from_value(row.value);
    CHECK(code.is_success() == row.success);
    CHECK(code.is_intermediate() == row.intermediate);
    CHECK(code.is_transient_failure() == row.transient);
    CHECK(code.is_permanent_failure() == row.permanent);
    CHECK(code.is_failure() == (row.transient || row.permanent));
  }
}

TEST_CASE("non-standard codes keep their number and say they are non-standard") {
  for (unsigned value : {101U, 111U, 563U, 571U, 577U, 999U, 600U}) {
    CAPTURE(value);
    const ReplyCode code =
        *smtpcodes::parse_reply(smtpcodes::to_string(*ReplyCode::from_value(value)).view(), ParseMode::lenient);
    CHECK(code.value() == value);
    CHECK_FALSE(code.is_standard());
  }
  CHECK(name(ReplyCode::from_value(650)->severity()) == "undefined");
  CHECK(name(ReplyCode::from_value(571)->category()) == "undefined");
  CHECK_FALSE(smtpcodes::is_defined(ReplyCode::from_value(650)->severity()));
  CHECK_FALSE(smtpcodes::is_defined(ReplyCode::from_value(571)->category()));
}

TEST_CASE("from_value takes 100 to 999 only") {
  CHECK(ReplyCode::from_value(100));
  CHECK(ReplyCode::from_value(999));
  for (unsigned value : {0U, 1U, 99U, 1000U, 65535U, 4294967295U}) {
    CAPTURE(value);
    const auto code = ReplyCode::from_value(value);
    REQUIRE_FALSE(code);
    CHECK(code.error().kind == ParseErrorKind::value_out_of_range);
  }
}

TEST_CASE("titles of severities and categories are the RFC 5321 words") {
  CHECK(title(Severity::positive_preliminary) == "Positive Preliminary reply");
  CHECK(title(Severity::positive_completion) == "Positive Completion reply");
  CHECK(title(Severity::positive_intermediate) == "Positive Intermediate reply");
  CHECK(title(Severity::transient_negative) == "Transient Negative Completion reply");
  CHECK(title(Severity::permanent_negative) == "Permanent Negative Completion reply");
  CHECK(title(Category::syntax) == "Syntax");
  CHECK(title(Category::information) == "Information");
  CHECK(title(Category::connections) == "Connections");
  CHECK(title(Category::unspecified_3) == "Unspecified");
  CHECK(title(Category::unspecified_4) == "Unspecified");
  CHECK(title(Category::mail_system) == "Mail system");
}

TEST_CASE("to_chars writes three digits or nothing") {
  char buffer[4] = {'x', 'x', 'x', 'x'};
  const ReplyCode code = *ReplyCode::from_value(421);
  CHECK(smtpcodes::to_chars(buffer, buffer + 2, code) == nullptr);
  CHECK(buffer[0] == 'x');
  char* end = smtpcodes::to_chars(buffer, buffer + 3, code);
  REQUIRE(end == buffer + 3);
  CHECK(std::string_view(buffer, 3) == "421");
  CHECK(smtpcodes::to_chars(buffer, buffer + 4, ReplyCode{}) == nullptr);
  CHECK(smtpcodes::to_string(ReplyCode{}).empty());
}

TEST_CASE("comparison and hashing follow the number") {
  const ReplyCode a = *ReplyCode::from_value(421);
  const ReplyCode b = *ReplyCode::from_value(550);
  CHECK(a < b);
  CHECK(a <= b);
  CHECK(b > a);
  CHECK(b >= a);
  CHECK(a != b);
  CHECK(a == *smtpcodes::parse_reply("421 busy"));
  const std::unordered_set<ReplyCode> set{a, b, *ReplyCode::from_value(550)};
  CHECK(set.size() == 2);
  CHECK(std::hash<ReplyCode>{}(a) != std::hash<ReplyCode>{}(b));
}

TEST_CASE("parse_reply_code_prefix gives the code and where it ends") {
  struct Row {
    std::string_view text;
    ParseMode mode;
    unsigned code;  // 0: an error
    std::size_t end_or_offset;
    ParseErrorKind kind;
  };
  constexpr Row rows[] = {
      {"550 5.1.1 User unknown", ParseMode::strict, 550, 3, {}},
      {"250-PIPELINING", ParseMode::strict, 250, 3, {}},
      {"221", ParseMode::strict, 221, 3, {}},
      {"571\tblocked", ParseMode::lenient, 571, 3, {}},
      {"571 blocked", ParseMode::strict, 0, 1, ParseErrorKind::invalid_second_digit},
      {"5500", ParseMode::strict, 0, 3, ParseErrorKind::too_many_digits},
      {"", ParseMode::strict, 0, 0, ParseErrorKind::empty_input},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const auto prefix = smtpcodes::parse_reply_code_prefix(row.text, row.mode);
    if (row.code == 0) {
      REQUIRE_FALSE(prefix);
      CHECK(prefix.error() == smtpcodes::ParseError{row.kind, row.end_or_offset});
    } else {
      REQUIRE(prefix);
      CHECK(prefix->value.value() == row.code);
      CHECK(prefix->end == row.end_or_offset);
    }
  }
  static_assert(smtpcodes::parse_reply_code_prefix("421 bye")->end == 3);
}
