// smtpcodes explain: what the types know about each argument.
#include <cstdio>
#include <string>
#include <string_view>

#include <smtpcodes/smtpcodes.hpp>

#include "commands.hpp"
#include "json.hpp"
#include "text.hpp"

namespace smtpcodes_cli {
namespace {

using smtpcodes::EnhancedStatus;
using smtpcodes::ParseError;
using smtpcodes::ParseMode;
using smtpcodes::ReplyCode;

// What one argument turned out to be.
struct Explanation {
  std::string_view input;
  bool has_reply = false;
  ReplyCode reply;
  bool has_status = false;
  EnhancedStatus status;
  bool failed = false;
  ParseError error;  // why the argument is neither, when failed
};

bool looks_like_enhanced_status(std::string_view text) {
  return text.size() >= 2 && text[0] >= '0' && text[0] <= '9' && text[1] == '.';
}

// An enhanced status code alone, or a reply line ("550 5.1.1 text",
// "550-5.1.1 text") whose text may begin with one (RFC 2034).
Explanation explain(std::string_view input) {
  Explanation result;
  result.input = input;
  if (looks_like_enhanced_status(input)) {
    const auto status = smtpcodes::parse_enhanced_status(input);
    if (status) {
      result.has_status = true;
      result.status = *status;
    } else {
      result.failed = true;
      result.error = status.error();
    }
    return result;
  }
  // Lenient, so that vendor codes such as 571 are explained, not refused.
  const auto reply = smtpcodes::parse_reply(input, ParseMode::lenient);
  if (!reply) {
    result.failed = true;
    result.error = smtpcodes::parse_reply(input).error();
    return result;
  }
  result.has_reply = true;
  result.reply = *reply;
  // The reply code is three characters and a separator; an enhanced code
  // opens the text when it is followed by a space or ends it (RFC 2034 §4).
  if (input.size() > 4) {
    const std::string_view text = input.substr(4);
    const auto status = smtpcodes::parse_enhanced_status(text.substr(0, text.find(' ')));
    if (status) {
      result.has_status = true;
      result.status = *status;
    }
  }
  return result;
}

std::string standard_note(ReplyCode code) {
  if (code.is_standard()) return "standard";
  const auto strict = smtpcodes::parse_reply(smtpcodes::to_string(code).view());
  return "non-standard: " + std::string(smtpcodes::message(strict.error()));
}

std::string str(std::string_view text) { return std::string(text); }

std::string status_text(EnhancedStatus status) { return str(smtpcodes::to_string(status).view()); }

// What the registry adds to the parsed codes.
struct Registry {
  bool has_reply = false;
  smtpcodes::ReplyCodeDescription reply;
  bool has_status = false;  // given, or derived
  bool derived = false;
  smtpcodes::DerivedStatus derivation;
  smtpcodes::EnhancedStatusDescription status;
  bool checked = false;  // both codes were given
  smtpcodes::Consistency consistency;
};

Registry look_up(const Explanation& e) {
  Registry r;
  if (e.has_reply) {
    r.has_reply = true;
    r.reply = smtpcodes::describe(e.reply);
  }
  if (e.has_status) {
    r.has_status = true;
    r.status = smtpcodes::describe(e.status);
  } else if (e.has_reply) {
    r.derivation = smtpcodes::derive_enhanced_status(e.reply);
    if (r.derivation.has_value()) {
      r.has_status = true;
      r.derived = true;
      r.status = smtpcodes::describe(r.derivation.status);
    }
  }
  if (e.has_reply && e.has_status) {
    r.checked = true;
    r.consistency = smtpcodes::check_consistency(e.reply, e.status);
  }
  return r;
}

// The most specific title: the enhanced code's when one was given.
std::string_view title(const Registry& r) {
  if (r.has_status && !r.derived && !r.status.fallback) return r.status.title;
  if (r.has_reply) return r.reply.title;
  return r.status.title;
}

// The reply code governs the SMTP transaction, so on a class mismatch its
// remedy wins over the enhanced code's.
const smtpcodes::Remedy& remedy(const Registry& r) {
  const bool mismatch = r.checked && !r.consistency.class_agrees;
  if (r.has_status && !r.derived && !r.status.fallback && !mismatch) return r.status.remedy;
  if (r.has_reply) return r.reply.remedy;
  return r.status.remedy;
}

std::string claim_meaning(const smtpcodes::SourceClaim& claim, std::string_view registry_title) {
  return str(claim.meaning().empty() ? registry_title : claim.meaning());
}

std::string associated_list(smtpcodes::TableView<smtpcodes::AssociatedReply> associated) {
  std::string out;
  for (const auto& a : associated) {
    if (!out.empty()) out += ", ";
    switch (a.kind) {
      case smtpcodes::AssociationKind::code: out += std::to_string(a.value); break;
      case smtpcodes::AssociationKind::any_in_class: out += std::to_string(a.value) + "XX"; break;
      case smtpcodes::AssociationKind::any: out += "any"; break;
    }
  }
  return out;
}

void line(std::string_view label, const std::string& text) {
  std::printf("  %-17.*s%s\n", static_cast<int>(label.size()), label.data(), text.c_str());
}

// Claims that differ from the registry one by one; those that agree on one line.
void print_claims(smtpcodes::TableView<smtpcodes::SourceClaim> claims, std::string_view registry_title) {
  std::string agreeing;
  bool first = true;
  for (const auto& claim : claims) {
    const std::string source_title = str(title(claim.source));
    if (claim.agreement == smtpcodes::Agreement::agrees) {
      agreeing += (agreeing.empty() ? "" : "; ") + source_title;
      continue;
    }
    line(first ? "other sources:" : "", source_title + " (as " + str(claim.code()) + ", " +
                                            str(title(claim.agreement)) + "): " + claim_meaning(claim, registry_title));
    first = false;
  }
  if (!agreeing.empty()) line(first ? "other sources:" : "", "the same meaning in " + agreeing);
}

// Why an enhanced code is assumed for a reply that carried none, in plain words.
std::string derivation_words(const smtpcodes::DerivedStatus& derivation, ReplyCode reply) {
  const std::string code = str(smtpcodes::to_string(reply).view());
  switch (derivation.rule) {
    case smtpcodes::DerivationRule::registered_pairing:
      return "the RFC that defines " + code + " pairs it with this enhanced code";
    case smtpcodes::DerivationRule::dotless_vendor_code:
      return "vendors write " + code + " for this enhanced code, leaving out the dots";
    case smtpcodes::DerivationRule::class_default:
      return "nothing more specific is known, so the general code of the reply's class stands in";
    case smtpcodes::DerivationRule::none: break;
  }
  return "";
}

// A flat list of optional sections, each printed when the registry has it.
void print_registry(const Explanation& e) {  // NOLINT(readability-function-cognitive-complexity)
  const Registry r = look_up(e);
  if (r.has_reply) {
    const auto& reply = r.reply;
    std::string origin = reply.origin == smtpcodes::Origin::rfc ? std::string() : str(title(reply.origin));
    if (!reply.references.empty()) origin += (origin.empty() ? "" : ", ") + str(reply.references);
    line("meaning:", str(reply.title) + " [" + origin + "]" +
                         (reply.fallback ? " (not registered: the meaning of its class stands in)" : ""));
    line("", str(reply.description));
    if (reply.meanings.size() > 1) {
      for (const auto& meaning : reply.meanings) {
        line("in context:",
             str(meaning.context()) + ": " + str(meaning.meaning()) + " [" + str(meaning.defined_in()) + "]");
      }
    }
    print_claims(reply.claims, reply.title);
    if (reply.dotless != nullptr && reply.dotless->fit != smtpcodes::DotlessFit::not_applicable) {
      const auto dotless = smtpcodes::describe(reply.dotless->status());
      const std::string code = str(smtpcodes::to_string(e.reply).view());
      line("read as " + status_text(reply.dotless->status()) + ":",
           "vendors also write " + code + " for the enhanced status code " + status_text(reply.dotless->status()) +
               " with the dots left out");
      line("", str(dotless.fallback ? std::string_view("(that code is not registered)") : dotless.title) + "; this " +
                   str(title(reply.dotless->fit)) + " with what the vendor lists say");
      if (reply.origin == smtpcodes::Origin::rfc) {
        line("", "the RFC meaning above applies in an SMTP dialogue, the vendor reading in vendor reports");
      }
    }
  }
  if (r.has_status) {
    const auto& status = r.status;
    const std::string label = r.derived ? "assumed status:" : "status meaning:";
    std::string head = status_text(status.status) + " ";
    head += status.title.empty() ? std::string("(the registry gives no summary)") : str(status.title);
    if (status.fallback) {
      head += status.match == smtpcodes::StatusMatch::subject
                  ? " (not registered: the meaning of its subject stands in)"
                  : " (not registered: the meaning of its class stands in)";
    }
    if (!status.references.empty()) head += " [" + str(status.references) + "]";
    line(label, head);
    if (r.derived) {
      line("", "the reply carried no enhanced status code; " + derivation_words(r.derivation, e.reply));
    } else {
      line("", str(status.description));
      if (status.deprecated) line("", "deprecated by the registry");
      if (!status.associated.empty()) line("used with:", associated_list(status.associated));
      print_claims(status.claims, status.title);
    }
  }
  if (r.checked) {
    if (!r.consistency.class_agrees) {
      line("warning:", "class " + std::to_string(e.status.class_digit()) + " of " + status_text(e.status) +
                           " does not match reply " + str(smtpcodes::to_string(e.reply).view()) +
                           " (RFC 3463 sec. 2 wants the same first digit)");
    }
    if (r.consistency.association == smtpcodes::Association::not_listed) {
      line("note:", "the registry does not list " + str(smtpcodes::to_string(e.reply).view()) + " with " +
                        status_text(e.status) + " (it lists " + associated_list(r.status.associated) + ")");
    }
  }
  if (r.has_reply || r.has_status) {
    const auto& what = remedy(r);
    line("remedy:", str(title(what.actor)) + " acts; " + str(title(what.retry)) + ". " + str(what.advice));
  }
}

void print_text(const Explanation& e) {
  std::printf("%s\n", escaped_for_terminal(e.input).c_str());
  if (e.failed) {
    std::printf("  error:           %.*s at offset %zu: %.*s\n", static_cast<int>(name(e.error.kind).size()),
                name(e.error.kind).data(), e.error.offset, static_cast<int>(message(e.error).size()),
                message(e.error).data());
    return;
  }
  if (e.has_reply) {
    const auto severity = title(e.reply.severity());
    const auto category = title(e.reply.category());
    std::printf("  reply code:      %s (%s)\n", smtpcodes::to_string(e.reply).c_str(), standard_note(e.reply).c_str());
    std::printf("  severity:        %.*s\n", static_cast<int>(severity.size()), severity.data());
    std::printf("  category:        %.*s\n", static_cast<int>(category.size()), category.data());
  }
  if (e.has_status) {
    const auto status_class = title(e.status.status_class());
    const auto subject = title(e.status.subject());
    std::printf("  enhanced status: %s\n", smtpcodes::to_string(e.status).c_str());
    std::printf("  class:           %.*s\n", static_cast<int>(status_class.size()), status_class.data());
    std::printf("  subject:         %.*s (%u)\n", static_cast<int>(subject.size()), subject.data(),
                static_cast<unsigned>(e.status.subject_number()));
    std::printf("  detail:          %u\n", static_cast<unsigned>(e.status.detail()));
  }
  print_registry(e);
}

// Every entry has the same keys; null where a kind of source has no value.
JsonObject source_entry(std::string_view source, std::string_view title, std::string_view meaning) {
  JsonObject entry;
  entry.string("source", source).string("title", title).string("meaning", meaning);
  return entry;
}

JsonArray sources_json(const Registry& r) {
  JsonArray out;
  auto add_claims = [&](smtpcodes::TableView<smtpcodes::SourceClaim> claims, std::string_view registry_title) {
    for (const auto& claim : claims) {
      out.object(source_entry(name(claim.source), title(claim.source), claim_meaning(claim, registry_title))
                     .null("context")
                     .string("code", claim.code())
                     .number("line", claim.line)
                     .string("agreement", name(claim.agreement)));
    }
  };
  if (r.has_reply) {
    for (const auto& meaning : r.reply.meanings) {
      out.object(source_entry("rfc", meaning.defined_in(), meaning.meaning())
                     .string("context", meaning.context())
                     .string("code", smtpcodes::to_string(meaning.code()).view())
                     .null("line")
                     .null("agreement"));
    }
    add_claims(r.reply.claims, r.reply.title);
  }
  if (r.has_status && !r.derived) {
    if (!r.status.fallback) {
      out.object(source_entry("iana_registry", r.status.references, r.status.title)
                     .null("context")
                     .string("code", smtpcodes::to_string(r.status.status).view())
                     .null("line")
                     .null("agreement"));
    }
    add_claims(r.status.claims, r.status.title);
  }
  return out;
}

void print_json(const Explanation& e) {
  const Registry r = look_up(e);
  JsonObject object;
  object.string("input", e.input);
  if (e.failed) {
    object.object("error", JsonObject{}
                               .string("kind", name(e.error.kind))
                               .number("offset", static_cast<long long>(e.error.offset))
                               .string("message", message(e.error)));
  } else {
    object.null("error");
  }
  if (e.has_reply) {
    object.string("reply_code", smtpcodes::to_string(e.reply).view())
        .boolean("standard", e.reply.is_standard())
        .string("category", name(e.reply.category()))
        .string("reply_origin", name(r.reply.origin))
        .boolean("reply_registered", !r.reply.fallback);
  } else {
    object.null("reply_code").null("standard").null("category").null("reply_origin").null("reply_registered");
  }
  if (r.has_status) {
    const EnhancedStatus status = r.status.status;
    object.string("enhanced_status", smtpcodes::to_string(status).view())
        .boolean("derived", r.derived)
        .string_or_null("derivation_rule",
                        r.derived ? std::optional<std::string_view>(name(r.derivation.rule)) : std::nullopt)
        .string("class", name(status.status_class()))
        .string("subject", name(status.subject()))
        .number("detail", status.detail())
        .string("status_match", name(r.status.match));
  } else {
    object.null("enhanced_status")
        .null("derived")
        .null("derivation_rule")
        .null("class")
        .null("subject")
        .null("detail")
        .null("status_match");
  }
  if (e.has_reply || e.has_status) {
    object.string("severity", name(e.has_reply ? e.reply.severity() : e.status.severity()));
    object.string("title", title(r));
    const auto& what = remedy(r);
    object.object(
        "remedy",
        JsonObject{}.string("actor", name(what.actor)).string("retry", name(what.retry)).string("advice", what.advice));
  } else {
    object.null("severity").null("title").null("remedy");
  }
  if (r.has_reply && r.reply.dotless != nullptr && r.reply.dotless->fit != smtpcodes::DotlessFit::not_applicable) {
    object.object("dotless", JsonObject{}
                                 .string("enhanced_status", smtpcodes::to_string(r.reply.dotless->status()).view())
                                 .string("fit", name(r.reply.dotless->fit)));
  } else {
    object.null("dotless");
  }
  if (r.checked) {
    object.boolean("consistent", r.consistency.consistent()).string("association", name(r.consistency.association));
  } else {
    object.null("consistent").null("association");
  }
  object.array("sources", sources_json(r)).print();
}

}  // namespace

const CommandSpec& explain_spec() {
  static const CommandSpec spec{
      "explain",
      "CODE-OR-REPLY...",
      "what reply codes, enhanced status codes and reply lines mean",
      "Explains each argument: a reply code (550), an enhanced status code (5.1.1) or a\n"
      "reply line (\"550 5.1.1 user unknown\"): its class, the registry's meaning, what other\n"
      "sources say, and what to do about it.",
      {{"--json", "", "", "one JSON object per argument (docs/cli.md)"}},
      {"smtpcodes explain 550 5.7.26 '452 4.2.2 Mailbox full'", "smtpcodes explain --json 571"},
  };
  return spec;
}

int run_explain(const Arguments& arguments) {
  if (arguments.positional.empty()) return usage_error(explain_spec(), "needs a reply code, enhanced code or reply");
  const bool json = arguments.has("--json");
  int status = exit_success;
  for (std::string_view input : arguments.positional) {
    const Explanation e = explain(input);
    if (e.failed) status = exit_nothing_found;
    if (json) {
      print_json(e);
    } else {
      print_text(e);
    }
  }
  return status;
}

}  // namespace smtpcodes_cli
