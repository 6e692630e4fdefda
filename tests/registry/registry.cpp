// describe(), the lookups and the fallbacks: table-driven cases.
#include <doctest/doctest.h>

#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/registry/reply_codes.hpp>

#include <string_view>

namespace sc = smtpcodes;
using sc::detail::make_enhanced_status;
using sc::detail::make_reply_code;

namespace {

struct ReplyCase {
  unsigned code;
  bool fallback;
  sc::Origin origin;
  std::string_view title;
  sc::Actor actor;
  sc::Retry retry;
};

constexpr ReplyCase reply_cases[] = {
    {220, false, sc::Origin::rfc, "<domain> Service ready", sc::Actor::nobody, sc::Retry::not_needed},
    {250, false, sc::Origin::rfc, "Requested mail action okay, completed", sc::Actor::nobody, sc::Retry::not_needed},
    {432, false, sc::Origin::rfc, "A password transition is needed", sc::Actor::sender_admin,
     sc::Retry::retry_later},  // a 4yz: retried (registry/retry.hpp)
    {535, false, sc::Origin::rfc, "Authentication credentials invalid", sc::Actor::sender_admin, sc::Retry::after_fix},
    {550, false, sc::Origin::rfc,
     "Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or command rejected for "
     "policy reasons)",
     sc::Actor::sender, sc::Retry::after_fix},
    {556, false, sc::Origin::rfc, "Domain does not accept mail", sc::Actor::sender, sc::Retry::do_not_retry},
    {422, false, sc::Origin::registry_only, "Registry-only code; vendor: mailbox full", sc::Actor::recipient,
     sc::Retry::retry_later},
    {525, false, sc::Origin::registry_only, "Registry-only code for a disabled account", sc::Actor::sender_admin,
     sc::Retry::after_fix},
    {571, false, sc::Origin::vendor, "Vendor: delivery not authorised", sc::Actor::sender_admin, sc::Retry::after_fix},
    {101, false, sc::Origin::not_smtp, "Client could not reach the network (not an SMTP reply)",
     sc::Actor::sender_admin, sc::Retry::retry_later},
    {111, false, sc::Origin::not_smtp, "Connection refused (not an SMTP reply)", sc::Actor::sender_admin,
     sc::Retry::retry_later},
    // Fallbacks: by first digit.
    {299, true, sc::Origin::unregistered, "Unregistered success reply", sc::Actor::nobody, sc::Retry::not_needed},
    {599, true, sc::Origin::unregistered, "Unregistered permanent failure", sc::Actor::sender, sc::Retry::after_fix},
    {499, true, sc::Origin::unregistered, "Unregistered temporary failure", sc::Actor::sender, sc::Retry::retry_later},
    {399, true, sc::Origin::unregistered, "Unregistered intermediate reply", sc::Actor::nobody, sc::Retry::not_needed},
    {100, true, sc::Origin::unregistered, "Positive preliminary reply (unused by SMTP)", sc::Actor::sender_admin,
     sc::Retry::retry_later},
    {999, true, sc::Origin::unregistered, "Reply code outside SMTP's classes", sc::Actor::sender, sc::Retry::after_fix},
};

struct StatusCase {
  std::string_view code;
  sc::StatusMatch match;
  std::string_view title;
  std::string_view subject_title;
  sc::Retry retry;
};

constexpr StatusCase status_cases[] = {
    {"5.1.1", sc::StatusMatch::exact, "Bad destination mailbox address", "Addressing Status", sc::Retry::do_not_retry},
    {"4.2.2", sc::StatusMatch::exact, "Mailbox full", "Mailbox Status", sc::Retry::retry_later},
    {"5.7.26", sc::StatusMatch::exact, "Multiple authentication checks failed", "Security or Policy Status",
     sc::Retry::after_fix},
    {"5.1.10", sc::StatusMatch::exact, "Recipient address has null MX", "Addressing Status", sc::Retry::do_not_retry},
    {"2.0.0", sc::StatusMatch::exact, "Other undefined Status", "Other or Undefined Status", sc::Retry::not_needed},
    {"5.7.30", sc::StatusMatch::exact, "REQUIRETLS support required", "Security or Policy Status",
     sc::Retry::after_fix},
    // Unregistered details fall back to their subject, unknown subjects to the class.
    {"5.7.606", sc::StatusMatch::subject, "Security or Policy Status", "Security or Policy Status",
     sc::Retry::after_fix},
    {"4.4.316", sc::StatusMatch::subject, "Network and Routing Status", "Network and Routing Status",
     sc::Retry::retry_later},
    {"5.1.11", sc::StatusMatch::subject, "Addressing Status", "Addressing Status", sc::Retry::after_fix},
    {"4.7.31", sc::StatusMatch::subject, "Security or Policy Status", "Security or Policy Status",
     sc::Retry::retry_later},
    {"5.8.1", sc::StatusMatch::status_class, "Permanent Failure", "", sc::Retry::after_fix},
    {"4.999.999", sc::StatusMatch::status_class, "Persistent Transient Failure", "", sc::Retry::retry_later},
    {"2.8.0", sc::StatusMatch::status_class, "Success", "", sc::Retry::not_needed},
};

}  // namespace

TEST_CASE("describe(ReplyCode): registered codes and fallbacks") {
  for (const ReplyCase& c : reply_cases) {
    CAPTURE(c.code);
    const auto description = sc::describe(make_reply_code(static_cast<std::uint16_t>(c.code)));
    CHECK(description.code.value() == c.code);
    CHECK(description.fallback == c.fallback);
    CHECK(description.origin == c.origin);
    CHECK(description.title == c.title);
    CHECK_FALSE(description.description.empty());
    CHECK(description.remedy.actor == c.actor);
    CHECK(description.remedy.retry == c.retry);
    CHECK_FALSE(description.remedy.advice.empty());
    CHECK((sc::lookup_reply_code(description.code) == nullptr) == c.fallback);
    if (c.fallback) {
      CHECK(description.meanings.empty());
      CHECK(description.claims.empty());
      CHECK(description.references.empty());
    }
  }
}

TEST_CASE("describe(ReplyCode): every code 100 to 999 has a title and a remedy, and nothing else falls out") {
  std::size_t registered = 0;
  for (std::uint16_t value = 100; value <= 999; ++value) {
    const auto description = sc::describe(make_reply_code(value));
    CHECK_FALSE(description.title.empty());
    CHECK_FALSE(description.remedy.advice.empty());
    registered += description.fallback ? 0U : 1U;
  }
  CHECK(registered == sc::reply_code_records().size());
  CHECK(sc::describe(sc::ReplyCode{}).fallback);
}

TEST_CASE("describe(ReplyCode): context-dependent meanings are kept apart") {
  struct Case {
    unsigned code;
    std::size_t meanings;
    std::string_view first_reference;
  };
  constexpr Case cases[] = {{454, 2, "RFC3207"}, {530, 2, "RFC3207"}, {250, 3, "RFC1985"},
                            {252, 3, "RFC1985"}, {220, 2, "RFC3207"}, {556, 2, "RFC7504"}};
  for (const Case& c : cases) {
    CAPTURE(c.code);
    const auto description = sc::describe(make_reply_code(static_cast<std::uint16_t>(c.code)));
    REQUIRE(description.meanings.size() == c.meanings);
    CHECK(description.meanings[0].defined_in() == c.first_reference);
    for (const auto& meaning : description.meanings) {
      CHECK(meaning.code().value() == c.code);
      CHECK_FALSE(meaning.context().empty());
    }
  }
  const auto tls = sc::describe(sc::reply_codes::security_temporarily_unavailable).meanings;
  CHECK(tls[0].context() == "STARTTLS");
  CHECK(tls[1].context() == "AUTH");
}

TEST_CASE("describe(ReplyCode): vendor claims with provenance, and the dotless reading") {
  // RFC 4954 defines 535 as invalid credentials; seed 000 uses it for virtual
  // servers sharing an IP address.
  const auto auth = sc::describe(sc::reply_codes::authentication_credentials_invalid);
  REQUIRE(auth.claims.size() == 3);
  CHECK(auth.claims[0].source == sc::Source::salesforce_ndr_reference);
  CHECK(auth.claims[0].agreement == sc::Agreement::conflicts);
  CHECK(auth.claims[0].meaning().find("virtual servers") != std::string_view::npos);
  REQUIRE(auth.dotless != nullptr);
  CHECK(sc::to_string(auth.dotless->status()).view() == "5.3.5");

  const auto vendor = sc::describe(make_reply_code(571));
  REQUIRE(vendor.dotless != nullptr);
  CHECK(vendor.dotless->fit == sc::DotlessFit::lines_up);
  CHECK(sc::to_string(vendor.dotless->status()).view() == "5.7.1");
  REQUIRE(vendor.claims.size() == 1);
  CHECK(vendor.claims[0].source == sc::Source::salesforce_ndr_reference);
  CHECK(vendor.claims[0].line == 83);

  // "510/511" in seeds 000 and 003 counts for both codes.
  for (unsigned code : {510U, 511U}) {
    std::size_t combined = 0;
    for (const auto& claim : sc::claims(make_reply_code(static_cast<std::uint16_t>(code)))) {
      combined += claim.code() == "510/511" ? 1U : 0U;
    }
    CHECK(combined == 2);
  }
  const sc::SourceClaim* courier = sc::lookup_claim(make_reply_code(556), sc::Source::courier_code_list);
  REQUIRE(courier != nullptr);
  CHECK(courier->agreement == sc::Agreement::conflicts);
  CHECK(courier->line == 68);
  CHECK(sc::lookup_claim(make_reply_code(556), sc::Source::salesforce_ndr_reference) == nullptr);
  CHECK(sc::lookup_claim(make_enhanced_status(4, 4, 5), sc::Source::salesforce_email_log_codes)
            ->meaning()
            .find("congestion") != std::string_view::npos);
  CHECK(sc::lookup_claim(make_enhanced_status(4, 4, 5), sc::Source::turbosmtp_table) == nullptr);
  CHECK(sc::describe(make_reply_code(548)).dotless->fit == sc::DotlessFit::unregistered);
  CHECK(sc::describe(make_reply_code(101)).dotless->fit == sc::DotlessFit::not_applicable);
  CHECK(sc::describe(make_reply_code(250)).dotless == nullptr);
  CHECK(sc::claims(make_reply_code(299)).empty());
}

TEST_CASE("describe(EnhancedStatus): registered codes and fallbacks") {
  for (const StatusCase& c : status_cases) {
    CAPTURE(c.code);
    const auto status = *sc::parse_enhanced_status(c.code);
    const auto description = sc::describe(status);
    CHECK(description.status == status);
    CHECK(description.match == c.match);
    CHECK(description.fallback == (c.match != sc::StatusMatch::exact));
    CHECK(description.title == c.title);
    CHECK(description.subject_title == c.subject_title);
    CHECK(description.class_title == sc::title(status.status_class()));
    CHECK(description.remedy.retry == c.retry);
    CHECK_FALSE(description.description.empty());
    CHECK_FALSE(description.references.empty());
    if (description.fallback) CHECK(description.associated.empty());
  }
  CHECK(sc::describe(sc::EnhancedStatus{}).fallback);
}

TEST_CASE("describe(EnhancedStatus): associations, deprecation, old names") {
  const auto any = sc::describe(make_enhanced_status(5, 0, 0));
  REQUIRE(any.associated.size() == 1);
  CHECK(any.associated[0].kind == sc::AssociationKind::any);
  const auto wildcard = sc::describe(make_enhanced_status(5, 7, 17));
  REQUIRE(wildcard.associated.size() == 1);
  CHECK(wildcard.associated[0].kind == sc::AssociationKind::any_in_class);
  CHECK(wildcard.associated[0].matches(make_reply_code(554)));
  CHECK_FALSE(wildcard.associated[0].matches(make_reply_code(454)));
  const auto deprecated = sc::describe(make_enhanced_status(5, 6, 10));
  CHECK(deprecated.deprecated);
  CHECK(deprecated.title.empty());  // the registry gives it no summary
  CHECK_FALSE(deprecated.description.empty());
  CHECK_FALSE(sc::describe(make_enhanced_status(5, 6, 8)).deprecated);
  const auto flood = sc::describe(make_enhanced_status(4, 7, 28));
  CHECK(flood.associated.empty());
  CHECK(flood.associated_text == ".");
  // Seeds 001 and 002 use the RFC 1893 name of X.4.3.
  std::size_t old_names = 0;
  for (const auto& claim : sc::claims(make_enhanced_status(5, 4, 3))) {
    old_names += claim.agreement == sc::Agreement::partial ? 1U : 0U;
  }
  CHECK(old_names == 2);
}

TEST_CASE("iteration: every table is sorted and unique by key") {
  unsigned previous = 0;
  for (const auto& record : sc::reply_code_records()) {
    CHECK(record.code().value() > previous);
    previous = record.code().value();
    CHECK(sc::lookup_reply_code(record.code()) == &record);
  }
  unsigned previous_key = 0;
  bool first = true;
  for (const auto& record : sc::enhanced_status_records()) {
    const unsigned key = record.subject_number() * 1000U + record.detail();
    CHECK((first || key > previous_key));
    first = false;
    previous_key = key;
  }
  CHECK(sc::status_class_records().size() == 3);
  CHECK(sc::subject_records().size() == 8);
  for (std::uint16_t subject = 0; subject < 8; ++subject) {
    CHECK(sc::lookup_subject(static_cast<sc::Subject>(subject)) == &sc::subject_records()[subject]);
  }
  CHECK(sc::lookup_subject(static_cast<sc::Subject>(8)) == nullptr);
}

TEST_CASE("describe(EnhancedStatus): sweep of every class, subject 0 to 20 and detail 0 to 40") {
  std::size_t exact = 0;
  for (std::uint8_t status_class : {std::uint8_t{2}, std::uint8_t{4}, std::uint8_t{5}}) {
    for (std::uint16_t subject = 0; subject <= 20; ++subject) {
      for (std::uint16_t detail = 0; detail <= 40; ++detail) {
        const auto status = make_enhanced_status(status_class, subject, detail);
        const auto description = sc::describe(status);
        const bool registered = sc::lookup_enhanced_status(status) != nullptr;
        CHECK(description.fallback == !registered);
        CHECK((description.match == sc::StatusMatch::subject) == (!registered && subject <= 7));
        CHECK((description.match == sc::StatusMatch::status_class) == (subject > 7));
        CHECK((description.title.empty()) == description.deprecated);
        CHECK_FALSE(description.remedy.advice.empty());
        CHECK(description.class_title == sc::title(status.status_class()));
        // A temporary failure is retried; X.1.5, X.1.9, X.3.6 and X.6.4 are no failures.
        if (status_class == 4 && description.remedy.reason != sc::FailureReason::delivered) {
          CHECK(description.remedy.retry == sc::Retry::retry_later);
        }
        if (status_class == 2) CHECK(description.remedy.actor == sc::Actor::nobody);
        exact += registered ? 1U : 0U;
      }
    }
  }
  CHECK(exact == 3 * sc::enhanced_status_records().size());
}
