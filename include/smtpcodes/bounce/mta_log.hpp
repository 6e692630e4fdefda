#ifndef SMTPCODES_BOUNCE_MTA_LOG_HPP
#define SMTPCODES_BOUNCE_MTA_LOG_HPP

// Delivery lines of MTA logs: Postfix, Exim and Sendmail. Only the parts a
// bounce processor needs are read (recipient, outcome, enhanced status,
// diagnostic text); every field is a view into the line.
//
//   Postfix:  ... postfix/smtp[7]: 4F2A: to=<a@example.com>, relay=..., dsn=5.1.1,
//             status=bounced (host mx[192.0.2.1] said: 550 5.1.1 ... (in reply to RCPT TO command))
//   Exim:     2026-11-23 10:00:00 1tA1bc-000Abc-1x ** a@example.com R=dnslookup T=remote_smtp
//             H=mx [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@example.com>: 550 ...
//             ("==" deferred, "=>" and "->" delivered)
//   Sendmail: ... sendmail[7]: 4AB: to=<a@example.com>, ..., dsn=5.1.1, stat=User unknown
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/owning_temporary.hpp>
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/result.hpp>

namespace smtpcodes {
inline namespace v0 {

// none only in a default MtaLogEntry and from the deprecated read_mta_log_line.
enum class MtaLogFormat : std::uint8_t { none, postfix, exim, sendmail };

[[nodiscard]] constexpr std::string_view name(MtaLogFormat format) noexcept {
  switch (format) {
    case MtaLogFormat::postfix: return "postfix";
    case MtaLogFormat::exim: return "exim";
    case MtaLogFormat::sendmail: return "sendmail";
    case MtaLogFormat::none: break;
  }
  return "none";
}

// What one delivery line says.
struct MtaLogEntry {
  MtaLogFormat format = MtaLogFormat::none;
  std::string_view recipient;
  DsnAction action = DsnAction::unknown;  // bounced -> failed, deferred -> delayed, sent -> delivered
  std::string_view outcome;               // the MTA's word: "bounced", "deferred", "**", "Sent" ...
  std::string_view status_text;           // "dsn=" value, when logged
  std::string_view diagnostic;

  // The 0.1 test, kept for one release: parse_mta_log_line now says so in its Result.
  [[deprecated("parse_mta_log_line returns a Result: test it instead")]] [[nodiscard]] constexpr bool found()
      const noexcept {
    return format != MtaLogFormat::none;
  }
  [[nodiscard]] constexpr Result<EnhancedStatus> status() const noexcept {
    std::size_t end = 0;
    return detail::scan_enhanced_status(status_text, ParseMode::lenient, end);
  }
};

// Why a line is not a delivery line of Postfix, Exim or Sendmail.
enum class MtaLogErrorKind : std::uint8_t {
  no_recipient,   // neither a "to=" field nor an Exim delivery marker (" ** ", " == ", " => ", " -> ")
  no_outcome,     // a "to=" field without "status=" (Postfix) or "stat=" (Sendmail)
  not_an_address  // an Exim marker followed by something that is neither an address nor a file
};

[[nodiscard]] constexpr std::string_view name(MtaLogErrorKind kind) noexcept {
  switch (kind) {
    case MtaLogErrorKind::no_recipient: return "no_recipient";
    case MtaLogErrorKind::no_outcome: return "no_outcome";
    case MtaLogErrorKind::not_an_address: return "not_an_address";
  }
  return "undefined";
}

struct MtaLogError {
  MtaLogErrorKind kind{MtaLogErrorKind::no_recipient};
  // Of the "to=" field or the Exim recipient that did not do; the line's
  // size when nothing in it looked like a delivery.
  std::size_t offset{0};

  friend constexpr bool operator==(const MtaLogError& a, const MtaLogError& b) noexcept {
    return a.kind == b.kind && a.offset == b.offset;
  }
  friend constexpr bool operator!=(const MtaLogError& a, const MtaLogError& b) noexcept { return !(a == b); }
};

namespace detail {

// Where the field "key=" starts: at the start of the line or after a space
// or comma, so that "status=" is not found inside "xstatus=" (a field that
// some Postfix builds log before the real one).
[[nodiscard]] constexpr std::size_t find_log_field(std::string_view line, std::string_view key) noexcept {
  std::size_t at = 0;
  while ((at = line.find(key, at)) != std::string_view::npos) {
    if (at == 0 || line[at - 1] == ' ' || line[at - 1] == ',') return at;
    at += key.size();
  }
  return std::string_view::npos;
}

// The value of "key=" up to the next ", " (Postfix and Sendmail fields).
[[nodiscard]] constexpr std::string_view log_field(std::string_view line, std::string_view key) noexcept {
  const std::size_t at = find_log_field(line, key);
  if (at == std::string_view::npos) return {};
  const std::size_t start = at + key.size();
  const std::size_t end = line.find(", ", start);
  return line.substr(start, end == std::string_view::npos ? end : end - start);
}

// Removes one pair of enclosing parentheses: "(host said: x)" -> "host said: x".
[[nodiscard]] constexpr std::string_view unparenthesize(std::string_view text) noexcept {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '(' && text.back() == ')') return text.substr(1, text.size() - 2);
  return text;
}

[[nodiscard]] constexpr Result<MtaLogEntry, MtaLogError> read_postfix_or_sendmail(std::string_view line) noexcept {
  MtaLogEntry entry;
  constexpr std::string_view to_field = "to=";
  const std::string_view to = log_field(line, to_field);
  if (to.empty()) return MtaLogError{MtaLogErrorKind::no_recipient, line.size()};
  entry.recipient = bare_address(to);
  entry.status_text = log_field(line, "dsn=");
  constexpr std::string_view status_field = "status=";  // Postfix
  constexpr std::string_view stat_field = "stat=";      // Sendmail
  std::size_t at = find_log_field(line, status_field);
  if (at != std::string_view::npos) {
    entry.format = MtaLogFormat::postfix;
    const std::string_view rest = line.substr(at + status_field.size());
    std::size_t word_end = 0;
    while (word_end < rest.size() && is_alpha(rest[word_end])) ++word_end;
    entry.outcome = rest.substr(0, word_end);
    entry.diagnostic = unparenthesize(rest.substr(word_end));
    if (entry.outcome == "bounced" || entry.outcome == "expired" || entry.outcome == "undeliverable") {
      entry.action = DsnAction::failed;
    } else if (entry.outcome == "deferred") {
      entry.action = DsnAction::delayed;
    } else if (entry.outcome == "sent" || entry.outcome == "deliverable") {
      entry.action = DsnAction::delivered;
    }
    return entry;
  }
  at = find_log_field(line, stat_field);
  if (at == std::string_view::npos) return MtaLogError{MtaLogErrorKind::no_outcome, find_log_field(line, to_field)};
  entry.format = MtaLogFormat::sendmail;
  const std::string_view stat = trim(line.substr(at + stat_field.size()));
  entry.outcome = stat;
  entry.diagnostic = stat;
  if (istarts_with(stat, "sent")) {
    entry.action = DsnAction::delivered;
  } else if (istarts_with(stat, "deferred")) {
    entry.action = DsnAction::delayed;
  } else {
    // Sendmail writes the reason itself ("User unknown") for a bounce.
    entry.action = !entry.status_text.empty() && entry.status_text[0] == '4' ? DsnAction::delayed : DsnAction::failed;
  }
  return entry;
}

[[nodiscard]] constexpr Result<MtaLogEntry, MtaLogError> read_exim(std::string_view line) noexcept {
  MtaLogEntry entry;
  constexpr std::string_view markers[] = {" ** "sv, " == "sv, " => "sv, " -> "sv};
  for (std::string_view marker : markers) {
    const std::size_t at = line.find(marker);
    if (at == std::string_view::npos) continue;
    entry.format = MtaLogFormat::exim;
    entry.outcome = line.substr(at + 1, trim(marker).size());  // "**", "==" ...: a view into the line, like every field
    entry.action = marker[1] == '*'                       ? DsnAction::failed
                   : marker[1] == '=' && marker[2] == '=' ? DsnAction::delayed
                                                          : DsnAction::delivered;
    std::string_view rest = line.substr(at + marker.size());
    std::size_t end = 0;
    while (end < rest.size() && rest[end] != ' ' && rest[end] != ':') ++end;
    entry.recipient = bare_address(rest.substr(0, end));
    // Not an address: some other " == " in a line.
    if (entry.recipient.find('@') == std::string_view::npos && entry.recipient.find('/') == std::string_view::npos) {
      return MtaLogError{MtaLogErrorKind::not_an_address, at + marker.size()};
    }
    // The diagnostic follows the first ": " after the address and its fields.
    const std::size_t colon = rest.find(": ", end);
    if (colon != std::string_view::npos) entry.diagnostic = trim(rest.substr(colon + 2));
    return entry;
  }
  return MtaLogError{MtaLogErrorKind::no_recipient, line.size()};
}

}  // namespace detail

// Reads one delivery line of Postfix, Sendmail or Exim; any other line is an
// error saying why. A "to=" field without its outcome is the error reported
// when no Exim reading succeeds either: it says more than a missing marker.
[[nodiscard]] constexpr Result<MtaLogEntry, MtaLogError> parse_mta_log_line(
    std::string_view line SMTPCODES_LIFETIMEBOUND) noexcept {
  const Result<MtaLogEntry, MtaLogError> postfix_or_sendmail = detail::read_postfix_or_sendmail(line);
  if (postfix_or_sendmail) return postfix_or_sendmail;
  const Result<MtaLogEntry, MtaLogError> exim = detail::read_exim(line);
  if (exim || postfix_or_sendmail.error().kind == MtaLogErrorKind::no_recipient) return exim;
  return postfix_or_sendmail;
}

// The entry views the line: a temporary string would dangle.
template <class String, std::enable_if_t<detail::owning_temporary_v<String>, int> = 0>
Result<MtaLogEntry, MtaLogError> parse_mta_log_line(String&& line) = delete;

// The 0.1 name and shape, kept for one release: an entry whose format is none
// for a line that is not a delivery line.
[[deprecated("use parse_mta_log_line, which returns a Result")]] [[nodiscard]] constexpr MtaLogEntry read_mta_log_line(
    std::string_view line) noexcept {
  return parse_mta_log_line(line).value_or(MtaLogEntry{});
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_MTA_LOG_HPP
