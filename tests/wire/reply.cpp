// Whole-reply parsing: lines, enhanced codes, every irregularity as the
// documented error or diagnostic.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include <smtpcodes/wire/reply.hpp>

using smtpcodes::EnhancedStatusSource;
using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;
using smtpcodes::ReplyDiagnostic;
using smtpcodes::ReplyErrorKind;
using smtpcodes::ReplyOptions;

namespace {

constexpr ReplyOptions lenient{ParseMode::lenient, 512, false};

struct GoodCase {
  std::string_view input;
  ReplyOptions options;
  unsigned code;
  std::string_view enhanced;  // "" for none
  std::size_t lines;
  std::string_view first_text;
  std::string_view last_message;
  std::initializer_list<ReplyDiagnostic> diagnostics;
};

const GoodCase good_cases[] = {
    {"250 OK\r\n", {}, 250, "", 1, "OK", "OK", {}},
    {"250\r\n", {}, 250, "", 1, "", "", {ReplyDiagnostic::empty_text}},
    {"250-\r\n250 done\r\n", {}, 250, "", 2, "", "done", {ReplyDiagnostic::empty_text}},
    {"220 mx.example.com ESMTP\r\n", {}, 220, "", 1, "mx.example.com ESMTP", "mx.example.com ESMTP", {}},
    {"250-mx.example.com\r\n250-SIZE 1000\r\n250 ENHANCEDSTATUSCODES\r\n",
     {},
     250,
     "",
     3,
     "mx.example.com",
     "ENHANCEDSTATUSCODES",
     {}},
    {"550-5.1.1 x\r\n550 5.1.1 y\r\n", {}, 550, "5.1.1", 2, "5.1.1 x", "y", {}},
    {"550 5.1.1 <bob@example.com>: Recipient address rejected\r\n",
     {},
     550,
     "5.1.1",
     1,
     "5.1.1 <bob@example.com>: Recipient address rejected",
     "<bob@example.com>: Recipient address rejected",
     {}},
    {"250 2.0.0\r\n", {}, 250, "2.0.0", 1, "2.0.0", "", {}},
    {"250 OK", {}, 250, "", 1, "OK", "OK", {ReplyDiagnostic::missing_line_ending}},
    // RFC 5321 §4.2.1: continuation codes should match the last line's.
    {"250-a\r\n550 b\r\n", {}, 550, "", 2, "a", "b", {ReplyDiagnostic::reply_codes_differ}},
    // RFC 3463 §2: the class should match the reply's first digit.
    {"550 4.2.2 full\r\n", {}, 550, "4.2.2", 1, "4.2.2 full", "full", {ReplyDiagnostic::enhanced_class_mismatch}},
    {"550-5.1.1 a\r\n550 5.1.2 b\r\n",
     {},
     550,
     "5.1.1",
     2,
     "5.1.1 a",
     "b",
     {ReplyDiagnostic::enhanced_statuses_differ}},
    {"550-5.1.1 a\r\n550 b\r\n",
     {},
     550,
     "5.1.1",
     2,
     "5.1.1 a",
     "b",
     {ReplyDiagnostic::enhanced_missing_on_some_lines}},
    {"550 5.1 not quite\r\n",
     {},
     550,
     "",
     1,
     "5.1 not quite",
     "5.1 not quite",
     {ReplyDiagnostic::malformed_enhanced_status}},
    {"550 5.1.1x y\r\n", {}, 550, "", 1, "5.1.1x y", "5.1.1x y", {ReplyDiagnostic::malformed_enhanced_status}},
    {"550 5.01.1 y\r\n", lenient, 550, "5.1.1", 1, "5.01.1 y", "y", {}},
    {"550 5.01.1 y\r\n", {}, 550, "", 1, "5.01.1 y", "5.01.1 y", {ReplyDiagnostic::malformed_enhanced_status}},
    // Exim repeats the code in the text.
    {"503-503 sender not yet given\r\n503 5.5.1 Command out of sequence\r\n",
     {},
     503,
     "5.5.1",
     2,
     "503 sender not yet given",
     "Command out of sequence",
     {ReplyDiagnostic::reply_code_in_text, ReplyDiagnostic::enhanced_missing_on_some_lines}},
    {std::string_view("250 a\0b\r\n", 9),
     {},
     250,
     "",
     1,
     std::string_view("a\0b", 3),
     std::string_view("a\0b", 3),
     {ReplyDiagnostic::nul_character, ReplyDiagnostic::control_characters}},
    {"250 a\x07"
     "b\r\n",
     {},
     250,
     "",
     1,
     "a\x07"
     "b",
     "a\x07"
     "b",
     {ReplyDiagnostic::control_characters}},
    {"250 a\tb\r\n", {}, 250, "", 1, "a\tb", "a\tb", {}},
    {"250 a\rb\r\n", {}, 250, "", 1, "a\rb", "a\rb", {ReplyDiagnostic::control_characters}},
    {"250 gr\xC3\xBC\xC3\x9F"
     "e\r\n",
     {},
     250,
     "",
     1,
     "gr\xC3\xBC\xC3\x9F"
     "e",
     "gr\xC3\xBC\xC3\x9F"
     "e",
     {ReplyDiagnostic::non_ascii_text}},
    {"250 \xF0\x9F\x93\xAC\r\n",
     {},
     250,
     "",
     1,
     "\xF0\x9F\x93\xAC",
     "\xF0\x9F\x93\xAC",
     {ReplyDiagnostic::non_ascii_text}},
    {"250 bad \xC3\r\n",
     {},
     250,
     "",
     1,
     "bad \xC3",
     "bad \xC3",
     {ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8}},
    {"250 overlong \xC0\xAF\r\n",
     {},
     250,
     "",
     1,
     "overlong \xC0\xAF",
     "overlong \xC0\xAF",
     {ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8}},
    {"250 surrogate \xED\xA0\x80\r\n",
     {},
     250,
     "",
     1,
     "surrogate \xED\xA0\x80",
     "surrogate \xED\xA0\x80",
     {ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8}},
    // Lenient only: bare LF, TAB after the code, codes outside RFC 5321's grammar.
    {"250-a\n250 b\n", lenient, 250, "", 2, "a", "b", {ReplyDiagnostic::bare_line_feed}},
    {"250\tb\r\n", lenient, 250, "", 1, "b", "b", {ReplyDiagnostic::irregular_separator}},
    {"571 5.7.1 denied\r\n", lenient, 571, "5.7.1", 1, "5.7.1 denied", "denied", {ReplyDiagnostic::non_standard_code}},
};

}  // namespace

TEST_CASE("whole replies: code, enhanced code, lines and diagnostics") {
  for (const GoodCase& c : good_cases) {
    CAPTURE(c.input);
    const auto reply = smtpcodes::parse_whole_reply(c.input, c.options);
    REQUIRE(reply);
    CHECK(reply->code().value() == c.code);
    CHECK(reply->complete());
    CHECK(reply->line_count() == c.lines);
    CHECK(reply->line(0).text == c.first_text);
    CHECK(reply->line(reply->line_count() - 1).message == c.last_message);
    CHECK(reply->raw() == c.input);
    if (c.enhanced.empty()) {
      CHECK_FALSE(reply->has_enhanced_status());
      CHECK(reply->enhanced_status_source() == EnhancedStatusSource::none);
    } else {
      CHECK(reply->enhanced_status_source() == EnhancedStatusSource::given);
      CHECK(smtpcodes::to_string(reply->enhanced_status()).view() == c.enhanced);
    }
    smtpcodes::ReplyDiagnostics expected;
    for (ReplyDiagnostic d : c.diagnostics) expected.add(d);
    CHECK(reply->diagnostics().bits() == expected.bits());
  }
}

namespace {

struct BadCase {
  std::string_view input;
  ReplyOptions options;
  ReplyErrorKind kind;
  std::size_t offset;
  std::size_t line;
  ParseErrorKind code_error;
};

const BadCase bad_cases[] = {
    {"", {}, ReplyErrorKind::empty_input, 0, 0, {}},
    {"25", {}, ReplyErrorKind::invalid_reply_code, 2, 0, ParseErrorKind::too_short},
    {"\r\n", {}, ReplyErrorKind::invalid_reply_code, 0, 0, ParseErrorKind::empty_input},
    {"2500 x\r\n", {}, ReplyErrorKind::invalid_reply_code, 3, 0, ParseErrorKind::too_many_digits},
    {"250x\r\n", {}, ReplyErrorKind::invalid_reply_code, 3, 0, ParseErrorKind::invalid_separator},
    {"250-a\r\n25x b\r\n", {}, ReplyErrorKind::invalid_reply_code, 9, 1, ParseErrorKind::not_a_digit},
    {"250-a\r\n250\tb\r\n", {}, ReplyErrorKind::invalid_reply_code, 10, 1, ParseErrorKind::invalid_separator},
    {"571 x\r\n", {}, ReplyErrorKind::invalid_reply_code, 1, 0, ParseErrorKind::invalid_second_digit},
    {"650 x\r\n", {}, ReplyErrorKind::invalid_reply_code, 0, 0, ParseErrorKind::invalid_first_digit},
    {"250 a\n", {}, ReplyErrorKind::bare_line_feed, 5, 0, {}},
    {"250-a\r\n250 b\n", {}, ReplyErrorKind::bare_line_feed, 12, 1, {}},
    {"250-a\r\n", {}, ReplyErrorKind::incomplete_reply, 7, 1, {}},
    {"250-a\r\n250-b", {}, ReplyErrorKind::incomplete_reply, 12, 2, {}},
    {"250 a\r\n250 b\r\n", {}, ReplyErrorKind::trailing_data, 7, 1, {}},
    {"250 a\r\nx", {}, ReplyErrorKind::trailing_data, 7, 1, {}},
    {"250-a\r\n250 bcdefgh\r\n", {ParseMode::strict, 8, false}, ReplyErrorKind::line_too_long, 7, 1, {}},
};

}  // namespace

TEST_CASE("whole replies: errors say what and where") {
  for (const BadCase& c : bad_cases) {
    CAPTURE(c.input);
    const auto reply = smtpcodes::parse_whole_reply(c.input, c.options);
    REQUIRE_FALSE(reply);
    CHECK(name(reply.error().kind) == name(c.kind));
    CHECK(reply.error().offset == c.offset);
    CHECK(reply.error().line == c.line);
    if (c.kind == ReplyErrorKind::invalid_reply_code) CHECK(name(reply.error().code_error) == name(c.code_error));
    CHECK_FALSE(smtpcodes::message(reply.error()).empty());
  }
}

TEST_CASE("the line-length cap counts the code and the CRLF (RFC 5321 section 4.5.3.1.5)") {
  const std::string at_limit = "250 " + std::string(506, 'a') + "\r\n";  // 512 octets
  const std::string over = "250 " + std::string(507, 'a') + "\r\n";      // 513 octets
  REQUIRE(at_limit.size() == 512);
  CHECK(smtpcodes::parse_whole_reply(at_limit));
  const auto too_long = smtpcodes::parse_whole_reply(over);
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().kind == ReplyErrorKind::line_too_long);
  ReplyOptions generous;
  generous.max_line_length = 4096;
  CHECK(smtpcodes::parse_whole_reply(over, generous));
}

TEST_CASE("the line cap: MaxLines lines parse, one more is too_many_lines") {
  std::string four;
  for (int i = 0; i < 3; ++i) four += "250-x\r\n";
  four += "250 y\r\n";
  CHECK(smtpcodes::parse_whole_reply<4>(four));
  const std::string five_lines = "250-x\r\n" + four;
  const auto five = smtpcodes::parse_whole_reply<4>(five_lines);
  REQUIRE_FALSE(five);
  CHECK(five.error().kind == ReplyErrorKind::too_many_lines);
  CHECK(five.error().line == 4);
  CHECK(five.error().offset == 28);
  // The whole reply is dropped with it (ReplyError::dropped_lines).
  CHECK(five.error().dropped_lines == 5);
}

TEST_CASE("incomplete replies on request, and the derived-status hook") {
  ReplyOptions options;
  options.allow_incomplete = true;
  const auto partial = smtpcodes::parse_whole_reply("250-a\r\n250-b", options);
  REQUIRE(partial);
  CHECK_FALSE(partial->complete());
  CHECK(partial->line_count() == 2);
  CHECK(partial->diagnostics().has(ReplyDiagnostic::missing_line_ending));

  auto reply = smtpcodes::parse_whole_reply("550 no such user\r\n").value();
  CHECK_FALSE(reply.has_enhanced_status());
  reply.set_derived_enhanced_status(smtpcodes::EnhancedStatus::from_parts(5, 0, 0).value());
  CHECK(reply.enhanced_status_source() == EnhancedStatusSource::derived);
  auto given = smtpcodes::parse_whole_reply("550 5.1.1 no such user\r\n").value();
  given.set_derived_enhanced_status(smtpcodes::EnhancedStatus::from_parts(5, 0, 0).value());
  CHECK(given.enhanced_status_source() == EnhancedStatusSource::given);
  CHECK(smtpcodes::to_string(given.enhanced_status()).view() == "5.1.1");
}

TEST_CASE("violations() keeps only what breaks an RFC") {
  const auto exim = smtpcodes::parse_whole_reply("503-503 sender not yet given\r\n503 sender\r\n").value();
  CHECK(exim.diagnostics().has(ReplyDiagnostic::reply_code_in_text));
  CHECK(exim.diagnostics().violations().empty());
  const auto mismatch = smtpcodes::parse_whole_reply("550 4.2.2 full\r\n").value();
  CHECK(mismatch.diagnostics().violations().has(ReplyDiagnostic::enhanced_class_mismatch));
  for (std::size_t i = 0; i < smtpcodes::reply_diagnostic_count; ++i) {
    CHECK(name(static_cast<ReplyDiagnostic>(i)) != "unknown_diagnostic");
  }
}

// The text check reads 4, 8 or 16 bytes at a time at run time, with words
// that overlap at the end; a byte that needs reporting must be found at
// every length and every position.
TEST_CASE("text bytes: each irregular byte is found at every position of texts of every length") {
  struct Odd {
    std::string_view bytes;
    std::initializer_list<ReplyDiagnostic> diagnostics;
  };
  const Odd odds[] = {
      {std::string_view("\0", 1), {ReplyDiagnostic::nul_character, ReplyDiagnostic::control_characters}},
      {"\x01", {ReplyDiagnostic::control_characters}},
      {"\x1F", {ReplyDiagnostic::control_characters}},
      {"\x7F", {ReplyDiagnostic::control_characters}},
      {"\t", {}},
      {" ", {}},
      {"~", {}},
      {"\xC3\xA9", {ReplyDiagnostic::non_ascii_text}},
      {"\x80", {ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8}},
      {"\xFF", {ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8}},
  };
  const ReplyDiagnostic text_diagnostics[] = {ReplyDiagnostic::nul_character, ReplyDiagnostic::control_characters,
                                              ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8};
  for (const Odd& odd : odds) {
    for (std::size_t length = odd.bytes.size(); length <= 40; ++length) {
      for (std::size_t position = 0; position + odd.bytes.size() <= length; ++position) {
        std::string text(length, 'x');
        text.replace(position, odd.bytes.size(), odd.bytes);
        const std::string input = "250 " + text + "\r\n";
        CAPTURE(length);
        CAPTURE(position);
        const auto reply = smtpcodes::parse_whole_reply(input, lenient);
        REQUIRE(reply);
        for (const ReplyDiagnostic diagnostic : text_diagnostics) {
          bool expected = false;
          for (const ReplyDiagnostic wanted : odd.diagnostics) expected = expected || wanted == diagnostic;
          CAPTURE(name(diagnostic));
          CHECK(reply->diagnostics().has(diagnostic) == expected);
        }
      }
    }
  }
}
