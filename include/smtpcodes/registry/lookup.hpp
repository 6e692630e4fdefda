#ifndef SMTPCODES_REGISTRY_LOOKUP_HPP
#define SMTPCODES_REGISTRY_LOOKUP_HPP

// The code registry: what every standard, registered and vendor SMTP code
// means, who says so, and what to do about it. Lookups are constant time
// (reply codes: a 900-entry index) or binary searches (enhanced codes); none
// allocates, and all work in constant expressions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/enum_names.hpp>
#include <smtpcodes/detail/registry_data.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/registry/types.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {

namespace detail {
template <typename T, std::size_t N>
constexpr TableView<T> whole(const T (&table)[N]) noexcept {
  return TableView<T>{table, N};
}
// The row fields (registry/types.hpp) at fields + at.
constexpr std::uint16_t field(std::uint16_t fields, std::size_t at) noexcept {
  return static_cast<std::uint16_t>(registry_fields[fields + at]);
}
constexpr std::string_view text(std::uint16_t fields, std::size_t at) noexcept {
  return std::string_view{registry_text + field(fields, at), field(fields, at + 1)};
}
template <typename T, std::size_t N>
constexpr TableView<T> part(const T (&table)[N], std::uint16_t fields, std::size_t at) noexcept {
  return TableView<T>{table + field(fields, at), field(fields, at + 1)};
}
// The remedy of a record, for a failure of the given class (retry.hpp).
constexpr Remedy remedy(std::uint16_t fields, std::size_t at, unsigned failure_class) noexcept {
  const auto reason = static_cast<FailureReason>(field(fields, at));
  const RetryAdvice advice = retry_advice_in_class(failure_class, reason);
  return Remedy{advice.actor, advice.retry, text(fields, at + 2), reason, advice.retry_after_seconds};
}
// The remedy for the class the record gives it for.
constexpr Remedy remedy(std::uint16_t fields, std::size_t at) noexcept {
  return remedy(fields, at, field(fields, at + 1));
}

// The keys the tables are sorted by.
constexpr std::uint32_t sort_key(const EnhancedStatusRecord& record) noexcept {
  return record.subject_number() * 1000U + record.detail();
}
constexpr std::uint32_t sort_key(const DotlessReading& reading) noexcept { return reading.vendor_code().value(); }
constexpr std::uint32_t sort_key(const DerivationPairing& pairing) noexcept { return pairing.reply().value(); }

// Binary search of a table sorted by sort_key(); nullptr if absent.
template <typename T, std::size_t N>
constexpr const T* find_sorted(const T (&table)[N], std::uint32_t wanted) noexcept {
  std::size_t low = 0;
  std::size_t high = N;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    const std::uint32_t middle_key = sort_key(table[middle]);
    if (middle_key == wanted) return &table[middle];
    if (middle_key < wanted) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return nullptr;
}
}  // namespace detail

// The accessors of the table rows (declared in <smtpcodes/registry/types.hpp>).
constexpr ReplyCode ReplyMeaning::code() const noexcept {
  return detail::make_reply_code(detail::field(fields_, detail::ReplyMeaningFields::code));
}
constexpr std::string_view ReplyMeaning::meaning() const noexcept {
  return detail::text(fields_, detail::ReplyMeaningFields::meaning);
}
constexpr std::string_view ReplyMeaning::defined_in() const noexcept {
  return detail::text(fields_, detail::ReplyMeaningFields::defined_in);
}
constexpr std::string_view ReplyMeaning::context() const noexcept {
  return detail::text(fields_, detail::ReplyMeaningFields::context);
}

constexpr std::string_view SourceClaim::code() const noexcept {
  return detail::text(fields_, detail::SourceClaimFields::code);
}
constexpr std::string_view SourceClaim::meaning() const noexcept {
  return detail::text(fields_, detail::SourceClaimFields::meaning);
}

constexpr ReplyCode ReplyCodeRecord::code() const noexcept {
  return detail::make_reply_code(detail::field(fields_, detail::ReplyCodeFields::code));
}
constexpr std::string_view ReplyCodeRecord::title() const noexcept {
  return detail::text(fields_, detail::ReplyCodeFields::title);
}
constexpr std::string_view ReplyCodeRecord::description() const noexcept {
  return detail::text(fields_, detail::ReplyCodeFields::description);
}
constexpr std::string_view ReplyCodeRecord::references() const noexcept {
  return detail::text(fields_, detail::ReplyCodeFields::references);
}
constexpr Remedy ReplyCodeRecord::remedy() const noexcept {
  return detail::remedy(fields_, detail::ReplyCodeFields::remedy);
}
constexpr TableView<ReplyMeaning> ReplyCodeRecord::meanings() const noexcept {
  return detail::part(detail::reply_meanings, fields_, detail::ReplyCodeFields::meanings);
}
constexpr TableView<SourceClaim> ReplyCodeRecord::claims() const noexcept {
  return detail::part(detail::reply_claims, fields_, detail::ReplyCodeFields::claims);
}

constexpr std::uint16_t EnhancedStatusRecord::subject_number() const noexcept {
  return detail::field(fields_, detail::EnhancedStatusFields::subject);
}
constexpr std::uint16_t EnhancedStatusRecord::detail() const noexcept {
  return detail::field(fields_, detail::EnhancedStatusFields::detail);
}
constexpr EnhancedStatus EnhancedStatusRecord::in_class(StatusClass status_class) const noexcept {
  return detail::make_enhanced_status(static_cast<std::uint8_t>(status_class), subject_number(), detail());
}
constexpr std::string_view EnhancedStatusRecord::title() const noexcept {
  return detail::text(fields_, detail::EnhancedStatusFields::title);
}
constexpr std::string_view EnhancedStatusRecord::description() const noexcept {
  return detail::text(fields_, detail::EnhancedStatusFields::description);
}
constexpr std::string_view EnhancedStatusRecord::references() const noexcept {
  return detail::text(fields_, detail::EnhancedStatusFields::references);
}
constexpr std::string_view EnhancedStatusRecord::associated_text() const noexcept {
  return detail::text(fields_, detail::EnhancedStatusFields::associated_text);
}
constexpr Remedy EnhancedStatusRecord::remedy() const noexcept {
  return detail::remedy(fields_, detail::EnhancedStatusFields::remedy);
}
constexpr Remedy EnhancedStatusRecord::remedy_in_class(StatusClass status_class) const noexcept {
  return detail::remedy(fields_, detail::EnhancedStatusFields::remedy, static_cast<unsigned>(status_class));
}
constexpr TableView<AssociatedReply> EnhancedStatusRecord::associated() const noexcept {
  return detail::part(detail::associated_replies, fields_, detail::EnhancedStatusFields::associated);
}
constexpr TableView<SourceClaim> EnhancedStatusRecord::claims() const noexcept {
  return detail::part(detail::status_claims, fields_, detail::EnhancedStatusFields::claims);
}

constexpr std::string_view StatusGroupRecord::title() const noexcept {
  return detail::text(fields_, detail::StatusGroupFields::title);
}
constexpr std::string_view StatusGroupRecord::description() const noexcept {
  return detail::text(fields_, detail::StatusGroupFields::description);
}
constexpr std::string_view StatusGroupRecord::references() const noexcept {
  return detail::text(fields_, detail::StatusGroupFields::references);
}
constexpr Remedy StatusGroupRecord::remedy() const noexcept {
  return detail::remedy(fields_, detail::StatusGroupFields::remedy);
}
constexpr Remedy StatusGroupRecord::remedy_in_class(StatusClass status_class) const noexcept {
  return detail::remedy(fields_, detail::StatusGroupFields::remedy, static_cast<unsigned>(status_class));
}
constexpr TableView<SourceClaim> StatusGroupRecord::claims() const noexcept {
  return detail::part(detail::class_claims, fields_, detail::StatusGroupFields::claims);
}

constexpr ReplyCode DerivationPairing::reply() const noexcept {
  return detail::make_reply_code(detail::field(fields_, detail::DerivationPairingFields::reply));
}
constexpr EnhancedStatus DerivationPairing::status() const noexcept {
  return detail::make_enhanced_status(
      static_cast<std::uint8_t>(detail::field(fields_, detail::DerivationPairingFields::status_class)),
      detail::field(fields_, detail::DerivationPairingFields::subject),
      detail::field(fields_, detail::DerivationPairingFields::detail));
}
constexpr std::string_view DerivationPairing::basis() const noexcept {
  return detail::text(fields_, detail::DerivationPairingFields::basis);
}

constexpr std::string_view ReplyFallbackRecord::title() const noexcept {
  return detail::text(fields_, detail::ReplyFallbackFields::title);
}
constexpr std::string_view ReplyFallbackRecord::description() const noexcept {
  return detail::text(fields_, detail::ReplyFallbackFields::description);
}
constexpr Remedy ReplyFallbackRecord::remedy() const noexcept {
  return detail::remedy(fields_, detail::ReplyFallbackFields::remedy);
}

// Every table, for iteration. Each is sorted by its key.
[[nodiscard]] constexpr TableView<ReplyCodeRecord> reply_code_records() noexcept {
  return detail::whole(detail::reply_code_records);
}
[[nodiscard]] constexpr TableView<ReplyMeaning> reply_meanings() noexcept {
  return detail::whole(detail::reply_meanings);
}
[[nodiscard]] constexpr TableView<EnhancedStatusRecord> enhanced_status_records() noexcept {
  return detail::whole(detail::enhanced_status_records);
}
[[nodiscard]] constexpr TableView<StatusGroupRecord> status_class_records() noexcept {
  return detail::whole(detail::status_classes);
}
[[nodiscard]] constexpr TableView<StatusGroupRecord> subject_records() noexcept {
  return detail::whole(detail::status_subjects);
}
// What the seed documents claim about reply codes ("510/511" counts for both),
// about enhanced codes (by X.subject.detail) and about the class digits.
[[nodiscard]] constexpr TableView<SourceClaim> reply_code_claims() noexcept {
  return detail::whole(detail::reply_claims);
}
[[nodiscard]] constexpr TableView<SourceClaim> enhanced_status_claims() noexcept {
  return detail::whole(detail::status_claims);
}
[[nodiscard]] constexpr TableView<SourceClaim> status_class_claims() noexcept {
  return detail::whole(detail::class_claims);
}
[[nodiscard]] constexpr TableView<DotlessReading> dotless_readings() noexcept {
  return detail::whole(detail::dotless_readings);
}
[[nodiscard]] constexpr TableView<DerivationPairing> derivation_pairings() noexcept {
  return detail::whole(detail::derivation_pairings);
}

// The record of a reply code, or nullptr if the registry does not know it.
[[nodiscard]] constexpr const ReplyCodeRecord* lookup_reply_code(ReplyCode code) noexcept {
  if (code.value() < 100 || code.value() > 999) return nullptr;
  const auto slot = static_cast<std::size_t>(detail::reply_code_index[code.value() - 100U]);
  return slot == 0 ? nullptr : &detail::reply_code_records[slot - 1];
}

// The registry record X.subject.detail of a code (its class does not matter:
// the registry defines each X.s.d for every class), or nullptr.
[[nodiscard]] constexpr const EnhancedStatusRecord* lookup_enhanced_status(EnhancedStatus status) noexcept {
  return detail::find_sorted(detail::enhanced_status_records, status.subject_number() * 1000U + status.detail());
}

[[nodiscard]] constexpr const StatusGroupRecord* lookup_subject(Subject subject) noexcept {
  const auto number = static_cast<std::uint16_t>(subject);
  return number <= 7 ? &detail::status_subjects[number] : nullptr;
}

[[nodiscard]] constexpr const StatusGroupRecord* lookup_status_class(StatusClass status_class) noexcept {
  switch (status_class) {
    case StatusClass::success: return &detail::status_classes[0];
    case StatusClass::persistent_transient_failure: return &detail::status_classes[1];
    case StatusClass::permanent_failure: return &detail::status_classes[2];
  }
  return nullptr;
}

// How a vendor code reads as a dotless enhanced code (571 as 5.7.1), or
// nullptr for codes no vendor list uses that way.
[[nodiscard]] constexpr const DotlessReading* lookup_dotless_reading(ReplyCode code) noexcept {
  return detail::find_sorted(detail::dotless_readings, code.value());
}

// The enhanced code the defining RFC pairs a reply code with, or nullptr.
[[nodiscard]] constexpr const DerivationPairing* lookup_derivation_pairing(ReplyCode code) noexcept {
  return detail::find_sorted(detail::derivation_pairings, code.value());
}

// What the seed documents claim a code means, with their provenance.
[[nodiscard]] constexpr TableView<SourceClaim> claims(ReplyCode code) noexcept {
  const ReplyCodeRecord* record = lookup_reply_code(code);
  return record ? record->claims() : TableView<SourceClaim>{};
}
[[nodiscard]] constexpr TableView<SourceClaim> claims(EnhancedStatus status) noexcept {
  const EnhancedStatusRecord* record = lookup_enhanced_status(status);
  return record ? record->claims() : TableView<SourceClaim>{};
}

// What one source says about a code, or nullptr if it does not list it.
[[nodiscard]] constexpr const SourceClaim* lookup_claim(ReplyCode code, Source source) noexcept {
  for (const SourceClaim& claim : claims(code)) {
    if (claim.source == source) return &claim;
  }
  return nullptr;
}
[[nodiscard]] constexpr const SourceClaim* lookup_claim(EnhancedStatus status, Source source) noexcept {
  for (const SourceClaim& claim : claims(status)) {
    if (claim.source == source) return &claim;
  }
  return nullptr;
}

// Everything the registry says about a reply code. A code it does not know
// is described by its first digit, with fallback set.
struct ReplyCodeDescription {
  ReplyCode code;
  bool fallback = true;
  Origin origin = Origin::unregistered;
  std::string_view title;
  std::string_view description;
  std::string_view references;
  Remedy remedy;
  TableView<ReplyMeaning> meanings;         // per context; empty for non-RFC codes
  TableView<SourceClaim> claims;            // what the seed documents say
  const DotlessReading* dotless = nullptr;  // the dotless reading, if vendors use one
};

[[nodiscard]] constexpr ReplyCodeDescription describe(ReplyCode code) noexcept {
  ReplyCodeDescription result;
  result.code = code;
  result.dotless = lookup_dotless_reading(code);
  if (const ReplyCodeRecord* record = lookup_reply_code(code)) {
    result.fallback = false;
    result.origin = record->origin;
    result.title = record->title();
    result.description = record->description();
    result.references = record->references();
    result.remedy = record->remedy();
    result.meanings = record->meanings();
    result.claims = record->claims();
    return result;
  }
  const std::uint8_t digit = code.first_digit();
  if (digit >= 1 && digit <= 9) {
    const ReplyFallbackRecord& fallback = detail::reply_fallbacks[digit - 1];
    result.title = fallback.title();
    result.description = fallback.description();
    result.remedy = fallback.remedy();
  } else {
    result.title = "Empty reply code";
  }
  return result;
}

// How closely describe(EnhancedStatus) matched.
enum class StatusMatch : std::uint8_t {
  exact = 0,         // X.subject.detail is registered
  subject = 1,       // only the subject is known: its meaning stands in
  status_class = 2,  // the subject is unknown too: the class's meaning stands in
};

[[nodiscard]] constexpr std::string_view name(StatusMatch match) noexcept {
  return detail::nth_name(static_cast<std::size_t>(match),
                          "exact\0"
                          "subject\0"
                          "status_class\0");
}

[[nodiscard]] constexpr std::string_view title(StatusMatch match) noexcept {
  return detail::nth_name(static_cast<std::size_t>(match),
                          "registered code\0"
                          "subject only\0"
                          "class only\0");
}

// Everything the registry says about an enhanced status code.
struct EnhancedStatusDescription {
  EnhancedStatus status;
  StatusMatch match = StatusMatch::status_class;
  bool fallback = true;  // match != exact
  std::string_view title;
  std::string_view description;
  std::string_view references;
  std::string_view associated_text;  // the registry's field verbatim
  Remedy remedy;
  TableView<AssociatedReply> associated;
  TableView<SourceClaim> claims;
  bool deprecated = false;
  std::string_view class_title;    // "Permanent Failure"
  std::string_view subject_title;  // "Addressing Status", empty for unknown subjects
};

[[nodiscard]] constexpr EnhancedStatusDescription describe(EnhancedStatus status) noexcept {
  EnhancedStatusDescription result;
  result.status = status;
  const StatusGroupRecord* status_class = lookup_status_class(status.status_class());
  if (status_class == nullptr) {  // an empty EnhancedStatus
    result.title = "Empty enhanced status code";
    return result;
  }
  result.class_title = status_class->title();
  const StatusGroupRecord* subject = lookup_subject(status.subject());
  if (subject != nullptr) result.subject_title = subject->title();
  if (const EnhancedStatusRecord* record = lookup_enhanced_status(status)) {
    result.match = StatusMatch::exact;
    result.fallback = false;
    result.title = record->title();
    result.description = record->description();
    result.references = record->references();
    result.associated_text = record->associated_text();
    result.remedy = record->remedy_in_class(status.status_class());
    result.associated = record->associated();
    result.claims = record->claims();
    result.deprecated = record->deprecated;
    return result;
  }
  const StatusGroupRecord* group = subject != nullptr ? subject : status_class;
  result.match = subject != nullptr ? StatusMatch::subject : StatusMatch::status_class;
  result.title = group->title();
  result.description = group->description();
  result.references = group->references();
  result.remedy = subject != nullptr ? subject->remedy_in_class(status.status_class()) : status_class->remedy();
  return result;
}

// The 0.1 names of the lookups, kept for one release. Registry lookups use
// lookup_ (find_ is for searching free text; see docs/api.md).
[[deprecated("use lookup_reply_code")]] [[nodiscard]] constexpr const ReplyCodeRecord* find_reply_code(
    ReplyCode code) noexcept {
  return lookup_reply_code(code);
}
[[deprecated("use lookup_enhanced_status")]] [[nodiscard]] constexpr const EnhancedStatusRecord* find_enhanced_status(
    EnhancedStatus status) noexcept {
  return lookup_enhanced_status(status);
}
[[deprecated("use lookup_subject")]] [[nodiscard]] constexpr const StatusGroupRecord* find_subject(
    Subject subject) noexcept {
  return lookup_subject(subject);
}
[[deprecated("use lookup_status_class")]] [[nodiscard]] constexpr const StatusGroupRecord* find_status_class(
    StatusClass status_class) noexcept {
  return lookup_status_class(status_class);
}
[[deprecated("use lookup_dotless_reading")]] [[nodiscard]] constexpr const DotlessReading* find_dotless_reading(
    ReplyCode code) noexcept {
  return lookup_dotless_reading(code);
}
[[deprecated("use lookup_derivation_pairing")]] [[nodiscard]] constexpr const DerivationPairing*
find_derivation_pairing(ReplyCode code) noexcept {
  return lookup_derivation_pairing(code);
}
[[deprecated("use lookup_claim")]] [[nodiscard]] constexpr const SourceClaim* find_claim(ReplyCode code,
                                                                                         Source source) noexcept {
  return lookup_claim(code, source);
}
[[deprecated("use lookup_claim")]] [[nodiscard]] constexpr const SourceClaim* find_claim(EnhancedStatus status,
                                                                                         Source source) noexcept {
  return lookup_claim(status, source);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_LOOKUP_HPP
