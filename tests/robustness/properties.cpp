// Properties over whole value spaces and hostile inputs: every value prints
// and parses back to itself; errors point inside the input; the work a parser
// does is bounded by a few bytes however long its input is.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

#include "support/guarded_input.hpp"

using smtpcodes::EnhancedStatus;
using smtpcodes::ParseMode;
using smtpcodes::ReplyCode;

TEST_CASE("every reply code 100 to 999 prints and parses back to itself") {
  std::size_t failures = 0;
  for (unsigned value = 100; value <= 999; ++value) {
    const ReplyCode code = ReplyCode::from_value(value).value();
    const auto text = smtpcodes::to_string(code);
    const bool round_trips = smtpcodes::parse_reply(text.view(), ParseMode::lenient) == code &&
                             (smtpcodes::parse_reply(text.view(), ParseMode::strict) == code) == code.is_standard() &&
                             text.size() == 3 && static_cast<unsigned>(std::stoul(std::string(text.view()))) == value;
    if (!round_trips && ++failures <= 10) FAIL_CHECK("reply code " << value);
  }
  CHECK(failures == 0);
}

TEST_CASE("every enhanced status c.s.d prints and parses back to itself") {
  std::size_t checked = 0;
  std::size_t failures = 0;
  char padded[12]{};
  for (const unsigned status_class : {2U, 4U, 5U}) {
    for (unsigned subject = 0; subject <= 999; ++subject) {
      for (unsigned detail = 0; detail <= 999; ++detail) {
        const EnhancedStatus status = EnhancedStatus::from_parts(status_class, subject, detail).value();
        const auto text = smtpcodes::to_string(status);
        // Lenient parsing also reads the zero-padded form some systems send.
        std::snprintf(padded, sizeof padded, "%u.%03u.%03u", status_class, subject, detail);
        const bool round_trips = smtpcodes::parse_enhanced_status(text.view()) == status &&
                                 smtpcodes::parse_enhanced_status(padded, ParseMode::lenient) == status &&
                                 status.key() == status_class * 1000000 + subject * 1000 + detail;
        if (!round_trips && ++failures <= 10) FAIL_CHECK(status_class << '.' << subject << '.' << detail);
        ++checked;
      }
    }
  }
  CHECK(checked == 3000000);
  CHECK(failures == 0);
}

namespace {

// Long inputs built to make a careless parser keep going: digits without
// end, endless dots, zeros, separators, bytes outside ASCII.
struct Hostile {
  const char* head;
  char fill;
};
constexpr Hostile hostile_inputs[] = {
    {"", '5'},      {"550", '0'},   {"550", ' '}, {"550", '-'},   {"550\r", '\r'}, {"", '\r'},
    {"", '\xff'},   {"5.1.1", '1'}, {"5.", '0'},  {"5.1.", '0'},  {"5.0.0", '0'},  {"5.", '.'},
    {"5.1.1", ' '}, {"4.4.7", '.'}, {"", '.'},    {"2.000", '0'}, {"", '\0'},      {"5.999.99", '9'},
};

// No parser here needs more than a code and the byte after it.
constexpr std::size_t readable_bytes = 16;

void check_bounded_work(std::size_t size) {
  for (const Hostile& hostile : hostile_inputs) {
    const smtpcodes_inputs::GuardedInput input(hostile.head, hostile.fill, size, readable_bytes);
    REQUIRE(input.ok());
    const std::string_view text = input.view();
    CAPTURE(hostile.head);
    CAPTURE(static_cast<int>(hostile.fill));
    for (const ParseMode mode : {ParseMode::strict, ParseMode::lenient}) {
      std::size_t end = 0;
      const auto reply = smtpcodes::detail::scan_reply_code(text, mode, end);
      CHECK((reply ? end : reply.error().offset) <= readable_bytes);
      const auto scanned = smtpcodes::detail::scan_enhanced_status(text, mode, end);
      CHECK((scanned ? end : scanned.error().offset) <= readable_bytes);
      const auto parsed = smtpcodes::parse_enhanced_status(text, mode);
      REQUIRE_FALSE(parsed.has_value());
      CHECK(parsed.error().offset <= readable_bytes);
      CHECK(smtpcodes::parse_reply(text, mode).has_value() == reply.has_value());
    }
  }
}

}  // namespace

// Counting, not timing: the input is mapped so that any byte past the first
// 16 cannot be read (tests/support/guarded_input.hpp). Passing at 1 KB and at
// 10 MB shows the work does not grow with the input at all.
TEST_CASE("parsers examine a bounded prefix of hostile input") {
#if !SMTPCODES_TEST_HAVE_GUARD_PAGES
  MESSAGE("no guard pages on this platform: only the reported offsets are checked");
#endif
  SUBCASE("1 KB") { check_bounded_work(1024); }
  SUBCASE("10 MB") { check_bounded_work(std::size_t{10} * 1024 * 1024); }
}

namespace {

// A reply parser stops at the first line it rejects, so on endless lines it
// reads only the lines it needs. After MaxLines lines (too_many_lines) it
// drops the rest of the reply, up to its last line, and reads no further: 12
// lines and "250 end" for BasicReply<8> on "250-x\r\n" repeated.
struct HostileReply {
  const char* line;
  smtpcodes::ParseMode mode;
  std::size_t readable;
  const char* last_line;  // ends the reply after 12 lines, or nullptr: endless
};
constexpr HostileReply hostile_replies[] = {
    {"250-x\r\n", ParseMode::strict, std::size_t{12} * 7 + 9, "250 end\r\n"},
    {"250-x\n", ParseMode::lenient, std::size_t{12} * 6 + 8, "250 end\n"},
    {"250-x\n", ParseMode::strict, 6, nullptr},
    {"x\r\n", ParseMode::strict, 3, nullptr},
    {"250-\xff\r\n", ParseMode::strict, std::size_t{12} * 7 + 9, "250 end\r\n"},
    {"\r\n", ParseMode::lenient, 2, nullptr},
};

void check_bounded_reply_work(std::size_t size) {
  for (const HostileReply& hostile : hostile_replies) {
    std::string head;
    if (hostile.last_line != nullptr) {
      for (int i = 0; i < 12; ++i) head += hostile.line;
      head += hostile.last_line;
    } else {
      while (head.size() < hostile.readable + 64) head += hostile.line;
    }
    const smtpcodes_inputs::GuardedInput input(head, '\n', size, hostile.readable);
    REQUIRE(input.ok());
    CAPTURE(hostile.line);
    smtpcodes::ReplyOptions options;
    options.mode = hostile.mode;
    std::size_t end = 0;
    const auto reply = smtpcodes::scan_reply<8>(input.view(), options, end);
    REQUIRE_FALSE(reply.has_value());
    CHECK(end <= hostile.readable);
    if (hostile.last_line != nullptr) {
      CHECK(end == hostile.readable);
      CHECK(reply.error().dropped_lines == 13);
    }
    CHECK(reply.error().offset <= hostile.readable);
  }
}

}  // namespace

TEST_CASE("the reply parser examines only the lines it needs of hostile input") {
  SUBCASE("1 KB") { check_bounded_reply_work(1024); }
  SUBCASE("10 MB") { check_bounded_reply_work(std::size_t{10} * 1024 * 1024); }
}

// Names and messages are total: any value a caller can form, even outside
// the enumerators, gets a non-empty answer, so printing a corrupted or future
// value never reads garbage.
TEST_CASE("names, messages and is_defined answer for every underlying value") {
  for (unsigned raw = 0; raw <= 255; ++raw) {
    const auto byte = static_cast<std::uint8_t>(raw);
    CAPTURE(raw);
    CHECK_FALSE(smtpcodes::name(static_cast<smtpcodes::ParseErrorKind>(byte)).empty());
    CHECK_FALSE(smtpcodes::message(static_cast<smtpcodes::ParseErrorKind>(byte)).empty());
    CHECK_FALSE(smtpcodes::name(static_cast<smtpcodes::StatusClass>(byte)).empty());
    CHECK_FALSE(smtpcodes::name(static_cast<smtpcodes::Severity>(byte)).empty());
    CHECK_FALSE(smtpcodes::name(static_cast<smtpcodes::Category>(byte)).empty());
    CHECK(smtpcodes::is_defined(static_cast<smtpcodes::Severity>(byte)) == (raw >= 1 && raw <= 5));
    CHECK(smtpcodes::is_defined(static_cast<smtpcodes::Category>(byte)) == (raw <= 5));
  }
  for (unsigned raw = 0; raw <= 999; ++raw) {
    CHECK_FALSE(smtpcodes::name(static_cast<smtpcodes::Subject>(raw)).empty());
    CHECK(smtpcodes::is_defined(static_cast<smtpcodes::Subject>(raw)) == (raw <= 7));
  }
  CHECK(smtpcodes::name(static_cast<smtpcodes::ParseErrorKind>(0)) == "unknown_error");
  CHECK(smtpcodes::name(static_cast<smtpcodes::StatusClass>(3)) == "undefined");
}

TEST_CASE("the predicates of an enhanced status follow its class") {
  for (const unsigned status_class : {2U, 4U, 5U}) {
    const EnhancedStatus status = EnhancedStatus::from_parts(status_class, 1, 1).value();
    CHECK(status.is_failure() == (status.is_transient_failure() || status.is_permanent_failure()));
    CHECK(status.is_success() == !status.is_failure());
    CHECK(static_cast<unsigned>(status.severity()) == status_class);
  }
}

TEST_CASE("errors are equal only with the same kind and offset") {
  using smtpcodes::ParseError;
  using smtpcodes::ParseErrorKind;
  CHECK(ParseError{ParseErrorKind::too_short, 1} != ParseError{ParseErrorKind::too_short, 2});
  CHECK(ParseError{ParseErrorKind::too_short, 1} != ParseError{ParseErrorKind::not_a_digit, 1});
  CHECK(ParseError{ParseErrorKind::too_short, 1} == ParseError{ParseErrorKind::too_short, 1});
}

namespace {

// True when name(value) is non-empty for all 256 values of an 8-bit enum.
template <class Enum, class Name>
bool named_for_every_byte(Name name) {
  for (unsigned raw = 0; raw <= 255; ++raw) {
    if (name(static_cast<Enum>(raw)).empty()) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("the names of the reply, EHLO and registry enumerations answer for every value") {
  using namespace smtpcodes;
  CHECK(named_for_every_byte<ReplyErrorKind>([](ReplyErrorKind v) { return name(v); }));
  CHECK(named_for_every_byte<ReplyErrorKind>([](ReplyErrorKind v) { return message(v); }));
  CHECK(named_for_every_byte<ReplyDiagnostic>([](ReplyDiagnostic v) { return name(v); }));
  CHECK(named_for_every_byte<EnhancedStatusSource>([](EnhancedStatusSource v) { return name(v); }));
  CHECK(named_for_every_byte<Actor>([](Actor v) { return name(v); }));
  CHECK(named_for_every_byte<Retry>([](Retry v) { return name(v); }));
  CHECK(named_for_every_byte<Origin>([](Origin v) { return name(v); }));
  CHECK(named_for_every_byte<Source>([](Source v) { return name(v); }));
  CHECK(named_for_every_byte<Agreement>([](Agreement v) { return name(v); }));
  CHECK(named_for_every_byte<DotlessFit>([](DotlessFit v) { return name(v); }));
  CHECK(named_for_every_byte<Association>([](Association v) { return name(v); }));
  CHECK(named_for_every_byte<DerivationRule>([](DerivationRule v) { return name(v); }));
  for (std::size_t source = 0; source < source_count; ++source) {
    CHECK_FALSE(title(static_cast<Source>(source)).empty());
  }
  // A keyword reads back as its extension, in any case; unknown has none.
  for (unsigned raw = 0; raw <= 255; ++raw) {
    const auto extension = static_cast<Extension>(raw);
    const std::string_view word = keyword(extension);
    CHECK((word.empty() || extension_from_keyword(word) == extension));
  }
  CHECK(keyword(Extension::unknown).empty());
  CHECK(extension_from_keyword("pipelining") == Extension::pipelining);
}
