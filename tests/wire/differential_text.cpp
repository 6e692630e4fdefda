// The reply parser's reading of text bytes against an oracle written from
// RFC 3629 §4 (UTF-8) and RFC 5321 §4.1.2 (textstring = 1*(%d09 / %d32-126)):
// invalid_utf8, non_ascii_text, control_characters and nul_character are
// compared on every text of one and two bytes and on every text of three
// and four bytes drawn from the boundary values of the UTF-8 ranges.
#include <cstddef>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

#include "support/check_inputs.hpp"

namespace {

// RFC 3629 §4, one alternative per row: the byte ranges of each position.
struct Range {
  unsigned char low;
  unsigned char high;
};
struct Sequence {
  std::size_t length;
  Range bytes[4];
};
constexpr Range tail{0x80, 0xBF};
constexpr Sequence utf8_sequences[] = {
    {1, {{0x00, 0x7F}}},                            // UTF8-1
    {2, {{0xC2, 0xDF}, tail}},                      // UTF8-2
    {3, {{0xE0, 0xE0}, {0xA0, 0xBF}, tail}},        // UTF8-3
    {3, {{0xE1, 0xEC}, tail, tail}},                //
    {3, {{0xED, 0xED}, {0x80, 0x9F}, tail}},        //
    {3, {{0xEE, 0xEF}, tail, tail}},                //
    {4, {{0xF0, 0xF0}, {0x90, 0xBF}, tail, tail}},  // UTF8-4
    {4, {{0xF1, 0xF3}, tail, tail, tail}},          //
    {4, {{0xF4, 0xF4}, {0x80, 0x8F}, tail, tail}},  //
};

// The length of the UTF-8 character at text[at], or 0 if none starts there.
std::size_t utf8_char(std::string_view text, std::size_t at) {
  for (const Sequence& sequence : utf8_sequences) {
    if (text.size() - at < sequence.length) continue;
    bool matches = true;
    for (std::size_t k = 0; k < sequence.length && matches; ++k) {
      const auto byte = static_cast<unsigned char>(text[at + k]);
      matches = byte >= sequence.bytes[k].low && byte <= sequence.bytes[k].high;
    }
    if (matches) return sequence.length;
  }
  return 0;
}

// Well-formed if the text is a sequence of UTF-8 characters; a byte that
// starts none is skipped, as a reader resynchronising would.
bool well_formed_utf8(std::string_view text) {
  bool well_formed = true;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = utf8_char(text, at);
    well_formed = well_formed && length != 0;
    at += length == 0 ? 1 : length;
  }
  return well_formed;
}

const char* check_text(std::string_view text) {
  using smtpcodes::ReplyDiagnostic;
  const std::string line = "250 " + std::string(text) + "\r\n";
  // Lenient, so that a CR or LF inside the text is just a byte of text or a line end.
  smtpcodes::ReplyOptions options;
  options.mode = smtpcodes::ParseMode::lenient;
  const auto reply = smtpcodes::parse_whole_reply(line, options);
  if (text.find('\n') != std::string_view::npos) return nullptr;  // a second line: not this test's business
  if (!reply) return "a one-line reply with any text bytes is accepted";
  const smtpcodes::ReplyDiagnostics diagnostics = reply->diagnostics();
  bool non_ascii = false;
  bool control = false;
  bool nul = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    non_ascii = non_ascii || byte > 127;
    control = control || (byte < 32 && byte != 9) || byte == 127;
    nul = nul || byte == 0;
  }
  if (diagnostics.has(ReplyDiagnostic::invalid_utf8) != !well_formed_utf8(text)) {
    return "invalid_utf8 differs from RFC 3629";
  }
  if (diagnostics.has(ReplyDiagnostic::non_ascii_text) != non_ascii) return "non_ascii_text differs";
  if (diagnostics.has(ReplyDiagnostic::control_characters) != control)
    return "control_characters differs from RFC 5321";
  if (diagnostics.has(ReplyDiagnostic::nul_character) != nul) return "nul_character differs";
  return nullptr;
}

}  // namespace

TEST_CASE("text bytes are classified as RFC 3629 and RFC 5321 say") {
  smtpcodes_inputs::Checker checker;
  for (unsigned a = 0; a < 256; ++a) {
    checker(check_text, std::string(1, static_cast<char>(a)));
    for (unsigned b = 0; b < 256; ++b) {
      checker(check_text, std::string{static_cast<char>(a), static_cast<char>(b)});
    }
  }
  static constexpr unsigned char boundaries[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                                 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                                 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  for (const unsigned char a : boundaries) {
    for (const unsigned char b : boundaries) {
      for (const unsigned char c : boundaries) {
        const char three[] = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        checker(check_text, std::string_view(three, 3));
        for (const unsigned char d : boundaries) {
          const char four[] = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)};
          checker(check_text, std::string_view(four, 4));
        }
      }
    }
  }
  MESSAGE(checker.inputs() << " texts");
  CHECK(checker.failures() == 0);
}
