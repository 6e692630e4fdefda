// The streaming parser: identical results whatever the chunking, pipelined
// replies one by one, EOF mid-reply, and bounded memory against hostile peers.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <iterator>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <smtpcodes/wire/reply_stream.hpp>

// Counts every allocation, so that a test can prove the stream makes none.
namespace {
std::atomic<long> allocations{0};
}
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc{};
}
// g++ 12 (-O1 and up) takes free() here for a mismatch with operator new,
// which this file replaces with malloc().
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

using smtpcodes::ParseMode;
using smtpcodes::ReplyErrorKind;
using smtpcodes::ReplyOptions;
using smtpcodes::ReplyStreamStatus;

namespace {

// One outcome, flattened so that outcomes compare with ==.
struct Outcome {
  bool is_error = false;
  std::string description;
  friend bool operator==(const Outcome& a, const Outcome& b) {
    return a.is_error == b.is_error && a.description == b.description;
  }
};

std::string describe(const smtpcodes::Reply& reply) {
  std::string out = smtpcodes::to_string(reply.code()).c_str();
  out += " esc=" + std::string(smtpcodes::to_string(reply.enhanced_status()).view());
  out += " complete=" + std::to_string(static_cast<int>(reply.complete()));
  out += " diagnostics=" + std::to_string(reply.diagnostics().bits());
  out += " raw=" + std::string(reply.raw());
  for (const smtpcodes::ReplyLine& line : reply) {
    out += " |" + std::string(line.text) + "|" + std::string(line.message) + "|" +
           smtpcodes::to_string(line.code).c_str() + "|" + smtpcodes::to_string(line.enhanced_status).c_str();
  }
  return out;
}

std::string describe(const smtpcodes::ReplyError& error) {
  return std::string(name(error.kind)) + " at " + std::to_string(error.offset) + " line " + std::to_string(error.line) +
         " " + std::string(name(error.code_error));
}

// The reference: scan_reply() over the whole input, resuming where it says.
std::vector<Outcome> parse_with_whole_parser(std::string_view input, ReplyOptions options) {
  options.allow_incomplete = true;
  std::vector<Outcome> outcomes;
  while (!input.empty()) {
    std::size_t end = 0;
    const auto reply = smtpcodes::scan_reply<smtpcodes::Reply::max_lines>(input, options, end);
    outcomes.push_back(reply ? Outcome{false, describe(*reply)} : Outcome{true, describe(reply.error())});
    input.remove_prefix(end);
  }
  return outcomes;
}

// Feeds the input in the chunks that cuts (ascending offsets) define.
std::vector<Outcome> parse_with_stream(std::string_view input, const std::vector<std::size_t>& cuts,
                                       const ReplyOptions& options) {
  smtpcodes::StaticReplyStream<4096> stream(options);
  std::vector<Outcome> outcomes;
  auto drain = [&] {
    for (;;) {
      const ReplyStreamStatus status = stream.next();
      if (status == ReplyStreamStatus::reply) {
        outcomes.push_back({false, describe(stream.reply())});
      } else if (status == ReplyStreamStatus::error) {
        outcomes.push_back({true, describe(stream.error())});
      } else {
        return status;
      }
    }
  };
  std::size_t from = 0;
  auto feed_until = [&](std::size_t to) {
    std::string_view chunk = input.substr(from, to - from);
    while (!chunk.empty()) {
      chunk.remove_prefix(stream.feed(chunk));
      drain();
    }
    from = to;
  };
  for (std::size_t cut : cuts) feed_until(cut);
  feed_until(input.size());
  stream.finish();
  CHECK(drain() == ReplyStreamStatus::end_of_stream);
  return outcomes;
}

constexpr ReplyOptions strict{};
constexpr ReplyOptions lenient{ParseMode::lenient, 512, false};
constexpr ReplyOptions short_lines{ParseMode::strict, 16, false};

struct Sample {
  std::string_view bytes;
  ReplyOptions options;
};

const Sample samples[] = {
    {"220 mx.example.com ESMTP\r\n", strict},
    {"250-mx.example.com\r\n250-SIZE 1000\r\n250 ENHANCEDSTATUSCODES\r\n550-5.1.1 x\r\n550 5.1.1 y\r\n", strict},
    // RFC 2920 pipelining: MAIL, RCPT, RCPT, DATA answered in one write.
    {"250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 <nobody@example.com>: unknown\r\n354 End data with "
     "<CR><LF>.<CR><LF>\r\n",
     strict},
    {"503-503 sender not yet given\r\n503 5.5.1 Error: need MAIL command\r\n", strict},
    {"250-a\n250 b\n550 5.1.1 x\n", lenient},
    {"250-a\n250 b\r\n", strict},
    {"250-a\r\n25x\r\n250 c\r\n", strict},
    {"garbage\r\n250 ok\r\n", strict},
    {"250-a\r\n250-b\r\n", strict},  // the peer closed mid-reply
    {"250-a\r\n250-b", strict},      // ... and mid-line
    {"250 ok", strict},              // the last line lacks CRLF
    {"250 this line is too long\r\n250 ok\r\n", short_lines},
    {"250-ok\r\n250-this one is too long\r\n250 ok\r\n", short_lines},
    {"250-a\r\n250-this one is too long and never ends", short_lines},
    {"250-0123456789a\r\n250 0123456789ab", short_lines},  // both exactly at the 16-octet cap
    {"250 0123456789abc\r\n", short_lines},                // one over, only with its CRLF
    {"550 4.2.2 mismatch\r\n250-\xC3\xA9\r\n250 \xFF\r\n", strict},
    {std::string_view("250 nul\0here\r\n\r\n250 x\r\n", 22), strict},
    {"\r\n\n\r250 a\r\n", lenient},
    {"571 5.7.1 blocked\r\n250\tok\r\n", lenient},
};

}  // namespace

TEST_CASE("every split position gives the whole parser's results") {
  for (const Sample& sample : samples) {
    CAPTURE(sample.bytes);
    const std::vector<Outcome> expected = parse_with_whole_parser(sample.bytes, sample.options);
    CHECK(parse_with_stream(sample.bytes, {}, sample.options) == expected);
    for (std::size_t cut = 1; cut < sample.bytes.size(); ++cut) {
      CAPTURE(cut);
      CHECK(parse_with_stream(sample.bytes, {cut}, sample.options) == expected);
    }
    std::vector<std::size_t> every_byte;
    for (std::size_t cut = 1; cut < sample.bytes.size(); ++cut) every_byte.push_back(cut);
    CHECK(parse_with_stream(sample.bytes, every_byte, sample.options) == expected);
  }
}

TEST_CASE("random multi-splits give the whole parser's results") {
  std::mt19937 random(20261123);
  for (const Sample& sample : samples) {
    CAPTURE(sample.bytes);
    const std::vector<Outcome> expected = parse_with_whole_parser(sample.bytes, sample.options);
    for (int round = 0; round < 200; ++round) {
      std::vector<std::size_t> cuts;
      std::size_t at = 0;
      while (true) {
        at += std::uniform_int_distribution<std::size_t>(1, 9)(random);
        if (at >= sample.bytes.size()) break;
        cuts.push_back(at);
      }
      CAPTURE(round);
      CHECK(parse_with_stream(sample.bytes, cuts, sample.options) == expected);
    }
  }
}

TEST_CASE("all samples in one pipelined stream, in random chunks") {
  std::string all;
  for (const Sample& sample : samples) {
    if (sample.options.mode == ParseMode::strict && sample.options.max_line_length == 512) all += sample.bytes;
  }
  const std::vector<Outcome> expected = parse_with_whole_parser(all, strict);
  CHECK(expected.size() > 15);
  std::mt19937 random(7);
  for (int round = 0; round < 100; ++round) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0;;) {
      at += std::uniform_int_distribution<std::size_t>(1, 40)(random);
      if (at >= all.size()) break;
      cuts.push_back(at);
    }
    CHECK(parse_with_stream(all, cuts, strict) == expected);
  }
}

TEST_CASE("random byte soup: the stream agrees with the whole parser under every option") {
  // Pieces that make replies, near-replies and garbage when strung together.
  const std::string_view pieces[] = {"250", "550",  "571",  "2500",     " ",     "-",
                                     "\t",  "\r\n", "\n",   "\r",       "5.1.1", "4.2.2",
                                     "5.1", "x",    "text", "\xC3\xA9", "\xFF",  std::string_view("\0", 1),
                                     "503 "};
  const ReplyOptions option_sets[] = {strict, lenient, short_lines, {ParseMode::lenient, 16, false}};
  std::mt19937 random(42);
  for (std::size_t round = 0; round < 3000; ++round) {
    std::string input;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(1, 30)(random);
    for (std::size_t i = 0; i < count; ++i) {
      input += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
    }
    const ReplyOptions& options = option_sets[round % std::size(option_sets)];
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0;;) {
      at += std::uniform_int_distribution<std::size_t>(1, 6)(random);
      if (at >= input.size()) break;
      cuts.push_back(at);
    }
    CAPTURE(input);
    CHECK(parse_with_stream(input, cuts, options) == parse_with_whole_parser(input, options));
  }
}

TEST_CASE("a reply comes out as soon as its last line ends, pipelined replies one by one") {
  smtpcodes::StaticReplyStream<1024> stream;
  CHECK(stream.feed("250-a\r\n250 b\r") == 13);
  CHECK(stream.next() == ReplyStreamStatus::need_more_data);
  CHECK(stream.feed("\n250 c\r\n550 d\r\n") == 15);
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK(stream.reply().line_count() == 2);
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK(stream.reply().line(0).text == "c");
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK(stream.reply().code().value() == 550);
  CHECK(stream.next() == ReplyStreamStatus::need_more_data);
  CHECK(stream.buffered() == 0);
}

TEST_CASE("a connection closed mid-reply gives an incomplete reply") {
  smtpcodes::StaticReplyStream<1024> stream;
  (void)stream.feed("250-a\r\n250-b\r\n");
  CHECK(stream.next() == ReplyStreamStatus::need_more_data);
  stream.finish();
  CHECK(stream.feed("250 c\r\n") == 0);
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK_FALSE(stream.reply().complete());
  CHECK(stream.reply().line_count() == 2);
  CHECK(stream.next() == ReplyStreamStatus::end_of_stream);
}

TEST_CASE("the caller's buffer is the only memory") {
  char buffer[600];
  smtpcodes::ReplyStream stream(buffer, sizeof buffer);
  const long before = allocations.load();
  for (int i = 0; i < 1000; ++i) {
    std::string_view chunk = "250-mx.example.com\r\n250-PIPELINING\r\n250 SIZE 1000\r\n";
    while (!chunk.empty()) {
      chunk.remove_prefix(stream.feed(chunk));
      while (stream.next() == ReplyStreamStatus::reply) CHECK(stream.reply().line_count() == 3);
    }
  }
  CHECK(allocations.load() == before);
  CHECK(stream.buffered() <= sizeof buffer);
}

namespace {

// Feeds a hostile byte pattern forever-ish, then ends the input, and checks
// that memory stays within the buffer and the errors (expected_errors of
// them, or at least one when 0) are of the expected kind.
template <std::size_t Capacity>
void check_hostile(std::string_view pattern, std::size_t total, ReplyErrorKind expected, const ReplyOptions& options,
                   std::size_t expected_errors = 0) {
  smtpcodes::StaticReplyStream<Capacity, 8> stream(options);
  std::size_t fed = 0;
  std::size_t errors = 0;
  std::size_t replies = 0;
  std::size_t peak = 0;
  const long before = allocations.load();
  while (fed < total) {
    std::string_view chunk = pattern;
    while (!chunk.empty()) {
      const std::size_t taken = stream.feed(chunk);
      chunk.remove_prefix(taken);
      fed += taken;
      if (stream.buffered() > peak) peak = stream.buffered();
      for (ReplyStreamStatus status = stream.next(); status != ReplyStreamStatus::need_more_data;
           status = stream.next()) {
        if (status == ReplyStreamStatus::error) {
          CHECK(name(stream.error().kind) == name(expected));
          ++errors;
        } else {
          ++replies;
        }
      }
    }
  }
  stream.finish();
  for (ReplyStreamStatus status = stream.next(); status != ReplyStreamStatus::end_of_stream; status = stream.next()) {
    if (status == ReplyStreamStatus::error) {
      CHECK(name(stream.error().kind) == name(expected));
      ++errors;
    } else {
      ++replies;
    }
  }
  CHECK(allocations.load() == before);
  CHECK(peak <= Capacity);
  if (expected_errors == 0) {
    CHECK(errors > 0);
  } else {
    CHECK(errors == expected_errors);
  }
  CHECK(replies == 0);
}

}  // namespace

TEST_CASE("hostile peers: memory never grows past the cap") {
  // An endless run of continuation lines: one reply that is too long, one
  // error for it when the input ends.
  check_hostile<8 * 513>("250-spam spam spam\r\n", 1 << 20, ReplyErrorKind::too_many_lines, strict, 1);
  // A line that never ends: line_too_long, then its rest is skipped.
  check_hostile<1024>("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 1 << 20,
                      ReplyErrorKind::line_too_long, strict);
  check_hostile<1024>("250-", 1 << 20, ReplyErrorKind::line_too_long, strict);
  // Lines within the limit that fill a small buffer: buffer_full.
  ReplyOptions long_lines;
  long_lines.max_line_length = 100000;
  check_hostile<256>("250-0123456789012345678901234567890123456789\r\n", 1 << 18, ReplyErrorKind::buffer_full,
                     long_lines, 1);
}

TEST_CASE("after an error the stream resumes at the next line") {
  smtpcodes::StaticReplyStream<64> stream(short_lines);
  (void)stream.feed("250 this line is much too long for sixteen");
  REQUIRE(stream.next() == ReplyStreamStatus::error);
  CHECK(stream.error().kind == ReplyErrorKind::line_too_long);
  CHECK(stream.feed(" octets\r\n250 fine\r\n") == 19);
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK(stream.reply().line(0).text == "fine");
}

TEST_CASE("reply() changes only when next() returns reply") {
  smtpcodes::StaticReplyStream<1024> stream;
  CHECK(stream.feed("250-first\r\n250 ok\r\n550-a\r\n") == 26);
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK(stream.next() == ReplyStreamStatus::need_more_data);  // "550-a" is scanned into the spare
  CHECK(stream.reply().code().value() == 250);
  CHECK(stream.reply().line_count() == 2);
  CHECK(stream.feed("550-x\r\n999 bad\r\n") == 16);
  CHECK(stream.next() == ReplyStreamStatus::error);
  CHECK(stream.reply().code().value() == 250);
  CHECK(stream.reply().line_count() == 2);
  CHECK(stream.feed("451 4.3.0 later\r\n") == 17);
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK(stream.reply().code().value() == 451);
  CHECK(stream.reply().line(0).message == "later");
}

TEST_CASE("name(ReplyStreamStatus) is the enumerator's identifier") {
  using smtpcodes::ReplyStreamStatus;
  const std::pair<ReplyStreamStatus, std::string_view> names[] = {
      {ReplyStreamStatus::need_more_data, "need_more_data"},
      {ReplyStreamStatus::reply, "reply"},
      {ReplyStreamStatus::error, "error"},
      {ReplyStreamStatus::end_of_stream, "end_of_stream"},
  };
  for (const auto& [status, expected] : names) CHECK(smtpcodes::name(status) == expected);
  CHECK(smtpcodes::name(static_cast<ReplyStreamStatus>(9)) == "undefined");
}
