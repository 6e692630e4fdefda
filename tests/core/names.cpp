// name() has one contract (docs/api.md): the enumerator's own identifier,
// snake_case, for logs and JSON; prose is title(). operator<< prints name().
#include <doctest/doctest.h>

#include <smtpcodes/ostream.hpp>
#include <smtpcodes/smtpcodes.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

using namespace smtpcodes;

bool is_identifier(std::string_view text) {
  if (text.empty() || !(text[0] >= 'a' && text[0] <= 'z')) return false;
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

template <class Enum>
struct Row {
  Enum value;
  std::string_view identifier;
};

// Each enumerator with its spelling, so name() must return exactly that.
#define SMTPCODES_TEST_ROW(Enum, enumerator) \
  Row<Enum> { Enum::enumerator, #enumerator }

template <class Enum, std::size_t N>
void check_names(const Row<Enum> (&rows)[N]) {
  for (const Row<Enum>& row : rows) {
    CAPTURE(row.identifier);
    CHECK(name(row.value) == row.identifier);
    CHECK(is_identifier(name(row.value)));
    std::ostringstream out;
    out << row.value;
    CHECK(out.str() == row.identifier);
  }
}

template <class Enum, class = void>
struct has_title : std::false_type {};
template <class Enum>
struct has_title<Enum, std::void_t<decltype(title(std::declval<Enum>()))>> : std::true_type {};

template <class Enum, std::size_t N>
void check_titles(const Row<Enum> (&rows)[N]) {
  static_assert(has_title<Enum>::value);
  for (const Row<Enum>& row : rows) {
    CAPTURE(row.identifier);
    CHECK_FALSE(title(row.value).empty());
  }
}

}  // namespace

TEST_CASE("name() of every core enumerator is its identifier; title() is the RFC's words") {
  constexpr Row<Severity> severities[] = {
      SMTPCODES_TEST_ROW(Severity, positive_preliminary), SMTPCODES_TEST_ROW(Severity, positive_completion),
      SMTPCODES_TEST_ROW(Severity, positive_intermediate), SMTPCODES_TEST_ROW(Severity, transient_negative),
      SMTPCODES_TEST_ROW(Severity, permanent_negative)};
  constexpr Row<Category> categories[] = {
      SMTPCODES_TEST_ROW(Category, syntax),        SMTPCODES_TEST_ROW(Category, information),
      SMTPCODES_TEST_ROW(Category, connections),   SMTPCODES_TEST_ROW(Category, unspecified_3),
      SMTPCODES_TEST_ROW(Category, unspecified_4), SMTPCODES_TEST_ROW(Category, mail_system)};
  constexpr Row<StatusClass> classes[] = {SMTPCODES_TEST_ROW(StatusClass, success),
                                          SMTPCODES_TEST_ROW(StatusClass, persistent_transient_failure),
                                          SMTPCODES_TEST_ROW(StatusClass, permanent_failure)};
  constexpr Row<Subject> subjects[] = {SMTPCODES_TEST_ROW(Subject, other_or_undefined),
                                       SMTPCODES_TEST_ROW(Subject, addressing),
                                       SMTPCODES_TEST_ROW(Subject, mailbox),
                                       SMTPCODES_TEST_ROW(Subject, mail_system),
                                       SMTPCODES_TEST_ROW(Subject, network_and_routing),
                                       SMTPCODES_TEST_ROW(Subject, mail_delivery_protocol),
                                       SMTPCODES_TEST_ROW(Subject, message_content_or_media),
                                       SMTPCODES_TEST_ROW(Subject, security_or_policy)};
  constexpr Row<ParseMode> modes[] = {SMTPCODES_TEST_ROW(ParseMode, strict), SMTPCODES_TEST_ROW(ParseMode, lenient)};
  constexpr Row<ParseErrorKind> kinds[] = {
      SMTPCODES_TEST_ROW(ParseErrorKind, empty_input),         SMTPCODES_TEST_ROW(ParseErrorKind, too_short),
      SMTPCODES_TEST_ROW(ParseErrorKind, not_a_digit),         SMTPCODES_TEST_ROW(ParseErrorKind, too_many_digits),
      SMTPCODES_TEST_ROW(ParseErrorKind, invalid_first_digit), SMTPCODES_TEST_ROW(ParseErrorKind, invalid_second_digit),
      SMTPCODES_TEST_ROW(ParseErrorKind, invalid_separator),   SMTPCODES_TEST_ROW(ParseErrorKind, invalid_class),
      SMTPCODES_TEST_ROW(ParseErrorKind, missing_dot),         SMTPCODES_TEST_ROW(ParseErrorKind, leading_zero),
      SMTPCODES_TEST_ROW(ParseErrorKind, trailing_characters), SMTPCODES_TEST_ROW(ParseErrorKind, value_out_of_range)};
  check_names(severities);
  check_names(categories);
  check_names(classes);
  check_names(subjects);
  check_names(modes);
  check_names(kinds);
  check_titles(severities);
  check_titles(categories);
  check_titles(classes);
  check_titles(subjects);
}

TEST_CASE("name() of every registry enumerator is its identifier; title() is prose") {
  constexpr Row<Actor> actors[] = {SMTPCODES_TEST_ROW(Actor, nobody), SMTPCODES_TEST_ROW(Actor, sender),
                                   SMTPCODES_TEST_ROW(Actor, sender_admin), SMTPCODES_TEST_ROW(Actor, recipient),
                                   SMTPCODES_TEST_ROW(Actor, recipient_admin)};
  constexpr Row<Retry> retries[] = {SMTPCODES_TEST_ROW(Retry, not_needed), SMTPCODES_TEST_ROW(Retry, retry_later),
                                    SMTPCODES_TEST_ROW(Retry, after_fix), SMTPCODES_TEST_ROW(Retry, do_not_retry)};
  constexpr Row<Origin> origins[] = {SMTPCODES_TEST_ROW(Origin, rfc), SMTPCODES_TEST_ROW(Origin, registry_only),
                                     SMTPCODES_TEST_ROW(Origin, vendor), SMTPCODES_TEST_ROW(Origin, not_smtp),
                                     SMTPCODES_TEST_ROW(Origin, unregistered)};
  constexpr Row<Verification> verifications[] = {SMTPCODES_TEST_ROW(Verification, rfc_text),
                                                 SMTPCODES_TEST_ROW(Verification, secondary),
                                                 SMTPCODES_TEST_ROW(Verification, registry)};
  constexpr Row<Source> sources[] = {
      SMTPCODES_TEST_ROW(Source, salesforce_ndr_reference), SMTPCODES_TEST_ROW(Source, salesforce_email_log_codes),
      SMTPCODES_TEST_ROW(Source, esp_code_list), SMTPCODES_TEST_ROW(Source, turbosmtp_table),
      SMTPCODES_TEST_ROW(Source, courier_code_list)};
  constexpr Row<Agreement> agreements[] = {
      SMTPCODES_TEST_ROW(Agreement, agrees), SMTPCODES_TEST_ROW(Agreement, partial),
      SMTPCODES_TEST_ROW(Agreement, conflicts), SMTPCODES_TEST_ROW(Agreement, not_applicable)};
  constexpr Row<DotlessFit> fits[] = {SMTPCODES_TEST_ROW(DotlessFit, lines_up), SMTPCODES_TEST_ROW(DotlessFit, partial),
                                      SMTPCODES_TEST_ROW(DotlessFit, does_not_line_up),
                                      SMTPCODES_TEST_ROW(DotlessFit, unregistered),
                                      SMTPCODES_TEST_ROW(DotlessFit, not_applicable)};
  constexpr Row<AssociationKind> association_kinds[] = {SMTPCODES_TEST_ROW(AssociationKind, code),
                                                        SMTPCODES_TEST_ROW(AssociationKind, any_in_class),
                                                        SMTPCODES_TEST_ROW(AssociationKind, any)};
  constexpr Row<StatusMatch> matches[] = {SMTPCODES_TEST_ROW(StatusMatch, exact),
                                          SMTPCODES_TEST_ROW(StatusMatch, subject),
                                          SMTPCODES_TEST_ROW(StatusMatch, status_class)};
  constexpr Row<Association> associations[] = {
      SMTPCODES_TEST_ROW(Association, listed), SMTPCODES_TEST_ROW(Association, not_listed),
      SMTPCODES_TEST_ROW(Association, none_given), SMTPCODES_TEST_ROW(Association, unregistered)};
  constexpr Row<DerivationRule> rules[] = {
      SMTPCODES_TEST_ROW(DerivationRule, registered_pairing), SMTPCODES_TEST_ROW(DerivationRule, dotless_vendor_code),
      SMTPCODES_TEST_ROW(DerivationRule, class_default), SMTPCODES_TEST_ROW(DerivationRule, none)};
  check_names(actors);
  check_names(retries);
  check_names(origins);
  check_names(verifications);
  check_names(sources);
  check_names(agreements);
  check_names(fits);
  check_names(association_kinds);
  check_names(matches);
  check_names(associations);
  check_names(rules);
  check_titles(actors);
  check_titles(retries);
  check_titles(origins);
  check_titles(verifications);
  check_titles(sources);
  check_titles(agreements);
  check_titles(fits);
  check_titles(association_kinds);
  check_titles(matches);
  check_titles(associations);
  check_titles(rules);
}

TEST_CASE("the sources are named for what they are") {
  CHECK(title(Source::salesforce_ndr_reference) == "Salesforce NDR error code reference");
  CHECK(title(Source::courier_code_list) == "Courier list of SMTP error codes");
  for (std::size_t i = 0; i < source_count; ++i) {
    const auto source = static_cast<Source>(i);
    CHECK(title(source).find(".txt") == std::string_view::npos);
  }
}
