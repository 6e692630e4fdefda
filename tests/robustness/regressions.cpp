// Inputs that once made a parser misbehave, most found by the fuzzers. Each
// case says what was wrong; the same inputs are in fuzz/corpus/.
#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

using smtpcodes::parse_enhanced_status;
using smtpcodes::ParseError;
using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;

// Found by fuzz/targets/core/enhanced_status.cpp: a zero-padded part longer than
// three digits was reported as too_many_digits at its fourth digit, after the
// leading zero that had already made it invalid ("5.0.01" gave leading_zero,
// "5.0.0001" did not). Strict parsing now names the first violation.
static_assert(parse_enhanced_status("5.0.00001") == ParseError{ParseErrorKind::leading_zero, 4});
static_assert(parse_enhanced_status("5.00001.1") == ParseError{ParseErrorKind::leading_zero, 2});

TEST_CASE("a leading zero is reported before too many digits") {
  struct Row {
    const char* input;
    ParseMode mode;
    ParseError error;
  };
  const Row rows[] = {
      {"5.0.00001", ParseMode::strict, {ParseErrorKind::leading_zero, 4}},
      {"5.00001.1", ParseMode::strict, {ParseErrorKind::leading_zero, 2}},
      {"5.0.0001", ParseMode::strict, {ParseErrorKind::leading_zero, 4}},
      {"5.0.01", ParseMode::strict, {ParseErrorKind::leading_zero, 4}},
      // Lenient parsing allows the zeros; four digits are still too many.
      {"5.0.00001", ParseMode::lenient, {ParseErrorKind::too_many_digits, 7}},
      {"5.00001.1", ParseMode::lenient, {ParseErrorKind::too_many_digits, 5}},
      // Without a leading zero nothing changed.
      {"5.1.1000", ParseMode::strict, {ParseErrorKind::too_many_digits, 7}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(parse_enhanced_status(row.input, row.mode) == row.error);
  }
}
