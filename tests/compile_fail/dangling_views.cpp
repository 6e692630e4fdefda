// A view into a temporary string must not compile: each SMTPCODES_CASE_*
// below keeps one (see CMakeLists.txt); without a case, the same calls on
// a string that lives on compile and run.
#include <string>
#include <string_view>

#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/transfer_encoding.hpp>
#include <smtpcodes/wire/ehlo.hpp>
#include <smtpcodes/wire/owned_reply.hpp>
#include <smtpcodes/wire/reply.hpp>

namespace {
std::string read_from_socket() { return "250 5.0.0 ok\r\n"; }
std::string read_bounce() {
  return "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
         "Final-Recipient: rfc822; ann@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n";
}
char decoded_text[512];
}  // namespace

int main() {
#if defined(SMTPCODES_CASE_parse_whole_reply)
  const auto r = smtpcodes::parse_whole_reply(read_from_socket());
  std::string s(r->line(0).text);
#elif defined(SMTPCODES_CASE_scan_reply)
  std::size_t end = 0;
  const auto r = smtpcodes::scan_reply<32>(read_from_socket(), smtpcodes::ReplyOptions{}, end);
  std::string s(r->line(0).text);
#elif defined(SMTPCODES_CASE_parse_reply_line)
  const auto r = smtpcodes::parse_reply_line(read_from_socket());
  std::string s(r->text);
#elif defined(SMTPCODES_CASE_words)
  const smtpcodes::Words words(read_from_socket());
  std::string s(*words.begin());
#elif defined(SMTPCODES_CASE_parse_delivery_status)
  const auto status = smtpcodes::parse_delivery_status(read_bounce());
  std::string s(status.message.reporting_mta.value);
#elif defined(SMTPCODES_CASE_find_delivery_status)
  const std::string_view part = smtpcodes::find_delivery_status(read_bounce());
  std::string s(part);
#elif defined(SMTPCODES_CASE_decode_text_parts)
  smtpcodes::DecodedMessage decoded;
  (void)smtpcodes::decode_text_parts(read_bounce(), decoded_text, sizeof decoded_text, decoded);
  std::string s(decoded.text());
#elif defined(SMTPCODES_CASE_owned_reply_temporary)
  const std::string bytes = read_from_socket();
  const auto& reply = smtpcodes::to_owned(smtpcodes::parse_whole_reply(bytes).value()).reply();
  std::string s(reply.line(0).text);
#else
  const std::string bytes = read_from_socket();
  const auto r = smtpcodes::parse_whole_reply(bytes);
  std::size_t end = 0;
  const auto scanned = smtpcodes::scan_reply<32>(bytes, smtpcodes::ReplyOptions{}, end);
  const auto line = smtpcodes::parse_reply_line(bytes);
  const smtpcodes::Words words(bytes);
  const smtpcodes::OwnedReply owned = smtpcodes::to_owned(r.value());
  std::string s(r->line(0).text);
  s += scanned->line(0).text;
  s += line->text;
  s += *words.begin();
  s += owned.reply().line(0).text;
  const std::string bounce = read_bounce();
  s += smtpcodes::parse_delivery_status(smtpcodes::find_delivery_status(bounce)).message.reporting_mta.value;
  s += smtpcodes::find_delivery_status(bounce);
  smtpcodes::DecodedMessage decoded;
  if (smtpcodes::decode_text_parts(bounce, decoded_text, sizeof decoded_text, decoded)) s += decoded.text();
#endif
  return s.empty() ? 1 : 0;
}
