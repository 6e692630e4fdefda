// DecodedMessage: decode_text_parts keeps the parts its walk found and the
// top header block's index, and the bounce reader replays them instead of
// walking the decoded text again. The replay must give what a walk of the
// decoded text gives, view for view, and the rows must be the same.
#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounces.hpp>

namespace {

using smtpcodes::DecodedMessage;

// The same view: the same characters at the same place.
bool same_view(std::string_view a, std::string_view b) { return a.data() == b.data() && a.size() == b.size(); }

std::string base64_of(std::string_view text) {
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 3 <= text.size(); i += 3) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(text[i])) << 16U |
                   static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])) << 8U |
                   static_cast<unsigned>(static_cast<unsigned char>(text[i + 2]));
    for (const unsigned shift : {18U, 12U, 6U, 0U}) out += alphabet[(n >> shift) & 63U];
    if ((i / 3) % 19 == 18) out += "\r\n";  // lines of 76 characters
  }
  if (i + 1 == text.size()) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(text[i])) << 16U;
    out += alphabet[(n >> 18) & 63U];
    out += alphabet[(n >> 12) & 63U];
    out += "==";
  } else if (i + 2 == text.size()) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(text[i])) << 16U |
                   static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])) << 8U;
    out += alphabet[(n >> 18) & 63U];
    out += alphabet[(n >> 12) & 63U];
    out += alphabet[(n >> 6) & 63U];
    out += '=';
  }
  return out;
}

std::string quoted_printable_of(std::string_view text) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '=' || byte >= 0x7F || (byte < 0x20 && c != '\r' && c != '\n' && c != '\t')) {
      out += '=';
      out += hex[byte >> 4U];
      out += hex[byte & 15U];
    } else {
      out += c;
    }
  }
  return out;
}

// Random bounce-like messages: nested multiparts, text parts sent plain,
// in base64 or quoted-printable (some decoding to lines that start "--" or
// end in a CR), delivery-status parts, returned messages, and sometimes more
// parts than the index holds.
class MessageMaker {
 public:
  explicit MessageMaker(unsigned seed) : random_(seed) {}

  // Sometimes with bare LF line ends, as mail stored on Unix often is.
  std::string message() {
    std::string text = message_with_crlf();
    if (pick(2) == 0) return text;
    std::string unix_text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') unix_text += text[i];
    }
    return unix_text;
  }

 private:
  std::string message_with_crlf() {
    boundary_count_ = 0;
    std::string text = "From: MAILER-DAEMON@example.org\r\nTo: sender@example.com\r\n";
    for (int i = pick(4); i > 0; --i)
      text += "Received: from relay" + std::to_string(i) + ".example.net\r\n\tby mx\r\n";
    text += "Subject: Undelivered Mail Returned to Sender\r\n";
    if (pick(6) == 0) {
      text += body_part({});  // a single-part message, perhaps encoded
      return text;
    }
    text += multipart(0);
    return text;
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  // Text of a part inside boundary, which its encoding may hide.
  std::string decoded_text(const std::string& boundary) {
    static const std::vector<std::string> lines = {
        "This is the mail system at host mx.example.org.",
        "<someone@example.com>: host mx.example.com said: 550 5.1.1 User unknown",
        "-- a line that starts with two dashes",
        "--",
        "Final-Recipient: rfc822; someone@example.com",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 <someone@example.com>: Recipient address rejected",
        "caf\xC3\xA9 = 100%",
        "",
    };
    std::string text;
    for (int i = pick(6) + 1; i > 0; --i)
      text += lines[static_cast<std::size_t>(pick(static_cast<int>(lines.size())))] + "\r\n";
    if (!boundary.empty() && pick(6) == 0) text += "--" + boundary + (pick(2) == 0 ? "--" : "") + "\r\n";
    if (pick(8) == 0) text += "ends in a CR\r";
    return text;
  }

  std::string body_part(const std::string& boundary) {
    static const std::vector<std::string> types = {"text/plain; charset=utf-8", "message/delivery-status", "text/html",
                                                   "application/octet-stream",  "message/rfc822",          ""};
    const std::string& type = types[static_cast<std::size_t>(pick(static_cast<int>(types.size())))];
    std::string headers;
    if (!type.empty()) headers += "Content-Type: " + type + "\r\n";
    const std::string text = decoded_text(boundary);
    std::string body = text;
    switch (pick(3)) {
      case 0:
        headers += "Content-Transfer-Encoding: base64\r\n";
        body = base64_of(text) + "\r\n";
        break;
      case 1:
        headers += "Content-Transfer-Encoding: quoted-printable\r\n";
        body = quoted_printable_of(text);
        break;
      default:
        if (pick(2) == 0) headers += "Content-Transfer-Encoding: 7bit\r\n";
        break;
    }
    return headers + "\r\n" + body;
  }

  std::string multipart(int depth) {
    const std::string boundary = "b" + std::to_string(depth) + "x" + std::to_string(boundary_count_++);
    std::string text = "Content-Type: multipart/" + std::string(pick(2) == 0 ? "report" : "mixed") + "; boundary=\"" +
                       boundary + "\"\r\n\r\nThis is a MIME message.\r\n";
    const int parts = pick(10) == 0 ? 40 : pick(4) + 1;
    for (int i = 0; i < parts; ++i) {
      text += "--" + boundary + "\r\n";
      text += depth < 5 && pick(4) == 0 ? multipart(depth + 1) : body_part(boundary);
      text += "\r\n";
    }
    if (pick(5) != 0) text += "--" + boundary + "--\r\n";
    return text;
  }

  std::mt19937 random_;
  int boundary_count_ = 0;
};

void check_same_structure(std::string_view text, const smtpcodes::detail::PartIndex& parts) {
  smtpcodes::detail::MessageStructure walked;
  smtpcodes::detail::read_structure(text, walked);
  smtpcodes::detail::MessageStructure replayed;
  smtpcodes::detail::read_structure(text, replayed, &parts);
  CHECK(same_view(walked.top.headers, replayed.top.headers));
  CHECK(same_view(walked.top.body, replayed.top.body));
  CHECK(same_view(walked.explanation_part, replayed.explanation_part));
  CHECK(same_view(walked.charset, replayed.charset));
  CHECK(walked.has_delivery_status == replayed.has_delivery_status);
  CHECK(same_view(walked.delivery_status, replayed.delivery_status));
  CHECK(same_view(walked.delivery_status_encoding, replayed.delivery_status_encoding));
  CHECK(walked.skipped_multiparts == replayed.skipped_multiparts);
  CHECK(same_view(walked.feedback, replayed.feedback));
  CHECK(same_view(walked.original_headers, replayed.original_headers));
  REQUIRE(walked.headers.size() == replayed.headers.size());
  CHECK(walked.headers.truncated() == replayed.headers.truncated());
  for (std::size_t i = 0; i < walked.headers.size(); ++i) {
    CHECK(same_view(walked.headers.begin()[i].name, replayed.headers.begin()[i].name));
    CHECK(same_view(walked.headers.begin()[i].value, replayed.headers.begin()[i].value));
  }
}

struct Row {
  std::string recipient;
  std::string reason;
  std::string diagnostic;
  std::string status_text;
  bool operator==(const Row& other) const {
    return recipient == other.recipient && reason == other.reason && diagnostic == other.diagnostic &&
           status_text == other.status_text;
  }
};

template <class Message>
std::vector<Row> rows_of(const Message& message) {
  std::vector<Row> rows;
  smtpcodes::for_each_bounce_recipient(message, [&rows](const smtpcodes::BounceRecipient& r) {
    rows.push_back(
        Row{std::string(r.recipient.value_or("(none)")),
            std::string(smtpcodes::name(r.verdict.reason)) + "/" + std::string(smtpcodes::name(r.verdict.bounce)),
            std::string(r.diagnostic), std::string(r.status_text)});
  });
  return rows;
}

// The decoding and its index work in a constant expression too.
constexpr bool decodes_at_compile_time() {
  constexpr std::string_view message =
      "From: MAILER-DAEMON@example.org\r\nContent-Type: multipart/report; boundary=\"b\"\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "<a@example.com>: 550 5.1.1 user=20unknown\r\n--b--\r\n";
  char out[message.size()] = {};
  DecodedMessage decoded;
  const smtpcodes::DecodeResult result = smtpcodes::decode_text_parts(message, out, message.size(), decoded);
  const smtpcodes::detail::PartIndex& parts = smtpcodes::detail::DecodedMessageAccess::parts(decoded);
  return result && decoded.text().size() == message.size() - 2 && parts.complete && parts.part_count == 2 &&
         parts.top_headers.value("From") == "MAILER-DAEMON@example.org";
}
static_assert(decodes_at_compile_time());

}  // namespace

TEST_CASE("a DecodedMessage is the decoded copy, or the message itself when nothing needed decoding") {
  const std::string plain =
      "From: MAILER-DAEMON@example.org\r\nContent-Type: text/plain\r\n\r\n550 5.1.1 <a@example.com>: unknown\r\n";
  std::string buffer(plain.size(), '\0');
  DecodedMessage decoded;
  const smtpcodes::DecodeResult result = smtpcodes::decode_text_parts(plain, buffer.data(), buffer.size(), decoded);
  REQUIRE(result);
  CHECK(result->written == plain.size());
  CHECK(same_view(decoded.text(), plain));  // not copied

  const std::string encoded =
      "From: MAILER-DAEMON@example.org\r\nContent-Type: text/plain\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n550 5.1.1 =3Ca@example.com=3E\r\n";
  std::string out(encoded.size(), '\0');
  const smtpcodes::DecodeResult copied = smtpcodes::decode_text_parts(encoded, out.data(), out.size(), decoded);
  REQUIRE(copied);
  CHECK(decoded.text().data() == out.data());
  CHECK(decoded.text() ==
        "From: MAILER-DAEMON@example.org\r\nContent-Type: text/plain\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n550 5.1.1 <a@example.com>\r\n");
  // The header index handed on views the copy, not the message.
  CHECK(smtpcodes::detail::DecodedMessageAccess::parts(decoded).top_headers.value("From").data() >= out.data());

  // Too small a buffer: the message as sent, nothing replayed.
  std::string small(4, '\0');
  const smtpcodes::DecodeResult failed = smtpcodes::decode_text_parts(encoded, small.data(), small.size(), decoded);
  CHECK_FALSE(failed);
  CHECK(same_view(decoded.text(), encoded));
  CHECK_FALSE(smtpcodes::detail::DecodedMessageAccess::parts(decoded).complete);
}

TEST_CASE("the replayed parts are the parts a walk of the decoded text finds, and the rows the same") {
  MessageMaker maker(20261203);
  std::size_t replayed = 0;
  std::size_t refused = 0;
  std::size_t uncopied = 0;
  DecodedMessage decoded;
  for (int round = 0; round < 3000; ++round) {
    const std::string message = maker.message();
    std::string old_out(message.size(), '\0');
    const smtpcodes::DecodeResult old_result = smtpcodes::decode_text_parts(message, old_out.data(), old_out.size());
    REQUIRE(old_result);
    const std::string_view old_text(old_out.data(), old_result->written);
    std::string out(message.size(), '\0');
    const smtpcodes::DecodeResult result = smtpcodes::decode_text_parts(message, out.data(), out.size(), decoded);
    REQUIRE(result);
    CHECK(*result == *old_result);
    REQUIRE(decoded.text() == old_text);
    if (decoded.text().data() == message.data()) ++uncopied;
    const smtpcodes::detail::PartIndex& parts = smtpcodes::detail::DecodedMessageAccess::parts(decoded);
    (parts.complete ? replayed : refused) += 1;
    if (parts.complete) check_same_structure(decoded.text(), parts);
    CHECK(rows_of(decoded) == rows_of(old_text));
  }
  // The generator reaches every path: replayed from the message and from a
  // copy, and refused.
  CHECK(replayed > 1000);
  CHECK(refused > 100);
  CHECK(uncopied > 100);
  CHECK(uncopied < replayed);
}
