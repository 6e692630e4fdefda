// EHLO replies: the typed view of the extensions.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/wire/ehlo.hpp>

using smtpcodes::Extension;

namespace {

struct KeywordCase {
  std::string_view line;
  Extension extension;
  std::string_view keyword;
  std::string_view parameters;
};

const KeywordCase keyword_cases[] = {
    {"SIZE 35882577", Extension::size, "SIZE", "35882577"},
    {"size", Extension::size, "size", ""},
    {"AUTH LOGIN PLAIN XOAUTH2", Extension::auth, "AUTH", "LOGIN PLAIN XOAUTH2"},
    {"AUTH=LOGIN", Extension::auth, "AUTH", "LOGIN"},
    {"ENHANCEDSTATUSCODES", Extension::enhanced_status_codes, "ENHANCEDSTATUSCODES", ""},
    {"PIPELINING", Extension::pipelining, "PIPELINING", ""},
    {"STARTTLS", Extension::starttls, "STARTTLS", ""},
    {"8BITMIME", Extension::eight_bit_mime, "8BITMIME", ""},
    {"SMTPUTF8", Extension::smtputf8, "SMTPUTF8", ""},
    {"CHUNKING", Extension::chunking, "CHUNKING", ""},
    {"BINARYMIME", Extension::binary_mime, "BINARYMIME", ""},
    {"DSN", Extension::dsn, "DSN", ""},
    {"REQUIRETLS", Extension::requiretls, "REQUIRETLS", ""},
    {"Requiretls", Extension::requiretls, "Requiretls", ""},
    {"XCLIENT NAME ADDR", Extension::unknown, "XCLIENT", "NAME ADDR"},
    {"ETRN", Extension::unknown, "ETRN", ""},
    {"VRFY", Extension::unknown, "VRFY", ""},
};

}  // namespace

TEST_CASE("each extension keyword, with its parameters") {
  for (const KeywordCase& c : keyword_cases) {
    CAPTURE(c.line);
    const std::string text = "250-mx.example.com\r\n250 " + std::string(c.line) + "\r\n";
    const auto reply = smtpcodes::parse_whole_reply(text);
    REQUIRE(reply);
    const auto ehlo = smtpcodes::parse_ehlo(*reply);
    REQUIRE(ehlo.size() == 1);
    CHECK(ehlo.begin()->extension == c.extension);
    CHECK(ehlo.begin()->keyword == c.keyword);
    CHECK(ehlo.begin()->parameters == c.parameters);
    CHECK(ehlo.find(c.keyword) == ehlo.begin());
    if (c.extension != Extension::unknown) {
      CHECK(ehlo.has(c.extension));
      CHECK(smtpcodes::extension_from_keyword(smtpcodes::keyword(c.extension)) == c.extension);
    }
  }
}

TEST_CASE("a real Postfix EHLO reply") {
  const auto reply = smtpcodes::parse_whole_reply(
      "250-mail.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n"
      "250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n"
      "250 CHUNKING\r\n");
  REQUIRE(reply);
  const auto ehlo = smtpcodes::parse_ehlo(*reply);
  CHECK(ehlo.domain() == "mail.example.org");
  CHECK(ehlo.greeting().empty());
  CHECK(ehlo.size() == 10);
  CHECK(ehlo.size_limit() == 10240000);
  CHECK(ehlo.has_size_limit());
  std::vector<std::string_view> mechanisms(ehlo.auth_mechanisms().begin(), ehlo.auth_mechanisms().end());
  CHECK(mechanisms == std::vector<std::string_view>{"PLAIN", "LOGIN"});
  for (Extension e : {Extension::pipelining, Extension::enhanced_status_codes, Extension::eight_bit_mime,
                      Extension::dsn, Extension::smtputf8, Extension::chunking}) {
    CHECK(ehlo.has(e));
  }
  CHECK_FALSE(ehlo.has(Extension::starttls));
  CHECK(ehlo.find("vrfy") != nullptr);
}

TEST_CASE("SIZE values, and replies that list nothing") {
  struct SizeCase {
    std::string_view line;
    std::uint64_t limit;
  };
  const SizeCase sizes[] = {
      {"SIZE 0", 0},
      {"SIZE", 0},
      {"SIZE abc", 0},
      {"SIZE 18446744073", 18446744073ULL},
      {"SIZE 99999999999999999999", 0},
  };
  for (const SizeCase& c : sizes) {
    CAPTURE(c.line);
    const std::string text = "250-mx\r\n250 " + std::string(c.line) + "\r\n";
    const auto ehlo = smtpcodes::parse_ehlo(smtpcodes::parse_whole_reply(text).value());
    CHECK(ehlo.has(Extension::size));
    CHECK(ehlo.size_limit() == c.limit);
  }
  const auto hello = smtpcodes::parse_ehlo(smtpcodes::parse_whole_reply("250 mx.example.com Hello\r\n").value());
  CHECK(hello.size() == 0);
  CHECK(hello.greeting() == "Hello");
  CHECK(hello.auth_mechanisms().size() == 0);
  const auto refused = smtpcodes::parse_ehlo(smtpcodes::parse_whole_reply("502-x\r\n502 SIZE 1\r\n").value());
  CHECK(refused.size() == 0);
  CHECK(refused.domain().empty());
}
