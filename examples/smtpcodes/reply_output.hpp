#ifndef SMTPCODES_EXAMPLES_REPLY_OUTPUT_HPP
#define SMTPCODES_EXAMPLES_REPLY_OUTPUT_HPP

// How `replies` and `probe` print a parsed reply or a reply error: a short
// text form for people, or one JSON object per line.
#include <cstdio>
#include <string>
#include <string_view>

#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/wire/reply.hpp>

#include "json.hpp"
#include "text.hpp"

namespace smtpcodes_cli {

template <std::size_t N>
JsonArray diagnostics_json(const smtpcodes::BasicReply<N>& reply) {
  JsonArray out;
  for (std::size_t i = 0; i < smtpcodes::reply_diagnostic_count; ++i) {
    const auto diagnostic = static_cast<smtpcodes::ReplyDiagnostic>(i);
    if (reply.diagnostics().has(diagnostic)) out.string(smtpcodes::name(diagnostic));
  }
  return out;
}

template <std::size_t N>
void print_reply(const smtpcodes::BasicReply<N>& reply, bool json, std::string_view prefix = {}) {
  if (json) {
    JsonArray lines;
    for (const smtpcodes::ReplyLine& line : reply) lines.string(line.text);
    JsonObject object;
    object.string("code", smtpcodes::to_string(reply.code()).view());
    if (reply.has_enhanced_status()) {
      object.string("enhanced_status", smtpcodes::to_string(reply.enhanced_status()).view());
    } else {
      object.null("enhanced_status");
    }
    // What the registry would assume, for replies that carry no enhanced code.
    const smtpcodes::DerivedStatus derived =
        reply.has_enhanced_status() ? smtpcodes::DerivedStatus{} : smtpcodes::derive_enhanced_status(reply.code());
    if (derived.has_value()) {
      object.string("derived_enhanced_status", smtpcodes::to_string(derived.status).view())
          .string("derivation_rule", name(derived.rule));
    } else {
      object.null("derived_enhanced_status").null("derivation_rule");
    }
    object.string("enhanced_status_source", smtpcodes::name(reply.enhanced_status_source()))
        .array("lines", lines)
        .boolean("complete", reply.complete())
        .array("diagnostics", diagnostics_json(reply))
        .null("error")
        .print();
    return;
  }
  const auto status = smtpcodes::to_string(reply.enhanced_status());
  std::printf("%.*sreply %s, enhanced status %s, %zu line%s%s\n", static_cast<int>(prefix.size()), prefix.data(),
              smtpcodes::to_string(reply.code()).c_str(), reply.has_enhanced_status() ? status.c_str() : "none",
              reply.line_count(), reply.line_count() == 1 ? "" : "s", reply.complete() ? "" : ", INCOMPLETE");
  for (const smtpcodes::ReplyLine& line : reply) {
    std::printf("%.*s  | %s\n", static_cast<int>(prefix.size()), prefix.data(),
                escaped_for_terminal(line.text).c_str());
  }
  if (!reply.diagnostics().empty()) {
    std::printf("%.*s  diagnostics:", static_cast<int>(prefix.size()), prefix.data());
    for (std::size_t i = 0; i < smtpcodes::reply_diagnostic_count; ++i) {
      const auto diagnostic = static_cast<smtpcodes::ReplyDiagnostic>(i);
      if (!reply.diagnostics().has(diagnostic)) continue;
      const std::string_view text = smtpcodes::name(diagnostic);
      std::printf(" %.*s", static_cast<int>(text.size()), text.data());
    }
    std::printf("\n");
  }
}

inline void print_reply_error(const smtpcodes::ReplyError& error, bool json, std::string_view prefix = {}) {
  if (json) {
    JsonObject detail;
    detail.string("kind", smtpcodes::name(error.kind));
    if (error.kind == smtpcodes::ReplyErrorKind::invalid_reply_code) {
      detail.string("code_error", smtpcodes::name(error.code_error));
    } else {
      detail.null("code_error");
    }
    detail.number("offset", static_cast<long long>(error.offset))
        .number("line", static_cast<long long>(error.line) + 1)
        .string("message", smtpcodes::message(error));
    JsonObject()
        .null("code")
        .null("enhanced_status")
        .null("derived_enhanced_status")
        .null("derivation_rule")
        .null("enhanced_status_source")
        .array("lines", JsonArray())
        .boolean("complete", false)
        .array("diagnostics", JsonArray())
        .object("error", detail)
        .print();
    return;
  }
  const std::string_view kind = smtpcodes::name(error.kind);
  const std::string_view text = smtpcodes::message(error);
  std::printf("%.*serror %.*s in line %zu of the reply, offset %zu: %.*s\n", static_cast<int>(prefix.size()),
              prefix.data(), static_cast<int>(kind.size()), kind.data(), error.line + 1, error.offset,
              static_cast<int>(text.size()), text.data());
}

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_REPLY_OUTPUT_HPP
