// The whole-reply parser against regular expressions written from RFC 5321
// §4.2 (and the parser's documented leniencies), and the stream parser
// against a loop over scan_reply on every chunking of short inputs and
// random chunkings of longer ones. Every input also goes through the
// properties in tests/support/reply_properties.hpp.
#include <cstddef>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

#include "support/check_inputs.hpp"
#include "support/input_generators.hpp"
#include "support/reply_properties.hpp"

using smtpcodes::ParseMode;
using smtpcodes_inputs::Random;

namespace {

// Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF
// with the parser's reading of it: text is any bytes but LF, the last CRLF
// may be missing at the end of the input. Lenient: codes 100 to 999, lines
// ending in LF alone, TAB or CR as the last line's separator.
const std::regex& whole_reply_grammar(ParseMode mode) {
  static const std::regex strict(R"((?:[2-5][0-5][0-9]-[^\n]*\r\n)*[2-5][0-5][0-9](?: [^\n]*)?(?:\r\n)?)");
  static const std::regex lenient(R"((?:[1-9][0-9]{2}-[^\n]*\n)*[1-9][0-9]{2}(?:[ \t\r][^\n]*)?\n?)");
  return mode == ParseMode::strict ? strict : lenient;
}

// The number of lines and the code of the last one, read from the raw bytes.
std::size_t line_count(std::string_view reply) {
  std::size_t lines = 0;
  for (const char c : reply) lines += c == '\n' ? 1 : 0;
  return lines + (reply.back() == '\n' ? 0 : 1);
}
std::string last_code(std::string_view reply) {
  const std::size_t body = reply.back() == '\n' ? reply.size() - 1 : reply.size();
  const std::size_t feed = reply.substr(0, body).rfind('\n');
  return std::string(reply.substr(feed == std::string_view::npos ? 0 : feed + 1, 3));
}

const char* check_against_grammar(std::string_view input, ParseMode mode) {
  smtpcodes::ReplyOptions options;
  options.mode = mode;
  options.max_line_length = 1000;
  const auto reply = smtpcodes::parse_whole_reply<smtpcodes_properties::reply_max_lines>(input, options);
  const bool in_grammar = std::regex_match(input.begin(), input.end(), whole_reply_grammar(mode));
  if (reply.has_value() != in_grammar) return "the RFC 5321 grammar disagrees on acceptance";
  if (!reply) return nullptr;
  if (reply->line_count() != line_count(input)) return "the grammar counts other lines";
  if (std::string(smtpcodes::to_string(reply->code()).view()) != last_code(input)) {
    return "the grammar reads another code on the last line";
  }
  return smtpcodes_properties::check_whole_reply_both_modes(input, options);
}

// Replies built from pieces that matter to the grammar, half of them mutated.
std::string random_reply(Random& random) {
  static constexpr std::string_view codes[] = {"250", "550", "421", "354", "101", "650", "099", "2a0", "25", "5500"};
  static constexpr std::string_view separators[] = {" ", "-", "-", "\t", "\r", ""};
  static constexpr std::string_view texts[] = {"",      "ok",   "5.1.1 user unknown", "x\ry", "\xc3\xa9\xff",
                                               "4.2.2", "250 x"};
  static constexpr std::string_view endings[] = {"\r\n", "\r\n", "\r\n", "\n", "", "\r"};
  std::string reply;
  const std::size_t lines = 1 + random.below(5);
  for (std::size_t i = 0; i < lines; ++i) {
    reply += codes[random.below(std::size(codes))];
    reply += separators[random.below(std::size(separators))];
    reply += texts[random.below(std::size(texts))];
    reply += endings[random.below(std::size(endings))];
  }
  if (random.below(2) == 0) reply = random.mutate(reply, smtpcodes_inputs::reply_bytes);
  return reply;
}

}  // namespace

TEST_CASE("whole replies agree with the RFC 5321 grammar") {
  smtpcodes_inputs::Checker checker;
  Random random(5321);
  for (int i = 0; i < 20000; ++i) {
    const std::string input = random_reply(random);
    if (input.empty()) continue;
    checker([](std::string_view text) { return check_against_grammar(text, ParseMode::strict); }, input);
    checker([](std::string_view text) { return check_against_grammar(text, ParseMode::lenient); }, input);
  }
  MESSAGE(checker.inputs() << " parses");
  CHECK(checker.failures() == 0);
}

TEST_CASE("the stream agrees with scan_reply on every chunking of short inputs") {
  static constexpr std::string_view inputs[] = {
      "250 ok\r\n",    "250-a\r\n250 b\r\n", "550 5.1.1 x",       "250-a\r\n",        "x\r\n250 b\r\n",
      "250\n354 go\n", "2a0\r\n221\r\n",     "250 long line\r\n", "250-\r\n250 \r\n",
  };
  smtpcodes_inputs::Checker checker;
  for (const std::string_view input : inputs) {
    for (const unsigned options : {0U, 1U, 4U, 5U}) {
      smtpcodes_inputs::for_each_split(input, [&](const std::vector<std::string_view>& pieces) {
        std::vector<std::size_t> sizes(pieces.size());
        for (std::size_t i = 0; i < pieces.size(); ++i) sizes[i] = pieces[i].size();
        checker(
            [&](std::string_view text) {
              return smtpcodes_properties::check_stream(text, smtpcodes_properties::options_from_byte(options), sizes);
            },
            input);
      });
    }
  }
  MESSAGE(checker.inputs() << " chunkings");
  CHECK(checker.failures() == 0);
}

TEST_CASE("the stream agrees with scan_reply on random chunkings of pipelined replies") {
  smtpcodes_inputs::Checker checker;
  Random random(2920);
  for (int i = 0; i < 3000; ++i) {
    std::string input;
    for (std::size_t replies = 1 + random.below(4); replies > 0; --replies) input += random_reply(random);
    std::vector<std::size_t> sizes(1 + random.below(4));
    for (std::size_t& size : sizes) size = 1 + random.below(12);
    const smtpcodes::ReplyOptions options =
        smtpcodes_properties::options_from_byte(static_cast<unsigned>(random.below(16)));
    checker([&](std::string_view text) { return smtpcodes_properties::check_stream(text, options, sizes); }, input);
  }
  CHECK(checker.failures() == 0);
}

namespace {

// Lines shaped like the ones the one-pass path takes (standard code,
// separator, printable text, CRLF), with enhanced codes of every shape the
// RFC 3463 grammar accepts or rejects, then mutated.
std::string random_line(Random& random) {
  static constexpr std::string_view codes[] = {"250", "550", "421", "599", "260", "199", "650", "25a"};
  static constexpr std::string_view separators[] = {" ", " ", "-", "\t", ""};
  static constexpr std::string_view statuses[] = {
      "5.1.1 ", "2.0.0 ", "4.7.0",   "5.1.10 ",    "5.7.606 ", "5.01.1 ", "5.1.1000 ", "3.1.1 ", "5.1 ", "5.1.1x ",
      "5..1 ",  "5.1.",   "55.1.1 ", "5.999.999 ", "5.1.1  ",  "550 ",    "55 ",       "5.1.1-", "",     ""};
  static constexpr std::string_view texts[] = {"", "Mailbox full", "OK", "x", "<a@example.com>: User unknown"};
  static constexpr std::string_view endings[] = {"\r\n", "\r\n", "\r\n", "\n", "\r", "", "\r\nx"};
  std::string line(codes[random.below(std::size(codes))]);
  line += separators[random.below(std::size(separators))];
  line += statuses[random.below(std::size(statuses))];
  line += texts[random.below(std::size(texts))];
  if (random.below(8) == 0) line += std::string(random.below(600), 'z');  // near and over the length limits
  line += endings[random.below(std::size(endings))];
  if (random.below(3) == 0) line = random.mutate(line, smtpcodes_inputs::reply_bytes);
  return line;
}

}  // namespace

TEST_CASE("the one-pass path for plain lines agrees with the general line step") {
  // scan_plain_reply_line() is a run-time shortcut for the common line; it
  // must decide nothing scan_reply_line() would decide otherwise.
  Random random(3463);
  std::size_t taken = 0;
  for (int i = 0; i < 100000; ++i) {
    const std::string input = random_line(random);
    for (const ParseMode mode : {ParseMode::strict, ParseMode::lenient}) {
      for (const std::size_t max_line_length : {std::size_t{512}, std::size_t{7}, std::size_t{30}}) {
        smtpcodes::ReplyOptions options;
        options.mode = mode;
        options.max_line_length = max_line_length;
        for (const std::size_t index : {std::size_t{0}, std::size_t{3}, std::size_t{4}}) {
          smtpcodes::BasicReply<4> fast;
          smtpcodes::BasicReply<4> general;
          smtpcodes::detail::begin_reply(fast);
          smtpcodes::detail::begin_reply(general);
          // The lines before `index` as a scan would have left them: a
          // reply's line slots are written before they are read, never zeroed.
          constexpr std::string_view earlier = "250-\r\n";
          for (std::size_t k = 0; k < index; ++k) {
            smtpcodes::ReplyError ignored;
            (void)smtpcodes::detail::scan_reply_line(fast, earlier, 0, earlier.size() - 1, k, options, ignored);
            (void)smtpcodes::detail::scan_reply_line(general, earlier, 0, earlier.size() - 1, k, options, ignored);
          }
          std::size_t next = 0;
          bool last = false;
          if (!smtpcodes::detail::scan_plain_reply_line(fast, input, 0, index, options, next, last)) continue;
          ++taken;
          CAPTURE(input);
          CAPTURE(max_line_length);
          CAPTURE(index);
          smtpcodes::ReplyError error;
          const std::size_t feed = input.find('\n');
          REQUIRE(feed != std::string::npos);
          const auto step = smtpcodes::detail::scan_reply_line(general, input, 0, feed, index, options, error);
          REQUIRE(step != smtpcodes::detail::ReplyLineStep::error);
          CHECK(next == feed + 1);
          CHECK(last == (step == smtpcodes::detail::ReplyLineStep::last));
          const std::size_t lines = index + 1;
          smtpcodes::detail::end_reply(fast, std::string_view(input).substr(0, next), lines, last);
          smtpcodes::detail::end_reply(general, std::string_view(input).substr(0, next), lines, last);
          // Only line `index` was written; compare it and the diagnostics.
          CHECK(fast.diagnostics().bits() == general.diagnostics().bits());
          const smtpcodes::ReplyLine& a = fast.line(index);
          const smtpcodes::ReplyLine& b = general.line(index);
          CHECK(a.code == b.code);
          CHECK(a.text.data() == b.text.data());
          CHECK(a.text.size() == b.text.size());
          CHECK(a.message.data() == b.message.data());
          CHECK(a.message.size() == b.message.size());
          CHECK(a.enhanced_status == b.enhanced_status);
          CHECK(fast.enhanced_status() == general.enhanced_status());
        }
      }
    }
  }
  MESSAGE(taken << " lines taken by the one-pass path");
  CHECK(taken > 50000);  // the generator must reach it, or this test proves nothing
}
