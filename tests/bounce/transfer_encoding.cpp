// Base64 and quoted-printable bodies of bounce notices (RFC 2045 §6.7, §6.8).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <smtpcodes/bounce/transfer_encoding.hpp>

namespace {

std::string base64(std::string_view in) {
  std::string out(in.size(), '\0');
  out.resize(smtpcodes::decode_base64(in, out.data()));
  return out;
}

std::string quoted(std::string_view in) {
  std::string out(in.size(), '\0');
  out.resize(smtpcodes::decode_quoted_printable(in, out.data()));
  return out;
}

std::string decoded(std::string_view message) {
  std::string out(message.size(), '\0');
  out.resize(smtpcodes::decode_text_parts(message, out.data(), out.size()));
  return out;
}

constexpr bool decodes_in_constant_expression() {
  char out[16]{};
  const std::size_t n = smtpcodes::decode_base64("NTUwIDUuMS4x", out);
  return std::string_view(out, n) == "550 5.1.1";
}

}  // namespace

static_assert(decodes_in_constant_expression());

TEST_CASE("decode_base64") {
  struct Row {
    std::string_view in, out;
  };
  constexpr Row rows[] = {
      {"", ""},
      {"NTUw", "550"},
      {"NTUwIDUuMS4xIFVzZXIgdW5rbm93bg==", "550 5.1.1 User unknown"},
      {"NTUwIDUu\r\nMS4xIFVz\nZXIgdW5rbm93bg==", "550 5.1.1 User unknown"},  // line breaks skipped
      {"NTU*w", "550"},                                                      // noise skipped
      {"NTUw=garbage", "550"},                                               // "=" ends the data
      {"N", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(base64(row.in) == row.out);
  }
}

TEST_CASE("decode_quoted_printable") {
  struct Row {
    std::string_view in, out;
  };
  constexpr Row rows[] = {
      {"", ""},
      {"550 5.1.1 user=20unknown", "550 5.1.1 user unknown"},
      {"Remote Server returned '550 5.1.1 RESOLVER.ADR.Recip=\r\nNotFound'",
       "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound'"},
      {"soft=  \nbreak", "softbreak"},
      {"a=3Db", "a=b"},
      {"a=3db", "a=b"},
      {"bad =ZZ escape", "bad =ZZ escape"},
      {"trailing =", "trailing "},
      {"=4", "=4"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(quoted(row.in) == row.out);
  }
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
  const std::string out = decoded(message);
  CHECK(out.find("was not found: 550 5.1.1 user unknown") != std::string::npos);
  CHECK(out.find("Final-Recipient: rfc822; kim@example.com\nAction: failed\nStatus: 5.1.1") != std::string::npos);
  CHECK(out.find("U3ViamVjdDogaGk=") != std::string::npos);  // the returned message stays as it is
  CHECK(out.size() <= message.size());
  const auto status = smtpcodes::find_delivery_status(out);
  CHECK(smtpcodes::parse_delivery_status(status).recipient_count() == 1);

  SUBCASE("a single-part message") {
    CHECK(decoded("Content-Transfer-Encoding: base64\n\nNTUw\n") == "Content-Transfer-Encoding: base64\n\n550");
  }
  SUBCASE("nothing to decode: an exact copy") {
    const std::string_view plain = "Subject: x\n\nbody=20\n";
    CHECK(decoded(plain) == plain);
  }
  SUBCASE("a buffer too small gives nothing") {
    char small[4]{};
    CHECK(smtpcodes::decode_text_parts("Subject: x\n\nbody\n", small, sizeof small) == 0);
  }
}
