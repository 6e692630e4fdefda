// Proves that no parse, formatting or lookup path allocates: global operator
// new and delete are replaced by versions that count, and every path below
// runs over valid and malformed inputs while the count must stay at zero.
//
// Adding a path is one line in `paths` (a name and a lambda over one input).

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <smtpcodes/bounces.hpp>

namespace {
std::size_t allocations = 0;
}  // namespace

void* operator new(std::size_t size) {
  ++allocations;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc{};
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
// g++ 12 (-O1 and up) takes free() here for a mismatch with operator new,
// which this file replaces with malloc().
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t /*size*/) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t /*size*/) noexcept { std::free(memory); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace {

using namespace smtpcodes;
using namespace smtpcodes::literals;

// Valid and malformed inputs of every shape the parsers take.
constexpr std::string_view inputs[] = {
    "",
    "5",
    "55",
    "550",
    "550 5.1.1 User unknown",
    "550-5.1.1 more",
    "250\r\n",
    "650 x",
    "5500",
    "550:",
    "5.1.1",
    "4.7.606",
    "2.0.0",
    "5.01.1",
    "5.1",
    "6.1.1",
    "5.1.1.",
    "5.1234.1",
    "x",
    "\xff\xfe",
};

// Reads every byte of a result into a volatile, so that no call can be
// optimised away.
template <class T>
void keep(const T& value) {
  static volatile unsigned char sink = 0;
  // Copying the object representation into unsigned char is allowed for any
  // type, pointers and strings included; the checks below cannot see that.
  unsigned char bytes[sizeof(T)];         // NOLINT(bugprone-sizeof-expression)
  std::memcpy(bytes, &value, sizeof(T));  // NOLINT(bugprone-sizeof-expression,bugprone-undefined-memory-manipulation)
  for (unsigned char byte : bytes) sink = static_cast<unsigned char>(sink + byte);
}

// The code an input parses to, or a code no table knows, for the lookups.
ReplyCode reply_of(std::string_view in) { return parse_reply(in, ParseMode::lenient).value_or(999_reply); }
EnhancedStatus status_of(std::string_view in) {
  return parse_enhanced_status(in, ParseMode::lenient).value_or("5.999.999"_status);
}

struct Path {
  const char* name;
  void (*run)(std::string_view input);
};

constexpr Path paths[] = {
    {"parse_reply strict", [](std::string_view in) { keep(parse_reply(in)); }},
    {"parse_reply lenient", [](std::string_view in) { keep(parse_reply(in, ParseMode::lenient)); }},
    {"parse_enhanced_status strict", [](std::string_view in) { keep(parse_enhanced_status(in)); }},
    {"parse_enhanced_status lenient", [](std::string_view in) { keep(parse_enhanced_status(in, ParseMode::lenient)); }},
    {"detail::scan_reply_code",
     [](std::string_view in) {
       std::size_t end = 0;
       keep(detail::scan_reply_code(in, ParseMode::strict, end));
     }},
    {"detail::scan_enhanced_status",
     [](std::string_view in) {
       std::size_t end = 0;
       keep(detail::scan_enhanced_status(in, ParseMode::strict, end));
     }},
    {"to_string(ReplyCode)",
     [](std::string_view in) { keep(to_string(parse_reply(in, ParseMode::lenient).value_or(ReplyCode{}))); }},
    {"to_string(EnhancedStatus)",
     [](std::string_view in) { keep(to_string(parse_enhanced_status(in).value_or(EnhancedStatus{}))); }},
    {"to_chars",
     [](std::string_view in) {
       char buffer[16];
       keep(to_chars(buffer, buffer + sizeof buffer, parse_enhanced_status(in).value_or("5.1.1"_status)));
     }},
    {"names and messages",
     [](std::string_view in) {
       const auto code = parse_reply(in, ParseMode::lenient);
       const auto status = parse_enhanced_status(in, ParseMode::lenient);
       keep(name(code->severity()).size() + name(code->category()).size() + name(status->status_class()).size() +
            name(status->subject()).size() + name(code.error().kind).size() + message(status.error()).size());
     }},
    {"ReplyCode::from_value and EnhancedStatus::from_parts",
     [](std::string_view in) {
       keep(ReplyCode::from_value(static_cast<unsigned>(in.size()) * 50));
       keep(EnhancedStatus::from_parts(static_cast<unsigned>(in.size()) % 6, 1, 1));
     }},
    {"literals", [](std::string_view) { keep((550_reply).value() + "5.1.1"_status.key()); }},
    {"describe(ReplyCode)", [](std::string_view in) { keep(describe(reply_of(in))); }},
    {"describe(EnhancedStatus)", [](std::string_view in) { keep(describe(status_of(in))); }},
    {"lookup_reply_code, lookup_dotless_reading, lookup_derivation_pairing",
     [](std::string_view in) {
       keep(lookup_reply_code(reply_of(in)));
       keep(lookup_dotless_reading(reply_of(in)));
       keep(lookup_derivation_pairing(reply_of(in)));
     }},
    {"lookup_enhanced_status, lookup_subject, lookup_status_class",
     [](std::string_view in) {
       keep(lookup_enhanced_status(status_of(in)));
       keep(lookup_subject(status_of(in).subject()));
       keep(lookup_status_class(status_of(in).status_class()));
     }},
    {"claims and lookup_claim",
     [](std::string_view in) {
       keep(claims(reply_of(in)).size() + claims(status_of(in)).size());
       keep(lookup_claim(reply_of(in), Source::salesforce_ndr_reference));
       keep(lookup_claim(status_of(in), Source::courier_code_list));
     }},
    {"check_consistency, association, derive_enhanced_status",
     [](std::string_view in) {
       keep(check_consistency(reply_of(in), status_of(in)));
       keep(association(reply_of(in), status_of(in)));
       keep(derive_enhanced_status(reply_of(in)));
     }},
    {"parse_whole_reply, scan_reply, parse_ehlo, add_derived_enhanced_status",
     [](std::string_view in) {
       char text[64] = {};
       const std::size_t size = in.size() < 60 ? in.size() : 60;
       for (std::size_t i = 0; i < size; ++i) text[i] = in[i];
       text[size] = '\r';
       text[size + 1] = '\n';
       const std::string_view reply_text(text, size + 2);
       auto reply = parse_whole_reply(reply_text);
       keep(reply.has_value());
       std::size_t end = 0;
       keep(scan_reply<32>(reply_text, ReplyOptions{}, end).has_value());
       if (reply) {
         Reply copy = *reply;
         keep(add_derived_enhanced_status(copy));
         keep(parse_ehlo(copy));
       }
     }},
    {"ReplyStream feed, next, finish",
     [](std::string_view in) {
       static char buffer[1024];
       ReplyStream stream(buffer, sizeof buffer);
       keep(stream.feed(in));
       keep(stream.feed("\r\n250-a\r\n250 b\r\n"));
       stream.finish();
       for (int i = 0; i < 8 && stream.next() != ReplyStreamStatus::end_of_stream; ++i)
         keep(stream.reply().line_count());
     }},
    {"find_codes, find_all_codes, for_each_code",
     [](std::string_view in) {
       keep(find_codes(in));
       keep(find_all_codes(in).size());
       keep(for_each_code(in, [](const CodeMatch& match) { keep(match.offset); }));
     }},
    {"classify_text, parse_delivery_status, parse_mta_log_line",
     [](std::string_view in) {
       keep(classify_text(in));
       keep(parse_delivery_status(in));
       keep(find_delivery_status(in));
       keep(parse_mta_log_line(in));
     }},
    {"for_each_bounce_recipient",
     [](std::string_view in) {
       keep(for_each_bounce_recipient(in, [](const BounceRecipient& recipient) { keep(recipient); }));
       keep(for_each_bounce_recipient("Content-Type: text/plain\r\n\r\n<a@b.example>: host said: 550 5.1.1 unknown\r\n",
                                      [](const BounceRecipient& recipient) { keep(recipient); }));
     }},
    {"registry names",
     [](std::string_view in) {
       const auto description = describe(reply_of(in));
       keep(name(description.remedy.actor).size() + name(description.remedy.retry).size() +
            name(description.origin).size() + name(Source::salesforce_ndr_reference).size() +
            title(Source::salesforce_email_log_codes).size() +
            name(check_consistency(reply_of(in), status_of(in)).association).size() +
            name(derive_enhanced_status(reply_of(in)).rule).size());
     }},
};

}  // namespace

TEST_CASE("the counting operator new sees allocations") {
  // Without this the test below could pass by counting nothing.
  const std::size_t before = allocations;
  auto* text = new std::string(100, 'x');
  keep(*text);
  delete text;
  CHECK(allocations > before);
}

TEST_CASE("no parse, formatting or lookup path allocates") {
  for (const Path& path : paths) {
    CAPTURE(path.name);
    for (std::string_view input : inputs) {
      CAPTURE(input);
      const std::size_t before = allocations;
      path.run(input);
      CHECK(allocations == before);
    }
  }
}
