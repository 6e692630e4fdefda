// One reply line on its own (parse_reply_line), the diagnostics as a range,
// owning copies of replies (OwnedReply), and the header's internal macros.
#include <doctest/doctest.h>

#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/wire/owned_reply.hpp>
#include <smtpcodes/wire/reply.hpp>

#if defined(SMTPCODES_DETAIL_VECTOR_TEXT) || defined(SMTPCODES_DETAIL_INLINE_STEP) || \
    defined(SMTPCODES_DETAIL_OUT_OF_LINE)
#error "wire/reply.hpp leaks an internal macro"
#endif

using smtpcodes::ParseMode;
using smtpcodes::ReplyDiagnostic;
using smtpcodes::ReplyErrorKind;
using smtpcodes::ReplyOptions;
using smtpcodes::ReplySeparator;

namespace {

struct LineCase {
  std::string_view line;
  ParseMode mode;
  unsigned code;
  ReplySeparator separator;
  std::string_view status;  // "" when none
  std::string_view text;
  std::string_view message;
};

const LineCase line_cases[] = {
    {"550 5.1.1 <a@example.com>: Recipient address rejected", ParseMode::strict, 550, ReplySeparator::space, "5.1.1",
     "5.1.1 <a@example.com>: Recipient address rejected", "<a@example.com>: Recipient address rejected"},
    {"550 5.1.1 User unknown\r\n", ParseMode::strict, 550, ReplySeparator::space, "5.1.1", "5.1.1 User unknown",
     "User unknown"},
    {"250-PIPELINING\r\n", ParseMode::strict, 250, ReplySeparator::hyphen, "", "PIPELINING", "PIPELINING"},
    {"250-PIPELINING", ParseMode::strict, 250, ReplySeparator::hyphen, "", "PIPELINING", "PIPELINING"},
    {"221", ParseMode::strict, 221, ReplySeparator::none, "", "", ""},
    {"221\r\n", ParseMode::strict, 221, ReplySeparator::none, "", "", ""},
    {"250 ", ParseMode::strict, 250, ReplySeparator::space, "", "", ""},
    {"421 4.7.0 Try again later, closing connection.", ParseMode::strict, 421, ReplySeparator::space, "4.7.0",
     "4.7.0 Try again later, closing connection.", "Try again later, closing connection."},
    {"571\tblocked", ParseMode::lenient, 571, ReplySeparator::irregular, "", "blocked", "blocked"},
    {"250 ok\n", ParseMode::lenient, 250, ReplySeparator::space, "", "ok", "ok"},
};

struct ErrorCase {
  std::string_view line;
  ParseMode mode;
  ReplyErrorKind kind;
};

const ErrorCase error_cases[] = {
    {"", ParseMode::strict, ReplyErrorKind::empty_input},
    {"25", ParseMode::strict, ReplyErrorKind::invalid_reply_code},
    {"650 no", ParseMode::strict, ReplyErrorKind::invalid_reply_code},
    {"2500 x", ParseMode::strict, ReplyErrorKind::invalid_reply_code},
    {"250 ok\n", ParseMode::strict, ReplyErrorKind::bare_line_feed},
    {"250 a\r\n250 b\r\n", ParseMode::strict, ReplyErrorKind::trailing_data},
    {"250 a\r\nx", ParseMode::strict, ReplyErrorKind::trailing_data},
    {"250 a\nb", ParseMode::lenient, ReplyErrorKind::trailing_data},
};

}  // namespace

TEST_CASE("parse_reply_line: code, separator, enhanced status and text") {
  for (const LineCase& c : line_cases) {
    CAPTURE(c.line);
    const auto line = smtpcodes::parse_reply_line(c.line, ReplyOptions{c.mode, 512, false});
    REQUIRE(line);
    CHECK(line->code.value() == c.code);
    CHECK(line->separator == c.separator);
    CHECK(line->last() == (c.separator != ReplySeparator::hyphen));
    CHECK(std::string(smtpcodes::to_string(line->enhanced_status).view()) ==
          (c.status.empty() ? std::string(smtpcodes::to_string(smtpcodes::EnhancedStatus{}).view())
                            : std::string(c.status)));
    CHECK(line->text == c.text);
    CHECK(line->message == c.message);
  }
}

TEST_CASE("parse_reply_line: what is wrong with a line") {
  for (const ErrorCase& c : error_cases) {
    CAPTURE(c.line);
    const auto line = smtpcodes::parse_reply_line(c.line, ReplyOptions{c.mode, 512, false});
    REQUIRE_FALSE(line);
    CHECK(line.error().kind == c.kind);
  }
  ReplyOptions short_lines;
  short_lines.max_line_length = 10;
  CHECK(smtpcodes::parse_reply_line("250 0123456789", short_lines).error().kind == ReplyErrorKind::line_too_long);
}

TEST_CASE("parse_reply_line agrees with parse_whole_reply on each line of the samples") {
  const std::string_view samples[] = {
      "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown\r\n",
      "550-5.7.1 [192.0.2.1] Our system has detected an unusual rate\r\n",
      "451 4.3.0 Temporary failure \xC3\xA9\r\n",
      "554 5.7.1 bad\x01text\r\n",
      "550 5.1 missing detail\r\n",
      "503-503 sender not yet given\r\n",
      "250 \r\n",
  };
  for (const std::string_view sample : samples) {
    CAPTURE(sample);
    const auto line = smtpcodes::parse_reply_line(sample);
    REQUIRE(line);
    // A continuation line alone is no whole reply: end it with a last line.
    std::string whole(sample);
    if (!line->last()) whole += std::string(sample.substr(0, 3)) + " end\r\n";
    const auto reply = smtpcodes::parse_whole_reply(whole);
    REQUIRE(reply);
    CHECK(reply->line(0).text == line->text);
    CHECK(reply->line(0).message == line->message);
    CHECK(reply->line(0).enhanced_status == line->enhanced_status);
    if (line->last()) CHECK(reply->diagnostics() == line->diagnostics);
  }
}

TEST_CASE("parse_reply_line in a constant expression") {
  constexpr auto line = smtpcodes::parse_reply_line("550 5.1.1 User unknown");
  static_assert(line && line->code.value() == 550 && line->enhanced_status.detail() == 1);
  static_assert(line->message == "User unknown");
  CHECK(line->separator == ReplySeparator::space);
}

TEST_CASE("ReplyDiagnostics is a range of its diagnostics") {
  const auto reply = smtpcodes::parse_whole_reply("250-a\r\n550 4.2.2 \xFF\r\n");
  REQUIRE(reply);
  const smtpcodes::ReplyDiagnostics diagnostics = reply->diagnostics();
  const std::vector<ReplyDiagnostic> listed(diagnostics.begin(), diagnostics.end());
  CHECK(listed == std::vector<ReplyDiagnostic>{ReplyDiagnostic::reply_codes_differ,
                                               ReplyDiagnostic::enhanced_class_mismatch,
                                               ReplyDiagnostic::enhanced_missing_on_some_lines,
                                               ReplyDiagnostic::non_ascii_text, ReplyDiagnostic::invalid_utf8});
  CHECK(std::distance(diagnostics.begin(), diagnostics.end()) == 5);
  CHECK(diagnostics.size() == 5);
  auto it = diagnostics.begin();
  CHECK(*it++ == ReplyDiagnostic::reply_codes_differ);
  CHECK(*it == ReplyDiagnostic::enhanced_class_mismatch);
  CHECK(smtpcodes::ReplyDiagnostics{}.begin() == smtpcodes::ReplyDiagnostics{}.end());
#if defined(__cpp_lib_concepts)
  static_assert(std::forward_iterator<smtpcodes::ReplyDiagnostics::iterator>);
#endif
}

TEST_CASE("an OwnedReply keeps its bytes after the buffer is gone") {
  smtpcodes::OwnedReply kept;
  {
    std::string buffer = "250-mx.example.com\r\n250 5.0.0 SIZE 1000\r\n";
    const auto reply = smtpcodes::parse_whole_reply(buffer);
    REQUIRE(reply);
    kept = smtpcodes::to_owned(*reply);
    buffer.assign(buffer.size(), 'x');
  }
  CHECK(kept->line_count() == 2);
  CHECK(kept->line(0).text == "mx.example.com");
  CHECK(kept->line(1).message == "SIZE 1000");
  CHECK(kept->raw() == "250-mx.example.com\r\n250 5.0.0 SIZE 1000\r\n");
  const smtpcodes::OwnedReply copy = kept;  // a copy views its own bytes
  CHECK(copy->line(0).text.data() != kept->line(0).text.data());
  CHECK(copy->line(0).text == "mx.example.com");
  smtpcodes::OwnedReply moved = std::move(kept);
  CHECK(moved.reply().line(1).message == "SIZE 1000");
  // A short reply fits std::string's inline buffer, which moves with it.
  std::string tiny = "250 ok\r\n";
  smtpcodes::OwnedReply small = smtpcodes::to_owned(smtpcodes::parse_whole_reply(tiny).value());
  smtpcodes::OwnedReply small_moved = std::move(small);
  tiny.assign(tiny.size(), 'x');
  CHECK(small_moved->line(0).text == "ok");
}

TEST_CASE("parse_reply_line agrees with the whole parser's line step on random lines") {
  // Pieces that make lines, near-lines and garbage when strung together.
  const std::string_view pieces[] = {"250",   "550",      "421", "2500",  " ",        "-",    "\t",
                                     "\r\n",  "\n",       "\r",  "5.1.1", "4.2.2",    "5.1",  "5.01.1",
                                     "2.0.0", "5.1.1000", "x",   "text",  "\xC3\xA9", "\xFF", std::string_view("\0", 1),
                                     "503 ",  "0"};
  const ReplyOptions option_sets[] = {ReplyOptions{}, ReplyOptions{ParseMode::lenient, 512, false},
                                      ReplyOptions{ParseMode::strict, 12, false}};
  std::mt19937 random(17);
  for (std::size_t round = 0; round < 20000; ++round) {
    std::string line;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(1, 8)(random);
    for (std::size_t i = 0; i < count; ++i) {
      line += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
    }
    // Mostly lines that start with a code, as a server sends them.
    if (round % 4 != 0) line.insert(0, round % 2 == 0 ? "550 " : "250-");
    const ReplyOptions& options = option_sets[round % std::size(option_sets)];
    CAPTURE(line);
    const auto parsed = smtpcodes::parse_reply_line(line, options);
    ReplyOptions whole_options = options;
    whole_options.allow_incomplete = true;
    const std::size_t feed = line.find('\n');
    if (feed != std::string::npos && feed + 1 != line.size()) {
      REQUIRE_FALSE(parsed);
      CHECK(parsed.error().kind == ReplyErrorKind::trailing_data);
      continue;
    }
    std::size_t end = 0;
    const auto reference = smtpcodes::scan_reply<1>(line, whole_options, end);
    if (!reference) {
      REQUIRE_FALSE(parsed);
      CHECK(parsed.error().kind == reference.error().kind);
      continue;
    }
    if (end != line.size()) {
      REQUIRE_FALSE(parsed);
      CHECK(parsed.error().kind == ReplyErrorKind::trailing_data);
      continue;
    }
    REQUIRE(parsed);
    const smtpcodes::ReplyLine& expected = reference->line(0);
    CHECK(parsed->code == expected.code);
    CHECK(parsed->text == expected.text);
    CHECK(parsed->message == expected.message);
    CHECK(parsed->enhanced_status == expected.enhanced_status);
    // A continuation line alone is an incomplete reply to the whole parser.
    const auto whole = smtpcodes::scan_reply<1>(line, options, end);
    CHECK(parsed->last() == (whole || whole.error().kind != ReplyErrorKind::incomplete_reply));
    smtpcodes::ReplyDiagnostics expected_diagnostics;
    for (const ReplyDiagnostic diagnostic : reference->diagnostics()) {
      if (diagnostic != ReplyDiagnostic::missing_line_ending) expected_diagnostics.add(diagnostic);
    }
    CHECK(parsed->diagnostics.bits() == expected_diagnostics.bits());
  }
}

namespace {

// Every prefix of these, with and without CRLF, is parsed by the one-pass
// steps of parse_reply_line and parse_whole_reply where it is plain: short
// texts, enhanced codes cut at every byte, text of 0 to 40 bytes around the
// 8- and 16-byte steps of the text check.
const std::string_view plain_shapes[] = {
    "250 2.0.0 Ok: queued as 4F2A",
    "550-5.1.1 The email account that you tried to reach does not exist",
    "451 4.7.650 The mail server [203.0.113.5] has been temporarily rate limited",
    "250 2.0.00 x",
    "550 5.1.1000 x",
    "550 5.01.1 x",
    "550 5.1.1  double space",
    "550 3.1.1 bad class",
    "421 5.7.0 class mismatch",
    "503 503 Exim repeats the code",
    "250 0",
    "554 5.7.1\x7f",
    "250 \xC3\xA9t\xC3\xA9",
    "250-a\rb",
    "999 x",
};

// The input in a buffer of exactly its size, so that a sanitizer sees any
// read past its end.
struct ExactBuffer {
  explicit ExactBuffer(std::string_view text) : bytes(text.begin(), text.end()) {}
  [[nodiscard]] std::string_view view() const { return {bytes.data(), bytes.size()}; }
  std::vector<char> bytes;
};

void check_same_line(std::string_view line, const ReplyOptions& options) {
  CAPTURE(line);
  const ExactBuffer buffer(line);
  const auto parsed = smtpcodes::parse_reply_line(buffer.view(), options);
  smtpcodes::ParsedReplyLine expected;
  smtpcodes::ReplyError expected_error;
  const bool ok = smtpcodes::detail::parse_reply_line_into(buffer.view(), options, expected, expected_error);
  REQUIRE(parsed.has_value() == ok);
  if (!ok) {
    CHECK(parsed.error() == expected_error);
    return;
  }
  CHECK(parsed->code == expected.code);
  CHECK(parsed->separator == expected.separator);
  CHECK(parsed->enhanced_status == expected.enhanced_status);
  CHECK(parsed->text == expected.text);
  CHECK(parsed->message == expected.message);
  CHECK(parsed->diagnostics == expected.diagnostics);
}

void check_same_reply(std::string_view text, const ReplyOptions& options) {
  CAPTURE(text);
  const ExactBuffer buffer(text);
  const auto parsed = smtpcodes::parse_whole_reply(buffer.view(), options);
  smtpcodes::Reply expected;
  smtpcodes::ReplyError expected_error;
  std::size_t end = 0;
  bool ok = smtpcodes::detail::scan_reply_into(expected, buffer.view(), options, end, expected_error);
  if (ok && end != text.size()) {
    ok = false;
    expected_error = smtpcodes::ReplyError{ReplyErrorKind::trailing_data, end, expected.line_count(), {}};
  }
  REQUIRE(parsed.has_value() == ok);
  if (!ok) {
    CHECK(parsed.error() == expected_error);
    CHECK(parsed->line_count() == 0);  // the empty reply, as in any Result with an error
    return;
  }
  CHECK(parsed->code() == expected.code());
  CHECK(parsed->enhanced_status() == expected.enhanced_status());
  CHECK(parsed->enhanced_status_source() == expected.enhanced_status_source());
  CHECK(parsed->diagnostics() == expected.diagnostics());
  CHECK(parsed->complete() == expected.complete());
  CHECK(parsed->raw() == expected.raw());
  REQUIRE(parsed->line_count() == expected.line_count());
  for (std::size_t i = 0; i < expected.line_count(); ++i) {
    CHECK(parsed->line(i).text == expected.line(i).text);
    CHECK(parsed->line(i).message == expected.line(i).message);
    CHECK(parsed->line(i).enhanced_status == expected.line(i).enhanced_status);
    CHECK(parsed->line(i).code == expected.line(i).code);
  }
}

}  // namespace

TEST_CASE("the one-pass steps of parse_reply_line and parse_whole_reply agree with the general step") {
  const ReplyOptions option_sets[] = {ReplyOptions{}, ReplyOptions{ParseMode::lenient, 512, false},
                                      ReplyOptions{ParseMode::strict, 20, false},
                                      ReplyOptions{ParseMode::strict, 512, true}};
  for (const ReplyOptions& options : option_sets) {
    for (const std::string_view shape : plain_shapes) {
      for (std::size_t size = 0; size <= shape.size(); ++size) {
        const std::string line(shape.substr(0, size));
        check_same_line(line, options);
        check_same_line(line + "\r\n", options);
        check_same_line(line + "\n", options);
        check_same_reply(line, options);
        check_same_reply(line + "\r\n", options);
        check_same_reply(line + "\r\nx", options);
      }
    }
    // Text of every length around the steps of the text check, with a
    // byte to report at each place.
    for (std::size_t size = 0; size <= 40; ++size) {
      std::string line = "250 " + std::string(size, 'a');
      check_same_line(line, options);
      check_same_reply(line + "\r\n", options);
      for (std::size_t at = 0; at < line.size(); ++at) {
        for (const char odd : {'\0', '\t', '\x7f', '\x80', '\xff', '\r', '\n'}) {
          std::string damaged = line;
          damaged[at] = odd;
          check_same_line(damaged, options);
          check_same_reply(damaged + "\r\n", options);
        }
      }
    }
  }
}
