#ifndef SMTPCODES_BOUNCE_DIALECT_HPP
#define SMTPCODES_BOUNCE_DIALECT_HPP

// The dialect of a bounce: which MTA or mail service wrote it. Each dialect
// has one row of a table: how it is recognised, where its recipients and
// its diagnostic are, how it words a permanent failure, an expiry and a
// delay, and where those facts come from. docs/bounces.md shows the table.
//
// A dialect is recognised from the notice itself (header fields, the
// Reporting-MTA field, the opening words of the explanation), never from
// the quoted original message.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/bounce/mime.hpp>
#include <smtpcodes/detail/phrase_set.hpp>
#include <smtpcodes/detail/text.hpp>

namespace smtpcodes {
inline namespace v0 {

enum class Dialect : std::uint8_t {
  unknown,
  // MTAs
  postfix,
  exim,
  sendmail,
  qmail,
  courier,
  opensmtpd,
  exchange2003,
  exchange2007,
  domino,
  groupwise,
  messaging_server,
  imail,
  james,
  powermta,
  dragonfly,  // the DragonFly Mail Agent (dma)
  // Services
  office365,
  gmail,
  yahoo,
  aol,
  icloud,
  amazon_ses,
  amazon_workmail,
  sendgrid,
  zoho,
  mailru,
  yandex,
  gmx,
  orange,
  verizon,
  tencent,
  biglobe,
  kddi,
  docomo,
  softbank,
  // Receiving-side filters and filtering gateways
  mimecast,
  messagelabs,
  facebook,
  mailmarshal,
  trendmicro,
  mcafee,
  barracuda,
  // List managers
  mailman,
  fml,
  google_groups,
};

// Where a dialect puts what a reader needs.
enum class RecipientPlace : std::uint8_t {
  delivery_status,  // message/delivery-status fields (RFC 3464)
  prose,            // the explaining text names each recipient
  header,           // a header field (X-Failed-Recipients)
};

enum class MarkerPlace : std::uint8_t {
  from,           // the From field (address or display name)
  subject,        // the Subject field
  header_name,    // a header field of that name exists
  reporting_mta,  // the Reporting-MTA field of the delivery-status part, or a Received field
  opening,        // the opening words of the explanation (see dialect_opening_size)
};

[[nodiscard]] constexpr std::string_view name(RecipientPlace value) noexcept {
  switch (value) {
    case RecipientPlace::delivery_status: return "delivery_status";
    case RecipientPlace::prose: return "prose";
    case RecipientPlace::header: return "header";
  }
  return "undefined";
}

[[nodiscard]] constexpr std::string_view name(MarkerPlace value) noexcept {
  switch (value) {
    case MarkerPlace::from: return "from";
    case MarkerPlace::subject: return "subject";
    case MarkerPlace::header_name: return "header_name";
    case MarkerPlace::reporting_mta: return "reporting_mta";
    case MarkerPlace::opening: return "opening";
  }
  return "undefined";
}

struct DialectMarker {
  MarkerPlace place;
  std::string_view text;  // lower case, found anywhere in the place
};

struct DialectInfo {
  Dialect dialect;
  std::string_view name;       // stable identifier
  DialectMarker marker;        // how it is recognised (one row per marker, first match wins)
  RecipientPlace recipients;   // where its failed recipients are named
  std::string_view permanent;  // how it says the failure is final (lower case), or empty
  std::string_view expiry;     // how it says it gave up retrying, or empty
  std::string_view delay;      // how it says it is still trying, or empty
  std::string_view source;     // where these facts come from
};

namespace detail {

using MP = MarkerPlace;
using RP = RecipientPlace;

// Services and filters before the MTAs they run on: a Gmail notice also
// comes from a Google MTA, an Office 365 notice also from Exchange.
// One row a line, so the table reads as a table (clang-format would put
// each field on its own line).
// clang-format off
inline constexpr DialectInfo dialects[] = {
    {Dialect::google_groups, "google_groups", {MP::header_name, "x-failed-recipients: @googlegroups.com"}, RP::header,
     {}, {}, {}, "Google Groups: a refusal to post names the group in X-Failed-Recipients (Sisimai Lhost/GoogleGroups.pm)"},
    {Dialect::mailman, "mailman", {MP::header_name, "x-mailman-version"}, RP::prose, {}, {}, {},
     "GNU Mailman: X-Mailman-Version on every notice it sends"},
    {Dialect::fml, "fml", {MP::header_name, "x-mlserver"}, RP::prose, {}, {}, {},
     "fml: X-MLServer field on its notices"},
    {Dialect::gmail, "gmail", {MP::from, "mailer-daemon@googlemail.com"}, RP::prose, "failed permanently",
     "failed permanently", "will be retried", "Gmail delivery status notifications (\"Technical details of ... failure\")"},
    {Dialect::gmail, "gmail", {MP::from, "mailer-daemon@google.com"}, RP::prose, "failed permanently",
     "failed permanently", "will be retried", "Gmail delivery status notifications"},
    {Dialect::office365, "office365", {MP::reporting_mta, ".outlook.com"}, RP::delivery_status,
     "delivery has failed", "4.4.7", "delivery is delayed",
     "Microsoft Learn: non-delivery reports in Exchange Online (NDR layout)"},
    {Dialect::office365, "office365", {MP::header_name, "x-ms-exchange-crosstenant-id"}, RP::delivery_status,
     "delivery has failed", "4.4.7", "delivery is delayed", "Microsoft Learn: Exchange Online message headers"},
    {Dialect::office365, "office365", {MP::from, "hotmail.com"}, RP::delivery_status, "delivery has failed", "4.4.7",
     "delivery is delayed", "Outlook.com (formerly Hotmail): notices from postmaster@*.hotmail.com"},
    {Dialect::office365, "office365", {MP::from, "outlook.com"}, RP::delivery_status, "delivery has failed", "4.4.7",
     "delivery is delayed", "Outlook.com and Exchange Online: notices from *.outlook.com"},
    {Dialect::yahoo, "yahoo", {MP::from, "yahoo.com"}, RP::prose, "unable to deliver your message", {}, {},
     "Yahoo Mail bounce notices (\"Sorry, we were unable to deliver your message\")"},
    {Dialect::aol, "aol", {MP::from, "aol.com"}, RP::prose, {}, {}, {}, "AOL (Yahoo) bounce notices"},
    {Dialect::icloud, "icloud", {MP::from, "icloud.com"}, RP::delivery_status, {}, {}, {}, "Apple iCloud Mail"},
    {Dialect::amazon_workmail, "amazon_workmail", {MP::header_name, "x-mailer: amazon workmail"},
     RP::delivery_status, {}, {}, {}, "Amazon WorkMail (X-Mailer: Amazon WorkMail)"},
    {Dialect::amazon_ses, "amazon_ses", {MP::from, "sns.amazonaws.com"}, RP::delivery_status, {}, {}, {},
     "Amazon SES developer guide: bounce notifications sent through Amazon SNS by email"},
    {Dialect::amazon_ses, "amazon_ses", {MP::from, "amazonses.com"}, RP::delivery_status, {},
     "was not reachable within the allowed queue period", {}, "Amazon SES developer guide: bounce notifications"},
    {Dialect::sendgrid, "sendgrid", {MP::from, "sendgrid.net"}, RP::delivery_status, {}, {}, {},
     "SendGrid docs: bounces"},
    {Dialect::zoho, "zoho", {MP::from, "zoho.com"}, RP::prose, {}, {}, {}, "Zoho Mail bounce notices"},
    {Dialect::mailru, "mailru", {MP::from, "mail.ru"}, RP::prose, {}, {}, {}, "Mail.ru (an Exim build)"},
    {Dialect::yandex, "yandex", {MP::from, "yandex.ru"}, RP::delivery_status, {}, {}, {}, "Yandex Mail"},
    {Dialect::gmx, "gmx", {MP::from, "gmx."}, RP::prose, {}, {}, {}, "GMX / 1&1 (web.de, gmx.net, gmx.com)"},
    {Dialect::gmx, "gmx", {MP::from, "web.de"}, RP::prose, {}, {}, {}, "GMX / 1&1"},
    {Dialect::orange, "orange", {MP::from, "orange.fr"}, RP::delivery_status, {}, {}, {}, "Orange (France Telecom)"},
    {Dialect::verizon, "verizon", {MP::from, "vtext.com"}, RP::prose, {}, {}, {}, "Verizon Wireless SMS gateway"},
    {Dialect::tencent, "tencent", {MP::from, "qq.com"}, RP::prose, {}, {}, {}, "Tencent QQ Mail"},
    {Dialect::biglobe, "biglobe", {MP::from, "biglobe.ne.jp"}, RP::prose, {}, {}, {}, "BIGLOBE"},
    {Dialect::kddi, "kddi", {MP::from, "ezweb.ne.jp"}, RP::prose, {}, {}, {}, "au by KDDI (ezweb.ne.jp)"},
    {Dialect::kddi, "kddi", {MP::from, "au.com"}, RP::prose, {}, {}, {}, "au by KDDI"},
    {Dialect::kddi, "kddi", {MP::from, "dion.ne.jp"}, RP::prose, {}, {}, {}, "KDDI's DION (au one net) mail"},
    {Dialect::docomo, "docomo", {MP::from, "docomo.ne.jp"}, RP::prose, {}, {}, {}, "NTT docomo"},
    {Dialect::softbank, "softbank", {MP::from, "softbank.ne.jp"}, RP::prose, {}, {}, {}, "SoftBank"},
    {Dialect::facebook, "facebook", {MP::from, "facebook.com"}, RP::delivery_status, {}, {}, {},
     "Facebook (X-Facebook) notices"},
    {Dialect::mimecast, "mimecast", {MP::reporting_mta, "mimecast"}, RP::delivery_status, {}, {}, {},
     "Mimecast knowledge base: SMTP error codes"},
    {Dialect::messagelabs, "messagelabs", {MP::header_name, "x-msg-ref"}, RP::prose, {}, {}, {},
     "Symantec MessageLabs (X-Msg-Ref server-N)"},
    {Dialect::mailmarshal, "mailmarshal", {MP::opening, "mailmarshal"}, RP::prose, {}, {}, {},
     "Trustwave MailMarshal SMTP notices"},
    {Dialect::trendmicro, "trendmicro", {MP::header_name, "x-tm-as-product-ver"}, RP::prose, {}, {}, {},
     "Trend Micro InterScan Messaging Security"},
    {Dialect::trendmicro, "trendmicro", {MP::opening, "message from interscan messaging security suite"}, RP::prose,
     {}, {}, {}, "Trend Micro InterScan Messaging Security Suite notices open so"},
    {Dialect::mcafee, "mcafee", {MP::header_name, "x-nai-header"}, RP::prose, {}, {}, {},
     "McAfee Email Gateway (X-NAI-Header)"},
    {Dialect::barracuda, "barracuda", {MP::header_name, "x-barracuda-spam-status"}, RP::delivery_status, {}, {},
     {}, "Barracuda Email Security Gateway"},
    {Dialect::powermta, "powermta", {MP::reporting_mta, "powermta"}, RP::delivery_status, {}, {}, {},
     "PowerMTA user's guide: DSN generation"},
    {Dialect::dragonfly, "dragonfly", {MP::opening, "this is the dragonfly mail agent"}, RP::prose, {}, {}, {},
     "dma (DragonFly Mail Agent) bounce text: 'This is the DragonFly Mail Agent ... There was an error delivering'"},
    {Dialect::exchange2007, "exchange2007", {MP::opening, "delivery has failed to these recipients or"},
     RP::prose, "delivery has failed", "4.4.7", "delivery is delayed",
     "Microsoft Learn: Exchange NDR text ('... recipients or distribution lists' in 2007, '... or groups' since 2010)"},
    {Dialect::exchange2003, "exchange2003", {MP::opening, "did not reach some or all of the intended recipients"},
     RP::prose, "could not be delivered", {}, {},
     "Exchange 2000/2003 NDR text (KB 284204): 'Your message / To: / Subject: / Sent: / did not reach ...'"},
    {Dialect::exchange2003, "exchange2003", {MP::header_name, "x-mailer: internet mail service"}, RP::prose,
     "did not reach the following recipient", {}, {},
     "Exchange 5.5 Internet Mail Service: X-Mailer and 'did not reach the following recipient(s)'"},
    {Dialect::postfix, "postfix", {MP::opening, "this is the mail system at host"}, RP::delivery_status,
     "could not be delivered to one or more recipients", {}, "delivery to the following recipient has been delayed",
     "Postfix bounce(5) templates: failure_template, delay_template"},
    {Dialect::postfix, "postfix", {MP::subject, "undelivered mail returned to sender"}, RP::delivery_status,
     "could not be delivered to one or more recipients", {}, "delivery to the following recipient has been delayed",
     "Postfix bounce(5): failure_template's Subject, kept when the text is translated"},
    {Dialect::postfix, "postfix", {MP::subject, "delayed mail (still being retried)"}, RP::delivery_status,
     "could not be delivered to one or more recipients", {}, "delivery to the following recipient has been delayed",
     "Postfix bounce(5): delay_template's Subject"},
    {Dialect::postfix, "postfix", {MP::subject, "postfix smtp server: errors from"}, RP::delivery_status, {}, {}, {},
     "Postfix smtpd(8): the postmaster's notice of a session's errors (notify_classes)"},
    {Dialect::exim, "exim", {MP::opening, "this message was created automatically by mail delivery software"},
     RP::header, "permanent error", "retry timeout exceeded", "has not yet been delivered",
     "Exim specification ch. 48 (Message processing), 32 (Retry configuration); X-Failed-Recipients"},
    {Dialect::qmail, "qmail", {MP::opening, "this is the qmail-send program"}, RP::prose, "this is a permanent error",
     "in the queue too long", "i'm still trying", "qmail-send(8): bounce message format (QSBMF)"},
    {Dialect::courier, "courier", {MP::opening, "courier mail server"}, RP::delivery_status, {}, {}, {},
     "Courier MTA: courierdsn(7)"},
    {Dialect::opensmtpd, "opensmtpd", {MP::opening, "this is the mailer-daemon, please do not reply"},
     RP::prose, "permanent failure", "delivery attempt expired", "temporary failure", "OpenSMTPD bounce.c texts"},
    {Dialect::domino, "domino", {MP::subject, "delivery failure report"}, RP::prose, {}, {}, {},
     "HCL/Lotus Domino delivery failure reports"},
    {Dialect::domino, "domino", {MP::subject, "delivery failure:"}, RP::prose, {}, {}, {},
     "HCL/Lotus Domino: a failure report's Subject is 'DELIVERY FAILURE: ' and the reason"},
    {Dialect::domino, "domino", {MP::opening, "failure reasons  --------"}, RP::prose, {}, {}, {},
     "Lotus Notes: '------- Failure Reasons --------' heads its undeliverable-message report"},
    {Dialect::groupwise, "groupwise", {MP::opening, "groupwise"}, RP::prose, {}, {}, {}, "Novell GroupWise"},
    {Dialect::messaging_server, "messaging_server", {MP::opening, "this report relates to a message you sent"},
     RP::delivery_status, {}, {}, {}, "Oracle Communications Messaging Server notification text"},
    {Dialect::imail, "imail", {MP::header_name, "x-mailer: <smtp32 v"}, RP::prose, {}, "giving up on", {},
     "Ipswitch IMail Server"},
    {Dialect::james, "james", {MP::opening, "apache james"}, RP::prose, {}, {}, {}, "Apache James bounce mailet"},
    {Dialect::james, "james", {MP::opening, "this is the james mail server at"}, RP::prose,
     "this is a permanent error", {}, {}, "Apache James Bounce mailet: its notice's opening words"},
    {Dialect::sendmail, "sendmail", {MP::opening, "----- transcript of session follows -----"},
     RP::delivery_status, "permanent fatal errors", "could not be delivered for", "warning: could not send message",
     "Sendmail: deliver.c / savemail.c return-to-sender texts"},
    {Dialect::sendmail, "sendmail", {MP::opening, "the original message was received at"}, RP::delivery_status,
     "permanent fatal errors", "could not be delivered for", "warning: could not send message", "Sendmail"},
    {Dialect::postfix, "postfix", {MP::reporting_mta, "postfix"}, RP::delivery_status,
     "could not be delivered to one or more recipients", {}, {}, "Postfix: Reporting-MTA dns; host (Postfix)"},
    {Dialect::exim, "exim", {MP::header_name, "x-failed-recipients"}, RP::header, "permanent error",
     "retry timeout exceeded", {}, "Exim specification: X-Failed-Recipients"},
};
// clang-format on

inline constexpr DialectInfo unknown_dialect{
    Dialect::unknown, "unknown", {MP::opening, {}}, RP::delivery_status, {}, {}, {}, {}};

}  // namespace detail

// How much of the explanation's start is searched for a dialect's opening
// words: MTAs open their notices with them. Recognition only; the rest of
// the message is still read in full (docs/limits.md).
inline constexpr std::size_t dialect_opening_size = 4096;

// The table row of a dialect (the first, when a dialect has several markers).
[[nodiscard]] constexpr const DialectInfo& describe(Dialect dialect) noexcept {
  for (const DialectInfo& info : detail::dialects) {
    if (info.dialect == dialect) return info;
  }
  return detail::unknown_dialect;
}

[[nodiscard]] constexpr std::string_view name(Dialect dialect) noexcept { return describe(dialect).name; }

// What recognition looks at: the notice's own header block, the
// Reporting-MTA value and Received fields, and the explanation's opening.
struct DialectEvidence {
  std::string_view headers;
  std::string_view reporting_mta;
  std::string_view opening;
};

namespace detail {

inline constexpr std::size_t dialect_rows = sizeof(dialects) / sizeof(dialects[0]);
static_assert(dialect_rows <= 64, "ReadEvidence keeps one bit per row");

// A header_name marker read once at compile time: "name", or "name: words"
// with the words somewhere in the value.
struct HeaderMarker {
  std::string_view name;
  std::string_view words;
  bool has_words = false;
  std::size_t row = 0;
};

struct HeaderMarkers {
  HeaderMarker markers[dialect_rows]{};
  std::size_t count = 0;
  std::uint64_t name_sizes = 0;  // bit n: some marker's name has n characters (n < 64)
};

[[nodiscard]] constexpr HeaderMarkers make_header_markers() noexcept {
  HeaderMarkers list;
  for (std::size_t row = 0; row < dialect_rows; ++row) {
    const DialectMarker& marker = dialects[row].marker;
    if (marker.place != MP::header_name) continue;
    const std::size_t colon = marker.text.find(':');
    HeaderMarker& read = list.markers[list.count++];
    read.name = marker.text.substr(0, colon);
    read.has_words = colon != std::string_view::npos;
    if (read.has_words) read.words = trim(marker.text.substr(colon + 1));
    read.row = row;
    if (read.name.size() < 64) list.name_sizes |= std::uint64_t{1} << read.name.size();
  }
  return list;
}

inline constexpr HeaderMarkers header_markers = make_header_markers();

// The marker texts of the rows that look in one place, in table order, and
// the set that finds them all in one pass.
struct PlaceMarkers {
  std::string_view texts[dialect_rows]{};
  std::size_t rows[dialect_rows]{};
  std::size_t count = 0;
};

[[nodiscard]] constexpr PlaceMarkers make_place_markers(MarkerPlace place) noexcept {
  PlaceMarkers list;
  for (std::size_t row = 0; row < dialect_rows; ++row) {
    if (dialects[row].marker.place != place) continue;
    list.texts[list.count] = dialects[row].marker.text;
    list.rows[list.count] = row;
    ++list.count;
  }
  return list;
}

inline constexpr PlaceMarkers from_markers = make_place_markers(MP::from);
inline constexpr PhraseSet from_marker_set{from_markers.texts, from_markers.count};
inline constexpr PlaceMarkers opening_markers = make_place_markers(MP::opening);
inline constexpr PhraseSet opening_marker_set{opening_markers.texts, opening_markers.count};
inline constexpr PlaceMarkers dialect_subject_markers = make_place_markers(MP::subject);
inline constexpr PhraseSet dialect_subject_marker_set{dialect_subject_markers.texts, dialect_subject_markers.count};

// The rows (bit i for row i) whose markers the set found.
[[nodiscard]] constexpr std::uint64_t rows_found(const PlaceMarkers& markers, std::uint64_t found) noexcept {
  std::uint64_t rows = 0;
  for (std::size_t i = 0; i < markers.count; ++i) {
    if (((found >> i) & 1U) != 0) rows |= std::uint64_t{1} << markers.rows[i];
  }
  return rows;
}

// The evidence read once for all rows: one pass over the header fields
// finds From, Subject and which rows' header markers they show, and one
// pass each over From, Subject and the opening finds all the markers there, so that
// the work is linear in the evidence however many rows the table has.
struct ReadEvidence {
  std::string_view from;
  std::string_view subject;
  std::uint64_t hits = 0;  // bit i: row i's marker is shown (header rows, then the places read)
  std::string_view reporting_mta;
  std::string_view opening;
  bool from_read = false;
  bool subject_read = false;
  bool opening_read = false;
  bool from_seen = false;
  bool subject_seen = false;

  constexpr void read_field(const HeaderField& header) noexcept {
    if (!from_seen && iequals(header.name, "From")) {
      from = header.value;
      from_seen = true;
    } else if (!subject_seen && iequals(header.name, "Subject")) {
      subject = header.value;
      subject_seen = true;
    }
    // Most fields are passed over by the length of their name alone.
    const std::size_t size = header.name.size();
    if (size >= 64 || ((header_markers.name_sizes >> size) & 1U) == 0) return;
    for (std::size_t k = 0; k < header_markers.count; ++k) {
      const HeaderMarker& marker = header_markers.markers[k];
      if (marker.name.size() != size || !iequals(header.name, marker.name)) continue;
      if (!marker.has_words || ifind(header.value, marker.words) != std::string_view::npos) {
        hits |= std::uint64_t{1} << marker.row;
      }
    }
  }
};

[[nodiscard]] constexpr ReadEvidence read_evidence(const DialectEvidence& evidence) noexcept {
  ReadEvidence read;
  read.reporting_mta = evidence.reporting_mta;
  read.opening = evidence.opening.substr(0, dialect_opening_size);
  std::size_t pos = 0;
  HeaderField header;
  while (next_header_field(evidence.headers, pos, header)) read.read_field(header);
  return read;
}

// The same from a header block already indexed (the index holds the block's fields).
[[nodiscard]] constexpr ReadEvidence read_evidence(const DialectEvidence& evidence,
                                                   const HeaderIndex& headers) noexcept {
  if (headers.truncated()) return read_evidence(evidence);
  ReadEvidence read;
  read.reporting_mta = evidence.reporting_mta;
  read.opening = evidence.opening.substr(0, dialect_opening_size);
  for (const HeaderField& header : headers) read.read_field(header);
  return read;
}

[[nodiscard]] constexpr bool has_marker(ReadEvidence& evidence, std::size_t row) noexcept {
  const DialectMarker& marker = dialects[row].marker;
  switch (marker.place) {
    case MP::from:
      if (!evidence.from_read) {
        evidence.hits |= rows_found(from_markers, find_phrase_set(evidence.from, from_marker_set));
        evidence.from_read = true;
      }
      break;
    case MP::opening:
      if (!evidence.opening_read) {
        evidence.hits |= rows_found(opening_markers, find_phrase_set(evidence.opening, opening_marker_set));
        evidence.opening_read = true;
      }
      break;
    case MP::subject:
      if (!evidence.subject_read) {
        evidence.hits |=
            rows_found(dialect_subject_markers, find_phrase_set(evidence.subject, dialect_subject_marker_set));
        evidence.subject_read = true;
      }
      break;
    case MP::reporting_mta: return ifind(evidence.reporting_mta, marker.text) != std::string_view::npos;
    case MP::header_name: break;
  }
  return ((evidence.hits >> row) & 1U) != 0;
}

[[nodiscard]] constexpr const DialectInfo& first_marked_row(ReadEvidence& read) noexcept {
  for (std::size_t row = 0; row < dialect_rows; ++row) {
    if (has_marker(read, row)) return dialects[row];
  }
  return unknown_dialect;
}

// recognise_dialect for a notice whose header block is already indexed.
[[nodiscard]] constexpr const DialectInfo& recognise_dialect(const DialectEvidence& evidence,
                                                             const HeaderIndex& headers) noexcept {
  ReadEvidence read = read_evidence(evidence, headers);
  return first_marked_row(read);
}

}  // namespace detail

// The dialect whose marker the evidence shows first in table order, or
// the unknown row.
[[nodiscard]] constexpr const DialectInfo& recognise_dialect(const DialectEvidence& evidence) noexcept {
  detail::ReadEvidence read = detail::read_evidence(evidence);
  return detail::first_marked_row(read);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_DIALECT_HPP
