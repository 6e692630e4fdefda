#ifndef SMTPCODES_DETAIL_TEXT_HPP
#define SMTPCODES_DETAIL_TEXT_HPP

// ASCII text helpers shared by the EHLO and bounce parsers. EHLO keywords,
// mail headers, DSN fields and MTA logs are ASCII protocol text (RFC 5321,
// RFC 5322, RFC 3464), so <cctype> and its locale are neither needed nor
// wanted, and everything here is constexpr.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/vector_text.hpp>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

// The library's word and phrase tables write their entries as "..."sv: a
// std::string_view made from a plain literal measures it with a constexpr
// call, which every translation unit that includes a table pays again (about
// 3x the compile time of the sv form for a table of a few hundred entries).
using namespace std::string_view_literals;

// The class and the lower case of every byte, looked up: the bounce reader
// asks these of nearly every byte it reads, and a lookup is two
// instructions where the comparisons were four to six (issue 17). Written
// as string literals, which cost the compiler almost nothing, where a
// constexpr loop filling a table cost every includer 10M instructions;
// tests/core/text.cpp derives both from their definitions and compares.
struct AsciiKind {
  static constexpr unsigned char alpha = 1;  // 'A' to 'Z', 'a' to 'z'
  static constexpr unsigned char digit = 2;  // '0' to '9'
  static constexpr unsigned char space = 4;  // ' ' and \t \n \v \f \r
  // Printable ASCII but white space and the brackets, quotes and separators
  // around addresses and URLs, <>()",; : what such a token is made of.
  static constexpr unsigned char token = 8;
  // '@' and ':', which make such a token an address or a URL.
  static constexpr unsigned char address_mark = 16;
  // White space and '_', which error tokens join their words with
  // ("BAD_RECIPIENT"): what a phrase's space matches.
  static constexpr unsigned char word_gap = 32;
};

// ascii_kinds[byte]: the AsciiKind bits of each byte.
inline constexpr char ascii_kinds[] =
    "\0\0\0\0\0\0\0\0\0\44\44\44\44\44\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\44\10\0\10\10\10\10\10\0\0\10\10\0\10\10\10\12\12\12\12\12\12\12\12\12\12\30\0\0\10\0\10"
    "\30\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\10\10\10\10\50"
    "\10\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\11\10\10\10\10\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

// ascii_lower[byte]: the byte, 'A' to 'Z' made lower case.
inline constexpr char ascii_lower[] =
    "\0\1\2\3\4\5\6\7\10\11\12\13\14\15\16\17"
    "\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"
    "\40\41\42\43\44\45\46\47\50\51\52\53\54\55\56\57"
    "\60\61\62\63\64\65\66\67\70\71\72\73\74\75\76\77"
    "\100\141\142\143\144\145\146\147\150\151\152\153\154\155\156\157"
    "\160\161\162\163\164\165\166\167\170\171\172\133\134\135\136\137"
    "\140\141\142\143\144\145\146\147\150\151\152\153\154\155\156\157"
    "\160\161\162\163\164\165\166\167\170\171\172\173\174\175\176\177"
    "\200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217"
    "\220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237"
    "\240\241\242\243\244\245\246\247\250\251\252\253\254\255\256\257"
    "\260\261\262\263\264\265\266\267\270\271\272\273\274\275\276\277"
    "\300\301\302\303\304\305\306\307\310\311\312\313\314\315\316\317"
    "\320\321\322\323\324\325\326\327\330\331\332\333\334\335\336\337"
    "\340\341\342\343\344\345\346\347\350\351\352\353\354\355\356\357"
    "\360\361\362\363\364\365\366\367\370\371\372\373\374\375\376\377";

[[nodiscard]] constexpr unsigned char ascii_kind(char c) noexcept {
  return static_cast<unsigned char>(ascii_kinds[static_cast<unsigned char>(c)]);
}
[[nodiscard]] constexpr bool is_alpha(char c) noexcept { return (ascii_kind(c) & AsciiKind::alpha) != 0; }
[[nodiscard]] constexpr bool is_alnum(char c) noexcept {
  return (ascii_kind(c) & (AsciiKind::alpha | AsciiKind::digit)) != 0;
}
[[nodiscard]] constexpr bool is_space(char c) noexcept { return (ascii_kind(c) & AsciiKind::space) != 0; }
[[nodiscard]] constexpr bool is_word_gap(char c) noexcept { return (ascii_kind(c) & AsciiKind::word_gap) != 0; }
[[nodiscard]] constexpr bool is_space_or_tab(char c) noexcept { return c == ' ' || c == '\t'; }
[[nodiscard]] constexpr char to_lower(char c) noexcept { return ascii_lower[static_cast<unsigned char>(c)]; }

[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// A 64-bit FNV-1a hash of text, case ignored: the key of the small Bloom
// filters that let a lookup skip text that cannot hold what it looks for.
[[nodiscard]] constexpr std::uint64_t hash_lower(std::string_view text) noexcept {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(to_lower(c))) * 1099511628211ULL;
  return hash;
}

// Where the byte c first occurs in text from `from` on, or npos: memchr at
// run time, which passes over many bytes a step, a loop in constant evaluation.
[[nodiscard]] constexpr std::size_t find_byte(std::string_view text, char c, std::size_t from) noexcept {
  if (from >= text.size()) return std::string_view::npos;
  if (!SMTPCODES_CONSTANT_EVALUATED()) {
    const void* found = std::memchr(text.data() + from, c, text.size() - from);
    return found == nullptr ? std::string_view::npos
                            : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
  }
  return text.find(c, from);
}

[[nodiscard]] constexpr bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// At run time, the first position from i on whose 8-byte word may hold
// `first` in either case, passing over 8 positions a step (the zero-byte
// test of a word has no false negatives; a false positive only stops the
// skip early). Near the end, where fewer than 8 positions are left before
// last, it stops; it may return last + 1.
[[nodiscard]] inline std::size_t skip_words_without(const char* data, std::size_t i, std::size_t last,
                                                    char first) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101U;
  constexpr std::uint64_t highs = 0x8080808080808080U;
  const std::uint64_t fold = first >= 'a' && first <= 'z' ? 0x2020202020202020U : 0U;  // 'A'-'Z' -> 'a'-'z'
  const std::uint64_t pattern = ones * static_cast<unsigned char>(first);
  while (i + 7 <= last) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + i, sizeof word);
    const std::uint64_t difference = (word | fold) ^ pattern;
    if (((difference - ones) & ~difference & highs) != 0) break;
    i += 8;
  }
  return i;
}

// Case-insensitive search for a lower-case needle; npos when absent. The
// first character is found with a cheap loop (at run time 8 bytes a step)
// before the rest is compared.
[[nodiscard]] constexpr std::size_t ifind(std::string_view text, std::string_view lower_needle,
                                          std::size_t from = 0) noexcept {
  if (lower_needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  if (text.size() < lower_needle.size()) return std::string_view::npos;
  const char first = lower_needle[0];
  const std::size_t last = text.size() - lower_needle.size();
  std::size_t i = from;
  while (i <= last) {
    std::size_t stop = last;
    if (!SMTPCODES_CONSTANT_EVALUATED()) {
      i = skip_words_without(text.data(), i, last, first);
      if (i > last) break;
      if (last - i > 7) stop = i + 7;
    }
    for (; i <= stop; ++i) {
      if (to_lower(text[i]) != first) continue;
      std::size_t k = 1;
      while (k < lower_needle.size() && to_lower(text[i + k]) == lower_needle[k]) ++k;
      if (k == lower_needle.size()) return i;
    }
  }
  return std::string_view::npos;
}

[[nodiscard]] constexpr std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// One line of text without its end: CRLF, a bare LF or a bare CR.
struct Line {
  std::string_view text;
  std::size_t next = 0;  // offset of the following line
};

// The offset of the first CR or LF at or after from, or size if none: finding
// line ends is most of what reading a message costs. At run time, with SSE2
// (every x86-64), sixteen bytes a step through the compiler's vector types,
// CR and LF together, inline: header and bounce lines are short, and a call
// to memchr for each of the two would cost more than the scan. It never
// reads outside data[0, size). Elsewhere memchr, which reads many bytes at a
// time; its search for an LF stops at a window that doubles, so that text
// of bare CRs (old Mac mail) costs no more than text of LFs: each call reads
// at most twice its line, plus 128.
#if defined(__SSE2__) && defined(__GNUC__)  // detail/vector_text.hpp
[[nodiscard]] inline std::size_t find_line_end(const char* data, std::size_t from, std::size_t size) noexcept {
  constexpr std::size_t step = 16;
  // A bit for each of the sixteen bytes at data[at] that is a CR or an LF.
  const auto line_ends = [data](std::size_t at) {
    vector_chars bytes;
    std::memcpy(&bytes, data + at, sizeof bytes);
    const auto ends = (bytes == '\n') | (bytes == '\r');
    return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<vector_chars>(ends)));
  };
  for (; size - from >= step; from += step) {
    const unsigned mask = line_ends(from);
    if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  if (from < size && size >= step) {
    // The sixteen bytes that end the text, less those before from (read already).
    const unsigned mask = line_ends(size - step) >> (step - (size - from));
    return mask != 0 ? from + static_cast<std::size_t>(__builtin_ctz(mask)) : size;
  }
  for (; from < size; ++from) {
    if (data[from] == '\n' || data[from] == '\r') return from;
  }
  return size;
}
#else
[[nodiscard]] inline std::size_t find_line_end(const char* data, std::size_t from, std::size_t size) noexcept {
  std::size_t window = 128;
  while (from < size) {
    const std::size_t stop = size - from > window ? from + window : size;
    const void* feed = std::memchr(data + from, '\n', stop - from);
    const std::size_t feed_at =
        feed == nullptr ? stop : static_cast<std::size_t>(static_cast<const char*>(feed) - data);
    const void* carriage_return = std::memchr(data + from, '\r', feed_at - from);
    if (carriage_return != nullptr) return static_cast<std::size_t>(static_cast<const char*>(carriage_return) - data);
    if (feed != nullptr) return feed_at;
    from = stop;
    window *= 2;
  }
  return size;
}
#endif

[[nodiscard]] constexpr Line line_at(std::string_view text, std::size_t pos) noexcept {
  std::size_t end = pos;
  if (!SMTPCODES_CONSTANT_EVALUATED()) {
    end = find_line_end(text.data(), pos, text.size());
  } else {
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  }
  std::size_t next = end;
  if (next < text.size()) {
    const bool crlf = text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n';
    next += crlf ? 2U : 1U;
  }
  return Line{text.substr(pos, end - pos), next};
}

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_TEXT_HPP
