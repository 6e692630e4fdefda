// Codes in free text: the best match, all matches, and the inputs that must
// yield nothing.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include <smtpcodes/bounce/find.hpp>
#include <smtpcodes/literals.hpp>

using smtpcodes::CodeKind;
using smtpcodes::find_all_codes;
using smtpcodes::find_codes;
using namespace std::string_view_literals;
using namespace smtpcodes::literals;

namespace {

// The code's text, or "" when there is none.
template <class Code>
constexpr bool shows(const std::optional<smtpcodes::Located<Code>>& found, std::string_view expected) {
  return found ? smtpcodes::to_string(found->code).view() == expected : expected.empty();
}

constexpr bool best_is(std::string_view text, std::string_view reply, std::string_view status) {
  const auto found = find_codes(text);
  return shows(found.reply_code, reply) && shows(found.enhanced_status, status);
}

}  // namespace

// The finder works in constant expressions.
static_assert(best_is("smtp; 554 5.7.1 <x@y>: Relay access denied", "554", "5.7.1"));
static_assert(best_is("553 sorry, badrcptto (#5.7.1)", "553", "5.7.1"));
static_assert(best_is("Connection to 192.5.1.1 failed", "", ""));
static_assert(find_codes("").empty());
static_assert(find_all_codes("550 5.1.1 (4.2.2)").size() == 3);
static_assert(find_codes("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##").enhanced_status->offset == 5);
static_assert(!find_codes("dsn=5.1.1, status=bounced").reply_code);
static_assert(smtpcodes::name(CodeKind::reply_code) == "reply_code");
static_assert(smtpcodes::name(CodeKind::enhanced_status) == "enhanced_status");

TEST_CASE("find_codes: each code is there with its offset, or absent") {
  struct Row {
    std::string_view text;
    std::optional<smtpcodes::Located<smtpcodes::ReplyCode>> reply;
    std::optional<smtpcodes::Located<smtpcodes::EnhancedStatus>> status;
  };
  using smtpcodes::Located;
  const Row rows[] = {
      {"said: 550 5.1.1 unknown", Located<smtpcodes::ReplyCode>{550_reply, 6},
       Located<smtpcodes::EnhancedStatus>{"5.1.1"_status, 10}},
      {"5.1.1 (550 user unknown)", Located<smtpcodes::ReplyCode>{550_reply, 7},
       Located<smtpcodes::EnhancedStatus>{"5.1.1"_status, 0}},
      {"550 mailbox unavailable", Located<smtpcodes::ReplyCode>{550_reply, 0}, std::nullopt},
      {"dsn=5.1.1, status=bounced", std::nullopt, Located<smtpcodes::EnhancedStatus>{"5.1.1"_status, 4}},
      {"Connection to 192.5.1.1 failed", std::nullopt, std::nullopt},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const smtpcodes::FoundCodes found = find_codes(row.text);
    CHECK(found.reply_code == row.reply);
    CHECK(found.enhanced_status == row.status);
    CHECK(found.empty() == (!row.reply && !row.status));
  }
}

TEST_CASE("find_codes: the issue's real-world inputs") {
  struct Row {
    std::string_view text, reply, status;
  };
  constexpr Row rows[] = {
      {"host mx.example.com[192.0.2.1] said: 550-5.1.1 The email account that you tried to reach does not exist", "550",
       "5.1.1"},
      {"status=bounced (host ...[203.0.113.5] said: 552 5.2.2 <a@b>: Mailbox full (in reply to RCPT TO command))",
       "552", "5.2.2"},
      {"Remote Server returned '550 5.7.606 Access denied, banned sending IP [192.0.2.225]'", "550", "5.7.606"},
      {"smtp; 554 5.7.1 <x@y>: Relay access denied", "554", "5.7.1"},
      {"553 sorry, badrcptto (#5.7.1)", "553", "5.7.1"},
      {"#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "550", "5.1.1"},
      // Three-digit subjects and details.
      {"451 4.4.316 Connection timed out", "451", "4.4.316"},
      {"550 5.7.515 Access denied, sending domain does not meet the required authentication level", "550", "5.7.515"},
      // In brackets, quotes, after '#', after '='.
      {"[550 5.1.1] user unknown", "550", "5.1.1"},
      {"\"421 4.7.0 Try again later\"", "421", "4.7.0"},
      {"dsn=5.1.1, status=bounced", "", "5.1.1"},
      {"Sorry, I couldn't find any host named example.invalid. (#5.1.2)", "", "5.1.2"},
      // The status written before the reply code.
      {"5.1.1 (550 user unknown)", "550", "5.1.1"},
      {"<mx.example.com #5.0.0 smtp; 550 5.1.1 no such user>", "550", "5.1.1"},
      // A reply code alone, at the start or after "said:".
      {"550 Requested action not taken: mailbox unavailable", "550", ""},
      {"Remote host said: 553 sorry, that domain isn't in my list", "553", ""},
      // Several codes: failure over success, specific over X.0.0, agreeing class.
      {"250 2.1.0 Sender ok\n550 5.1.1 user unknown", "550", "5.1.1"},
      // In running prose a number needs an introducing word, or its status
      // of the same class right after it (RFC 2034 §4: "550 5.1.1").
      {"the server then 550 5.1.1 user unknown", "550", "5.1.1"},
      {"220-laposte 421 4.2.1 Service refuse", "421", "4.2.1"},
      {"the server then 550 4.1.1 user unknown", "", "4.1.1"},
      {"the queue then has 450 messages", "", ""},
      {"550 5.0.0 failed; 550 5.1.1 user unknown", "550", "5.1.1"},
      {"421 5.2.2 odd; 452 4.2.2 over quota", "452", "4.2.2"},
      // The inner reply of a quoted one wins a tie.
      {"554 5.7.1 rejected: '554 5.7.1 blocked by policy'", "554", "5.7.1"},
      {"Message expired (4.4.7); last error: 451 4.4.1 connection timed out", "451", "4.4.1"},
      // A reply code and its status vouch for each other in prose, in either order.
      {"smtp; 2.1.5 250 OK", "250", "2.1.5"},
      {"smtp; 5.1.1 550 user unknown", "550", "5.1.1"},
      // A continuation line opened in running prose (RFC 5321 §4.2).
      {"smtp; 5.3.0 - Other mail system problem 550-\"Unknown user x@example.jp\" (delivery attempts: 0)", "550",
       "5.3.0"},
      {"delivery failed, mail system problem 550-5.1.1 The email account does not exist", "550", "5.1.1"},
      {"the message has 550-5.7.1 been blocked", "550", "5.7.1"},
      // Exchange quotes the remote reply; the reply code inside the quotes counts.
      {"Remote Server returned '550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; not authorized'", "550",
       "5.7.129"},
      {"Remote Server returned '<a@example.com> #550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'", "550",
       "5.1.10"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const auto found = find_codes(row.text);
    CHECK(shows(found.reply_code, row.reply));
    CHECK(shows(found.enhanced_status, row.status));
  }
}

TEST_CASE("find_codes: numbers that are not codes") {
  constexpr std::string_view rows[] = {
      "Connection to 192.5.1.1 failed",
      "relay=mx.example.com[10.5.1.12]:25, delay=0.5",
      "agent v2.5.1.0 started",
      "ESMTP Postfix 3.7.11 ready",
      "Exim 4.94.2 #2 on Debian",
      "version 2.1.5 of the filter",
      "Error (-2019901852:4030:-2147467259) while sending",
      "Date: Mon, 23 Nov 2026 11:29:37 +0000",
      "at 2026-11-23 12:05:50 the queue id 4F2A51C0E3 was removed",
      "connect to mx.example.com:465 timed out",
      "connect to mx.example.com:443 timed out",
      "port 587 refused",
      "port 550",
      "message size 552 exceeds the limit of 250 KB",
      "The mailbox has 450 messages and 550 bytes left",
      "took 421 ms",
      "build 5.1.1-beta deployed",
      "release 4.94.2-1",
      "IPv4 address 203.0.113.5 is listed",
      "server 2001:db8::5.1.1.1 answered",
      "Received: from mail by 198.51.100.4 with id 550123",
      "inode 5.7.606.2 is busy",
      "pid=421 uid=550 gid=554",
      "queue id 550ABC12 and 12550",
      "size=552000",
      "5.1.1.1 and 1.5.1.1",
      "3.7.11 and 6.0.0 and 1.2.3",
      "587 465 999 100 199",
      "Judy Trotter +1 925-423-5635",
      "call 555-550-1234 or 555 550 1234",
      // Versions after a product name, in a quoted Subject or a Received line.
      "Subject: [ANNOUNCE] wxPython 2.3.0",
      ">wxPython 2.3.0 is now available",
      "ANNOUNCE Mailman 2.0.2 (important fix)",
      "(Content Technologies SMTPRS 4.3.17) with ESMTP",
      "crashed in Firefox 4.0.1 again",
      // Ranges and compounds are not continuation lines.
      "a 450-page report",
      "pages 250-300",
      // An attribute's value in HTML a notice quotes.
      R"(<img src="x.gif" width="600" height="400" border="0">)",
      "<td width='550'>",
  };
  for (std::string_view text : rows) {
    CAPTURE(text);
    CHECK(find_codes(text).empty());
    CHECK(find_all_codes(text).empty());
  }
}

TEST_CASE("find_all_codes: every match with its offset, in order") {
  const std::string_view text = "#5.0.0 smtp; 550 5.1.1 <a@b>; (421 4.4.2)";
  const auto matches = find_all_codes(text);
  REQUIRE(matches.size() == 5);
  struct Row {
    CodeKind kind;
    std::size_t offset;
    std::string_view code;
  };
  constexpr Row expected[] = {
      {CodeKind::enhanced_status, 1, "5.0.0"},  {CodeKind::reply_code, 13, "550"},
      {CodeKind::enhanced_status, 17, "5.1.1"}, {CodeKind::reply_code, 31, "421"},
      {CodeKind::enhanced_status, 35, "4.4.2"},
  };
  for (std::size_t i = 0; i < matches.size(); ++i) {
    CAPTURE(i);
    CHECK(matches[i].kind == expected[i].kind);
    CHECK(matches[i].offset == expected[i].offset);
    CHECK(text.substr(matches[i].offset, matches[i].length) == expected[i].code);
  }
  CHECK_FALSE(matches.truncated);
}

TEST_CASE("find_all_codes keeps the first 16 and says so; for_each_code reaches all") {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "550 5.1.1 x\n";
  const auto matches = find_all_codes(text);
  CHECK(matches.size() == smtpcodes::CodeMatches::capacity);
  CHECK(matches.truncated);
  CHECK(smtpcodes::for_each_code(text, [](const smtpcodes::CodeMatch&) {}) == 40);
  // A callback returning false stops the scan.
  CHECK(smtpcodes::for_each_code(text, [](const smtpcodes::CodeMatch&) { return false; }) == 1);
}

TEST_CASE("find_codes: hostile input is scanned in linear time without faults") {
  std::string digits(200000, '5');
  CHECK(find_codes(digits).empty());
  std::string dots;
  for (int i = 0; i < 50000; ++i) dots += "5.1.";
  CHECK(find_codes(dots).empty());
  std::string many;
  for (int i = 0; i < 50000; ++i) many += "550 ";
  CHECK(find_codes(many).reply_code->code.value() == 550);
}

// The scan reads eight characters at a time: a code must be found at every
// position within such a block and at the ragged end, after neighbours of
// the digits ('/' and ':') and after bytes of 0x80 and up (UTF-8).
TEST_CASE("find_all_codes: codes at every offset after any filler") {
  for (const std::string_view filler : {"a"sv, "/"sv, ":"sv, "\xC3\xA9"sv, "\xFF"sv}) {
    for (std::size_t repeat = 0; repeat < 20; ++repeat) {
      std::string text;
      for (std::size_t i = 0; i < repeat; ++i) text += filler;
      const std::size_t offset = text.size() + 2;
      text += "; 550 5.1.1";
      CAPTURE(text);
      const auto matches = find_all_codes(text);
      REQUIRE(matches.size() == 2);
      CHECK(matches[0].offset == offset);
      CHECK(matches[0].kind == CodeKind::reply_code);
      CHECK(matches[1].offset == offset + 4);
      CHECK(matches[1].kind == CodeKind::enhanced_status);
    }
  }
}
