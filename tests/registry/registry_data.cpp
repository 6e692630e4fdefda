// Every row of every CSV file in data/ against the registry: the generated
// tables must say exactly what the data says, row by row.
#include <doctest/doctest.h>

#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/registry/reply_codes.hpp>

#include <cstddef>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef SMTPCODES_DATA_DIR
#error "SMTPCODES_DATA_DIR must name the repository's data/ directory"
#endif

namespace sc = smtpcodes;

namespace {

using Row = std::map<std::string, std::string>;

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<Row> read_csv(const std::string& file) {
  std::ifstream in(std::string(SMTPCODES_DATA_DIR) + "/" + file, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open data/" << file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      records.back().push_back(field);
      field.clear();
      records.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !records.back().empty()) records.back().push_back(field);
  if (records.back().empty()) records.pop_back();
  std::vector<Row> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    REQUIRE_MESSAGE(records[r].size() == records[0].size(), file << " row " << r << " has a wrong field count");
    Row row;
    for (std::size_t f = 0; f < records[0].size(); ++f) row[records[0][f]] = records[r][f];
    rows.push_back(row);
  }
  return rows;
}

sc::ReplyCode reply(const std::string& digits) {
  const auto parsed = sc::parse_reply(digits, sc::ParseMode::lenient);
  REQUIRE_MESSAGE(parsed.has_value(), "not a reply code: " << digits);
  return *parsed;
}

// "X.1.1" in the class given.
sc::EnhancedStatus status(const std::string& generic, char status_class = '5') {
  std::string text = generic;
  if (!text.empty() && text[0] == 'X') text[0] = status_class;
  const auto parsed = sc::parse_enhanced_status(text);
  REQUIRE_MESSAGE(parsed.has_value(), "not an enhanced code: " << generic);
  return *parsed;
}

// The seed files of data/seed-codes.csv, in the order of Source (as in
// tools/generate_registry.py).
constexpr std::string_view seed_files[sc::source_count] = {"000_76a8ad3abdfbe540.txt", "001_4866f3d5bc186b0e.txt",
                                                           "002_705e50922f8aeb0a.txt", "003_d9475aa5da511359.txt",
                                                           "004_1dce11537df29d09.txt"};

std::string_view seed_file_of(sc::Source source) { return seed_files[static_cast<std::size_t>(source)]; }

sc::Source source_of(const std::string& seed_file) {
  for (std::size_t i = 0; i < sc::source_count; ++i) {
    if (seed_files[i] == seed_file) return static_cast<sc::Source>(i);
  }
  FAIL("unknown seed file " << seed_file);
  return sc::Source::salesforce_ndr_reference;
}

sc::Agreement agreement_of(const std::string& text) {
  if (text == "agrees") return sc::Agreement::agrees;
  if (text == "partial") return sc::Agreement::partial;
  if (text == "conflicts") return sc::Agreement::conflicts;
  CHECK(text == "n/a");
  return sc::Agreement::not_applicable;
}

// Who acts and whether to retry are derived from the reason (registry/retry.hpp).
void check_remedy(const sc::Remedy& remedy, const Row& row) {
  CHECK(sc::name(remedy.reason) == row.at("reason"));
  CHECK(remedy.advice == row.at("remedy"));
}

std::map<std::pair<std::string, int>, std::string> seed_paraphrases() {
  std::map<std::pair<std::string, int>, std::string> result;
  for (const Row& row : read_csv("seed-claims.csv")) {
    result[{row.at("seed_file"), std::stoi(row.at("line"))}] = row.at("meaning");
  }
  return result;
}

}  // namespace

TEST_CASE("iana-enhanced-status-codes.csv: every record, with title, references and associations") {
  const auto rows = read_csv("iana-enhanced-status-codes.csv");
  CHECK(rows.size() == 92);
  std::size_t enumerated = 0;
  for (const Row& row : rows) {
    const std::string& code = row.at("code");
    CAPTURE(code);
    if (row.at("registry") == "class") {
      const auto* record = sc::lookup_status_class(static_cast<sc::StatusClass>(code[0] - '0'));
      REQUIRE(record != nullptr);
      CHECK(record->title() == row.at("summary"));
      CHECK(record->references() == row.at("references"));
      continue;
    }
    if (row.at("registry") == "subject") {
      const auto* record = sc::lookup_subject(static_cast<sc::Subject>(code[2] - '0'));
      REQUIRE(record != nullptr);
      CHECK(record->title() == row.at("summary"));
      CHECK(record->references() == row.at("references"));
      continue;
    }
    ++enumerated;
    for (char status_class : {'2', '4', '5'}) {
      const sc::EnhancedStatus esc = status(code, status_class);
      const auto* record = sc::lookup_enhanced_status(esc);
      REQUIRE(record != nullptr);
      CHECK(record->in_class(esc.status_class()) == esc);
      const auto description = sc::describe(esc);
      CHECK_FALSE(description.fallback);
      CHECK(description.match == sc::StatusMatch::exact);
      CHECK(description.title == row.at("summary"));
      CHECK(description.references == row.at("references"));
      CHECK(description.associated_text == row.at("associated_basic_status_codes_raw"));
      CHECK(description.deprecated == (code == "X.6.10"));
    }
    // The associations, item by item, and nothing else.
    const auto* record = sc::lookup_enhanced_status(status(code));
    std::vector<std::string> expected;
    std::stringstream list(row.at("associated_basic_status_codes"));
    for (std::string item; std::getline(list, item, ';');) expected.push_back(item);
    REQUIRE(record->associated().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const sc::AssociatedReply& associated = record->associated()[i];
      if (expected[i] == "Any") {
        CHECK(associated.kind == sc::AssociationKind::any);
      } else if (expected[i].size() == 3 && expected[i][1] == 'X') {
        CHECK(associated.kind == sc::AssociationKind::any_in_class);
        CHECK(associated.value == expected[i][0] - '0');
      } else {
        CHECK(associated.kind == sc::AssociationKind::code);
        CHECK(associated.value == std::stoi(expected[i]));
        CHECK(sc::association(reply(expected[i]), status(code, expected[i][0])) == sc::Association::listed);
      }
    }
  }
  CHECK(enumerated == 81);
  CHECK(sc::enhanced_status_records().size() == 81);
}

TEST_CASE("smtp-reply-codes.csv: every RFC reply code in every context") {
  const auto rows = read_csv("smtp-reply-codes.csv");
  CHECK(rows.size() == 73);
  std::set<int> codes;
  for (const Row& row : rows) {
    CAPTURE(row.at("code"));
    CAPTURE(row.at("defined_in"));
    codes.insert(std::stoi(row.at("code")));
    const auto description = sc::describe(reply(row.at("code")));
    CHECK_FALSE(description.fallback);
    bool found = false;
    for (const sc::ReplyMeaning& meaning : description.meanings) {
      if (meaning.meaning() == row.at("meaning") && meaning.defined_in() == row.at("defined_in") &&
          meaning.context() == row.at("context")) {
        found = true;
        const std::string& verification = row.at("verification");
        CHECK(meaning.verification == (verification == "rfc-text"    ? sc::Verification::rfc_text
                                       : verification == "secondary" ? sc::Verification::secondary
                                                                     : sc::Verification::registry));
      }
    }
    CHECK(found);
    // Every defining document is among the code's references.
    std::stringstream list(row.at("defined_in"));
    for (std::string reference; std::getline(list, reference, ';');) {
      CHECK(description.references.find(reference) != std::string_view::npos);
    }
    if (row.at("verification") != "registry") CHECK(description.origin == sc::Origin::rfc);
  }
  CHECK(codes.size() == 45);
  CHECK(sc::reply_meanings().size() == rows.size());
}

TEST_CASE("seed-codes.csv: every code of every seed explains with that seed's meaning and provenance") {
  const auto rows = read_csv("seed-codes.csv");
  const auto paraphrases = seed_paraphrases();
  CHECK(rows.size() == sc::detail::seed_row_count);
  std::size_t matched = 0;
  for (const Row& row : rows) {
    const std::string& code = row.at("code");
    const int line = std::stoi(row.at("line"));
    CAPTURE(row.at("seed_file"));
    CAPTURE(code);
    const sc::Source source = source_of(row.at("seed_file"));
    const sc::Agreement agreement = agreement_of(row.at("agrees_with_rfc"));
    const auto paraphrase = paraphrases.find({row.at("seed_file"), line});
    const std::string expected_meaning =
        agreement == sc::Agreement::agrees || paraphrase == paraphrases.end() ? "" : paraphrase->second;
    if (agreement != sc::Agreement::agrees) CHECK_FALSE(expected_meaning.empty());

    // The views the claim must appear in, and the title it defaults to.
    std::vector<std::pair<sc::TableView<sc::SourceClaim>, std::string_view>> views;
    if (code.size() == 1) {
      const auto* record = sc::lookup_status_class(static_cast<sc::StatusClass>(code[0] - '0'));
      REQUIRE(record != nullptr);
      views.emplace_back(record->claims(), record->title());
    } else if (code.find('.') != std::string::npos) {
      const auto description = sc::describe(status(code));
      CHECK_FALSE(description.fallback);
      views.emplace_back(description.claims, description.title);
    } else {
      std::stringstream parts(code);
      for (std::string part; std::getline(parts, part, '/');) {
        const auto description = sc::describe(reply(part));
        CHECK_FALSE(description.fallback);
        CHECK(description.origin != sc::Origin::unregistered);
        if (row.at("kind") == "basic") CHECK(description.origin == sc::Origin::rfc);
        views.emplace_back(description.claims, description.title);
      }
    }
    for (const auto& [claims, title] : views) {
      bool found = false;
      for (const sc::SourceClaim& claim : claims) {
        if (claim.source == source && claim.line == line) {
          found = true;
          CHECK(claim.code() == code);
          CHECK(claim.agreement == agreement);
          CHECK(claim.meaning() == expected_meaning);
          CHECK_FALSE((claim.meaning().empty() ? title : claim.meaning()).empty());
        }
      }
      CHECK(found);
      matched += found ? 1U : 0U;
    }
  }
  // "510/511" counts once for each code.
  CHECK(matched ==
        sc::reply_code_claims().size() + sc::enhanced_status_claims().size() + sc::status_class_claims().size());
}

TEST_CASE("seed-claims.csv: every paraphrase belongs to a seed row that differs from the registry") {
  std::set<std::pair<std::string, int>> differing;
  for (const Row& row : read_csv("seed-codes.csv")) {
    if (row.at("agrees_with_rfc") != "agrees") differing.insert({row.at("seed_file"), std::stoi(row.at("line"))});
  }
  const auto rows = read_csv("seed-claims.csv");
  CHECK(rows.size() == differing.size());
  for (const Row& row : rows) {
    CAPTURE(row.at("seed_file"));
    CAPTURE(row.at("line"));
    CHECK(differing.count({row.at("seed_file"), std::stoi(row.at("line"))}) == 1);
    CHECK_FALSE(row.at("meaning").empty());
  }
}

TEST_CASE("vendor-dotless-mapping.csv: every vendor code's dotless reading and fit") {
  const auto rows = read_csv("vendor-dotless-mapping.csv");
  CHECK(rows.size() == sc::dotless_readings().size());
  for (const Row& row : rows) {
    CAPTURE(row.at("vendor_code"));
    const sc::ReplyCode code = reply(row.at("vendor_code"));
    const sc::DotlessReading* reading = sc::lookup_dotless_reading(code);
    REQUIRE(reading != nullptr);
    CHECK(sc::describe(code).dotless == reading);
    const std::string& fit = row.at("lines_up");
    CHECK(reading->fit == (fit == "yes"             ? sc::DotlessFit::lines_up
                           : fit == "partial"       ? sc::DotlessFit::partial
                           : fit == "no"            ? sc::DotlessFit::does_not_line_up
                           : fit == "no-iana-entry" ? sc::DotlessFit::unregistered
                                                    : sc::DotlessFit::not_applicable));
    if (row.at("dotless_reading").empty()) {
      CHECK(reading->status() == sc::EnhancedStatus{});
      CHECK(sc::describe(code).origin == sc::Origin::not_smtp);
      continue;
    }
    CHECK(sc::to_string(reading->status()).view() == row.at("dotless_reading"));
    const bool registered = sc::lookup_enhanced_status(reading->status()) != nullptr;
    CHECK(registered == (reading->fit != sc::DotlessFit::unregistered));
    if (registered) CHECK(sc::describe(reading->status()).title == row.at("iana_summary"));
    // The seeds that use the code this way all have a claim on it.
    std::stringstream seeds(row.at("seed_files"));
    for (std::string seed; std::getline(seeds, seed, ';');) {
      bool found = false;
      for (const sc::SourceClaim& claim : sc::claims(code)) {
        found = found || seed_file_of(claim.source).substr(0, 3) == seed;
      }
      CHECK_MESSAGE(found, "seed " << seed);
    }
  }
}

TEST_CASE("reply-code-remedies.csv: description, title and remedy of every reply code") {
  const auto rows = read_csv("reply-code-remedies.csv");
  CHECK(rows.size() == sc::reply_code_records().size());
  for (const Row& row : rows) {
    CAPTURE(row.at("code"));
    const auto description = sc::describe(reply(row.at("code")));
    CHECK_FALSE(description.fallback);
    CHECK(description.description == row.at("description"));
    if (!row.at("title").empty()) CHECK(description.title == row.at("title"));
    CHECK_FALSE(description.title.empty());
    check_remedy(description.remedy, row);
  }
}

TEST_CASE("enhanced-status-remedies.csv: description and remedy of every class, subject and code") {
  for (const Row& row : read_csv("enhanced-status-remedies.csv")) {
    const std::string& code = row.at("code");
    CAPTURE(code);
    if (code.find("XXX") != std::string::npos) {
      const auto* record = sc::lookup_status_class(static_cast<sc::StatusClass>(code[0] - '0'));
      REQUIRE(record != nullptr);
      CHECK(record->description() == row.at("description"));
      check_remedy(record->remedy(), row);
    } else if (code.find("YYY") != std::string::npos) {
      const auto* record = sc::lookup_subject(static_cast<sc::Subject>(code[2] - '0'));
      REQUIRE(record != nullptr);
      CHECK(record->description() == row.at("description"));
      check_remedy(record->remedy(), row);
    } else {
      const auto* record = sc::lookup_enhanced_status(status(code));
      REQUIRE(record != nullptr);
      CHECK(record->description() == row.at("description"));
      check_remedy(record->remedy(), row);
      // Class 5 keeps the record's remedy; class 4 is always worth a retry,
      // unless nothing failed (X.1.5 "destination address valid").
      const auto permanent = sc::describe(status(code, '5'));
      CHECK(permanent.remedy.advice == row.at("remedy"));
      CHECK(sc::describe(status(code, '4')).remedy.retry ==
            (row.at("reason") == "delivered" ? sc::Retry::not_needed : sc::Retry::retry_later));
      CHECK(sc::describe(status(code, '2')).remedy.actor == sc::Actor::nobody);
    }
  }
}

TEST_CASE("reply-code-fallbacks.csv: the fallback for each first digit") {
  for (const Row& row : read_csv("reply-code-fallbacks.csv")) {
    CAPTURE(row.at("first_digit"));
    // x99 is unregistered for every first digit.
    const auto description = sc::describe(reply(row.at("first_digit") + "99"));
    CHECK(description.fallback);
    CHECK(description.origin == sc::Origin::unregistered);
    CHECK(description.title == row.at("title"));
    CHECK(description.description == row.at("description"));
    check_remedy(description.remedy, row);
  }
}

TEST_CASE("derivation-pairings.csv: every pairing is what derive_enhanced_status() gives") {
  const auto rows = read_csv("derivation-pairings.csv");
  CHECK(rows.size() == sc::derivation_pairings().size());
  for (const Row& row : rows) {
    CAPTURE(row.at("reply_code"));
    const sc::ReplyCode code = reply(row.at("reply_code"));
    const sc::DerivedStatus derived = sc::derive_enhanced_status(code);
    CHECK(derived.rule == sc::DerivationRule::registered_pairing);
    CHECK(sc::to_string(derived.status).view() == row.at("enhanced_status"));
    // A pairing is consistent and registered.
    const sc::Consistency consistency = sc::check_consistency(code, derived.status);
    CHECK(consistency.class_agrees);
    CHECK_FALSE(sc::describe(derived.status).fallback);
  }
}

TEST_CASE("reply-code-constants.csv: every named constant") {
  std::map<std::string, sc::ReplyCode> constants = {
#define SMTPCODES_CONSTANT(name) {#name, sc::reply_codes::name}
      SMTPCODES_CONSTANT(system_status),
      SMTPCODES_CONSTANT(help_message),
      SMTPCODES_CONSTANT(service_ready),
      SMTPCODES_CONSTANT(service_closing),
      SMTPCODES_CONSTANT(authentication_succeeded),
      SMTPCODES_CONSTANT(ok),
      SMTPCODES_CONSTANT(user_not_local_will_forward),
      SMTPCODES_CONSTANT(cannot_verify_user),
      SMTPCODES_CONSTANT(pending_messages_started),
      SMTPCODES_CONSTANT(authentication_challenge),
      SMTPCODES_CONSTANT(start_mail_input),
      SMTPCODES_CONSTANT(checkpoint_offset),
      SMTPCODES_CONSTANT(service_not_available),
      SMTPCODES_CONSTANT(password_transition_needed),
      SMTPCODES_CONSTANT(mailbox_temporarily_unavailable),
      SMTPCODES_CONSTANT(local_error_in_processing),
      SMTPCODES_CONSTANT(insufficient_storage),
      SMTPCODES_CONSTANT(no_mail_waiting),
      SMTPCODES_CONSTANT(security_temporarily_unavailable),
      SMTPCODES_CONSTANT(cannot_accommodate_parameters),
      SMTPCODES_CONSTANT(cannot_queue_for_node),
      SMTPCODES_CONSTANT(node_not_allowed),
      SMTPCODES_CONSTANT(syntax_error),
      SMTPCODES_CONSTANT(syntax_error_in_parameters),
      SMTPCODES_CONSTANT(command_not_implemented),
      SMTPCODES_CONSTANT(bad_sequence_of_commands),
      SMTPCODES_CONSTANT(parameter_not_implemented),
      SMTPCODES_CONSTANT(does_not_accept_mail),
      SMTPCODES_CONSTANT(authentication_required),
      SMTPCODES_CONSTANT(authentication_mechanism_too_weak),
      SMTPCODES_CONSTANT(authentication_credentials_invalid),
      SMTPCODES_CONSTANT(encryption_required_for_mechanism),
      SMTPCODES_CONSTANT(mailbox_unavailable),
      SMTPCODES_CONSTANT(user_not_local),
      SMTPCODES_CONSTANT(exceeded_storage_allocation),
      SMTPCODES_CONSTANT(mailbox_name_not_allowed),
      SMTPCODES_CONSTANT(transaction_failed),
      SMTPCODES_CONSTANT(parameters_not_recognized),
      SMTPCODES_CONSTANT(domain_does_not_accept_mail),
#undef SMTPCODES_CONSTANT
  };
  const auto rows = read_csv("reply-code-constants.csv");
  CHECK(rows.size() == constants.size());
  for (const Row& row : rows) {
    CAPTURE(row.at("constant"));
    REQUIRE(constants.count(row.at("constant")) == 1);
    CHECK(constants.at(row.at("constant")).value() == std::stoi(row.at("code")));
    CHECK(sc::describe(constants.at(row.at("constant"))).origin == sc::Origin::rfc);
  }
}
