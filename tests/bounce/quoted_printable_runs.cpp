// The quoted-printable decoder copies the runs that need no decoding many
// bytes a step (quoted_printable_run_end). Checked against a decoder that
// reads one byte at a time, on random text made mostly of what such runs
// stop at, at every length and offset. The suite builds this file a second
// time without SSE2's macro, for the eight-byte fallback.
#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include <smtpcodes/bounce/transfer_encoding.hpp>

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool held_as_is(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 0x20 && byte < 0x7F) || c == '\t' || c == '\r' || c == '\n';
}

// RFC 2045 §6.7 one byte at a time, as decode_quoted_printable documents it.
smtpcodes::Decoded reference_decode(std::string_view in, std::string& out) {
  smtpcodes::Decoded decoded;
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c != '=') {
      if (!held_as_is(c)) ++decoded.invalid_bytes;
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < in.size() && (in[j] == ' ' || in[j] == '\t')) ++j;
    if (j == in.size()) break;
    if (in[j] == '\r' || in[j] == '\n') {
      i = (in[j] == '\r' && j + 1 < in.size() && in[j + 1] == '\n') ? j + 1 : j;
      continue;
    }
    if (i + 2 < in.size() && hex_digit(in[i + 1]) >= 0 && hex_digit(in[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
      i += 2;
      continue;
    }
    ++decoded.invalid_bytes;
    out += c;
  }
  decoded.written = out.size();
  return decoded;
}

std::size_t reference_run_end(std::string_view text, std::size_t from) {
  while (from < text.size() && text[from] != '=' && held_as_is(text[from])) ++from;
  return from;
}

constexpr bool decodes_at_compile_time() {
  char out[16] = {};
  const smtpcodes::DecodeResult result = smtpcodes::decode_quoted_printable("a=3Db\x01=\r\nc", out, sizeof out);
  return result && result->written == 5 && result->invalid_bytes == 1 && out[1] == '=' && out[3] == '\x01' &&
         out[4] == 'c';
}
static_assert(decodes_at_compile_time(), "the decoder runs in a constant expression");
static_assert(smtpcodes::detail::quoted_printable_run_end("abc=def", 0) == 3);

}  // namespace

TEST_CASE("quoted-printable runs end where a byte-by-byte reading stops") {
  std::mt19937 random(17);
  // Plain letters, and every kind of byte a run stops at or passes.
  constexpr std::string_view stops = "=\t\r\n \x7F\x80\xFF\x01\x1F~";
  for (int round = 0; round < 20000; ++round) {
    std::string text(std::uniform_int_distribution<std::size_t>(0, 70)(random), 'a');
    const int density = std::uniform_int_distribution<int>(1, 40)(random);
    for (char& c : text) {
      if (std::uniform_int_distribution<int>(0, density)(random) == 0) {
        c = stops[std::uniform_int_distribution<std::size_t>(0, stops.size() - 1)(random)];
      } else if (std::uniform_int_distribution<int>(0, 7)(random) == 0) {
        c = "0123456789ABCDEFabcdefz"[std::uniform_int_distribution<int>(0, 22)(random)];
      }
    }
    for (std::size_t from = 0; from <= text.size(); ++from) {
      REQUIRE(smtpcodes::detail::quoted_printable_run_end(text, from) == reference_run_end(text, from));
    }
    std::string expected;
    const smtpcodes::Decoded want = reference_decode(text, expected);
    std::string out(text.size(), '\0');
    const smtpcodes::DecodeResult got = smtpcodes::decode_quoted_printable(text, out.data(), out.size());
    REQUIRE(got);
    CHECK(*got == want);
    CHECK(out.substr(0, got->written) == expected);
  }
}
