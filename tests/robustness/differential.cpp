// The parsers against an independent oracle written from the RFC grammars
// (tests/support/rfc_oracle.hpp), on every short input over the bytes that
// matter, on random inputs and on mutations of valid ones. Each input also
// goes through the properties in tests/support/parser_properties.hpp. The
// inputs are deterministic (seeded), so a failure reproduces.
#include <cstddef>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

#include "support/check_inputs.hpp"
#include "support/input_generators.hpp"
#include "support/parser_properties.hpp"
#include "support/rfc_oracle.hpp"

using smtpcodes_inputs::Checker;
using smtpcodes_inputs::for_each_string;
using smtpcodes_inputs::Random;

namespace {

const char* check_reply(std::string_view input) { return smtpcodes_properties::check_reply_line(input); }
const char* check_status(std::string_view input) { return smtpcodes_properties::check_enhanced_status(input); }

// A valid code in text form, for mutation.
std::string random_reply_line(Random& random) {
  static constexpr std::string_view tails[] = {"",   " ",  "-", "\r\n", " 5.1.1 unknown\r\n", "-mx.example.com\r\n",
                                               "\t", "\n", "\r"};
  const auto code = smtpcodes::ReplyCode::from_value(static_cast<unsigned>(100 + random.below(900)));
  return std::string(smtpcodes::to_string(*code).view()) + std::string(tails[random.below(std::size(tails))]);
}

std::string random_status(Random& random) {
  const auto status =
      smtpcodes::EnhancedStatus::from_parts(static_cast<unsigned>("245"[random.below(3)] - '0'),
                                            static_cast<unsigned>(random.below(random.below(2) == 0 ? 8 : 1000)),
                                            static_cast<unsigned>(random.below(random.below(2) == 0 ? 30 : 1000)));
  return std::string(smtpcodes::to_string(*status).view());
}

// Strings shaped like a status code: three parts of zero to four bytes, mostly
// digits, joined by mostly dots; a quarter get something appended.
std::string status_shaped(Random& random) {
  std::string text;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) text += random.below(8) == 0 ? random.pick(smtpcodes_inputs::status_bytes) : '.';
    const std::size_t length = random.below(part == 0 ? 3 : 5);
    for (std::size_t i = 0; i < length; ++i) {
      text += random.below(10) == 0 ? random.pick(smtpcodes_inputs::status_bytes) : random.pick("0123456789");
    }
  }
  if (random.below(4) == 0) text += random.string(smtpcodes_inputs::status_bytes, 3);
  return text;
}

}  // namespace

TEST_CASE("reply code parsers agree with the RFC 5321 oracle") {
  Checker checker;
  // Every input of up to five bytes over the bytes that decide a reply code.
  for_each_string("01256 9-\r\n\tx", 5, [&](std::string_view input) { checker(check_reply, input); });
  Random random(5321);
  for (int i = 0; i < 300000; ++i) checker(check_reply, random.string(smtpcodes_inputs::reply_bytes, 8));
  for (int i = 0; i < 450000; ++i) {
    checker(check_reply, random.mutate(random_reply_line(random), smtpcodes_inputs::reply_bytes));
  }
  MESSAGE(checker.inputs() << " inputs");
  CHECK(checker.inputs() > 1000000);
  CHECK(checker.failures() == 0);
}

TEST_CASE("enhanced status parsers agree with the RFC 3463 oracle") {
  Checker checker;
  // Every input of up to seven bytes over the bytes that decide a status code.
  for_each_string("0125.x", 7, [&](std::string_view input) { checker(check_status, input); });
  Random random(3463);
  for (int i = 0; i < 300000; ++i) checker(check_status, status_shaped(random));
  for (int i = 0; i < 450000; ++i) {
    checker(check_status, random.mutate(random_status(random), smtpcodes_inputs::status_bytes));
  }
  MESSAGE(checker.inputs() << " inputs");
  CHECK(checker.inputs() > 1000000);
  CHECK(checker.failures() == 0);
}

// The oracle is only useful if it is right: check it against the grammars
// once more, written as regular expressions, on a smaller set of inputs.
TEST_CASE("the oracle agrees with regular expressions written from the ABNF") {
  using smtpcodes_oracle::Verdict;
  const std::regex strict_reply(R"([2-5][0-5][0-9](?:[ -][\s\S]*|\r\n[\s\S]*)?)");
  const std::regex lenient_reply(R"([1-9][0-9]{2}(?:[ \t\r\n-][\s\S]*)?)");
  const std::regex strict_status(R"([245]\.(?:0|[1-9][0-9]{0,2})\.(?:0|[1-9][0-9]{0,2}))");
  const std::regex lenient_status(R"([245]\.[0-9]{1,3}\.[0-9]{1,3})");
  const auto matches = [](const std::regex& pattern, std::string_view input) {
    return std::regex_match(input.begin(), input.end(), pattern);
  };

  std::size_t inputs = 0;
  std::size_t disagreements = 0;
  const auto compare = [&](std::string_view input) {
    ++inputs;
    const bool agree =
        matches(strict_reply, input) ==
            (smtpcodes_oracle::reply_line_start(input, false).verdict == Verdict::accepted) &&
        matches(lenient_reply, input) ==
            (smtpcodes_oracle::reply_line_start(input, true).verdict == Verdict::accepted) &&
        matches(strict_status, input) ==
            (smtpcodes_oracle::enhanced_status(input, false).verdict == Verdict::accepted) &&
        matches(lenient_status, input) == (smtpcodes_oracle::enhanced_status(input, true).verdict == Verdict::accepted);
    if (!agree && ++disagreements <= 10)
      FAIL_CHECK("oracle and regex disagree on " << smtpcodes_inputs::escaped(input));
  };
  for_each_string("0159.\r\n -", 4, compare);
  Random random(2026);
  for (int i = 0; i < 5000; ++i) compare(random.mutate(random_reply_line(random), smtpcodes_inputs::reply_bytes));
  for (int i = 0; i < 5000; ++i) compare(random.mutate(random_status(random), smtpcodes_inputs::status_bytes));
  for (int i = 0; i < 5000; ++i) compare(status_shaped(random));
  MESSAGE(inputs << " inputs");
  CHECK(disagreements == 0);
}

// The generators themselves, since every differential test trusts them.
TEST_CASE("the input generators visit what they promise") {
  std::size_t strings = 0;
  std::string last;
  for_each_string("ab", 3, [&](std::string_view input) {
    ++strings;
    last = std::string(input);
  });
  CHECK(strings == 1 + 2 + 4 + 8);
  CHECK(last == "bbb");

  std::size_t splits = 0;
  smtpcodes_inputs::for_each_split("250 ok", [&](const std::vector<std::string_view>& pieces) {
    ++splits;
    std::string joined;
    for (const std::string_view piece : pieces) {
      CHECK_FALSE(piece.empty());
      joined += piece;
    }
    CHECK(joined == "250 ok");
  });
  CHECK(splits == 32);

  Random a(7);
  Random b(7);
  for (int i = 0; i < 100; ++i) CHECK(a.mutate("5.1.1", "0123456789.") == b.mutate("5.1.1", "0123456789."));
}
