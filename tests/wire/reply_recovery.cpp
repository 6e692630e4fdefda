// How a stream recovers from a reply it cannot hold (too_many_lines,
// buffer_full): one error for the whole reply, with the count of its lines,
// then the next reply; never the rest of the failed reply as a reply. The
// stream is compared, under every chunking, with a reference model written
// for clarity (a list of lines and a loop), not speed.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/wire/reply_stream.hpp>

using smtpcodes::ParseMode;
using smtpcodes::ReplyErrorKind;
using smtpcodes::ReplyOptions;
using smtpcodes::ReplyStreamStatus;

namespace {

constexpr std::size_t model_max_lines = 4;

// What a stream hands out, reduced to what the model predicts.
struct Event {
  bool is_error = false;
  std::string raw;          // a reply's bytes
  std::size_t lines = 0;    // a reply's line count, or the error's line
  bool complete = false;    // a reply's
  ReplyErrorKind kind{};    // an error's
  std::size_t dropped = 0;  // an error's dropped_lines

  friend bool operator==(const Event& a, const Event& b) {
    return a.is_error == b.is_error && a.raw == b.raw && a.lines == b.lines && a.complete == b.complete &&
           a.kind == b.kind && a.dropped == b.dropped;
  }
};

std::string show(const std::vector<Event>& events) {
  std::string out;
  for (const Event& event : events) {
    if (event.is_error) {
      out += "[error " + std::string(name(event.kind)) + " line " + std::to_string(event.lines) + " dropped " +
             std::to_string(event.dropped) + "]";
    } else {
      out += "[reply " + std::to_string(event.lines) + " lines complete " + (event.complete ? "1" : "0") + " |" +
             event.raw + "|]";
    }
  }
  return out;
}

Event reply_event(std::string_view raw, std::size_t lines, bool complete) {
  return Event{false, std::string(raw), lines, complete, {}, 0};
}
Event error_event(ReplyErrorKind kind, std::size_t line, std::size_t dropped) {
  return Event{true, {}, line, false, kind, dropped};
}

// ---- The model -------------------------------------------------------------

struct ModelLine {
  std::size_t start = 0;   // in the input
  std::string_view bytes;  // with its LF, if any
  bool terminated = false;

  // Without the LF, and without a CR just before it.
  [[nodiscard]] std::string_view content() const {
    if (!terminated) return bytes;
    std::string_view text = bytes.substr(0, bytes.size() - 1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
  }
  [[nodiscard]] bool bare_line_feed() const {
    return terminated && (bytes.size() < 2 || bytes[bytes.size() - 2] != '\r');
  }
};

std::vector<ModelLine> split_lines(std::string_view input) {
  std::vector<ModelLine> lines;
  std::size_t start = 0;
  while (start < input.size()) {
    const std::size_t feed = input.find('\n', start);
    const std::size_t end = feed == std::string_view::npos ? input.size() : feed + 1;
    lines.push_back({start, input.substr(start, end - start), feed != std::string_view::npos});
    start = end;
  }
  return lines;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 5321 §4.2 (strict) or the lenient grammar: whether content starts with
// a reply code and what follows it; last is true for anything but "-".
bool has_reply_code(std::string_view content, ParseMode mode, bool& last) {
  if (content.size() < 3 || !is_digit(content[0]) || !is_digit(content[1]) || !is_digit(content[2])) return false;
  if (mode == ParseMode::strict ? (content[0] < '2' || content[0] > '5' || content[1] > '5') : content[0] == '0') {
    return false;
  }
  if (content.size() == 3) {
    last = true;
    return true;
  }
  const char separator = content[3];
  if (separator == '-' || separator == ' ' ||
      (mode == ParseMode::lenient && (separator == '\t' || separator == '\r'))) {
    last = separator != '-';
    return true;
  }
  return false;
}

bool ends_reply(const ModelLine& line, ParseMode mode) {
  bool last = false;
  return line.terminated && has_reply_code(line.content(), mode, last) && last;
}

// The events a stream with a buffer of capacity bytes and model_max_lines
// lines gives for input, fed whole or in pieces, then finished.
// One loop, as the rules are written in the docs: easier to check by eye than
// split into steps.
// NOLINTNEXTLINE(readability-function-cognitive-complexity)
std::vector<Event> model(std::string_view input, const ReplyOptions& options, std::size_t capacity) {
  const std::vector<ModelLine> lines = split_lines(input);
  std::vector<Event> events;
  std::size_t i = 0;
  // Drops lines from i to the end of the reply; dropped counts them.
  const auto drop_rest = [&](std::size_t& dropped) {
    while (i < lines.size()) {
      ++dropped;
      if (ends_reply(lines[i++], options.mode)) break;
    }
  };
  while (i < lines.size()) {
    const std::size_t reply_start = lines[i].start;
    std::size_t count = 0;
    while (true) {
      const std::size_t used = (i < lines.size() ? lines[i].start : input.size()) - reply_start;
      if (used == capacity) {
        // The buffer is full of this reply, and it goes on.
        std::size_t dropped = count;
        drop_rest(dropped);
        events.push_back(error_event(ReplyErrorKind::buffer_full, count, dropped));
        break;
      }
      if (i == lines.size()) {
        // The peer closed the connection after a continuation line.
        events.push_back(reply_event(input.substr(reply_start), count, false));
        break;
      }
      if (count == model_max_lines) {
        std::size_t dropped = count;
        drop_rest(dropped);
        events.push_back(error_event(ReplyErrorKind::too_many_lines, count, dropped));
        break;
      }
      const ModelLine& line = lines[i];
      const std::size_t room = capacity - used;
      const std::size_t seen = line.bytes.size() < room ? line.bytes.size() : room;
      if (seen > options.max_line_length) {
        ++i;
        events.push_back(error_event(ReplyErrorKind::line_too_long, count, count + 1));
        break;
      }
      if (line.bytes.size() > room) {
        std::size_t dropped = count;
        drop_rest(dropped);
        events.push_back(error_event(ReplyErrorKind::buffer_full, count, dropped));
        break;
      }
      if (options.mode == ParseMode::strict && line.bare_line_feed()) {
        ++i;
        events.push_back(error_event(ReplyErrorKind::bare_line_feed, count, count + 1));
        break;
      }
      bool last = false;
      if (!has_reply_code(line.content(), options.mode, last)) {
        ++i;
        events.push_back(error_event(ReplyErrorKind::invalid_reply_code, count, count + 1));
        break;
      }
      ++i;
      ++count;
      if (!line.terminated) {
        // The input ends inside this line: whatever it says, it may be cut.
        events.push_back(reply_event(input.substr(reply_start), count, false));
        break;
      }
      if (last) {
        events.push_back(
            reply_event(input.substr(reply_start, line.start + line.bytes.size() - reply_start), count, true));
        break;
      }
    }
  }
  return events;
}

// ---- The stream under test -------------------------------------------------

std::vector<Event> run_stream(std::string_view input, const ReplyOptions& options, std::size_t capacity,
                              const std::vector<std::size_t>& cuts) {
  std::vector<char> buffer(capacity);
  smtpcodes::BasicReplyStream<model_max_lines> stream(buffer.data(), buffer.size(), options);
  std::vector<Event> events;
  const auto drain = [&] {
    while (true) {
      const ReplyStreamStatus status = stream.next();
      if (status == ReplyStreamStatus::reply) {
        const auto& reply = stream.reply();
        events.push_back(reply_event(reply.raw(), reply.line_count(), reply.complete()));
      } else if (status == ReplyStreamStatus::error) {
        events.push_back(error_event(stream.error().kind, stream.error().line, stream.error().dropped_lines));
      } else {
        return status;
      }
    }
  };
  std::size_t from = 0;
  const auto feed_until = [&](std::size_t to) {
    std::string_view chunk = input.substr(from, to - from);
    while (!chunk.empty()) {
      chunk.remove_prefix(stream.feed(chunk));
      drain();
    }
    from = to;
  };
  for (const std::size_t cut : cuts) feed_until(cut);
  feed_until(input.size());
  stream.finish();
  CHECK(drain() == ReplyStreamStatus::end_of_stream);
  return events;
}

constexpr ReplyOptions strict{};
constexpr ReplyOptions lenient{ParseMode::lenient, 512, false};
constexpr ReplyOptions short_lines{ParseMode::strict, 12, false};

struct Sample {
  std::string_view bytes;
  ReplyOptions options;
};

// model_max_lines is 4: five lines or more is too_many_lines.
const Sample samples[] = {
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\n250-e\r\n250 f\r\n220 next\r\n", strict},
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\n250 e\r\n220 next\r\n", strict},  // the fifth line is the last
    {"250-a\r\n250-b\r\n250-c\r\n250 d\r\n220 next\r\n", strict},           // exactly four: a reply
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\n250-e\r\n250-f", strict},         // closed while dropping
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\n250-e\r\n250 f", strict},         // last line cut off
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\nxx\r\n250-\r\n2\r\n250\r\n354 go\r\n", strict},
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\n250-e\n250 f\n220 x\r\n", strict},
    {"250-a\n250-b\n250-c\n250-d\n250-e\n250\tf\n220 x\n", lenient},
    {"250-a\r\n250-b\r\n250-c\r\n250-d\r\n250-this line is long\r\n250 f\r\n220 x\r\n", short_lines},
    {"499 incomplete response", lenient},
    {"451 incomplete response", strict},
    {"250 ok\r\n451 incomplete response", strict},
    {"250 ok\r\n451 incomplete\r", strict},
    {"250-a\r\n250 b", strict},
    {"250-one\r\n250-two\r\n250-three\r\n250 four\r\n550 5.1.1 next\r\n", strict},
    {"garbage\r\n250 ok\r\n", strict},
    {"250-a\r\n25x\r\n250 c\r\n", strict},
    {"250-a\r\n250-this one is too long\r\n250 ok\r\n", short_lines},
    {"250 a\r\n\r\n250-b\r\n250 c\r\n", strict},
};

// Every chunking of input: no cut, each single cut, each pair of cuts (for
// short inputs) and one cut after every byte.
std::vector<std::vector<std::size_t>> chunkings(std::size_t size) {
  std::vector<std::vector<std::size_t>> all{{}};
  for (std::size_t a = 1; a < size; ++a) {
    all.push_back({a});
    if (size <= 48) {
      for (std::size_t b = a + 1; b < size; ++b) all.push_back({a, b});
    }
  }
  std::vector<std::size_t> every_byte;
  for (std::size_t cut = 1; cut < size; ++cut) every_byte.push_back(cut);
  all.push_back(every_byte);
  return all;
}

}  // namespace

TEST_CASE("the model itself: one error per over-long reply, then the next reply") {
  const std::vector<Event> events = model(samples[0].bytes, strict, 4096);
  REQUIRE(events.size() == 2);
  CHECK(events[0] == error_event(ReplyErrorKind::too_many_lines, 4, 6));
  CHECK(events[1] == reply_event("220 next\r\n", 1, true));
}

TEST_CASE("the stream agrees with the model under every chunking and buffer size") {
  for (const Sample& sample : samples) {
    for (const std::size_t capacity : {std::size_t{4096}, std::size_t{30}, std::size_t{13}}) {
      CAPTURE(sample.bytes);
      CAPTURE(capacity);
      const std::vector<Event> expected = model(sample.bytes, sample.options, capacity);
      for (const std::vector<std::size_t>& cuts : chunkings(sample.bytes.size())) {
        const std::vector<Event> got = run_stream(sample.bytes, sample.options, capacity, cuts);
        if (got != expected) {
          CAPTURE(show(expected));
          CAPTURE(show(got));
          CAPTURE(cuts.size());
          CHECK(got == expected);
          break;
        }
      }
    }
  }
}

TEST_CASE("a loop over scan_reply agrees with the model when the buffer is large") {
  for (const Sample& sample : samples) {
    CAPTURE(sample.bytes);
    ReplyOptions options = sample.options;
    options.allow_incomplete = true;
    std::vector<Event> events;
    std::string_view input = sample.bytes;
    while (!input.empty()) {
      std::size_t end = 0;
      const auto reply = smtpcodes::scan_reply<model_max_lines>(input, options, end);
      if (reply) {
        events.push_back(reply_event(reply->raw(), reply->line_count(), reply->complete()));
      } else {
        events.push_back(error_event(reply.error().kind, reply.error().line, reply.error().dropped_lines));
      }
      input.remove_prefix(end);
    }
    CHECK(show(events) == show(model(sample.bytes, sample.options, 1U << 20U)));
  }
}

TEST_CASE("1,000,000 continuation lines: one error, then the next reply") {
  const std::string_view line = "250-spam spam spam\r\n";
  constexpr std::size_t count = 1000000;
  smtpcodes::StaticReplyStream<4096> stream;
  std::size_t errors = 0;
  std::size_t replies = 0;
  const auto drain = [&] {
    for (ReplyStreamStatus status = stream.next(); status != ReplyStreamStatus::need_more_data;
         status = stream.next()) {
      if (status == ReplyStreamStatus::error) {
        ++errors;
        CHECK(stream.error().kind == ReplyErrorKind::too_many_lines);
        CHECK(stream.error().dropped_lines == count + 1);
      } else {
        ++replies;
        CHECK(stream.reply().code().value() == 354);
      }
    }
  };
  // In writes of 100 lines, as a socket would deliver them.
  std::string block;
  for (int i = 0; i < 100; ++i) block += line;
  for (std::size_t sent = 0; sent < count; sent += 100) {
    std::string_view chunk = block;
    while (!chunk.empty()) {
      chunk.remove_prefix(stream.feed(chunk));
      drain();
    }
  }
  for (std::string_view chunk = "250 end of it\r\n354 go ahead\r\n"; !chunk.empty();) {
    chunk.remove_prefix(stream.feed(chunk));
    drain();
  }
  CHECK(errors == 1);
  CHECK(replies == 1);
  CHECK(stream.buffered() == 0);
}

TEST_CASE("the whole parser drops an over-long reply whole") {
  std::string input;
  for (int i = 0; i < 40; ++i) input += "250-x\r\n";
  input += "250 y\r\n220 next\r\n";
  std::size_t end = 0;
  const auto reply = smtpcodes::scan_reply<32>(input, {}, end);
  REQUIRE_FALSE(reply);
  CHECK(reply.error().kind == ReplyErrorKind::too_many_lines);
  CHECK(reply.error().line == 32);
  CHECK(reply.error().dropped_lines == 41);
  CHECK(input.substr(end) == "220 next\r\n");
}

TEST_CASE("a connection closed inside the last line gives an incomplete reply") {
  // 499 is outside RFC 5321's grammar (second digit 0-5): lenient.
  smtpcodes::StaticReplyStream<1024> stream(lenient);
  CHECK(stream.feed("499 incomplete response") == 23);
  CHECK(stream.next() == ReplyStreamStatus::need_more_data);
  stream.finish();
  REQUIRE(stream.next() == ReplyStreamStatus::reply);
  CHECK_FALSE(stream.reply().complete());
  CHECK(stream.reply().diagnostics().has(smtpcodes::ReplyDiagnostic::missing_line_ending));
  CHECK(stream.next() == ReplyStreamStatus::end_of_stream);
  // A whole reply given as such may still lack its CRLF.
  const auto whole = smtpcodes::parse_whole_reply("250 ok");
  REQUIRE(whole);
  CHECK(whole->complete());
}
