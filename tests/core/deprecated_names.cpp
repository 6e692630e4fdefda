// The 0.1 names still compile (with a deprecation warning, silenced here) and
// give the same answers as the names that replaced them.
#include <doctest/doctest.h>

#include <smtpcodes/bounces.hpp>

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

using namespace smtpcodes::literals;

TEST_CASE("deprecated registry lookups forward to lookup_") {
  CHECK(smtpcodes::find_reply_code(550_reply) == smtpcodes::lookup_reply_code(550_reply));
  CHECK(smtpcodes::find_enhanced_status("5.1.1"_status) == smtpcodes::lookup_enhanced_status("5.1.1"_status));
  CHECK(smtpcodes::find_subject(smtpcodes::Subject::addressing) ==
        smtpcodes::lookup_subject(smtpcodes::Subject::addressing));
  CHECK(smtpcodes::find_status_class(smtpcodes::StatusClass::permanent_failure) ==
        smtpcodes::lookup_status_class(smtpcodes::StatusClass::permanent_failure));
  CHECK(smtpcodes::find_dotless_reading(571_reply) == smtpcodes::lookup_dotless_reading(571_reply));
  CHECK(smtpcodes::find_derivation_pairing(535_reply) == smtpcodes::lookup_derivation_pairing(535_reply));
  CHECK(smtpcodes::find_reply_code(550_reply) != nullptr);
}

TEST_CASE("deprecated read_mta_log_line forwards to parse_mta_log_line") {
  constexpr std::string_view line =
      "Jan  1 00:00:00 mx postfix/smtp[1]: ABC: to=<bob@example.org>, relay=none, delay=1, status=bounced (x)";
  CHECK(smtpcodes::read_mta_log_line(line).recipient == smtpcodes::parse_mta_log_line(line).recipient);
  CHECK(smtpcodes::read_mta_log_line(line).recipient == "bob@example.org");
}

TEST_CASE("deprecated Source enumerators are the renamed sources") {
  CHECK(smtpcodes::Source::seed_000 == smtpcodes::Source::salesforce_ndr_reference);
  CHECK(smtpcodes::Source::seed_001 == smtpcodes::Source::salesforce_email_log_codes);
  CHECK(smtpcodes::Source::seed_002 == smtpcodes::Source::esp_code_list);
  CHECK(smtpcodes::Source::seed_003 == smtpcodes::Source::turbosmtp_table);
  CHECK(smtpcodes::Source::seed_004 == smtpcodes::Source::courier_code_list);
  CHECK(smtpcodes::document(smtpcodes::Source::courier_code_list) == "004_1dce11537df29d09.txt");
}

TEST_CASE("deprecated DerivedStatus::derived() is still always true") {
  CHECK(smtpcodes::derive_enhanced_status(535_reply).derived());
  CHECK(smtpcodes::derive_enhanced_status(354_reply).derived());
  CHECK_FALSE(smtpcodes::derive_enhanced_status(354_reply).has_value());
}
