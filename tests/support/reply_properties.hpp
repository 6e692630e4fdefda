#ifndef SMTPCODES_TESTS_SUPPORT_REPLY_PROPERTIES_HPP
#define SMTPCODES_TESTS_SUPPORT_REPLY_PROPERTIES_HPP

// What must hold for every input of the whole-reply parser, the stream
// parser and the EHLO view, checked by tests/wire/differential_reply.cpp and the
// fuzzers whole_reply, reply_stream and ehlo. Each check returns nullptr or
// the property that failed.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/smtpcodes.hpp>

namespace smtpcodes_properties {

// Few lines, so that too_many_lines is reachable by short inputs.
inline constexpr std::size_t reply_max_lines = 8;
using TestReply = smtpcodes::BasicReply<reply_max_lines>;

// Options chosen by one byte (a fuzzer's or a generator's): the mode, whether
// an incomplete reply is allowed, and a line limit from tight to generous.
inline smtpcodes::ReplyOptions options_from_byte(unsigned byte) {
  constexpr std::size_t line_limits[] = {512, 8, 24, 1000};
  smtpcodes::ReplyOptions options;
  options.mode = (byte & 1U) != 0 ? smtpcodes::ParseMode::lenient : smtpcodes::ParseMode::strict;
  options.allow_incomplete = (byte & 2U) != 0;
  options.max_line_length = line_limits[(byte >> 2U) & 3U];
  return options;
}

inline bool within(std::string_view part, std::string_view whole) {
  const std::less<> before;
  return part.empty() ||
         (!before(part.data(), whole.data()) && !before(whole.data() + whole.size(), part.data() + part.size()));
}

inline const char* check_reply_error(const smtpcodes::ReplyError& error, std::string_view input) {
  if (error.offset > input.size()) return "a reply error's offset is past the end of the input";
  if (error.line > reply_max_lines) return "a reply error names a line past the limit";
  if (smtpcodes::name(error.kind) == "unknown_error") return "a reply error kind has no name";
  if ((error.kind == smtpcodes::ReplyErrorKind::invalid_reply_code) !=
      (error.code_error != smtpcodes::ParseErrorKind{})) {
    return "code_error is set exactly for invalid_reply_code";
  }
  if (error.kind == smtpcodes::ReplyErrorKind::empty_input && !input.empty())
    return "empty_input for a non-empty input";
  return nullptr;
}

inline const char* check_reply_value(const TestReply& reply, std::string_view input,
                                     const smtpcodes::ReplyOptions& options) {
  using smtpcodes::ReplyDiagnostic;
  if (reply.raw().data() != input.data() || reply.raw().size() > input.size()) {
    return "raw() is not the start of the input";
  }
  if (reply.line_count() == 0 || reply.line_count() > reply_max_lines) return "a reply without lines, or too many";
  if (!(reply.code() == reply.line(reply.line_count() - 1).code)) return "code() is not the last line's code";
  if (!reply.complete() && !options.allow_incomplete) return "an incomplete reply without allow_incomplete";
  const bool strict = options.mode == smtpcodes::ParseMode::strict;
  if (strict && (reply.diagnostics().has(ReplyDiagnostic::non_standard_code) ||
                 reply.diagnostics().has(ReplyDiagnostic::irregular_separator) ||
                 reply.diagnostics().has(ReplyDiagnostic::bare_line_feed))) {
    return "a lenient-only diagnostic in strict mode";
  }
  bool first_status_seen = false;
  for (const smtpcodes::ReplyLine& line : reply) {
    if (!within(line.text, reply.raw()) || !within(line.message, line.text))
      return "a line's text is outside the reply";
    if (line.message.size() > line.text.size() ||
        line.text.substr(line.text.size() - line.message.size()) != line.message) {
      return "a line's message is not the end of its text";
    }
    if (line.text.size() > options.max_line_length) return "a line longer than max_line_length";
    if (strict && !line.code.is_standard()) return "a non-standard code in strict mode";
    if (line.enhanced_status.class_digit() != 0) {
      std::size_t end = 0;
      const auto status = smtpcodes::detail::scan_enhanced_status(line.text, options.mode, end);
      if (!(status == line.enhanced_status)) return "a line's enhanced status is not what its text starts with";
      if (!first_status_seen) {
        first_status_seen = true;
        if (!(reply.enhanced_status() == line.enhanced_status) ||
            reply.enhanced_status_source() != smtpcodes::EnhancedStatusSource::given) {
          return "the reply's enhanced status is not its first line's";
        }
      }
    }
  }
  if (!first_status_seen && reply.has_enhanced_status()) return "an enhanced status no line carries";
  return nullptr;
}

// parse_ehlo on a parsed reply: every view stays inside the reply, and the
// lookups find what iteration lists.
inline const char* check_ehlo(const TestReply& reply) {
  const auto parsed = smtpcodes::parse_ehlo(reply);
  if (parsed.has_value() != reply.code().is_success()) return "parse_ehlo fails on a success or passes a failure";
  if (!parsed) return nullptr;
  const auto& ehlo = *parsed;
  if (ehlo.size() + 1 > reply.line_count() && ehlo.size() != 0)
    return "more EHLO extensions than lines after the first";
  if (!within(ehlo.domain(), reply.raw()) || !within(ehlo.greeting(), reply.raw())) {
    return "the EHLO greeting is outside the reply";
  }
  for (const smtpcodes::EhloExtension& extension : ehlo) {
    if (extension.keyword.empty() || !within(extension.keyword, reply.raw()) ||
        !within(extension.parameters, reply.raw())) {
      return "an EHLO extension outside the reply";
    }
    if (ehlo.find(extension.keyword) == nullptr ||
        (extension.extension != smtpcodes::Extension::unknown && ehlo.find(extension.extension) == nullptr)) {
      return "find() misses a listed extension";
    }
  }
  for (const std::string_view mechanism : ehlo.auth_mechanisms()) {
    if (mechanism.empty() || !within(mechanism, reply.raw())) return "an AUTH mechanism outside the reply";
  }
  if (ehlo.has_size_limit() && !ehlo.has(smtpcodes::Extension::size)) return "a size limit without SIZE";
  return nullptr;
}

// scan_reply and parse_whole_reply on one input with one set of options.
inline const char* check_whole_reply(std::string_view input, const smtpcodes::ReplyOptions& options) {
  std::size_t end = 0;
  const auto scanned = smtpcodes::scan_reply<reply_max_lines>(input, options, end);
  const auto parsed = smtpcodes::parse_whole_reply<reply_max_lines>(input, options);
  if (end > input.size()) return "scan_reply's end is past the input";
  if (!input.empty() && end == 0) return "scan_reply makes no progress";
  if (scanned) {
    if (end != scanned->raw().size()) return "scan_reply's end is not the end of raw()";
    if (end == input.size()
            ? !parsed.has_value()
            : !(parsed ==
                smtpcodes::ReplyError{smtpcodes::ReplyErrorKind::trailing_data, end, scanned->line_count(), {}})) {
      return "parse_whole_reply is not scan_reply plus the end check";
    }
    if (const char* failure = check_reply_value(*scanned, input, options)) return failure;
  } else {
    if (parsed.has_value() || !(parsed.error() == scanned.error())) {
      return "parse_whole_reply and scan_reply disagree on an error";
    }
    if (const char* failure = check_reply_error(scanned.error(), input)) return failure;
  }
  if (parsed) return check_ehlo(*parsed);
  return nullptr;
}

// parse_reply_line on one input: the whole parser's line step on the same
// line (scan_reply<1> with allow_incomplete), less missing_line_ending; a
// second line is trailing_data.
inline const char* check_reply_line(std::string_view input, smtpcodes::ReplyOptions options) {
  const auto parsed = smtpcodes::parse_reply_line(input, options);
  const std::size_t feed = input.find('\n');
  if (feed != std::string_view::npos && feed + 1 != input.size()) {
    return !parsed && parsed.error().kind == smtpcodes::ReplyErrorKind::trailing_data
               ? nullptr
               : "parse_reply_line takes a second line";
  }
  options.allow_incomplete = true;
  std::size_t end = 0;
  const auto reference = smtpcodes::scan_reply<1>(input, options, end);
  if (!reference) {
    return !parsed && parsed.error().kind == reference.error().kind
               ? nullptr
               : "parse_reply_line and scan_reply disagree on an error";
  }
  if (!parsed) return "parse_reply_line rejects a line scan_reply takes";
  const smtpcodes::ReplyLine expected = reference->line(0);
  if (!(parsed->code == expected.code) || parsed->text != expected.text || parsed->message != expected.message ||
      !(parsed->enhanced_status == expected.enhanced_status)) {
    return "parse_reply_line's fields differ from scan_reply's";
  }
  smtpcodes::ReplyDiagnostics diagnostics;
  for (const smtpcodes::ReplyDiagnostic diagnostic : reference->diagnostics()) {
    if (diagnostic != smtpcodes::ReplyDiagnostic::missing_line_ending) diagnostics.add(diagnostic);
  }
  if (parsed->diagnostics != diagnostics) return "parse_reply_line's diagnostics differ from scan_reply's";
  if (!within(parsed->text, input) || !within(parsed->message, parsed->text)) return "a line's views are outside it";
  return nullptr;
}

// Both modes; strict acceptance implies lenient acceptance of the same reply.
inline const char* check_whole_reply_both_modes(std::string_view input, smtpcodes::ReplyOptions options) {
  options.mode = smtpcodes::ParseMode::strict;
  if (const char* failure = check_whole_reply(input, options)) return failure;
  if (const char* failure = check_reply_line(input, options)) return failure;
  const auto strict = smtpcodes::parse_whole_reply<reply_max_lines>(input, options);
  options.mode = smtpcodes::ParseMode::lenient;
  if (const char* failure = check_whole_reply(input, options)) return failure;
  if (const char* failure = check_reply_line(input, options)) return failure;
  const auto lenient = smtpcodes::parse_whole_reply<reply_max_lines>(input, options);
  if (strict && !(lenient && lenient->code() == strict->code() && lenient->line_count() == strict->line_count() &&
                  lenient->raw() == strict->raw())) {
    return "strict acceptance of a reply without the same lenient acceptance";
  }
  return nullptr;
}

// One thing a stream (or a loop over scan_reply) hands out, as plain values.
struct StreamEvent {
  bool is_reply = false;
  std::string raw;
  std::uint16_t code = 0;
  std::size_t line_count = 0;
  std::uint32_t diagnostics = 0;
  bool complete = false;
  std::uint32_t enhanced_status = 0;
  smtpcodes::ReplyError error{};

  friend bool operator==(const StreamEvent& a, const StreamEvent& b) {
    return a.is_reply == b.is_reply && a.raw == b.raw && a.code == b.code && a.line_count == b.line_count &&
           a.diagnostics == b.diagnostics && a.complete == b.complete && a.enhanced_status == b.enhanced_status &&
           a.error == b.error;
  }
};

inline StreamEvent reply_event(const TestReply& reply) {
  StreamEvent event;
  event.is_reply = true;
  event.raw = std::string(reply.raw());
  event.code = reply.code().value();
  event.line_count = reply.line_count();
  event.diagnostics = reply.diagnostics().bits();
  event.complete = reply.complete();
  event.enhanced_status = reply.enhanced_status().key();
  return event;
}

inline StreamEvent error_event(const smtpcodes::ReplyError& error) {
  StreamEvent event;
  event.error = error;
  return event;
}

// What a loop over scan_reply gives for the whole input, the last reply
// allowed to be incomplete: the stream promises the same for any chunking.
inline std::vector<StreamEvent> scan_all(std::string_view input, smtpcodes::ReplyOptions options) {
  options.allow_incomplete = true;
  std::vector<StreamEvent> events;
  while (!input.empty()) {
    std::size_t end = 0;
    const auto result = smtpcodes::scan_reply<reply_max_lines>(input, options, end);
    events.push_back(result ? reply_event(*result) : error_event(result.error()));
    input.remove_prefix(end);
  }
  return events;
}

// Feeds input to a stream in pieces of the given sizes (cycled; 0 counts as 1),
// draining it after each, then finishes it. The buffer holds the whole input
// and a line of max_line_length, so buffer_full cannot happen.
inline const char* check_stream(std::string_view input, const smtpcodes::ReplyOptions& options,
                                const std::vector<std::size_t>& pieces) {
  std::vector<char> buffer(std::max(input.size(), options.max_line_length) + 1);
  smtpcodes::BasicReplyStream<reply_max_lines> stream(buffer.data(), buffer.size(), options);
  std::vector<StreamEvent> events;
  const auto drain = [&] {
    while (true) {
      const smtpcodes::ReplyStreamStatus status = stream.next();
      if (status == smtpcodes::ReplyStreamStatus::reply) {
        events.push_back(reply_event(stream.reply()));
      } else if (status == smtpcodes::ReplyStreamStatus::error) {
        events.push_back(error_event(stream.error()));
      } else {
        return status;
      }
      if (stream.buffered() > stream.capacity()) return smtpcodes::ReplyStreamStatus::error;
    }
  };
  std::size_t fed = 0;
  for (std::size_t i = 0; fed < input.size(); ++i) {
    const std::size_t piece = pieces.empty() ? input.size() : std::max<std::size_t>(pieces[i % pieces.size()], 1);
    std::string_view chunk = input.substr(fed, piece);
    while (!chunk.empty()) {
      const std::size_t taken = stream.feed(chunk);
      fed += taken;
      chunk.remove_prefix(taken);
      if (drain() != smtpcodes::ReplyStreamStatus::need_more_data) return "the stream stopped before the input ended";
      if (taken == 0 && !chunk.empty()) return "the stream takes nothing although it was drained";
    }
  }
  stream.finish();
  if (drain() != smtpcodes::ReplyStreamStatus::end_of_stream) return "the stream does not end after finish()";
  if (events != scan_all(input, options)) return "the stream disagrees with a loop over scan_reply";
  return nullptr;
}

}  // namespace smtpcodes_properties

#endif  // SMTPCODES_TESTS_SUPPORT_REPLY_PROPERTIES_HPP
