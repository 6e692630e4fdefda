// Base64 and quoted-printable bodies of bounce notices (RFC 2045 §6.7, §6.8):
// what each decoder writes, what it counts as invalid, and the one result
// convention of every decoder (DecodeResult: written, or the size needed).
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include <smtpcodes/bounce/transfer_encoding.hpp>

namespace {

using smtpcodes::Decoded;
using smtpcodes::DecodeError;
using smtpcodes::DecodeErrorKind;
using smtpcodes::DecodeResult;

struct Output {
  std::string text;
  std::size_t invalid_bytes = 0;
};

template <class Decoder>
Output decode_with(Decoder decoder, std::string_view in) {
  std::string out(in.size(), '\0');
  const DecodeResult result = decoder(in, out.data(), out.size());
  REQUIRE(result.has_value());
  out.resize(result->written);
  return Output{out, result->invalid_bytes};
}

Output base64(std::string_view in) {
  return decode_with([](std::string_view i, char* o, std::size_t n) { return smtpcodes::decode_base64(i, o, n); }, in);
}

Output quoted(std::string_view in) {
  return decode_with(
      [](std::string_view i, char* o, std::size_t n) { return smtpcodes::decode_quoted_printable(i, o, n); }, in);
}

Output decoded(std::string_view message) {
  return decode_with([](std::string_view i, char* o, std::size_t n) { return smtpcodes::decode_text_parts(i, o, n); },
                     message);
}

constexpr bool decodes_in_constant_expression() {
  char out[16]{};
  const DecodeResult result = smtpcodes::decode_base64("NTUwIDUuMS4x", out, sizeof out);
  return result && result->written == 9 && std::string_view(out, 9) == "550 5.1.1";
}

constexpr bool reports_a_small_buffer_in_constant_expression() {
  char out[4]{};
  const DecodeResult result = smtpcodes::decode_quoted_printable("550=205.1.1", out, sizeof out);
  return !result && result.error() == DecodeError{DecodeErrorKind::buffer_too_small, 9} &&
         std::string_view(out, 4) == "550 ";
}

}  // namespace

static_assert(decodes_in_constant_expression());
static_assert(reports_a_small_buffer_in_constant_expression());

TEST_CASE("decode_base64") {
  struct Row {
    std::string_view in, out;
    std::size_t invalid_bytes;
  };
  constexpr Row rows[] = {
      {"", "", 0},
      {"NTUw", "550", 0},
      {"NTUwIDUuMS4xIFVzZXIgdW5rbm93bg==", "550 5.1.1 User unknown", 0},
      {"NTUwIDUu\r\nMS4xIFVz\nZXIgdW5rbm93bg==", "550 5.1.1 User unknown", 0},  // line breaks skipped
      {"NTUwIDUuMS4x IFVz\tZXI=", "550 5.1.1 User", 0},                         // blanks skipped
      {"NTU*w", "550", 1},                                                      // noise skipped, counted
      {"NTUw\xC3\xA9", "550", 2},
      {"NTUwIA", "550 ", 0},  // padding missing: the bytes are there
      {"N", "", 1},           // six bits make no byte
      {"NTUwI", "550", 1},
      // Issue 14.5: padding ends a group, not the data. Blocks encoded one
      // after another (0.1 stopped at the first "=" and lost the rest).
      {"NQ==NQ==", "55", 0},
      {"NTUwIA==\r\nNS4xLjE=\r\nIHVzZXIgdW5rbm93bg==\r\n", "550 5.1.1 user unknown", 0},
      {"NTU=\nMA==",
       "55"
       "0",
       0},
      {"NQ=\n=NQ", "55", 0},  // the padding of one group split over two lines
      // "=" that pads no group is skipped and counted.
      {"NTUw=NTUw", "550550", 1},
      {"=NTUw", "550", 1},
      {"NQ===NQ", "55", 1},
      {"N=NTUw", "550", 2},  // the lone "N" is lost too
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    const Output out = base64(row.in);
    CHECK(out.text == row.out);
    CHECK(out.invalid_bytes == row.invalid_bytes);
  }
}

TEST_CASE("decode_quoted_printable") {
  struct Row {
    std::string_view in, out;
    std::size_t invalid_bytes;
  };
  constexpr Row rows[] = {
      {"", "", 0},
      {"550 5.1.1 user=20unknown", "550 5.1.1 user unknown", 0},
      {"Remote Server returned '550 5.1.1 RESOLVER.ADR.Recip=\r\nNotFound'",
       "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound'", 0},
      {"soft=  \nbreak", "softbreak", 0},
      {"soft=\rbreak", "softbreak", 0},
      {"a=3Db", "a=b", 0},
      {"a=3db", "a=b", 0},  // lower-case hex, which RFC 2045 lets a robust decoder read
      {"caf=C3=A9", "caf\xC3\xA9", 0},
      {"trailing =", "trailing ", 0},
      {"trailing =  ", "trailing ", 0},
      // Issue 14.5: what cannot be decoded is kept as it is and counted.
      {"bad =ZZ escape", "bad =ZZ escape", 1},
      {"=4", "=4", 1},
      {"a=\tb", "a=\tb", 1},
      {"==41", "=A", 1},
      {"=\xC3\xA9", "=\xC3\xA9", 3},  // raw 8-bit text in a quoted-printable part
      {"caf\xE9", "caf\xE9", 1},
      {std::string_view("nul\x00.", 5), std::string_view("nul\x00.", 5), 1},
      {"tab\tand CRLF\r\n", "tab\tand CRLF\r\n", 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    const Output out = quoted(row.in);
    CHECK(out.text == row.out);
    CHECK(out.invalid_bytes == row.invalid_bytes);
  }
}

TEST_CASE("every decoder says how much buffer it needs") {
  using Decoder = DecodeResult (*)(std::string_view, char*, std::size_t) noexcept;
  struct Row {
    const char* name;
    Decoder decode;
    std::string_view in, out;
  };
  const Row rows[] = {
      {"base64", smtpcodes::decode_base64, "NTUwIDUuMS4x", "550 5.1.1"},
      {"quoted-printable", smtpcodes::decode_quoted_printable, "550=205.1.1", "550 5.1.1"},
      {"text parts", smtpcodes::decode_text_parts, "Content-Transfer-Encoding: base64\n\nNTUw",
       "Content-Transfer-Encoding: base64\n\n550"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    for (std::size_t size = 0; size <= row.out.size() + 1; ++size) {
      CAPTURE(size);
      std::string out(size + 1, '#');  // one canary byte past the buffer
      const DecodeResult result = row.decode(row.in, out.data(), size);
      CHECK(out[size] == '#');
      if (size < row.out.size()) {
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().kind == DecodeErrorKind::buffer_too_small);
        CHECK(result.error().needed == row.out.size());
        CHECK(out.substr(0, size) == row.out.substr(0, size));  // the start of the result
      } else {
        REQUIRE(result.has_value());
        CHECK(result->written == row.out.size());
        CHECK(out.substr(0, result->written) == row.out);
      }
    }
  }
  CHECK(smtpcodes::name(DecodeErrorKind::buffer_too_small) == "buffer_too_small");
}

TEST_CASE("decode_text_parts decodes text parts and leaves the rest") {
  const std::string message =
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
      "--B\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n"
      "The address kim@example.com was not fou=\nnd: 550 5.1.1 user=20unknown\n"
      "--B\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
      "RmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGtpbUBleGFtcGxlLmNvbQpBY3Rpb246IGZhaWxlZApTdGF0dXM6IDUuMS4xCg==\n"
      "--B\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogaGk=\n"
      "--B--\n";
  const Output out = decoded(message);
  CHECK(out.text.find("was not found: 550 5.1.1 user unknown") != std::string::npos);
  CHECK(out.text.find("Final-Recipient: rfc822; kim@example.com\nAction: failed\nStatus: 5.1.1") != std::string::npos);
  CHECK(out.text.find("U3ViamVjdDogaGk=") != std::string::npos);  // the returned message stays as it is
  CHECK(out.text.size() <= message.size());
  CHECK(out.invalid_bytes == 0);
  const auto status = smtpcodes::find_delivery_status(out.text);
  CHECK(smtpcodes::parse_delivery_status(status).recipient_count() == 1);

  SUBCASE("a single-part message") {
    CHECK(decoded("Content-Transfer-Encoding: base64\n\nNTUw\n").text == "Content-Transfer-Encoding: base64\n\n550");
  }
  SUBCASE("nothing to decode: an exact copy") {
    const std::string_view plain = "Subject: x\n\nbody=20\n";
    CHECK(decoded(plain).text == plain);
  }
  SUBCASE("the invalid bytes of every part add up") {
    const Output broken = decoded(
        "Content-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Transfer-Encoding: base64\n\nNT*Uw\n"
        "--b\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n=ZZ =4\n--b--\n");
    CHECK(broken.text.find("\n550\n") != std::string::npos);
    CHECK(broken.text.find("\n=ZZ =4\n") != std::string::npos);
    CHECK(broken.invalid_bytes == 3);
  }
}

// Issue 14.5: a notice whose delivery-status part was encoded in two blocks,
// each with its padding. 0.1 stopped at the first padding, lost the
// recipient block, and the message yielded no recipient.
TEST_CASE("regression: base64 padding in the middle of a delivery-status part") {
  const std::string message =
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
      // "Reporting-MTA: dns; mx.example\n\n", padded
      "UmVwb3J0aW5nLU1UQTogZG5zOyBteC5leGFtcGxlCgo=\n"
      // "Final-Recipient: rfc822; kim@example.com\nAction: failed\nStatus: 5.1.1\n"
      "RmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGtpbUBleGFtcGxlLmNvbQpBY3Rpb246IGZhaWxlZApTdGF0dXM6IDUuMS4xCg==\n"
      "--b--\n";
  const Output out = decoded(message);
  CHECK(out.invalid_bytes == 0);
  const auto status = smtpcodes::parse_delivery_status(smtpcodes::find_delivery_status(out.text));
  CHECK(status.message.reporting_mta.value == "mx.example");
  REQUIRE(status.recipient_count() == 1);
  for (const smtpcodes::DsnRecipient& recipient : status) {
    CHECK(recipient.recipient() == "kim@example.com");
    CHECK(recipient.status_text == "5.1.1");
  }
}

TEST_CASE("decode_text_parts says when parts were too deep to decode") {
  std::string message;
  for (int level = 0; level <= smtpcodes::max_mime_depth; ++level) {
    message +=
        "Content-Type: multipart/mixed; boundary=b" + std::to_string(level) + "\n\n--b" + std::to_string(level) + "\n";
  }
  message += "Content-Transfer-Encoding: base64\n\nNTUw\n";
  const Output shallow = decoded("Content-Transfer-Encoding: base64\n\nNTUw\n");
  std::string out(message.size(), '\0');
  const DecodeResult deep = smtpcodes::decode_text_parts(message, out.data(), out.size());
  REQUIRE(deep.has_value());
  CHECK(deep->skipped_multiparts == 1);
  CHECK(std::string_view(out.data(), deep->written) == message);  // copied, not decoded
  CHECK(shallow.text.find("550") != std::string::npos);
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
TEST_CASE("the 0.1 decoder signatures still work, deprecated") {
  char out[16]{};
  CHECK(smtpcodes::decode_base64("NTUwIDUuMS4x", out) == 9);
  CHECK(std::string_view(out, 9) == "550 5.1.1");
  CHECK(smtpcodes::decode_quoted_printable("550=205.1.1", out) == 9);
  CHECK(std::string_view(out, 9) == "550 5.1.1");
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
