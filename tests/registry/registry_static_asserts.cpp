// The registry checked whole at compile time: this file passes by compiling.
#include <doctest/doctest.h>

#include <smtpcodes/literals.hpp>
#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/registry/reply_codes.hpp>

#include <cstddef>
#include <string_view>

namespace sc = smtpcodes;
using namespace smtpcodes::literals;

namespace {

constexpr bool reply_codes_sorted_unique_and_indexed() {
  unsigned previous = 0;
  for (const auto& record : sc::reply_code_records()) {
    if (record.code().value() <= previous) return false;
    previous = record.code().value();
    if (sc::lookup_reply_code(record.code()) != &record) return false;
    if (record.title().empty() || record.description().empty() || record.remedy().advice.empty()) return false;
    // Only RFC codes have meanings per context; only they have references.
    if ((record.origin == sc::Origin::rfc) != !record.meanings().empty() &&
        record.origin != sc::Origin::registry_only) {
      return false;
    }
    for (const auto& meaning : record.meanings()) {
      if (meaning.code() != record.code() || meaning.meaning().empty() || meaning.defined_in().empty()) return false;
    }
    for (const auto& claim : record.claims()) {
      if (claim.code().find(sc::to_string(record.code()).view()) == std::string_view::npos) return false;
    }
  }
  return true;
}

constexpr bool enhanced_codes_sorted_unique_and_parse() {
  unsigned previous = 0;
  bool first = true;
  for (const auto& record : sc::enhanced_status_records()) {
    const unsigned key = record.subject_number() * 1000U + record.detail();
    if (!first && key <= previous) return false;
    first = false;
    previous = key;
    if (record.subject_number() > 7) return false;
    for (auto status_class : {sc::StatusClass::success, sc::StatusClass::persistent_transient_failure,
                              sc::StatusClass::permanent_failure}) {
      const sc::EnhancedStatus status = record.in_class(status_class);
      const auto text = sc::to_string(status);
      const auto parsed = sc::parse_enhanced_status(text.view());
      if (!parsed || *parsed != status) return false;
      if (sc::lookup_enhanced_status(status) != &record) return false;
    }
    if (record.description().empty() || record.remedy().advice.empty() || record.references().empty()) return false;
    if (record.title().empty() != record.deprecated) return false;  // only X.6.10 lacks a summary
  }
  return true;
}

constexpr bool associated_reply_codes_well_formed() {
  for (const auto& record : sc::enhanced_status_records()) {
    for (const auto& associated : record.associated()) {
      switch (associated.kind) {
        case sc::AssociationKind::code: {
          const auto reply = sc::ReplyCode::from_value(associated.value);
          if (!reply || !reply->is_standard()) return false;
          break;
        }
        case sc::AssociationKind::any_in_class:
          if (associated.value != 2 && associated.value != 4 && associated.value != 5) return false;
          break;
        case sc::AssociationKind::any:
          if (associated.value != 0) return false;
          break;
      }
    }
  }
  return true;
}

// Every code a seed document names (read back from the claims, "510/511" as
// two codes) is described without fallback.
constexpr bool every_seed_code_present() {
  for (const auto& claim : sc::reply_code_claims()) {
    for (std::size_t at = 0; at + 3 <= claim.code().size(); at += 4) {
      const auto reply = sc::parse_reply(claim.code().substr(at, 3), sc::ParseMode::lenient);
      if (!reply || sc::describe(*reply).fallback) return false;
    }
  }
  for (const auto& claim : sc::enhanced_status_claims()) {
    std::string_view code = claim.code();
    char buffer[16]{};
    for (std::size_t i = 0; i < code.size() && i < sizeof buffer; ++i) buffer[i] = code[i] == 'X' ? '5' : code[i];
    const auto status = sc::parse_enhanced_status(std::string_view(buffer, code.size()));
    if (!status || sc::describe(*status).fallback) return false;
  }
  return sc::reply_code_claims().size() + sc::enhanced_status_claims().size() + sc::status_class_claims().size() ==
         sc::detail::seed_row_count + 2;  // "510/511" twice
}

constexpr bool all_present(std::initializer_list<unsigned> codes) {
  for (unsigned code : codes) {
    const auto reply = sc::ReplyCode::from_value(code);
    if (!reply || sc::describe(*reply).fallback || sc::claims(*reply).empty()) return false;
  }
  return true;
}

constexpr bool pairings_sorted_and_registered() {
  unsigned previous = 0;
  for (const auto& pairing : sc::derivation_pairings()) {
    if (pairing.reply().value() <= previous) return false;
    previous = pairing.reply().value();
    if (sc::describe(pairing.status()).fallback) return false;
    if (!sc::check_consistency(pairing.reply(), pairing.status()).class_agrees) return false;
    if (sc::describe(pairing.reply()).origin != sc::Origin::rfc) return false;
  }
  return true;
}

constexpr bool dotless_readings_sorted_and_dotless() {
  unsigned previous = 0;
  for (const auto& reading : sc::dotless_readings()) {
    if (reading.vendor_code().value() <= previous) return false;
    previous = reading.vendor_code().value();
    if (reading.fit == sc::DotlessFit::not_applicable) {
      if (reading.status() != sc::EnhancedStatus{} || reading.vendor_code().first_digit() != 1) return false;
      continue;
    }
    const auto code = reading.vendor_code();
    if (reading.status().class_digit() != code.first_digit() ||
        reading.status().subject_number() != code.second_digit() || reading.status().detail() != code.third_digit()) {
      return false;
    }
    if ((sc::lookup_enhanced_status(reading.status()) == nullptr) != (reading.fit == sc::DotlessFit::unregistered)) {
      return false;
    }
  }
  return true;
}

}  // namespace

static_assert(reply_codes_sorted_unique_and_indexed());
static_assert(enhanced_codes_sorted_unique_and_parse());
static_assert(associated_reply_codes_well_formed());
static_assert(every_seed_code_present());
static_assert(pairings_sorted_and_registered());
static_assert(dotless_readings_sorted_and_dotless());
static_assert(sc::enhanced_status_records().size() == 81);
static_assert(sc::subject_records().size() == 8 && sc::status_class_records().size() == 3);

// The codes the issue names as legacy or vendor codes, and the standard codes
// the seeds give other meanings: all present, all with claims.
static_assert(all_present({101, 111, 420, 422, 431, 441, 442, 446, 447, 449, 465, 471, 510, 511,
                           512, 513, 514, 515, 516, 517, 522, 523, 524, 531, 532, 533, 540, 541,
                           542, 543, 544, 546, 547, 548, 563, 571, 572, 573, 574, 575, 576, 577}));
static_assert(all_present({530, 534, 535, 432, 521, 555, 556}));

// describe() in constant expressions, as users write it.
static_assert(sc::describe(535_reply).title == "Authentication credentials invalid");
static_assert(sc::describe(535_reply).claims[0].source == sc::Source::salesforce_ndr_reference);
static_assert(sc::describe("5.7.26"_status).title == "Multiple authentication checks failed");
static_assert(sc::describe("5.7.606"_status).fallback);
static_assert(sc::describe("5.7.606"_status).match == sc::StatusMatch::subject);
static_assert(sc::describe("4.4.316"_status).title == "Network and Routing Status");
static_assert(sc::describe(299_reply).fallback && sc::describe(599_reply).fallback);
static_assert(sc::describe(101_reply).origin == sc::Origin::not_smtp);
static_assert(sc::describe(571_reply).dotless->status() == "5.7.1"_status);
static_assert(sc::describe("5.6.10"_status).deprecated);
static_assert(!sc::check_consistency(550_reply, "4.2.2"_status).consistent());
static_assert(sc::check_consistency(550_reply, "5.1.1"_status).association == sc::Association::listed);
static_assert(sc::derive_enhanced_status(535_reply).status == "5.7.8"_status);
static_assert(sc::derive_enhanced_status(556_reply).status == "5.1.10"_status);
static_assert(sc::derive_enhanced_status(550_reply).status == "5.0.0"_status);
static_assert(sc::derive_enhanced_status(550_reply).rule == sc::DerivationRule::class_default);
static_assert(sc::derive_enhanced_status(571_reply).rule == sc::DerivationRule::dotless_vendor_code);
static_assert(!sc::derive_enhanced_status(354_reply).has_value());
static_assert(sc::reply_codes::service_ready == 220_reply);
static_assert(sc::reply_codes::mailbox_unavailable == 550_reply);
static_assert(sc::reply_codes::domain_does_not_accept_mail == 556_reply);

TEST_CASE("the registry static_assert battery compiled") { CHECK(true); }
