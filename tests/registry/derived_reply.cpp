// add_derived_enhanced_status: a reply without an enhanced code gets the
// registry's derived one, marked as derived; a given code is kept.
#include <doctest/doctest.h>

#include <smtpcodes/literals.hpp>
#include <smtpcodes/registry/derived_reply.hpp>

#include <string_view>

using namespace smtpcodes::literals;
using smtpcodes::DerivationRule;
using smtpcodes::EnhancedStatusSource;

namespace {
constexpr smtpcodes::Reply derived(std::string_view text) {
  smtpcodes::Reply reply = *smtpcodes::parse_whole_reply(text);
  (void)smtpcodes::add_derived_enhanced_status(reply);
  return reply;
}
}  // namespace

static_assert(derived("535 Authentication failed\r\n").enhanced_status() == "5.7.8"_status);
static_assert(derived("535 Authentication failed\r\n").enhanced_status_source() == EnhancedStatusSource::derived);
static_assert(derived("550 5.2.1 Mailbox disabled\r\n").enhanced_status_source() == EnhancedStatusSource::given);

TEST_CASE("derivation fills in only what the server did not send") {
  struct Row {
    std::string_view text;
    std::string_view status;  // empty: none
    EnhancedStatusSource source;
    DerivationRule rule;
  };
  constexpr Row rows[] = {
      {"535 5.7.8 Bad credentials\r\n", "5.7.8", EnhancedStatusSource::given, DerivationRule::none},
      {"535 Bad credentials\r\n", "5.7.8", EnhancedStatusSource::derived, DerivationRule::registered_pairing},
      {"556 Domain does not accept mail\r\n", "5.1.10", EnhancedStatusSource::derived,
       DerivationRule::registered_pairing},
      {"550 No such user\r\n", "5.0.0", EnhancedStatusSource::derived, DerivationRule::class_default},
      {"421-busy\r\n421 try later\r\n", "4.0.0", EnhancedStatusSource::derived, DerivationRule::class_default},
      {"354 Go ahead\r\n", "", EnhancedStatusSource::none, DerivationRule::none},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    smtpcodes::Reply reply = *smtpcodes::parse_whole_reply(row.text);
    CHECK(smtpcodes::add_derived_enhanced_status(reply) == row.rule);
    CHECK(reply.enhanced_status_source() == row.source);
    CHECK(smtpcodes::name(reply.enhanced_status_source()) == smtpcodes::name(row.source));
    if (row.status.empty()) {
      CHECK_FALSE(reply.has_enhanced_status());
    } else {
      CHECK(smtpcodes::to_string(reply.enhanced_status()) == row.status);
    }
  }
}
