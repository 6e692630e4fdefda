#ifndef SMTPCODES_WIRE_EHLO_HPP
#define SMTPCODES_WIRE_EHLO_HPP

// The service extensions a server lists in its EHLO reply (RFC 5321 §4.1.1.1):
// the first line greets ("250-mx.example.com Hello"), each further line is
// a keyword with optional parameters ("250-SIZE 35882577").

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/digits.hpp>
#include <smtpcodes/detail/standard_parts.hpp>  // std::forward_iterator_tag
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/wire/reply.hpp>

namespace smtpcodes {
inline namespace v0 {

// The extensions smtpcodes knows by name; any other keyword is unknown and
// kept as text.
enum class Extension : std::uint8_t {
  unknown,
  size,                   // RFC 1870: SIZE [max-octets]
  auth,                   // RFC 4954: AUTH mechanism...
  enhanced_status_codes,  // RFC 2034: ENHANCEDSTATUSCODES
  pipelining,             // RFC 2920: PIPELINING
  starttls,               // RFC 3207: STARTTLS
  eight_bit_mime,         // RFC 6152: 8BITMIME
  smtputf8,               // RFC 6531: SMTPUTF8
  chunking,               // RFC 3030: CHUNKING
  binary_mime,            // RFC 3030: BINARYMIME
  dsn,                    // RFC 3461: DSN
  requiretls,             // RFC 8689: REQUIRETLS
};

namespace detail {
struct ExtensionName {
  Extension extension;
  std::string_view keyword;
};
inline constexpr ExtensionName extension_names[] = {
    {Extension::size, "SIZE"},
    {Extension::auth, "AUTH"},
    {Extension::enhanced_status_codes, "ENHANCEDSTATUSCODES"},
    {Extension::pipelining, "PIPELINING"},
    {Extension::starttls, "STARTTLS"},
    {Extension::eight_bit_mime, "8BITMIME"},
    {Extension::smtputf8, "SMTPUTF8"},
    {Extension::chunking, "CHUNKING"},
    {Extension::binary_mime, "BINARYMIME"},
    {Extension::dsn, "DSN"},
    {Extension::requiretls, "REQUIRETLS"},
};

}  // namespace detail

// The enumerator's identifier ("eight_bit_mime"); keyword() gives the
// extension's keyword as sent ("8BITMIME").
[[nodiscard]] constexpr std::string_view name(Extension value) noexcept {
  switch (value) {
    case Extension::unknown: return "unknown";
    case Extension::size: return "size";
    case Extension::auth: return "auth";
    case Extension::enhanced_status_codes: return "enhanced_status_codes";
    case Extension::pipelining: return "pipelining";
    case Extension::starttls: return "starttls";
    case Extension::eight_bit_mime: return "eight_bit_mime";
    case Extension::smtputf8: return "smtputf8";
    case Extension::chunking: return "chunking";
    case Extension::binary_mime: return "binary_mime";
    case Extension::dsn: return "dsn";
    case Extension::requiretls: return "requiretls";
  }
  return "undefined";
}

// The keyword of an extension as RFC-registered, e.g. "SIZE"; "" for unknown.
[[nodiscard]] constexpr std::string_view keyword(Extension extension) noexcept {
  for (const detail::ExtensionName& entry : detail::extension_names) {
    if (entry.extension == extension) return entry.keyword;
  }
  return {};
}

[[nodiscard]] constexpr Extension extension_from_keyword(std::string_view word) noexcept {
  for (const detail::ExtensionName& entry : detail::extension_names) {
    // RFC 5321 §2.4: extension keywords are case-insensitive.
    if (detail::iequals(entry.keyword, word)) return entry.extension;
  }
  return Extension::unknown;
}

// The words of a parameter list, split at spaces: AUTH's mechanisms.
class Words {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;

    constexpr iterator() noexcept = default;
    constexpr explicit iterator(std::string_view rest) noexcept : rest_(rest) { advance(); }
    constexpr std::string_view operator*() const noexcept { return word_; }
    constexpr iterator& operator++() noexcept {
      advance();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      advance();
      return before;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.word_.data() == b.word_.data() && a.word_.size() == b.word_.size() && a.rest_.size() == b.rest_.size();
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    constexpr void advance() noexcept {
      std::size_t start = 0;
      while (start < rest_.size() && detail::is_space_or_tab(rest_[start])) ++start;
      std::size_t stop = start;
      while (stop < rest_.size() && !detail::is_space_or_tab(rest_[stop])) ++stop;
      word_ = start == rest_.size() ? std::string_view{} : rest_.substr(start, stop - start);
      rest_ = rest_.substr(stop);
    }
    std::string_view rest_{};
    std::string_view word_{};
  };

  constexpr explicit Words(std::string_view text SMTPCODES_LIFETIMEBOUND) noexcept : text_(text) {}
  // The words would point into a temporary string.
  template <class Owner, std::enable_if_t<detail::owning_temporary_v<Owner>, int> = 0>
  explicit Words(Owner&& text) = delete;
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator{text_}; }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator{std::string_view{}}; }
  [[nodiscard]] constexpr bool contains(std::string_view word) const noexcept {
    for (std::string_view candidate : *this) {
      if (detail::iequals(candidate, word)) return true;
    }
    return false;
  }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t count = 0;
    for (iterator it = begin(); it != end(); ++it) ++count;
    return count;
  }

 private:
  std::string_view text_;
};

// One line of an EHLO reply after the first.
struct EhloExtension {
  Extension extension = Extension::unknown;
  std::string_view keyword;     // as the server wrote it
  std::string_view parameters;  // after the keyword and its separator; may be empty
};

// The words of the parameters of every line of one extension, in order:
// AUTH's mechanisms when a server lists them on two lines ("AUTH=PLAIN"
// for old clients, then "AUTH PLAIN CRAM-MD5"). A word given twice comes
// twice.
class ExtensionWords {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;

    constexpr iterator() noexcept = default;
    constexpr iterator(const EhloExtension* entry, const EhloExtension* end, Extension extension) noexcept
        : entry_(entry), end_(end), extension_(extension) {
      settle();
    }
    constexpr std::string_view operator*() const noexcept { return *word_; }
    constexpr iterator& operator++() noexcept {
      ++word_;
      settle();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.entry_ == b.entry_ && a.word_ == b.word_;
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    // Moves to the next word, in this line or the next line of the extension.
    constexpr void settle() noexcept {
      while (entry_ != end_) {
        if (entry_->extension == extension_) {
          if (!started_) {
            word_ = Words::iterator{entry_->parameters};
            started_ = true;
          }
          if (word_ != Words::iterator{}) return;
        }
        ++entry_;
        started_ = false;
        word_ = Words::iterator{};
      }
    }
    const EhloExtension* entry_ = nullptr;
    const EhloExtension* end_ = nullptr;
    Extension extension_ = Extension::unknown;
    Words::iterator word_{};
    bool started_ = false;
  };

  constexpr ExtensionWords(const EhloExtension* first, const EhloExtension* last, Extension extension) noexcept
      : first_(first), last_(last), extension_(extension) {}
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator{first_, last_, extension_}; }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator{last_, last_, extension_}; }
  [[nodiscard]] constexpr bool contains(std::string_view word) const noexcept {
    for (std::string_view candidate : *this) {
      if (detail::iequals(candidate, word)) return true;
    }
    return false;
  }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t count = 0;
    for (iterator it = begin(); it != end(); ++it) ++count;
    return count;
  }

 private:
  const EhloExtension* first_;
  const EhloExtension* last_;
  Extension extension_;
};

// Why parse_ehlo() gives no extensions.
enum class EhloErrorKind : std::uint8_t {
  no_lines = 1,             // the reply has no lines (a default BasicReply)
  not_positive_completion,  // RFC 5321 §4.1.1.1: the reply is not 2yz (502: the server does not know EHLO)
};

[[nodiscard]] constexpr std::string_view name(EhloErrorKind kind) noexcept {
  switch (kind) {
    case EhloErrorKind::no_lines: return "no_lines";
    case EhloErrorKind::not_positive_completion: return "not_positive_completion";
  }
  return "unknown_error";
}

[[nodiscard]] constexpr std::string_view message(EhloErrorKind kind) noexcept {
  switch (kind) {
    case EhloErrorKind::no_lines: return "the reply has no lines";
    case EhloErrorKind::not_positive_completion: return "the reply to EHLO is not a positive completion (2yz)";
  }
  return "unknown error";
}

struct EhloError {
  EhloErrorKind kind{EhloErrorKind::no_lines};
  ReplyCode code{};  // the reply's code, for not_positive_completion

  friend constexpr bool operator==(const EhloError& a, const EhloError& b) noexcept {
    return a.kind == b.kind && a.code == b.code;
  }
  friend constexpr bool operator!=(const EhloError& a, const EhloError& b) noexcept { return !(a == b); }
};

// The extensions of an EHLO reply, as views into the reply's text. Holds up
// to MaxLines - 1 extensions, which is every line a BasicReply<MaxLines> has.
template <std::size_t MaxLines = Reply::max_lines>
class BasicEhloReply {
 public:
  // The domain the server greets with: the first word of the first line.
  [[nodiscard]] constexpr std::string_view domain() const noexcept { return domain_; }
  // The rest of the first line ("Hello client.example [192.0.2.1]").
  [[nodiscard]] constexpr std::string_view greeting() const noexcept { return greeting_; }

  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] constexpr const EhloExtension* begin() const noexcept { return extensions_; }
  [[nodiscard]] constexpr const EhloExtension* end() const noexcept { return extensions_ + count_; }

  // The first line with this extension, or nullptr.
  [[nodiscard]] constexpr const EhloExtension* find(Extension extension) const noexcept {
    for (const EhloExtension& entry : *this) {
      if (entry.extension == extension) return &entry;
    }
    return nullptr;
  }
  [[nodiscard]] constexpr bool has(Extension extension) const noexcept { return find(extension) != nullptr; }
  // Unknown keywords, case-insensitively ("XCLIENT").
  [[nodiscard]] constexpr const EhloExtension* find(std::string_view keyword_text) const noexcept {
    for (const EhloExtension& entry : *this) {
      if (detail::iequals(entry.keyword, keyword_text)) return &entry;
    }
    return nullptr;
  }

  // RFC 1870: the largest message the server accepts, in octets. 0 means
  // SIZE without a limit (or "SIZE 0"); has_size_limit() says whether the
  // server gave a usable number. Spaces around the number do not matter;
  // anything else after it ("SIZE 10M") is no usable number.
  [[nodiscard]] constexpr std::uint64_t size_limit() const noexcept { return size_limit_; }
  [[nodiscard]] constexpr bool has_size_limit() const noexcept { return size_limit_ != 0; }

  // RFC 4954: the SASL mechanisms after AUTH (and the old "AUTH=" form), of
  // every AUTH line.
  [[nodiscard]] constexpr ExtensionWords auth_mechanisms() const noexcept {
    return ExtensionWords{begin(), end(), Extension::auth};
  }

 private:
  template <std::size_t N>
  friend constexpr Result<BasicEhloReply<N>, EhloError> parse_ehlo(const BasicReply<N>& reply) noexcept;

  EhloExtension extensions_[MaxLines]{};
  std::string_view domain_{};
  std::string_view greeting_{};
  std::uint64_t size_limit_ = 0;
  std::size_t count_ = 0;
};

using EhloReply = BasicEhloReply<>;

template <std::size_t MaxLines>
[[nodiscard]] constexpr Result<BasicEhloReply<MaxLines>, EhloError> parse_ehlo(
    const BasicReply<MaxLines>& reply) noexcept;

// Reads the extensions from a reply to EHLO; a reply that is not a positive
// completion (2yz) is an error. Keywords end at a space or, for AUTH, at
// "=": some servers still send the pre-standard "AUTH=LOGIN PLAIN". The
// views point into the bytes the reply views, not into the reply itself.
template <std::size_t MaxLines>
[[nodiscard]] constexpr Result<BasicEhloReply<MaxLines>, EhloError> parse_ehlo(
    const BasicReply<MaxLines>& reply) noexcept {
  if (reply.line_count() == 0) return EhloError{EhloErrorKind::no_lines, {}};
  if (!reply.code().is_success()) return EhloError{EhloErrorKind::not_positive_completion, reply.code()};
  BasicEhloReply<MaxLines> ehlo;
  const std::string_view first = reply.line(0).text;
  std::size_t stop = 0;
  while (stop < first.size() && !detail::is_space_or_tab(first[stop])) ++stop;
  ehlo.domain_ = first.substr(0, stop);
  while (stop < first.size() && detail::is_space_or_tab(first[stop])) ++stop;
  ehlo.greeting_ = first.substr(stop);

  for (std::size_t i = 1; i < reply.line_count(); ++i) {
    const std::string_view text = reply.line(i).text;
    std::size_t end = 0;
    while (end < text.size() && !detail::is_space_or_tab(text[end]) && text[end] != '=') ++end;
    if (end == 0) continue;
    EhloExtension& entry = ehlo.extensions_[ehlo.count_++];
    entry.keyword = text.substr(0, end);
    entry.extension = extension_from_keyword(entry.keyword);
    if (end < text.size()) ++end;
    while (end < text.size() && detail::is_space_or_tab(text[end])) ++end;
    entry.parameters = text.substr(end);
  }

  if (const EhloExtension* size = ehlo.find(Extension::size)) {
    std::uint64_t value = 0;
    // A space after the number ("SIZE 1000000 ") is no reason to read it
    // as "no limit", the unsafe answer.
    std::string_view digits = size->parameters;
    while (!digits.empty() && detail::is_space_or_tab(digits.back())) digits.remove_suffix(1);
    bool valid = !digits.empty() && digits.size() <= 19;  // fits in 64 bits
    for (std::size_t i = 0; valid && i < digits.size(); ++i) {
      if (!detail::is_digit(digits[i]))
        valid = false;
      else
        value = value * 10 + detail::digit_value(digits[i]);
    }
    ehlo.size_limit_ = valid ? value : 0;
  }
  return ehlo;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_WIRE_EHLO_HPP
