#ifndef SMTPCODES_EXAMPLES_IDENTIFIERS_HPP
#define SMTPCODES_EXAMPLES_IDENTIFIERS_HPP

// One set of identifiers for every subcommand's JSON: snake_case, stable,
// the same for a value wherever it appears (a `retry` of explain and of
// bounces). The library's name() gives prose for some of these enumerations
// (issue 15 makes it the identifier everywhere); until then they live here.
#include <cstddef>
#include <string_view>

#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/registry/lookup.hpp>

namespace smtpcodes_cli {

inline std::string_view identifier(smtpcodes::Severity severity) {
  switch (severity) {
    case smtpcodes::Severity::positive_preliminary: return "positive_preliminary";
    case smtpcodes::Severity::positive_completion: return "positive_completion";
    case smtpcodes::Severity::positive_intermediate: return "positive_intermediate";
    case smtpcodes::Severity::transient_negative: return "transient_negative";
    case smtpcodes::Severity::permanent_negative: return "permanent_negative";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Category category) {
  switch (category) {
    case smtpcodes::Category::syntax: return "syntax";
    case smtpcodes::Category::information: return "information";
    case smtpcodes::Category::connections: return "connections";
    case smtpcodes::Category::unspecified_3: return "unspecified_3";
    case smtpcodes::Category::unspecified_4: return "unspecified_4";
    case smtpcodes::Category::mail_system: return "mail_system";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::StatusClass status_class) {
  switch (status_class) {
    case smtpcodes::StatusClass::success: return "success";
    case smtpcodes::StatusClass::persistent_transient_failure: return "persistent_transient_failure";
    case smtpcodes::StatusClass::permanent_failure: return "permanent_failure";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Subject subject) {
  switch (subject) {
    case smtpcodes::Subject::other_or_undefined: return "other_or_undefined";
    case smtpcodes::Subject::addressing: return "addressing";
    case smtpcodes::Subject::mailbox: return "mailbox";
    case smtpcodes::Subject::mail_system: return "mail_system";
    case smtpcodes::Subject::network_and_routing: return "network_and_routing";
    case smtpcodes::Subject::mail_delivery_protocol: return "mail_delivery_protocol";
    case smtpcodes::Subject::message_content_or_media: return "message_content_or_media";
    case smtpcodes::Subject::security_or_policy: return "security_or_policy";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Actor actor) {
  switch (actor) {
    case smtpcodes::Actor::nobody: return "nobody";
    case smtpcodes::Actor::sender: return "sender";
    case smtpcodes::Actor::sender_admin: return "sender_admin";
    case smtpcodes::Actor::recipient: return "recipient";
    case smtpcodes::Actor::recipient_admin: return "recipient_admin";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Retry retry) {
  switch (retry) {
    case smtpcodes::Retry::not_needed: return "not_needed";
    case smtpcodes::Retry::retry_later: return "retry_later";
    case smtpcodes::Retry::after_fix: return "after_fix";
    case smtpcodes::Retry::do_not_retry: return "do_not_retry";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Origin origin) {
  switch (origin) {
    case smtpcodes::Origin::rfc: return "rfc";
    case smtpcodes::Origin::registry_only: return "registry_only";
    case smtpcodes::Origin::vendor: return "vendor";
    case smtpcodes::Origin::not_smtp: return "not_smtp";
    case smtpcodes::Origin::unregistered: return "unregistered";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Agreement agreement) {
  switch (agreement) {
    case smtpcodes::Agreement::agrees: return "agrees";
    case smtpcodes::Agreement::partial: return "partial";
    case smtpcodes::Agreement::conflicts: return "conflicts";
    case smtpcodes::Agreement::not_applicable: return "not_applicable";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::DotlessFit fit) {
  switch (fit) {
    case smtpcodes::DotlessFit::lines_up: return "lines_up";
    case smtpcodes::DotlessFit::partial: return "partial";
    case smtpcodes::DotlessFit::does_not_line_up: return "does_not_line_up";
    case smtpcodes::DotlessFit::unregistered: return "unregistered";
    case smtpcodes::DotlessFit::not_applicable: return "not_applicable";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::DerivationRule rule) {
  switch (rule) {
    case smtpcodes::DerivationRule::registered_pairing: return "registered_pairing";
    case smtpcodes::DerivationRule::dotless_vendor_code: return "dotless_vendor_code";
    case smtpcodes::DerivationRule::class_default: return "class_default";
    case smtpcodes::DerivationRule::none: return "none";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::Association association) {
  switch (association) {
    case smtpcodes::Association::listed: return "listed";
    case smtpcodes::Association::not_listed: return "not_listed";
    case smtpcodes::Association::none_given: return "none_given";
    case smtpcodes::Association::unregistered: return "unregistered";
  }
  return "undefined";
}

inline std::string_view identifier(smtpcodes::StatusMatch match) {
  switch (match) {
    case smtpcodes::StatusMatch::exact: return "exact";
    case smtpcodes::StatusMatch::subject: return "subject";
    case smtpcodes::StatusMatch::status_class: return "class";
  }
  return "undefined";
}

// The five public code lists the registry compares with the standards, by
// their position in smtpcodes::Source.
struct SourceName {
  std::string_view identifier;
  std::string_view title;
};

inline constexpr SourceName source_names[] = {
    {"salesforce_ndr_reference", "Salesforce's NDR error code reference"},
    {"salesforce_email_log_codes", "Salesforce's common email log error codes"},
    {"esp_code_list", "an email service provider's list of SMTP error codes"},
    {"turbosmtp_table", "turboSMTP's table of SMTP errors and remedies"},
    {"courier_code_list", "Courier's list of SMTP error codes"},
};

inline SourceName source_name(smtpcodes::Source source) {
  const auto index = static_cast<std::size_t>(source);
  if (index < sizeof source_names / sizeof source_names[0]) return source_names[index];
  return {"unknown_source", "an unknown source"};
}

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_IDENTIFIERS_HPP
