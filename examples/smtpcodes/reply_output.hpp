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

namespace smtpcodes_cli {

// Text for a JSON string or a terminal: well-formed UTF-8 is kept, every
// other byte above 127 becomes U+FFFD, so the output stays valid.
inline std::string printable_utf8(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    const std::size_t length = smtpcodes::detail::utf8_sequence_length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

// Control bytes as \xNN for the text form.
inline std::string escaped_for_terminal(std::string_view text) {
  std::string out;
  for (char c : printable_utf8(text)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

template <std::size_t N>
std::string diagnostics_json(const smtpcodes::BasicReply<N>& reply) {
  std::string out = "[";
  for (std::size_t i = 0; i < smtpcodes::reply_diagnostic_count; ++i) {
    const auto diagnostic = static_cast<smtpcodes::ReplyDiagnostic>(i);
    if (!reply.diagnostics().has(diagnostic)) continue;
    if (out.size() > 1) out += ',';
    out += json_quote(smtpcodes::name(diagnostic));
  }
  return out + "]";
}

template <std::size_t N>
void print_reply(const smtpcodes::BasicReply<N>& reply, bool json, std::string_view prefix = {}) {
  if (json) {
    std::string lines = "[";
    for (const smtpcodes::ReplyLine& line : reply) {
      if (lines.size() > 1) lines += ',';
      lines += json_quote(printable_utf8(line.text));
    }
    lines += "]";
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
          .string("derivation_rule", smtpcodes::name(derived.rule));
    } else {
      object.null("derived_enhanced_status");
    }
    object.string("enhanced_status_source", smtpcodes::name(reply.enhanced_status_source()))
        .raw("lines", lines)
        .boolean("complete", reply.complete())
        .raw("diagnostics", diagnostics_json(reply))
        .null("error");
    std::printf("%s\n", object.str().c_str());
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
    detail.string("kind", smtpcodes::name(error.kind))
        .number("offset", static_cast<long long>(error.offset))
        .number("line", static_cast<long long>(error.line))
        .string("message", smtpcodes::message(error));
    JsonObject object;
    object.null("code")
        .null("enhanced_status")
        .raw("lines", "[]")
        .boolean("complete", false)
        .raw("diagnostics", "[]")
        .raw("error", detail.str());
    std::printf("%s\n", object.str().c_str());
    return;
  }
  const std::string_view kind = smtpcodes::name(error.kind);
  const std::string_view text = smtpcodes::message(error);
  std::printf("%.*serror %.*s at offset %zu (line %zu): %.*s\n", static_cast<int>(prefix.size()), prefix.data(),
              static_cast<int>(kind.size()), kind.data(), error.offset, error.line + 1, static_cast<int>(text.size()),
              text.data());
}

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_REPLY_OUTPUT_HPP
