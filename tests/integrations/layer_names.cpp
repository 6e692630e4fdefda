// name() of the wire and bounce enumerations follows the one contract of
// docs/api.md: the enumerator's identifier; operator<< prints it.
#include <doctest/doctest.h>

#include <smtpcodes/bounces.hpp>
#include <smtpcodes/ostream.hpp>

#include <sstream>
#include <string>
#include <string_view>

namespace {

template <class Enum>
struct Row {
  Enum value;
  std::string_view identifier;
};

template <class Enum, std::size_t N>
void check_names(const Row<Enum> (&rows)[N], bool printed_as_name = true) {
  for (const Row<Enum>& row : rows) {
    CAPTURE(row.identifier);
    CHECK(smtpcodes::name(row.value) == row.identifier);
    if (!printed_as_name) continue;
    std::ostringstream out;
    out << row.value;
    CHECK(out.str() == std::string(row.identifier));
  }
}

}  // namespace

TEST_CASE("EHLO extensions: name() is the identifier, keyword() what the server sends") {
  using smtpcodes::Extension;
  const Row<Extension> rows[] = {
      {Extension::unknown, "unknown"},
      {Extension::size, "size"},
      {Extension::auth, "auth"},
      {Extension::enhanced_status_codes, "enhanced_status_codes"},
      {Extension::pipelining, "pipelining"},
      {Extension::starttls, "starttls"},
      {Extension::eight_bit_mime, "eight_bit_mime"},
      {Extension::smtputf8, "smtputf8"},
      {Extension::chunking, "chunking"},
      {Extension::binary_mime, "binary_mime"},
      {Extension::dsn, "dsn"},
      {Extension::requiretls, "requiretls"},
  };
  // An extension prints as its keyword, as a server sends it (docs/api.md).
  check_names(rows, false);
  CHECK(smtpcodes::keyword(Extension::eight_bit_mime) == "8BITMIME");
  std::ostringstream out;
  out << Extension::eight_bit_mime;
  CHECK(out.str() == "8BITMIME");
}

TEST_CASE("charsets and dialect table places") {
  using smtpcodes::Charset;
  const Row<Charset> charsets[] = {
      {Charset::as_is, "as_is"},
      {Charset::iso_2022_jp, "iso_2022_jp"},
      {Charset::shift_jis, "shift_jis"},
      {Charset::koi8_r, "koi8_r"},
      {Charset::windows_1251, "windows_1251"},
      {Charset::windows_1252, "windows_1252"},
      {Charset::iso_8859_1, "iso_8859_1"},
      {Charset::iso_8859_2, "iso_8859_2"},
      {Charset::iso_8859_5, "iso_8859_5"},
      {Charset::iso_8859_15, "iso_8859_15"},
  };
  check_names(charsets);
  using smtpcodes::RecipientPlace;
  const Row<RecipientPlace> recipient_places[] = {
      {RecipientPlace::delivery_status, "delivery_status"},
      {RecipientPlace::prose, "prose"},
      {RecipientPlace::header, "header"},
  };
  check_names(recipient_places);
  using smtpcodes::MarkerPlace;
  const Row<MarkerPlace> marker_places[] = {
      {MarkerPlace::from, "from"},
      {MarkerPlace::subject, "subject"},
      {MarkerPlace::header_name, "header_name"},
      {MarkerPlace::reporting_mta, "reporting_mta"},
      {MarkerPlace::opening, "opening"},
  };
  check_names(marker_places);
}

TEST_CASE("SMTP commands: name() is the identifier, printed as such") {
  using smtpcodes::SmtpCommand;
  const Row<SmtpCommand> rows[] = {
      {SmtpCommand::unknown, "unknown"},   {SmtpCommand::connect, "connect"}, {SmtpCommand::hello, "hello"},
      {SmtpCommand::starttls, "starttls"}, {SmtpCommand::auth, "auth"},       {SmtpCommand::mail_from, "mail_from"},
      {SmtpCommand::rcpt_to, "rcpt_to"},   {SmtpCommand::data, "data"},       {SmtpCommand::end_of_data, "end_of_data"},
  };
  check_names(rows);
}

TEST_CASE("phrase origins: name() is the identifier") {
  using smtpcodes::PhraseOrigin;
  const Row<PhraseOrigin> rows[] = {
      {PhraseOrigin::user, "user"},
      {PhraseOrigin::sisimai, "sisimai"},
      {PhraseOrigin::unverified, "unverified"},
      {PhraseOrigin::rfc, "rfc"},
      {PhraseOrigin::other_software, "other_software"},
      {PhraseOrigin::provider, "provider"},
  };
  check_names(rows);
}
