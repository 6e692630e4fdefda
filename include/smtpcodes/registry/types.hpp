#ifndef SMTPCODES_REGISTRY_TYPES_HPP
#define SMTPCODES_REGISTRY_TYPES_HPP

// The record types of the code registry. The tables themselves are generated
// from data/*.csv into <smtpcodes/detail/registry_data.hpp>; the lookups are in
// <smtpcodes/registry/lookup.hpp>.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/enum_names.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/registry/retry.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {

// A read-only view of part of a registry table: what std::span would be in
// C++20, kept small so that the tables stay cheap to compile.
template <typename T>
class TableView {
 public:
  constexpr TableView() noexcept = default;
  constexpr TableView(const T* first, std::size_t count) noexcept : first_(first), count_(count) {}

  [[nodiscard]] constexpr const T* begin() const noexcept { return first_; }
  [[nodiscard]] constexpr const T* end() const noexcept { return first_ + count_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }
  // Precondition: index < size().
  [[nodiscard]] constexpr const T& operator[](std::size_t index) const noexcept { return first_[index]; }

 private:
  const T* first_ = nullptr;
  std::size_t count_ = 0;
};

// What to do about a code, in the project's own words.
// Derived from the record's FailureReason and the code's class by the one
// rule table of <smtpcodes/registry/retry.hpp>, which the bounce classifier
// uses too; only the advice text is the record's own.
struct Remedy {
  Actor actor = Actor::nobody;
  Retry retry = Retry::not_needed;
  std::string_view advice;
  FailureReason reason = FailureReason::unknown;
  std::uint32_t retry_after_seconds = 0;  // a suggested wait when retry is retry_later
};

// Where a reply code comes from.
enum class Origin : std::uint8_t {
  rfc = 0,            // defined as a reply by RFC 5321 or an extension RFC
  registry_only = 1,  // named only as an associated code in the IANA enhanced-status registry
  vendor = 2,         // used by the vendor lists (Source), defined by no RFC
  not_smtp = 3,       // not a server reply at all (101, 111: client-side socket errors)
  unregistered = 4,   // known to nobody: a fallback description
};

[[nodiscard]] constexpr std::string_view name(Origin origin) noexcept {
  return detail::nth_name(static_cast<std::size_t>(origin),
                          "rfc\0"
                          "registry_only\0"
                          "vendor\0"
                          "not_smtp\0"
                          "unregistered\0");
}

[[nodiscard]] constexpr std::string_view title(Origin origin) noexcept {
  return detail::nth_name(static_cast<std::size_t>(origin),
                          "RFC\0"
                          "IANA registry association only\0"
                          "vendor\0"
                          "not SMTP\0"
                          "unregistered\0");
}

// How the defining text of a reply meaning was checked (data/README.md).
enum class Verification : std::uint8_t {
  rfc_text = 0,   // read in the RFC itself
  secondary = 1,  // RFC not readable; wording agreed by several implementations
  registry = 2,   // only the IANA registry's association
};

[[nodiscard]] constexpr std::string_view name(Verification verification) noexcept {
  return detail::nth_name(static_cast<std::size_t>(verification),
                          "rfc_text\0"
                          "secondary\0"
                          "registry\0");
}

[[nodiscard]] constexpr std::string_view title(Verification verification) noexcept {
  return detail::nth_name(static_cast<std::size_t>(verification),
                          "read in the RFC\0"
                          "agreed by several implementations\0"
                          "IANA registry association only\0");
}

// The five public code lists the registry compares with the standards.
enum class Source : std::uint8_t {
  salesforce_ndr_reference = 0,    // Salesforce: Mail Non Delivery (NDR) Error Codes Reference
  salesforce_email_log_codes = 1,  // Salesforce: Common Email Log Error Codes
  esp_code_list = 2,               // an email service provider's "What are SMTP error codes?"
  turbosmtp_table = 3,             // a turboSMTP-style table of codes with remedies
  courier_code_list = 4,           // Courier: "SMTP Error Codes (Complete List and Solutions)"
  seed_000 [[deprecated("use Source::salesforce_ndr_reference")]] = salesforce_ndr_reference,
  seed_001 [[deprecated("use Source::salesforce_email_log_codes")]] = salesforce_email_log_codes,
  seed_002 [[deprecated("use Source::esp_code_list")]] = esp_code_list,
  seed_003 [[deprecated("use Source::turbosmtp_table")]] = turbosmtp_table,
  seed_004 [[deprecated("use Source::courier_code_list")]] = courier_code_list,
};

inline constexpr std::size_t source_count = 5;

[[nodiscard]] constexpr std::string_view name(Source source) noexcept {
  return detail::nth_name(static_cast<std::size_t>(source),
                          "salesforce_ndr_reference\0"
                          "salesforce_email_log_codes\0"
                          "esp_code_list\0"
                          "turbosmtp_table\0"
                          "courier_code_list\0");
}

[[nodiscard]] constexpr std::string_view title(Source source) noexcept {
  return detail::nth_name(static_cast<std::size_t>(source),
                          "Salesforce NDR error code reference\0"
                          "Salesforce common email log error codes\0"
                          "Email service provider's list of SMTP error codes\0"
                          "turboSMTP-style table of SMTP error codes\0"
                          "Courier list of SMTP error codes\0");
}

// The 0.1 name of the file a source was read from, inside this project only.
[[deprecated("use title(Source) or name(Source)")]] [[nodiscard]] constexpr std::string_view document(
    Source source) noexcept {
  return detail::nth_name(static_cast<std::size_t>(source),
                          "000_76a8ad3abdfbe540.txt\0"
                          "001_4866f3d5bc186b0e.txt\0"
                          "002_705e50922f8aeb0a.txt\0"
                          "003_d9475aa5da511359.txt\0"
                          "004_1dce11537df29d09.txt\0",
                          "");
}

// How a source's claim compares with the registry.
enum class Agreement : std::uint8_t {
  agrees = 0,
  partial = 1,         // narrower, wider or older wording
  conflicts = 2,       // a different meaning
  not_applicable = 3,  // the code has no standard meaning to compare with
};

[[nodiscard]] constexpr std::string_view name(Agreement agreement) noexcept {
  return detail::nth_name(static_cast<std::size_t>(agreement),
                          "agrees\0"
                          "partial\0"
                          "conflicts\0"
                          "not_applicable\0");
}

[[nodiscard]] constexpr std::string_view title(Agreement agreement) noexcept {
  return detail::nth_name(static_cast<std::size_t>(agreement),
                          "agrees\0"
                          "partial\0"
                          "conflicts\0"
                          "no standard meaning\0");
}

// How well a vendor code read as a dotless enhanced code (571 as 5.7.1)
// matches what the sources say it means.
enum class DotlessFit : std::uint8_t {
  lines_up = 0,
  partial = 1,
  does_not_line_up = 2,
  unregistered = 3,    // the enhanced code is not in the IANA registry (5.4.8, 4.4.9)
  not_applicable = 4,  // no enhanced reading (101, 111: class 1 does not exist)
};

[[nodiscard]] constexpr std::string_view name(DotlessFit fit) noexcept {
  return detail::nth_name(static_cast<std::size_t>(fit),
                          "lines_up\0"
                          "partial\0"
                          "does_not_line_up\0"
                          "unregistered\0"
                          "not_applicable\0");
}

[[nodiscard]] constexpr std::string_view title(DotlessFit fit) noexcept {
  return detail::nth_name(static_cast<std::size_t>(fit),
                          "lines up\0"
                          "partly lines up\0"
                          "does not line up\0"
                          "enhanced code not registered\0"
                          "no enhanced reading\0");
}

// A basic reply code the IANA registry lists with an enhanced code: one code
// (550), any code of a class ("5XX") or any code at all ("Any").
enum class AssociationKind : std::uint8_t { code = 0, any_in_class = 1, any = 2 };

[[nodiscard]] constexpr std::string_view name(AssociationKind kind) noexcept {
  return detail::nth_name(static_cast<std::size_t>(kind),
                          "code\0"
                          "any_in_class\0"
                          "any\0");
}

[[nodiscard]] constexpr std::string_view title(AssociationKind kind) noexcept {
  return detail::nth_name(static_cast<std::size_t>(kind),
                          "one reply code\0"
                          "any reply code of the class\0"
                          "any reply code\0");
}

struct AssociatedReply {
  AssociationKind kind = AssociationKind::code;
  std::uint16_t value = 0;  // the reply code, or the class digit for any_in_class

  [[nodiscard]] constexpr bool matches(ReplyCode reply) const noexcept {
    switch (kind) {
      case AssociationKind::code: return reply.value() == value;
      case AssociationKind::any_in_class: return reply.first_digit() == value;
      case AssociationKind::any: return true;
    }
    return false;
  }
};

namespace detail {
// The generated tables (<smtpcodes/detail/registry_data.hpp>) keep few
// numbers in their rows: the compilers pay for every number in a braced list
// about what they pay for a whole string literal. So each row holds only its
// public members and `fields_`, the offset of its other values in one
// char16_t array of 16-bit numbers, detail::registry_fields; texts are
// {offset, size} pairs into one text pool, detail::registry_text, and ranges
// of another table {first, count} pairs. Where each value sits in a row's
// fields (tools/generate_registry.py writes them in this order; the
// accessors are defined in <smtpcodes/registry/lookup.hpp>):
struct SourceClaimFields {
  static constexpr std::size_t code = 0, meaning = 2;
};
struct ReplyMeaningFields {
  static constexpr std::size_t code = 0, meaning = 1, defined_in = 3, context = 5;
};
// A remedy is four numbers: FailureReason, the class it is given for, the advice text.
struct ReplyCodeFields {
  static constexpr std::size_t code = 0, title = 1, description = 3, references = 5, remedy = 7, meanings = 11,
                               claims = 13;
};
struct EnhancedStatusFields {
  static constexpr std::size_t subject = 0, detail = 1, title = 2, description = 4, references = 6, associated_text = 8,
                               remedy = 10, associated = 14, claims = 16;
};
struct StatusGroupFields {
  static constexpr std::size_t title = 0, description = 2, references = 4, remedy = 6, claims = 10;
};
struct DerivationPairingFields {
  static constexpr std::size_t reply = 0, status_class = 1, subject = 2, detail = 3, basis = 4;
};
struct ReplyFallbackFields {
  static constexpr std::size_t title = 0, description = 2, remedy = 4;
};
}  // namespace detail

// The rows of the registry tables. They stay aggregates, with no
// constructor, because a constructor per row doubles the compile time of the
// tables. `fields_` is not API: read texts, codes and sub-tables through the
// accessors. The plain values (origin, source, line, agreement, verification,
// fit, deprecated, number, first_digit) are public members.

// One meaning of a standard reply code in one context: 454 after STARTTLS
// differs from 454 after AUTH. `verification` says how it was checked.
struct ReplyMeaning {
  std::uint16_t fields_;
  Verification verification;

  [[nodiscard]] constexpr ReplyCode code() const noexcept;
  [[nodiscard]] constexpr std::string_view meaning() const noexcept;     // the RFC's phrase
  [[nodiscard]] constexpr std::string_view defined_in() const noexcept;  // "RFC5321", "RFC7505;RFC7504"
  [[nodiscard]] constexpr std::string_view context() const noexcept;     // the command or stage
};

// What one source says a code means: `source`, `line` (1-based, in the
// source document), `agreement` with the registry.
struct SourceClaim {
  std::uint16_t fields_;
  Source source;
  std::uint16_t line;  // 1-based line in the source document
  Agreement agreement;

  // The code as the source writes it: "510/511", "X.1.1", "5".
  [[nodiscard]] constexpr std::string_view code() const noexcept;
  // The project's paraphrase; empty when the source agrees with the registry
  // (the registry's title is then the source's meaning too).
  [[nodiscard]] constexpr std::string_view meaning() const noexcept;
};

// A vendor code read as a dotless enhanced code, and how well that `fit`s.
struct DotlessReading {
  std::uint16_t vendor_code_value_;  // not API: read vendor_code()
  DotlessFit fit;

  [[nodiscard]] constexpr ReplyCode vendor_code() const noexcept { return detail::make_reply_code(vendor_code_value_); }
  // The code's digits as an enhanced code (571 is 5.7.1); empty when fit is
  // not_applicable.
  [[nodiscard]] constexpr EnhancedStatus status() const noexcept {
    if (fit == DotlessFit::not_applicable) return EnhancedStatus{};
    return detail::make_enhanced_status(static_cast<std::uint8_t>(vendor_code_value_ / 100),
                                        static_cast<std::uint16_t>(vendor_code_value_ / 10 % 10),
                                        static_cast<std::uint16_t>(vendor_code_value_ % 10));
  }
};

// A row of the reply code table; `origin` says where the code comes from.
struct ReplyCodeRecord {
  std::uint16_t fields_;
  Origin origin;

  [[nodiscard]] constexpr ReplyCode code() const noexcept;
  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  // Defining RFCs, ';'-separated; empty for vendor codes.
  [[nodiscard]] constexpr std::string_view references() const noexcept;
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
  // One per context, RFC codes only.
  [[nodiscard]] constexpr TableView<ReplyMeaning> meanings() const noexcept;
  // What the vendor lists (Source) say.
  [[nodiscard]] constexpr TableView<SourceClaim> claims() const noexcept;
};

// A row of the enhanced status table: an enumerated code X.subject.detail;
// `deprecated` for X.6.10.
struct EnhancedStatusRecord {
  std::uint16_t fields_;
  bool deprecated;  // X.6.10

  // The numbers of X.subject.detail, as EnhancedStatus names them.
  [[nodiscard]] constexpr std::uint16_t subject_number() const noexcept;
  [[nodiscard]] constexpr std::uint16_t detail() const noexcept;
  // The registry's summary (empty only for the deprecated X.6.10).
  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr std::string_view references() const noexcept;
  // The registry's associated-codes field verbatim.
  [[nodiscard]] constexpr std::string_view associated_text() const noexcept;
  // The remedy for the code in class 5 (5.s.d), and in a given class.
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
  [[nodiscard]] constexpr Remedy remedy_in_class(StatusClass status_class) const noexcept;
  [[nodiscard]] constexpr TableView<AssociatedReply> associated() const noexcept;
  [[nodiscard]] constexpr TableView<SourceClaim> claims() const noexcept;

  // The code in a given class: X.1.1 in class 5 is 5.1.1.
  [[nodiscard]] constexpr EnhancedStatus in_class(StatusClass status_class) const noexcept;
};

// A row of the subject table (X.1.YYY ...) or the class table (5.XXX.YYY);
// `number` is the subject number or the class digit.
struct StatusGroupRecord {
  std::uint16_t fields_;
  std::uint16_t number;  // the subject number, or the class digit

  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr std::string_view references() const noexcept;
  // A class's remedy is for its own class; a subject's for class 5.
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
  [[nodiscard]] constexpr Remedy remedy_in_class(StatusClass status_class) const noexcept;
  // What the vendor lists say about a class digit; subjects have none.
  [[nodiscard]] constexpr TableView<SourceClaim> claims() const noexcept;
};

// A reply code the RFCs pair with one enhanced code, so that code can be
// assumed when a server sends none (see derive_enhanced_status()).
struct DerivationPairing {
  std::uint16_t fields_;

  [[nodiscard]] constexpr ReplyCode reply() const noexcept;
  [[nodiscard]] constexpr EnhancedStatus status() const noexcept;
  [[nodiscard]] constexpr std::string_view basis() const noexcept;
};

// The fallback description of a reply code no table knows, by `first_digit`.
struct ReplyFallbackRecord {
  std::uint16_t fields_;
  std::uint8_t first_digit;

  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
};

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_TYPES_HPP
