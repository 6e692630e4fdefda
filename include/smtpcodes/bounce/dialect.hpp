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
    {Dialect::google_groups, "google_groups"sv, {MP::header_name, "x-failed-recipients: @googlegroups.com"sv}, RP::header,
     {}, {}, {}, "Google Groups: a refusal to post names the group in X-Failed-Recipients (Sisimai Lhost/GoogleGroups.pm)"sv},
    {Dialect::mailman, "mailman"sv, {MP::header_name, "x-mailman-version"sv}, RP::prose, {}, {}, {},
     "GNU Mailman: X-Mailman-Version on every notice it sends"sv},
    {Dialect::fml, "fml"sv, {MP::header_name, "x-mlserver"sv}, RP::prose, {}, {}, {},
     "fml: X-MLServer field on its notices"sv},
    {Dialect::gmail, "gmail"sv, {MP::from, "mailer-daemon@googlemail.com"sv}, RP::prose, "failed permanently"sv,
     "failed permanently"sv, "will be retried"sv, "Gmail delivery status notifications ('Technical details of ... failure')"sv},
    {Dialect::gmail, "gmail"sv, {MP::from, "mailer-daemon@google.com"sv}, RP::prose, "failed permanently"sv,
     "failed permanently"sv, "will be retried"sv, "Gmail delivery status notifications"sv},
    {Dialect::office365, "office365"sv, {MP::reporting_mta, ".outlook.com"sv}, RP::delivery_status,
     "delivery has failed"sv, "4.4.7"sv, "delivery is delayed"sv,
     "Microsoft Learn: non-delivery reports in Exchange Online (NDR layout)"sv},
    {Dialect::office365, "office365"sv, {MP::header_name, "x-ms-exchange-crosstenant-id"sv}, RP::delivery_status,
     "delivery has failed"sv, "4.4.7"sv, "delivery is delayed"sv, "Microsoft Learn: Exchange Online message headers"sv},
    {Dialect::office365, "office365"sv, {MP::from, "hotmail.com"sv}, RP::delivery_status, "delivery has failed"sv, "4.4.7"sv,
     "delivery is delayed"sv, "Outlook.com (formerly Hotmail): notices from postmaster@*.hotmail.com"sv},
    {Dialect::office365, "office365"sv, {MP::from, "outlook.com"sv}, RP::delivery_status, "delivery has failed"sv, "4.4.7"sv,
     "delivery is delayed"sv, "Outlook.com and Exchange Online: notices from *.outlook.com"sv},
    {Dialect::yahoo, "yahoo"sv, {MP::from, "yahoo.com"sv}, RP::prose, "unable to deliver your message"sv, {}, {},
     "Yahoo Mail bounce notices ('Sorry, we were unable to deliver your message')"sv},
    {Dialect::aol, "aol"sv, {MP::from, "aol.com"sv}, RP::prose, {}, {}, {}, "AOL (Yahoo) bounce notices"sv},
    {Dialect::icloud, "icloud"sv, {MP::from, "icloud.com"sv}, RP::delivery_status, {}, {}, {}, "Apple iCloud Mail"sv},
    {Dialect::amazon_workmail, "amazon_workmail"sv, {MP::header_name, "x-mailer: amazon workmail"sv},
     RP::delivery_status, {}, {}, {}, "Amazon WorkMail (X-Mailer: Amazon WorkMail)"sv},
    {Dialect::amazon_ses, "amazon_ses"sv, {MP::from, "sns.amazonaws.com"sv}, RP::delivery_status, {}, {}, {},
     "Amazon SES developer guide: bounce notifications sent through Amazon SNS by email"sv},
    {Dialect::amazon_ses, "amazon_ses"sv, {MP::from, "amazonses.com"sv}, RP::delivery_status, {},
     "was not reachable within the allowed queue period"sv, {}, "Amazon SES developer guide: bounce notifications"sv},
    {Dialect::sendgrid, "sendgrid"sv, {MP::from, "sendgrid.net"sv}, RP::delivery_status, {}, {}, {},
     "SendGrid docs: bounces"sv},
    {Dialect::zoho, "zoho"sv, {MP::from, "zoho.com"sv}, RP::prose, {}, {}, {}, "Zoho Mail bounce notices"sv},
    {Dialect::mailru, "mailru"sv, {MP::from, "mail.ru"sv}, RP::prose, {}, {}, {}, "Mail.ru (an Exim build)"sv},
    {Dialect::yandex, "yandex"sv, {MP::from, "yandex.ru"sv}, RP::delivery_status, {}, {}, {}, "Yandex Mail"sv},
    {Dialect::gmx, "gmx"sv, {MP::from, "gmx."sv}, RP::prose, {}, {}, {}, "GMX / 1&1 (web.de, gmx.net, gmx.com)"sv},
    {Dialect::gmx, "gmx"sv, {MP::from, "web.de"sv}, RP::prose, {}, {}, {}, "GMX / 1&1"sv},
    {Dialect::orange, "orange"sv, {MP::from, "orange.fr"sv}, RP::delivery_status, {}, {}, {}, "Orange (France Telecom)"sv},
    {Dialect::verizon, "verizon"sv, {MP::from, "vtext.com"sv}, RP::prose, {}, {}, {}, "Verizon Wireless SMS gateway"sv},
    {Dialect::tencent, "tencent"sv, {MP::from, "qq.com"sv}, RP::prose, {}, {}, {}, "Tencent QQ Mail"sv},
    {Dialect::biglobe, "biglobe"sv, {MP::from, "biglobe.ne.jp"sv}, RP::prose, {}, {}, {}, "BIGLOBE"sv},
    {Dialect::kddi, "kddi"sv, {MP::from, "ezweb.ne.jp"sv}, RP::prose, {}, {}, {}, "au by KDDI (ezweb.ne.jp)"sv},
    {Dialect::kddi, "kddi"sv, {MP::from, "au.com"sv}, RP::prose, {}, {}, {}, "au by KDDI"sv},
    {Dialect::kddi, "kddi"sv, {MP::from, "dion.ne.jp"sv}, RP::prose, {}, {}, {}, "KDDI's DION (au one net) mail"sv},
    {Dialect::docomo, "docomo"sv, {MP::from, "docomo.ne.jp"sv}, RP::prose, {}, {}, {}, "NTT docomo"sv},
    {Dialect::softbank, "softbank"sv, {MP::from, "softbank.ne.jp"sv}, RP::prose, {}, {}, {}, "SoftBank"sv},
    {Dialect::facebook, "facebook"sv, {MP::from, "facebook.com"sv}, RP::delivery_status, {}, {}, {},
     "Facebook (X-Facebook) notices"sv},
    {Dialect::mimecast, "mimecast"sv, {MP::reporting_mta, "mimecast"sv}, RP::delivery_status, {}, {}, {},
     "Mimecast knowledge base: SMTP error codes"sv},
    {Dialect::messagelabs, "messagelabs"sv, {MP::header_name, "x-msg-ref"sv}, RP::prose, {}, {}, {},
     "Symantec MessageLabs (X-Msg-Ref server-N)"sv},
    {Dialect::mailmarshal, "mailmarshal"sv, {MP::opening, "mailmarshal"sv}, RP::prose, {}, {}, {},
     "Trustwave MailMarshal SMTP notices"sv},
    {Dialect::trendmicro, "trendmicro"sv, {MP::header_name, "x-tm-as-product-ver"sv}, RP::prose, {}, {}, {},
     "Trend Micro InterScan Messaging Security"sv},
    {Dialect::trendmicro, "trendmicro"sv, {MP::opening, "message from interscan messaging security suite"sv}, RP::prose,
     {}, {}, {}, "Trend Micro InterScan Messaging Security Suite notices open so"sv},
    {Dialect::mcafee, "mcafee"sv, {MP::header_name, "x-nai-header"sv}, RP::prose, {}, {}, {},
     "McAfee Email Gateway (X-NAI-Header)"sv},
    {Dialect::barracuda, "barracuda"sv, {MP::header_name, "x-barracuda-spam-status"sv}, RP::delivery_status, {}, {},
     {}, "Barracuda Email Security Gateway"sv},
    {Dialect::powermta, "powermta"sv, {MP::reporting_mta, "powermta"sv}, RP::delivery_status, {}, {}, {},
     "PowerMTA user's guide: DSN generation"sv},
    {Dialect::dragonfly, "dragonfly"sv, {MP::opening, "this is the dragonfly mail agent"sv}, RP::prose, {}, {}, {},
     "dma (DragonFly Mail Agent) bounce text: 'This is the DragonFly Mail Agent ... There was an error delivering'"sv},
    {Dialect::exchange2007, "exchange2007"sv, {MP::opening, "delivery has failed to these recipients or"sv},
     RP::prose, "delivery has failed"sv, "4.4.7"sv, "delivery is delayed"sv,
     "Microsoft Learn: Exchange NDR text ('... recipients or distribution lists' in 2007, '... or groups' since 2010)"sv},
    {Dialect::exchange2003, "exchange2003"sv, {MP::opening, "did not reach some or all of the intended recipients"sv},
     RP::prose, "could not be delivered"sv, {}, {},
     "Exchange 2000/2003 NDR text (KB 284204): 'Your message / To: / Subject: / Sent: / did not reach ...'"sv},
    {Dialect::exchange2003, "exchange2003"sv, {MP::header_name, "x-mailer: internet mail service"sv}, RP::prose,
     "did not reach the following recipient"sv, {}, {},
     "Exchange 5.5 Internet Mail Service: X-Mailer and 'did not reach the following recipient(s)'"sv},
    {Dialect::postfix, "postfix"sv, {MP::opening, "this is the mail system at host"sv}, RP::delivery_status,
     "could not be delivered to one or more recipients"sv, {}, "delivery to the following recipient has been delayed"sv,
     "Postfix bounce(5) templates: failure_template, delay_template"sv},
    {Dialect::postfix, "postfix"sv, {MP::subject, "undelivered mail returned to sender"sv}, RP::delivery_status,
     "could not be delivered to one or more recipients"sv, {}, "delivery to the following recipient has been delayed"sv,
     "Postfix bounce(5): failure_template's Subject, kept when the text is translated"sv},
    {Dialect::postfix, "postfix"sv, {MP::subject, "delayed mail (still being retried)"sv}, RP::delivery_status,
     "could not be delivered to one or more recipients"sv, {}, "delivery to the following recipient has been delayed"sv,
     "Postfix bounce(5): delay_template's Subject"sv},
    {Dialect::postfix, "postfix"sv, {MP::subject, "postfix smtp server: errors from"sv}, RP::delivery_status, {}, {}, {},
     "Postfix smtpd(8): the postmaster's notice of a session's errors (notify_classes)"sv},
    {Dialect::exim, "exim"sv, {MP::opening, "this message was created automatically by mail delivery software"sv},
     RP::header, "permanent error"sv, "retry timeout exceeded"sv, "has not yet been delivered"sv,
     "Exim specification ch. 48 (Message processing), 32 (Retry configuration); X-Failed-Recipients"sv},
    {Dialect::qmail, "qmail"sv, {MP::opening, "this is the qmail-send program"sv}, RP::prose, "this is a permanent error"sv,
     "in the queue too long"sv, "i'm still trying"sv, "qmail-send(8): bounce message format (QSBMF)"sv},
    {Dialect::courier, "courier"sv, {MP::opening, "courier mail server"sv}, RP::delivery_status, {}, {}, {},
     "Courier MTA: courierdsn(7)"sv},
    {Dialect::opensmtpd, "opensmtpd"sv, {MP::opening, "this is the mailer-daemon, please do not reply"sv},
     RP::prose, "permanent failure"sv, "delivery attempt expired"sv, "temporary failure"sv, "OpenSMTPD bounce.c texts"sv},
    {Dialect::domino, "domino"sv, {MP::subject, "delivery failure report"sv}, RP::prose, {}, {}, {},
     "HCL/Lotus Domino delivery failure reports"sv},
    {Dialect::domino, "domino"sv, {MP::subject, "delivery failure:"sv}, RP::prose, {}, {}, {},
     "HCL/Lotus Domino: a failure report's Subject is 'DELIVERY FAILURE: ' and the reason"sv},
    {Dialect::domino, "domino"sv, {MP::opening, "failure reasons  --------"sv}, RP::prose, {}, {}, {},
     "Lotus Notes: '------- Failure Reasons --------' heads its undeliverable-message report"sv},
    {Dialect::groupwise, "groupwise"sv, {MP::opening, "groupwise"sv}, RP::prose, {}, {}, {}, "Novell GroupWise"sv},
    {Dialect::messaging_server, "messaging_server"sv, {MP::opening, "this report relates to a message you sent"sv},
     RP::delivery_status, {}, {}, {}, "Oracle Communications Messaging Server notification text"sv},
    {Dialect::imail, "imail"sv, {MP::header_name, "x-mailer: <smtp32 v"sv}, RP::prose, {}, "giving up on"sv, {},
     "Ipswitch IMail Server"sv},
    {Dialect::james, "james"sv, {MP::opening, "apache james"sv}, RP::prose, {}, {}, {}, "Apache James bounce mailet"sv},
    {Dialect::james, "james"sv, {MP::opening, "this is the james mail server at"sv}, RP::prose,
     "this is a permanent error"sv, {}, {}, "Apache James Bounce mailet: its notice's opening words"sv},
    {Dialect::sendmail, "sendmail"sv, {MP::opening, "----- transcript of session follows -----"sv},
     RP::delivery_status, "permanent fatal errors"sv, "could not be delivered for"sv, "warning: could not send message"sv,
     "Sendmail: deliver.c / savemail.c return-to-sender texts"sv},
    {Dialect::sendmail, "sendmail"sv, {MP::opening, "the original message was received at"sv}, RP::delivery_status,
     "permanent fatal errors"sv, "could not be delivered for"sv, "warning: could not send message"sv, "Sendmail"sv},
    {Dialect::postfix, "postfix"sv, {MP::reporting_mta, "postfix"sv}, RP::delivery_status,
     "could not be delivered to one or more recipients"sv, {}, {}, "Postfix: Reporting-MTA dns; host (Postfix)"sv},
    {Dialect::exim, "exim"sv, {MP::header_name, "x-failed-recipients"sv}, RP::header, "permanent error"sv,
     "retry timeout exceeded"sv, {}, "Exim specification: X-Failed-Recipients"sv},
};
// clang-format on

inline constexpr DialectInfo unknown_dialect{
    Dialect::unknown, "unknown"sv, {MP::opening, {}}, RP::delivery_status, {}, {}, {}, {}};

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

// Finds all the markers of one place in its text, the first time a row asks.
constexpr void read_place(std::uint64_t& hits, bool& read, std::string_view text, const PlaceMarkers& markers,
                          const PhraseSet& set) noexcept {
  if (read) return;
  hits |= rows_found(markers, find_phrase_set(text, set));
  read = true;
}

[[nodiscard]] constexpr bool has_marker(ReadEvidence& evidence, std::size_t row) noexcept {
  const DialectMarker& marker = dialects[row].marker;
  std::uint64_t& hits = evidence.hits;
  switch (marker.place) {
    case MP::from: read_place(hits, evidence.from_read, evidence.from, from_markers, from_marker_set); break;
    case MP::opening:
      read_place(hits, evidence.opening_read, evidence.opening, opening_markers, opening_marker_set);
      break;
    case MP::subject:
      read_place(hits, evidence.subject_read, evidence.subject, dialect_subject_markers, dialect_subject_marker_set);
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
