#ifndef SMTPCODES_REGISTRY_TYPES_HPP
#define SMTPCODES_REGISTRY_TYPES_HPP

// The record types of the code registry. The tables themselves are generated
// from data/*.csv into <smtpcodes/detail/registry_data.hpp>; the lookups are in
// <smtpcodes/registry/lookup.hpp>.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/enhanced_status.hpp>
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

// Who has to do something about a reply.
enum class Actor : std::uint8_t {
  nobody = 0,           // success or progress: nothing to do
  sender = 1,           // whoever wrote or addressed the message
  sender_admin = 2,     // the admin of the sending side (your own server or client)
  recipient = 3,        // the recipient (e.g. a full mailbox)
  recipient_admin = 4,  // the admin of the receiving side
};

// Whether sending again makes sense, and when.
enum class Retry : std::uint8_t {
  not_needed = 0,    // it worked, or the dialogue simply goes on
  retry_later = 1,   // the same message may succeed later (queue it, back off)
  after_fix = 2,     // only after something named in the advice has changed
  do_not_retry = 3,  // this message will not be accepted for this recipient
};

[[nodiscard]] constexpr std::string_view name(Actor actor) noexcept {
  switch (actor) {
    case Actor::nobody: return "nobody";
    case Actor::sender: return "sender";
    case Actor::sender_admin: return "sender's admin";
    case Actor::recipient: return "recipient";
    case Actor::recipient_admin: return "recipient's admin";
  }
  return "undefined";
}

[[nodiscard]] constexpr std::string_view name(Retry retry) noexcept {
  switch (retry) {
    case Retry::not_needed: return "no retry needed";
    case Retry::retry_later: return "retry later";
    case Retry::after_fix: return "retry after a fix";
    case Retry::do_not_retry: return "do not retry";
  }
  return "undefined";
}

// What to do about a code, in the project's own words.
struct Remedy {
  Actor actor = Actor::nobody;
  Retry retry = Retry::not_needed;
  std::string_view advice;
};

// Where a reply code comes from.
enum class Origin : std::uint8_t {
  rfc = 0,            // defined as a reply by RFC 5321 or an extension RFC
  registry_only = 1,  // named only as an associated code in the IANA enhanced-status registry
  vendor = 2,         // used by vendor lists (the seed documents), defined by no RFC
  not_smtp = 3,       // not a server reply at all (101, 111: client-side socket errors)
  unregistered = 4,   // known to nobody: a fallback description
};

[[nodiscard]] constexpr std::string_view name(Origin origin) noexcept {
  switch (origin) {
    case Origin::rfc: return "RFC";
    case Origin::registry_only: return "IANA registry association only";
    case Origin::vendor: return "vendor";
    case Origin::not_smtp: return "not SMTP";
    case Origin::unregistered: return "unregistered";
  }
  return "undefined";
}

// How the defining text of a reply meaning was checked (data/README.md).
enum class Verification : std::uint8_t {
  rfc_text = 0,   // read in the RFC itself
  secondary = 1,  // RFC not readable; wording agreed by several implementations
  registry = 2,   // only the IANA registry's association
};

// The five public code lists the registry compares with the standards.
enum class Source : std::uint8_t {
  seed_000 = 0,  // Salesforce NDR error code reference
  seed_001 = 1,  // Salesforce common email log error codes
  seed_002 = 2,  // vendor blog "What are SMTP error codes?"
  seed_003 = 3,  // turboSMTP-style table with remedies
  seed_004 = 4,  // Courier "SMTP Error Codes"
};

inline constexpr std::size_t source_count = 5;

[[nodiscard]] constexpr std::string_view name(Source source) noexcept {
  switch (source) {
    case Source::seed_000: return "seed 000 (Salesforce NDR reference)";
    case Source::seed_001: return "seed 001 (Salesforce email log codes)";
    case Source::seed_002: return "seed 002 (vendor blog)";
    case Source::seed_003: return "seed 003 (turboSMTP-style table)";
    case Source::seed_004: return "seed 004 (Courier list)";
  }
  return "undefined";
}

// The seed document's file name, as in data/seed-codes.csv.
[[nodiscard]] constexpr std::string_view document(Source source) noexcept {
  switch (source) {
    case Source::seed_000: return "000_76a8ad3abdfbe540.txt";
    case Source::seed_001: return "001_4866f3d5bc186b0e.txt";
    case Source::seed_002: return "002_705e50922f8aeb0a.txt";
    case Source::seed_003: return "003_d9475aa5da511359.txt";
    case Source::seed_004: return "004_1dce11537df29d09.txt";
  }
  return "";
}

// How a source's claim compares with the registry.
enum class Agreement : std::uint8_t {
  agrees = 0,
  partial = 1,         // narrower, wider or older wording
  conflicts = 2,       // a different meaning
  not_applicable = 3,  // the code has no standard meaning to compare with
};

[[nodiscard]] constexpr std::string_view name(Agreement agreement) noexcept {
  switch (agreement) {
    case Agreement::agrees: return "agrees";
    case Agreement::partial: return "partial";
    case Agreement::conflicts: return "conflicts";
    case Agreement::not_applicable: return "no standard meaning";
  }
  return "undefined";
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
  switch (fit) {
    case DotlessFit::lines_up: return "lines up";
    case DotlessFit::partial: return "partly lines up";
    case DotlessFit::does_not_line_up: return "does not line up";
    case DotlessFit::unregistered: return "enhanced code not registered";
    case DotlessFit::not_applicable: return "no enhanced reading";
  }
  return "undefined";
}

// A basic reply code the IANA registry lists with an enhanced code: one code
// (550), any code of a class ("5XX") or any code at all ("Any").
enum class AssociationKind : std::uint8_t { code = 0, any_in_class = 1, any = 2 };

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
// The generated tables hold offsets into one text pool and into each other
// instead of std::string_view and pointers: aggregates of integers compile
// several times faster. The accessors below turn them into views; they are
// defined in <smtpcodes/registry/lookup.hpp>, after the tables.
struct TextRef {
  std::uint16_t offset;
  std::uint16_t size;
};
struct RangeRef {
  std::uint16_t first;
  std::uint16_t count;
};
struct RemedyRef {
  Actor actor;
  Retry retry;
  TextRef advice;
};
}  // namespace detail

// The rows of the registry tables. Their data members ending in '_' are the
// generated encoding; read them through the accessors.

// One meaning of a standard reply code in one context: 454 after STARTTLS
// differs from 454 after AUTH.
struct ReplyMeaning {
  std::uint16_t code_;
  detail::TextRef meaning_, defined_in_, context_;
  Verification verification;

  [[nodiscard]] constexpr ReplyCode code() const noexcept { return detail::make_reply_code(code_); }
  [[nodiscard]] constexpr std::string_view meaning() const noexcept;     // the RFC's phrase
  [[nodiscard]] constexpr std::string_view defined_in() const noexcept;  // "RFC5321", "RFC7505;RFC7504"
  [[nodiscard]] constexpr std::string_view context() const noexcept;     // the command or stage
};

// What one source says a code means.
struct SourceClaim {
  Source source;
  detail::TextRef code_;
  std::uint16_t line;  // 1-based line in the source document
  Agreement agreement;
  detail::TextRef meaning_;

  // The code as the source writes it: "510/511", "X.1.1", "5".
  [[nodiscard]] constexpr std::string_view code() const noexcept;
  // The project's paraphrase; empty when the source agrees with the registry
  // (the registry's title is then the source's meaning too).
  [[nodiscard]] constexpr std::string_view meaning() const noexcept;
};

struct DotlessReading {
  std::uint16_t vendor_code_;
  DotlessFit fit;

  [[nodiscard]] constexpr ReplyCode vendor_code() const noexcept { return detail::make_reply_code(vendor_code_); }
  // The code's digits as an enhanced code (571 is 5.7.1); empty when fit is
  // not_applicable.
  [[nodiscard]] constexpr EnhancedStatus status() const noexcept {
    if (fit == DotlessFit::not_applicable) return EnhancedStatus{};
    return detail::make_enhanced_status(static_cast<std::uint8_t>(vendor_code_ / 100),
                                        static_cast<std::uint16_t>(vendor_code_ / 10 % 10),
                                        static_cast<std::uint16_t>(vendor_code_ % 10));
  }
};

// A row of the reply code table.
struct ReplyCodeRecord {
  std::uint16_t code_;
  Origin origin;
  detail::TextRef title_, description_, references_;
  detail::RemedyRef remedy_;
  detail::RangeRef meanings_, claims_;

  [[nodiscard]] constexpr ReplyCode code() const noexcept { return detail::make_reply_code(code_); }
  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  // Defining RFCs, ';'-separated; empty for vendor codes.
  [[nodiscard]] constexpr std::string_view references() const noexcept;
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
  // One per context, RFC codes only.
  [[nodiscard]] constexpr TableView<ReplyMeaning> meanings() const noexcept;
  // What the seed documents say.
  [[nodiscard]] constexpr TableView<SourceClaim> claims() const noexcept;
};

// A row of the enhanced status table: an enumerated code X.subject.detail.
struct EnhancedStatusRecord {
  std::uint16_t subject;
  std::uint16_t detail;
  detail::TextRef title_, description_, references_, associated_text_;
  detail::RemedyRef remedy_;
  detail::RangeRef associated_, claims_;
  bool deprecated;  // X.6.10

  // The registry's summary (empty only for the deprecated X.6.10).
  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr std::string_view references() const noexcept;
  // The registry's associated-codes field verbatim.
  [[nodiscard]] constexpr std::string_view associated_text() const noexcept;
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
  [[nodiscard]] constexpr TableView<AssociatedReply> associated() const noexcept;
  [[nodiscard]] constexpr TableView<SourceClaim> claims() const noexcept;

  // The code in a given class: X.1.1 in class 5 is 5.1.1.
  [[nodiscard]] constexpr EnhancedStatus in_class(StatusClass status_class) const noexcept {
    return smtpcodes::detail::make_enhanced_status(static_cast<std::uint8_t>(status_class), subject, detail);
  }
};

// A row of the subject table (X.1.YYY ...) or the class table (5.XXX.YYY).
struct StatusGroupRecord {
  std::uint16_t number;  // the subject number, or the class digit
  detail::TextRef title_, description_, references_;
  detail::RemedyRef remedy_;
  detail::RangeRef claims_;  // into status_class_claims(); subjects have none

  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr std::string_view references() const noexcept;
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
  [[nodiscard]] constexpr TableView<SourceClaim> claims() const noexcept;
};

// A reply code the RFCs pair with one enhanced code, so that code can be
// assumed when a server sends none (see derive_enhanced_status()).
struct DerivationPairing {
  std::uint16_t reply_;
  std::uint8_t status_class_;
  std::uint16_t subject_, detail_;
  detail::TextRef basis_;

  [[nodiscard]] constexpr ReplyCode reply() const noexcept { return detail::make_reply_code(reply_); }
  [[nodiscard]] constexpr EnhancedStatus status() const noexcept {
    return detail::make_enhanced_status(status_class_, subject_, detail_);
  }
  [[nodiscard]] constexpr std::string_view basis() const noexcept;
};

// The fallback description of a reply code no table knows, by first digit.
struct ReplyFallbackRecord {
  std::uint8_t first_digit;
  detail::TextRef title_, description_;
  detail::RemedyRef remedy_;

  [[nodiscard]] constexpr std::string_view title() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr Remedy remedy() const noexcept;
};

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_TYPES_HPP
