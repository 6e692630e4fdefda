// Whole replies parse in constant expressions: these pass by compiling.
#include <doctest/doctest.h>

#include <smtpcodes/wire/ehlo.hpp>
#include <smtpcodes/wire/reply.hpp>

namespace {

using smtpcodes::parse_whole_reply;
using smtpcodes::ReplyDiagnostic;
using smtpcodes::ReplyErrorKind;

constexpr auto ehlo_reply = parse_whole_reply(
    "250-mx.example.com Hello client\r\n"
    "250-SIZE 10240000\r\n"
    "250-AUTH PLAIN LOGIN\r\n"
    "250-ENHANCEDSTATUSCODES\r\n"
    "250 PIPELINING\r\n");
static_assert(ehlo_reply.has_value());
static_assert(ehlo_reply->code().value() == 250);
static_assert(ehlo_reply->line_count() == 5);
static_assert(ehlo_reply->line(2).text == "AUTH PLAIN LOGIN");
static_assert(ehlo_reply->complete());
static_assert(ehlo_reply->diagnostics().empty());
static_assert(!ehlo_reply->has_enhanced_status());

constexpr auto ehlo = smtpcodes::parse_ehlo(*ehlo_reply).value();
static_assert(ehlo.domain() == "mx.example.com");
static_assert(ehlo.size() == 4);
static_assert(ehlo.size_limit() == 10240000);
static_assert(ehlo.has(smtpcodes::Extension::pipelining));
static_assert(!ehlo.has(smtpcodes::Extension::starttls));
static_assert(ehlo.auth_mechanisms().contains("login"));
static_assert(ehlo.auth_mechanisms().size() == 2);

constexpr auto bounce = parse_whole_reply(
    "550-5.1.1 The email account that you tried to reach does not exist.\r\n"
    "550 5.1.1 Please try again.\r\n");
static_assert(bounce && bounce->enhanced_status().subject() == smtpcodes::Subject::addressing);
static_assert(bounce->line(1).message == "Please try again.");
static_assert(bounce->enhanced_status_source() == smtpcodes::EnhancedStatusSource::given);

static_assert(parse_whole_reply("550 4.2.2 x\r\n")->diagnostics().has(ReplyDiagnostic::enhanced_class_mismatch));
static_assert(parse_whole_reply("250-a\r\n550 b\r\n")->diagnostics().has(ReplyDiagnostic::reply_codes_differ));
static_assert(parse_whole_reply("503-503 x\r\n503 y\r\n")->diagnostics().has(ReplyDiagnostic::reply_code_in_text));
static_assert(parse_whole_reply("250 \xC3\xA9\r\n")->diagnostics().has(ReplyDiagnostic::non_ascii_text));
static_assert(parse_whole_reply("250")->diagnostics().has(ReplyDiagnostic::missing_line_ending));

static_assert(parse_whole_reply("250 a\n").error().kind == ReplyErrorKind::bare_line_feed);
static_assert(parse_whole_reply("250-a\r\n").error().kind == ReplyErrorKind::incomplete_reply);
static_assert(parse_whole_reply("250 a\r\n250 b\r\n").error().kind == ReplyErrorKind::trailing_data);
static_assert(parse_whole_reply("25x a\r\n").error().kind == ReplyErrorKind::invalid_reply_code);
static_assert(parse_whole_reply<2>("250-a\r\n250-b\r\n250 c\r\n").error().kind == ReplyErrorKind::too_many_lines);
static_assert(parse_whole_reply("250 abc\r\n", {smtpcodes::ParseMode::strict, 8, false}).error().kind ==
              ReplyErrorKind::line_too_long);

}  // namespace

TEST_CASE("the static_assert battery for whole replies compiled") { CHECK(ehlo_reply.has_value()); }
