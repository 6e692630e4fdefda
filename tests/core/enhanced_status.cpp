// parse_enhanced_status and EnhancedStatus: table-driven cases.
#include <doctest/doctest.h>

#include <smtpcodes/enhanced_status.hpp>

#include <string_view>
#include <unordered_set>

using smtpcodes::EnhancedStatus;
using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;
using smtpcodes::Severity;
using smtpcodes::StatusClass;
using smtpcodes::Subject;

namespace {

constexpr ParseMode strict = ParseMode::strict;
constexpr ParseMode lenient = ParseMode::lenient;

struct Accepted {
  std::string_view input;
  ParseMode mode;
  unsigned status_class, subject, detail;
  std::string_view canonical;
};

struct Rejected {
  std::string_view input;
  ParseMode mode;
  ParseErrorKind kind;
  std::size_t offset;
};

constexpr Accepted accepted[] = {
    {"5.1.1", strict, 5, 1, 1, "5.1.1"},
    {"2.0.0", strict, 2, 0, 0, "2.0.0"},
    {"4.7.0", strict, 4, 7, 0, "4.7.0"},
    {"5.7.26", strict, 5, 7, 26, "5.7.26"},
    {"5.7.606", strict, 5, 7, 606, "5.7.606"},
    {"4.4.316", strict, 4, 4, 316, "4.4.316"},
    {"5.999.999", strict, 5, 999, 999, "5.999.999"},
    {"2.100.0", strict, 2, 100, 0, "2.100.0"},
    {"5.01.001", lenient, 5, 1, 1, "5.1.1"},
    {"4.000.000", lenient, 4, 0, 0, "4.0.0"},
    {"5.1.1", lenient, 5, 1, 1, "5.1.1"},
};

constexpr Rejected rejected[] = {
    {"", strict, ParseErrorKind::empty_input, 0},
    {"x.1.1", strict, ParseErrorKind::not_a_digit, 0},
    {".1.1", strict, ParseErrorKind::not_a_digit, 0},
    {"3.1.1", strict, ParseErrorKind::invalid_class, 0},
    {"6.0.0", lenient, ParseErrorKind::invalid_class, 0},
    {"1.1.1", strict, ParseErrorKind::invalid_class, 0},
    {"55.1.1", strict, ParseErrorKind::too_many_digits, 1},
    {"5", strict, ParseErrorKind::too_short, 1},
    {"5.", strict, ParseErrorKind::too_short, 2},
    {"5.1", strict, ParseErrorKind::too_short, 3},
    {"5.1.", strict, ParseErrorKind::too_short, 4},
    {"5-1-1", strict, ParseErrorKind::missing_dot, 1},
    {"5.1-1", strict, ParseErrorKind::missing_dot, 3},
    {"5..1", strict, ParseErrorKind::not_a_digit, 2},
    {"5.1.x", strict, ParseErrorKind::not_a_digit, 4},
    {"5.1.1000", strict, ParseErrorKind::too_many_digits, 7},
    {"5.1000.1", strict, ParseErrorKind::too_many_digits, 5},
    {"5.1.0001", lenient, ParseErrorKind::too_many_digits, 7},
    {"5.01.1", strict, ParseErrorKind::leading_zero, 2},
    {"5.1.01", strict, ParseErrorKind::leading_zero, 4},
    {"5.00.0", strict, ParseErrorKind::leading_zero, 2},
    {"5.1.1 ", strict, ParseErrorKind::trailing_characters, 5},
    {"5.1.1.", strict, ParseErrorKind::trailing_characters, 5},
    {"5.1.1 User unknown", lenient, ParseErrorKind::trailing_characters, 5},
    {" 5.1.1", strict, ParseErrorKind::not_a_digit, 0},
};

}  // namespace

TEST_CASE("parse_enhanced_status accepts RFC 3463 codes, and zero padding when lenient") {
  for (const Accepted& row : accepted) {
    CAPTURE(row.input);
    const auto status = smtpcodes::parse_enhanced_status(row.input, row.mode);
    REQUIRE(status.has_value());
    CHECK(status->class_digit() == row.status_class);
    CHECK(status->subject_number() == row.subject);
    CHECK(status->detail() == row.detail);
    CHECK(smtpcodes::to_string(*status) == row.canonical);
    CHECK(*status == *EnhancedStatus::from_parts(row.status_class, row.subject, row.detail));
  }
}

TEST_CASE("parse_enhanced_status rejects with the kind and offset of the first problem") {
  for (const Rejected& row : rejected) {
    CAPTURE(row.input);
    const auto status = smtpcodes::parse_enhanced_status(row.input, row.mode);
    REQUIRE_FALSE(status.has_value());
    CHECK(name(status.error().kind) == name(row.kind));
    CHECK(status.error().offset == row.offset);
  }
}

TEST_CASE("the scanner stops after the detail and leaves the rest to the caller") {
  std::size_t end = 0;
  const auto status = smtpcodes::detail::scan_enhanced_status("5.1.1 User unknown", ParseMode::strict, end);
  REQUIRE(status);
  CHECK(end == 5);
  CHECK(smtpcodes::to_string(*status) == "5.1.1");
}

TEST_CASE("class, subject, detail and severity") {
  const EnhancedStatus status = *smtpcodes::parse_enhanced_status("4.2.2");
  CHECK(status.status_class() == StatusClass::persistent_transient_failure);
  CHECK(status.subject() == Subject::mailbox);
  CHECK(status.detail() == 2);
  CHECK(status.severity() == Severity::transient_negative);
  CHECK(status.is_transient_failure());
  CHECK(status.is_failure());
  CHECK_FALSE(status.is_permanent_failure());
  CHECK_FALSE(status.is_success());
  CHECK(smtpcodes::parse_enhanced_status("2.0.0")->severity() == Severity::positive_completion);
  CHECK(smtpcodes::parse_enhanced_status("5.0.0")->severity() == Severity::permanent_negative);
  CHECK(smtpcodes::parse_enhanced_status("2.0.0")->is_success());
  CHECK(smtpcodes::parse_enhanced_status("5.0.0")->is_permanent_failure());
}

TEST_CASE("every subject has its RFC 3463 title; other numbers are kept") {
  struct Row {
    Subject subject;
    std::string_view name;
  };
  constexpr Row rows[] = {
      {Subject::other_or_undefined, "Other or Undefined Status"},
      {Subject::addressing, "Addressing Status"},
      {Subject::mailbox, "Mailbox Status"},
      {Subject::mail_system, "Mail System Status"},
      {Subject::network_and_routing, "Network and Routing Status"},
      {Subject::mail_delivery_protocol, "Mail Delivery Protocol Status"},
      {Subject::message_content_or_media, "Message Content or Media Status"},
      {Subject::security_or_policy, "Security or Policy Status"},
  };
  for (const Row& row : rows) {
    CHECK(title(row.subject) == row.name);
    CHECK(smtpcodes::is_defined(row.subject));
  }
  const EnhancedStatus unusual = *smtpcodes::parse_enhanced_status("5.42.7");
  CHECK(unusual.subject_number() == 42);
  CHECK(title(unusual.subject()) == "undefined");
  CHECK(name(unusual.subject()) == "undefined");
  CHECK_FALSE(smtpcodes::is_defined(unusual.subject()));
  CHECK(title(StatusClass::success) == "Success");
  CHECK(title(StatusClass::persistent_transient_failure) == "Persistent Transient Failure");
  CHECK(title(StatusClass::permanent_failure) == "Permanent Failure");
}

TEST_CASE("from_parts checks each part") {
  CHECK(EnhancedStatus::from_parts(3, 1, 1).error().kind == ParseErrorKind::invalid_class);
  CHECK(EnhancedStatus::from_parts(5, 1000, 1).error().kind == ParseErrorKind::value_out_of_range);
  CHECK(EnhancedStatus::from_parts(5, 1, 1000).error().kind == ParseErrorKind::value_out_of_range);
  CHECK(EnhancedStatus::from_parts(5, 999, 999));
}

TEST_CASE("to_chars writes the canonical form or nothing") {
  char buffer[9] = {};
  const EnhancedStatus status = *smtpcodes::parse_enhanced_status("5.7.606");
  CHECK(smtpcodes::to_chars(buffer, buffer + 6, status) == nullptr);
  CHECK(buffer[0] == '\0');
  char* end = smtpcodes::to_chars(buffer, buffer + 7, status);
  REQUIRE(end == buffer + 7);
  CHECK(std::string_view(buffer, 7) == "5.7.606");
  CHECK(smtpcodes::to_chars(buffer, buffer + 9, EnhancedStatus{}) == nullptr);
  CHECK(smtpcodes::to_string(EnhancedStatus{}).empty());
  CHECK(smtpcodes::to_string(*smtpcodes::parse_enhanced_status("5.999.999")).size() == EnhancedStatus::max_chars);
}

TEST_CASE("ordering is numeric by class, subject, detail; hashing uses the key") {
  auto parse = [](std::string_view text) { return *smtpcodes::parse_enhanced_status(text); };
  CHECK(parse("4.9.9") < parse("5.0.0"));
  CHECK(parse("5.2.0") < parse("5.10.0"));
  CHECK(parse("5.1.2") < parse("5.1.10"));
  CHECK(parse("5.1.10") > parse("5.1.2"));
  CHECK(parse("5.1.1") <= parse("5.1.1"));
  CHECK(parse("5.1.1") >= parse("5.1.1"));
  CHECK(parse("5.1.1") != parse("4.1.1"));
  CHECK(parse("5.7.26").key() == 5007026U);
  const std::unordered_set<EnhancedStatus> set{parse("5.1.1"), parse("4.1.1"),
                                               *smtpcodes::parse_enhanced_status("5.01.1", ParseMode::lenient)};
  CHECK(set.size() == 2);
  CHECK(std::hash<EnhancedStatus>{}(parse("5.1.1")) == parse("5.1.1").key());
}

TEST_CASE("parse_enhanced_status_prefix gives the code and where it ends; anything may follow") {
  struct Row {
    std::string_view text;
    ParseMode mode;
    std::string_view status;  // empty: an error
    std::size_t end_or_offset;
    ParseErrorKind kind;
  };
  constexpr Row rows[] = {
      {"5.1.1 User unknown", ParseMode::strict, "5.1.1", 5, {}},
      {"4.7.606;more", ParseMode::strict, "4.7.606", 7, {}},
      {"5.01.001 x", ParseMode::lenient, "5.1.1", 8, {}},
      {"5.01.1", ParseMode::strict, "", 2, ParseErrorKind::leading_zero},
      {"5.1.1000", ParseMode::strict, "", 7, ParseErrorKind::too_many_digits},
      {"6.1.1", ParseMode::strict, "", 0, ParseErrorKind::invalid_class},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const auto prefix = smtpcodes::parse_enhanced_status_prefix(row.text, row.mode);
    if (row.status.empty()) {
      REQUIRE_FALSE(prefix);
      CHECK(prefix.error() == smtpcodes::ParseError{row.kind, row.end_or_offset});
    } else {
      REQUIRE(prefix);
      CHECK(prefix->value == *smtpcodes::parse_enhanced_status(row.status));
      CHECK(prefix->end == row.end_or_offset);
    }
  }
  static_assert(smtpcodes::parse_enhanced_status_prefix("5.7.26 DMARC")->end == 6);
}
