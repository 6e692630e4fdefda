#ifndef SMTPCODES_TESTS_SUPPORT_REGISTRY_PROPERTIES_HPP
#define SMTPCODES_TESTS_SUPPORT_REGISTRY_PROPERTIES_HPP

// What must hold for every code looked up in the registry, checked by the
// registry's differential test and its fuzzer. The lookups (an index table,
// binary searches) are compared with a plain linear scan of the same tables;
// every text handed out must lie inside the registry's text pool, and every
// table view inside its table. Each check returns nullptr or what failed.

#include <cstddef>
#include <functional>
#include <iterator>
#include <string_view>

#include <smtpcodes/smtpcodes.hpp>

namespace smtpcodes_properties {

template <class T>
bool inside(const T* first, const T* last, const T* table_begin, const T* table_end) {
  const std::less<const T*> before;
  return first == last || (!before(first, table_begin) && !before(table_end, last));
}

// Texts come from the pool, except the words describe() uses for empty codes.
inline bool from_pool(std::string_view text) {
  const char* const pool = smtpcodes::detail::registry_text;
  return text.empty() || text == "Empty reply code" || text == "Empty enhanced status code" ||
         inside(text.data(), text.data() + text.size(), pool, pool + std::size(smtpcodes::detail::registry_text));
}

template <class T, std::size_t N>
bool inside(smtpcodes::TableView<T> view, const T (&table)[N]) {
  return inside(view.begin(), view.end(), std::begin(table), std::end(table));
}

// The first element of table whose key(row) is wanted, as a linear scan.
template <class View, class Key, class Wanted>
auto scan(View table, Key key, Wanted wanted) -> decltype(table.begin()) {
  for (const auto& row : table) {
    if (key(row) == wanted) return &row;
  }
  return nullptr;
}

inline const char* check_registry(smtpcodes::ReplyCode code) {
  namespace sc = smtpcodes;
  const sc::ReplyCodeRecord* record = sc::lookup_reply_code(code);
  if (record != scan(
                    sc::reply_code_records(), [](const auto& row) { return row.code(); }, code)) {
    return "lookup_reply_code differs from a scan of reply_code_records()";
  }
  if (sc::lookup_dotless_reading(code) !=
      scan(
          sc::dotless_readings(), [](const auto& row) { return row.vendor_code(); }, code)) {
    return "lookup_dotless_reading differs from a scan of dotless_readings()";
  }
  if (sc::lookup_derivation_pairing(code) !=
      scan(
          sc::derivation_pairings(), [](const auto& row) { return row.reply(); }, code)) {
    return "lookup_derivation_pairing differs from a scan of derivation_pairings()";
  }

  const sc::ReplyCodeDescription description = sc::describe(code);
  if (!(description.code == code) || description.fallback != (record == nullptr)) {
    return "describe(ReplyCode) does not match the lookup";
  }
  if (description.title.empty()) return "describe(ReplyCode) gives no title";
  for (const std::string_view text :
       {description.title, description.description, description.references, description.remedy.advice}) {
    if (!from_pool(text)) return "describe(ReplyCode) hands out text from outside the registry";
  }
  if (!inside(description.meanings, sc::detail::reply_meanings) ||
      !inside(description.claims, sc::detail::reply_claims)) {
    return "describe(ReplyCode) hands out a view outside its table";
  }
  for (const sc::ReplyMeaning& meaning : description.meanings) {
    if (!(meaning.code() == code)) return "a meaning of another code";
    if (!from_pool(meaning.meaning()) || !from_pool(meaning.defined_in()) || !from_pool(meaning.context())) {
      return "a meaning with text from outside the registry";
    }
  }
  for (const sc::SourceClaim& claim : description.claims) {
    if (!from_pool(claim.code()) || !from_pool(claim.meaning())) return "a claim with text from outside the registry";
  }

  // A derived code must agree with the reply it was derived from (RFC 3463 §2).
  const sc::DerivedStatus derived = sc::derive_enhanced_status(code);
  const std::uint8_t digit = code.first_digit();
  if (derived.has_value() != (code.value() != 0 && (digit == 2 || digit == 4 || digit == 5))) {
    return "derive_enhanced_status gives a code exactly for 2yz, 4yz and 5yz replies";
  }
  if (derived.has_value() && !sc::check_consistency(code, derived.status).consistent()) {
    return "a derived enhanced code is inconsistent with its reply";
  }
  return nullptr;
}

inline const char* check_registry(smtpcodes::EnhancedStatus status) {
  namespace sc = smtpcodes;
  const sc::EnhancedStatusRecord* record = sc::lookup_enhanced_status(status);
  const auto* const expected = scan(
      sc::enhanced_status_records(), [](const auto& row) { return row.subject_number() * 1000U + row.detail(); },
      status.subject_number() * 1000U + status.detail());
  if (status.class_digit() != 0 && record != expected) {
    return "lookup_enhanced_status differs from a scan of enhanced_status_records()";
  }

  const sc::EnhancedStatusDescription description = sc::describe(status);
  if (!(description.status == status)) return "describe(EnhancedStatus) describes another code";
  if (description.title.empty() && !(record != nullptr && record->deprecated)) {
    return "describe(EnhancedStatus) gives no title";
  }
  for (const std::string_view text :
       {description.title, description.description, description.references, description.associated_text,
        description.remedy.advice, description.class_title, description.subject_title}) {
    if (!from_pool(text)) return "describe(EnhancedStatus) hands out text from outside the registry";
  }
  if (!inside(description.associated, sc::detail::associated_replies) ||
      !inside(description.claims, sc::detail::status_claims)) {
    return "describe(EnhancedStatus) hands out a view outside its table";
  }
  if (status.class_digit() == 0) return nullptr;
  if ((description.match == sc::StatusMatch::exact) != (record != nullptr) ||
      description.fallback != (record == nullptr)) {
    return "describe(EnhancedStatus) does not match the lookup";
  }
  if (description.class_title.empty()) return "no class title for a class 2, 4 or 5 code";
  if (description.subject_title.empty() != (status.subject_number() > 7)) {
    return "a subject title exactly for the subjects RFC 3463 defines";
  }
  // X.1.5, X.1.9, X.3.6 and X.6.4 report no failure: nothing to retry.
  if (status.is_transient_failure() && description.remedy.reason != sc::FailureReason::delivered &&
      description.remedy.retry != sc::Retry::retry_later) {
    return "a 4.x.x code that is not worth retrying later (RFC 3463 §3.1)";
  }
  return nullptr;
}

inline const char* check_registry(smtpcodes::ReplyCode code, smtpcodes::EnhancedStatus status) {
  namespace sc = smtpcodes;
  if (const char* failure = check_registry(code)) return failure;
  if (const char* failure = check_registry(status)) return failure;
  const sc::Consistency consistency = sc::check_consistency(code, status);
  if (consistency.class_agrees != (status.class_digit() != 0 && code.first_digit() == status.class_digit())) {
    return "check_consistency's class agreement is not RFC 3463 §2's rule";
  }
  if ((consistency.association == sc::Association::unregistered) != (sc::lookup_enhanced_status(status) == nullptr)) {
    return "association says unregistered exactly when the registry lacks the code";
  }
  return nullptr;
}

}  // namespace smtpcodes_properties

#endif  // SMTPCODES_TESTS_SUPPORT_REGISTRY_PROPERTIES_HPP
