#ifndef SMTPCODES_TESTS_SUPPORT_BOUNCE_PROPERTIES_HPP
#define SMTPCODES_TESTS_SUPPORT_BOUNCE_PROPERTIES_HPP

// What must hold for every input of the bounce readers (bounce/find.hpp, dsn.hpp,
// mta_log.hpp, classify.hpp, message.hpp), checked by their fuzzers.
// Above all: every view they hand out lies inside their input, every offset
// points into it, and what they say they found is what the input says there.
// Each check returns nullptr or the property that failed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounces.hpp>

#include "reply_properties.hpp"

namespace smtpcodes_properties {

inline const char* check_find(std::string_view text) {
  using smtpcodes::CodeKind;
  std::size_t count = 0;
  std::size_t previous_end = 0;
  const char* failure = nullptr;
  smtpcodes::CodeMatch first_matches[smtpcodes::CodeMatches::capacity]{};
  smtpcodes::for_each_code(text, [&](const smtpcodes::CodeMatch& match) noexcept {
    if (failure != nullptr) return;
    if (match.offset + match.length > text.size() || match.length == 0) failure = "a code match outside the text";
    if (match.offset < previous_end) failure = "code matches overlap or go backwards";
    previous_end = match.offset + match.length;
    const std::string_view found = failure == nullptr ? text.substr(match.offset, match.length) : std::string_view{};
    if (failure == nullptr && match.kind == CodeKind::reply_code &&
        smtpcodes::to_string(match.reply_code).view() != found) {
      failure = "a reply code match is not the digits at its offset";
    }
    if (failure == nullptr && match.kind == CodeKind::enhanced_status) {
      std::size_t end = 0;
      const auto status = smtpcodes::detail::scan_enhanced_status(found, smtpcodes::ParseMode::lenient, end);
      if (!(status == match.enhanced_status) || end != found.size()) {
        failure = "an enhanced status match is not the code at its offset";
      }
    }
    if (count < smtpcodes::CodeMatches::capacity) first_matches[count] = match;
    ++count;
  });
  if (failure != nullptr) return failure;
  const smtpcodes::CodeMatches all = smtpcodes::find_all_codes(text);
  if (all.size() != (count < smtpcodes::CodeMatches::capacity ? count : smtpcodes::CodeMatches::capacity) ||
      all.truncated != (count > smtpcodes::CodeMatches::capacity)) {
    return "find_all_codes does not keep the first matches of for_each_code";
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all.items[i].offset != first_matches[i].offset || all.items[i].kind != first_matches[i].kind) {
      return "find_all_codes lists other matches than for_each_code";
    }
  }
  const smtpcodes::FoundCodes best = smtpcodes::find_codes(text);
  if (best.reply_code &&
      (best.reply_code->offset + 3 > text.size() ||
       smtpcodes::to_string(best.reply_code->code).view() != text.substr(best.reply_code->offset, 3))) {
    return "find_codes's reply code is not at its offset";
  }
  if (best.enhanced_status) {
    std::size_t end = 0;
    if (best.enhanced_status->offset >= text.size() ||
        !(smtpcodes::detail::scan_enhanced_status(text.substr(best.enhanced_status->offset),
                                                  smtpcodes::ParseMode::lenient, end) == best.enhanced_status->code)) {
      return "find_codes's enhanced status is not at its offset";
    }
  }
  if (!best.empty() && count == 0) return "find_codes found a code for_each_code does not list";
  return nullptr;
}

inline bool typed_within(const smtpcodes::TypedValue& value, std::string_view whole) {
  return within(value.type, whole) && within(value.value, whole);
}

inline const char* check_dsn(std::string_view body) {
  const smtpcodes::DeliveryStatus status = smtpcodes::parse_delivery_status(body);
  const smtpcodes::DsnMessageFields& message = status.message;
  if (!within(message.original_envelope_id, body) || !typed_within(message.reporting_mta, body) ||
      !typed_within(message.dsn_gateway, body) || !typed_within(message.received_from_mta, body) ||
      !within(message.arrival_date, body)) {
    return "a per-message DSN field outside the body";
  }
  std::size_t count = 0;
  for (const smtpcodes::DsnRecipient& recipient : status) {
    if (++count > body.size() + 1) return "more DSN recipients than bytes";
    if (!typed_within(recipient.original_recipient, body) || !typed_within(recipient.final_recipient, body) ||
        !within(recipient.action_text, body) || !within(recipient.status_text, body) ||
        !typed_within(recipient.remote_mta, body) || !typed_within(recipient.diagnostic_code, body) ||
        !within(recipient.last_attempt_date, body) || !within(recipient.final_log_id, body) ||
        !within(recipient.will_retry_until, body)) {
      return "a per-recipient DSN field outside the body";
    }
    const auto parsed = recipient.status();
    if (!parsed && parsed.error().offset > recipient.status_text.size()) return "a DSN status error past its text";
  }
  if (status.recipient_count() != count) return "recipient_count() differs from iteration";
  return nullptr;
}

inline const char* check_mta_log(std::string_view line) {
  const auto parsed = smtpcodes::parse_mta_log_line(line);
  if (!parsed) return parsed.error().offset > line.size() ? "an MTA log error past the line" : nullptr;
  const smtpcodes::MtaLogEntry& entry = *parsed;
  // outcome may be empty ("status=" followed by no word).
  if (!within(entry.recipient, line) || !within(entry.outcome, line) || !within(entry.status_text, line) ||
      !within(entry.diagnostic, line)) {
    return "an MTA log field outside the line";
  }
  if (entry.format == smtpcodes::MtaLogFormat::none) return "an entry of no format";
  const auto status = entry.status();
  if (!status && status.error().offset > entry.status_text.size()) return "a log status error past its text";
  return nullptr;
}

inline const char* check_classify(std::string_view text, unsigned choice) {
  const smtpcodes::Verdict from_text = smtpcodes::classify_text(text);
  if (from_text.evidence.offset && *from_text.evidence.offset > text.size()) {
    return "classify_text's evidence points past the text";
  }
  // The same text with the codes found in it, and an action picked by the input.
  const smtpcodes::FoundCodes codes = smtpcodes::find_codes(text);
  smtpcodes::BounceFacts facts;
  facts.action = static_cast<smtpcodes::DsnAction>(choice % 6U);
  if (codes.reply_code) facts.reply_code = codes.reply_code->code;
  if (codes.enhanced_status) facts.enhanced_status = codes.enhanced_status->code;
  facts.diagnostic = text;
  const smtpcodes::Verdict verdict = smtpcodes::classify(facts);
  if (verdict.evidence.offset && *verdict.evidence.offset > text.size()) {
    return "classify's evidence points past the diagnostic";
  }
  if (smtpcodes::name(verdict.bounce).empty() || smtpcodes::name(verdict.reason).empty()) {
    return "a verdict without a name";
  }
  return nullptr;
}

inline const char* check_bounce_message(std::string_view message) {
  std::size_t calls = 0;
  const char* failure = nullptr;
  // A delivery-status part in a transfer encoding is read from a decoded
  // copy that lives for the walk (message.hpp): its rows view that copy.
  const bool may_decode = smtpcodes::detail::ifind(message, "content-transfer-encoding") != std::string_view::npos;
  const std::size_t count =
      smtpcodes::for_each_bounce_recipient(message, [&](const smtpcodes::BounceRecipient& recipient) noexcept {
        ++calls;
        if (failure != nullptr) return;
        if (recipient.recipient && recipient.recipient->empty()) {
          failure = "a present but empty recipient (absent is std::nullopt)";
          return;
        }
        if (may_decode && recipient.source == smtpcodes::BounceSource::delivery_status) return;
        if (!within(recipient.recipient.value_or(std::string_view{}), message) ||
            !within(recipient.status_text, message) || !within(recipient.diagnostic_type, message) ||
            !within(recipient.remote_mta, message) || !within(recipient.final_recipient, message)) {
          failure = "a bounce recipient's field outside the message";
        }
      });
  if (failure != nullptr) return failure;
  if (count != calls) return "for_each_bounce_recipient's count differs from its calls";
  if (calls > message.size() + 1) return "more bounce recipients than bytes";
  return nullptr;
}

// A row as text, for comparing two readings of one message.
inline std::string describe_row(const smtpcodes::BounceRecipient& row) {
  std::string text(row.recipient.value_or("(none)"));
  text.append("|").append(row.final_recipient).append("|").append(smtpcodes::name(row.action));
  text.append("|").append(smtpcodes::name(row.verdict.reason)).append("|").append(row.status_text);
  text.append("|").append(std::to_string(row.verdict.reply_code.value())).append("|").append(row.diagnostic);
  return text;
}

// decode_text_parts with a DecodedMessage, then its rows: the same as the
// rows of the text it decoded, read from scratch (the replayed parts and
// header index stand for a walk of that text).
inline const char* check_decoded_message(std::string_view message) {
  std::string out(message.size(), '\0');
  smtpcodes::DecodedMessage decoded;
  const auto result = smtpcodes::decode_text_parts(message, out.data(), out.size(), decoded);
  if (!result) return "decode_text_parts found the buffer of the message's size too small";
  if (!within(decoded.text(), message) && !within(decoded.text(), std::string_view(out))) {
    return "the decoded text is neither the message nor the output buffer";
  }
  std::vector<std::string> replayed;
  std::vector<std::string> walked;
  smtpcodes::for_each_bounce_recipient(
      decoded, [&replayed](const smtpcodes::BounceRecipient& row) { replayed.push_back(describe_row(row)); });
  smtpcodes::for_each_bounce_recipient(
      decoded.text(), [&walked](const smtpcodes::BounceRecipient& row) { walked.push_back(describe_row(row)); });
  if (replayed != walked) return "the rows of a DecodedMessage differ from those of its text";
  return nullptr;
}

}  // namespace smtpcodes_properties

#endif  // SMTPCODES_TESTS_SUPPORT_BOUNCE_PROPERTIES_HPP
