// smtpcodes bounces: classify bounce messages, mbox files, maildirs and MTA
// log files.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <smtpcodes/bounces.hpp>

#include "commands.hpp"
#include "json.hpp"
#include "text.hpp"

#if __has_include(<unistd.h>)
#include <unistd.h>
#define SMTPCODES_CLI_HAS_ISATTY 1
#endif
// POSIX files and directories: one read() a file, and a directory's entries
// with their types, without the path objects of std::filesystem.
#if __has_include(<dirent.h>) && __has_include(<fcntl.h>) && __has_include(<sys/stat.h>) && __has_include(<unistd.h>)
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#define SMTPCODES_CLI_HAS_POSIX_FILES 1
#endif

namespace smtpcodes_cli {
namespace {

namespace fs = std::filesystem;
using smtpcodes::BounceRecipient;

// A diagnostic longer than this many characters is cut in the output; the
// JSON says so in diagnostic_truncated (docs/cli.md).
constexpr std::size_t max_diagnostic_characters = 1000;
constexpr std::size_t max_table_diagnostic_characters = 50;
constexpr std::size_t max_jobs = 256;

// Folded, multi-line diagnostics become one line for tables (JSON rows: JsonObject::one_line),
// written into out (cleared first) so that a caller can keep its buffer.
void one_line_into(std::string& out, std::string_view text, std::size_t max_characters, bool* truncated = nullptr) {
  thread_local std::string unfolded;  // only grows
  if (unfolded.size() < text.size()) unfolded.resize(text.size());
  const std::size_t length = smtpcodes::unfold(text, unfolded.data(), text.size());
  out.clear();
  append_valid_utf8(out, std::string_view(unfolded.data(), length), max_characters, truncated);
}

std::string one_line(std::string_view text, std::size_t max_characters) {
  std::string out;
  one_line_into(out, text, max_characters);
  return out;
}

// Counts by name; std::less<> finds a name without making a std::string of it.
using Counts = std::map<std::string, std::size_t, std::less<>>;

void count(Counts& counts, std::string_view key, std::size_t n = 1) {
  const auto found = counts.find(key);
  if (found != counts.end()) {
    found->second += n;
  } else {
    counts.emplace(key, n);
  }
}

struct Tally {
  std::size_t recipients = 0;
  std::size_t messages = 0;
  Counts by_reason;
  Counts by_domain;
  Counts by_bounce;

  void add(const Tally& other) {
    recipients += other.recipients;
    messages += other.messages;
    for (const auto& [key, n] : other.by_reason) count(by_reason, key, n);
    for (const auto& [key, n] : other.by_domain) count(by_domain, key, n);
    for (const auto& [key, n] : other.by_bounce) count(by_bounce, key, n);
  }
};

enum class Format { json, table, summary };

// One file, or standard input.
struct Input {
  std::string path;  // "-" for standard input
};

// What one input gave: its output lines, counts, and why it could not be read.
struct Outcome {
  std::string output;
  Tally tally;        // added to by each input the outcome is used for
  std::string error;  // empty when the input was read
};

// Where in the input a recipient was found.
struct Place {
  std::string_view file;
  std::optional<std::size_t> message;  // 1-based, in an mbox; 1 for a single message
  std::optional<std::size_t> line;     // 1-based, in an MTA log
  // What decoding the message left undone (null for a log): bytes its
  // transfer encoding does not allow, and multipart parts deeper than
  // smtpcodes::max_mime_depth, copied without decoding.
  std::optional<smtpcodes::Decoded> decoding;
};

std::string status_text(const smtpcodes::Verdict& v) {
  return v.enhanced_status.class_digit() != 0 ? std::string(smtpcodes::to_string(v.enhanced_status).view()) : "";
}

std::string reply_text(const smtpcodes::Verdict& v) {
  return v.reply_code.value() != 0 ? std::string(smtpcodes::to_string(v.reply_code).view()) : "";
}

// A recipient's text fields, whether the library gives them as views or, for
// fields a notice may lack, as optional views (docs/api.md).
[[maybe_unused]] std::string_view text_of(std::string_view text) { return text; }
[[maybe_unused]] std::string_view text_of(const std::optional<std::string_view>& text) {
  return text.value_or(std::string_view());
}

std::optional<std::string_view> unless_empty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<std::string_view> dialect_of(const smtpcodes::Verdict& v) {
  if (v.dialect != smtpcodes::Dialect::unknown) return smtpcodes::name(v.dialect);
  return std::nullopt;
}

std::optional<std::string_view> smtp_command_of(const smtpcodes::Verdict& v) {
  if (v.smtp_command != smtpcodes::SmtpCommand::unknown) return smtpcodes::name(v.smtp_command);
  return std::nullopt;
}

std::optional<std::string_view> sisimai_reason_of(const smtpcodes::Verdict& v) {
  return smtpcodes::sisimai_reason(v.reason);
}

// What the diagnostic's words say on their own, when the reason is another
// (an expiry's cause, a status that outranked the text).
std::optional<std::string_view> text_reason_of(const smtpcodes::Verdict& v) {
  if (v.text_reason == smtpcodes::BounceReason::unknown) return std::nullopt;
  return smtpcodes::name(v.text_reason);
}

// The notice's Status field, read as the library reads it: leniently, the
// code at its start ("5.01.1 (comment)" is 5.1.1); empty without one. The
// verdict's status may differ: under an expiry (X.4.7) it is the last error's own.
std::string dsn_status_text(std::string_view field) {
  const auto status =
      smtpcodes::parse_enhanced_status_prefix(smtpcodes::strip_comment(field), smtpcodes::ParseMode::lenient);
  return status ? std::string(smtpcodes::to_string(status->value).view()) : std::string();
}

void emit(Format format, Outcome& out, const Place& place, const BounceRecipient& r) {
  const auto& v = r.verdict;
  const std::string status = status_text(v);
  const std::string reply = reply_text(v);
  const std::string_view reason = smtpcodes::name(v.reason);
  const std::string_view bounce = smtpcodes::name(v.bounce);
  ++out.tally.recipients;
  const std::string_view recipient = text_of(r.recipient);
  // The counts by reason, bounce type and domain are printed only after a
  // table or a summary: JSON rows carry no totals, so they are not kept.
  if (format != Format::json) {
    count(out.tally.by_reason, reason);
    count(out.tally.by_bounce, bounce);
    const std::size_t at = recipient.rfind('@');
    thread_local std::string domain;  // a buffer kept across recipients
    domain.clear();
    if (at == std::string_view::npos) {
      domain = "(none)";
    } else {
      append_valid_utf8(domain, recipient.substr(at + 1));
    }
    std::transform(domain.begin(), domain.end(), domain.begin(), ascii_lower);
    count(out.tally.by_domain, domain);
  }
  if (format == Format::json) {
    bool truncated = false;
    JsonObject object(out.output);
    object.string("file", place.file);
    place.message ? object.number("message", static_cast<long long>(*place.message)) : object.null("message");
    place.line ? object.number("line", static_cast<long long>(*place.line)) : object.null("line");
    object.string_or_null("recipient", unless_empty(recipient))
        .string_or_null("final_recipient", unless_empty(r.final_recipient))
        .string("action", smtpcodes::name(r.action))
        .string_or_null("status", unless_empty(status))
        .string_or_null("dsn_status", unless_empty(dsn_status_text(r.status_text)))
        .string_or_null("reply_code", unless_empty(reply))
        .string("reason", reason)
        .string("bounce", bounce)
        .boolean("gave_up", v.gave_up)
        .string_or_null("text_reason", text_reason_of(v))
        .string_or_null("dialect", dialect_of(v))
        .string_or_null("sisimai_reason", sisimai_reason_of(v))
        .string_or_null("smtp_command", smtp_command_of(v))
        .string("retry", name(v.retry));
    v.retry_after_seconds != 0 ? object.number("retry_after_seconds", v.retry_after_seconds)
                               : object.null("retry_after_seconds");
    object.string("evidence", smtpcodes::name(v.evidence.kind))
        .string_or_null("phrase", unless_empty(text_of(v.evidence.phrase)))
        .string("source", smtpcodes::name(r.source))
        .one_line("diagnostic", text_of(r.diagnostic), max_diagnostic_characters, truncated)
        .boolean("diagnostic_truncated", truncated);
    if (place.decoding) {
      object.number("invalid_encoded_bytes", static_cast<long long>(place.decoding->invalid_bytes))
          .number("undecoded_multiparts", static_cast<long long>(place.decoding->skipped_multiparts));
    } else {
      object.null("invalid_encoded_bytes").null("undecoded_multiparts");
    }
    object.close();
    out.output += '\n';
  } else if (format == Format::table) {
    const std::string file = fs::path(std::string(place.file)).filename().string();  // the table is narrow
    char row[512];
    std::snprintf(row, sizeof row, "%-28s %-24s %-6.*s %-17.*s %-7s %-4s %s\n", escaped_for_terminal(file, 28).c_str(),
                  escaped_for_terminal(recipient, 24).c_str(), static_cast<int>(bounce.size()), bounce.data(),
                  static_cast<int>(reason.size()), reason.data(), status.c_str(), reply.c_str(),
                  escaped_for_terminal(one_line(text_of(r.diagnostic), max_table_diagnostic_characters)).c_str());
    out.output += row;
  }
}

bool looks_like_log(std::string_view text) {
  // A mail message starts with header fields, an mbox with "From "; a log with timestamps.
  const std::string_view first = line_at(text, 0).text;
  const std::size_t colon = first.find(':');
  const bool header =
      colon != std::string_view::npos && colon > 0 && first.substr(0, colon).find(' ') == std::string_view::npos;
  if (header || starts_with(first, "From ")) return false;
  return text.find(" status=") != std::string_view::npos || text.find(" stat=") != std::string_view::npos ||
         text.find(" ** ") != std::string_view::npos || text.find(" == ") != std::string_view::npos;
}

void process_message(Format format, Outcome& out, Place place, std::string_view message) {
  ++out.tally.messages;
  // Notices sent in base64 or quoted-printable are read decoded, into a
  // buffer each thread keeps: it only grows, and is not cleared between
  // messages. A message with nothing to decode is read where it is, and the
  // decoding's walk of the MIME parts is not made again.
  thread_local std::string decoded;
  thread_local smtpcodes::DecodedMessage notice;
  if (decoded.size() < message.size()) decoded.resize(message.size());
  place.decoding = smtpcodes::decode_text_parts(message, decoded.data(), message.size(), notice).value_or({});
  smtpcodes::for_each_bounce_recipient(notice, [&](const BounceRecipient& r) { emit(format, out, place, r); });
}

// A From_ line as RFC 4155 gives it: "From ", the envelope sender, then
// the date as asctime() writes it ("From MAILER-DAEMON Thu Jul  2 12:05:05 2020").
bool is_from_line(std::string_view line) {
  if (!starts_with(line, "From ")) return false;
  const std::size_t sender_end = line.find(' ', 5);
  if (sender_end == 5 || sender_end == std::string_view::npos) return false;
  const std::size_t day = line.find_first_not_of(' ', sender_end);
  if (day == std::string_view::npos || line.size() < day + 8 || line[day + 3] != ' ') return false;
  constexpr std::string_view days = "MonTueWedThuFriSatSun";
  constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
  const std::size_t in_days = days.find(line.substr(day, 3));
  const std::size_t in_months = months.find(line.substr(day + 4, 3));
  return in_days != std::string_view::npos && in_days % 3 == 0 && in_months != std::string_view::npos &&
         in_months % 3 == 0;
}

// mboxrd and mboxo quote body lines that begin with "From " as ">From ";
// one '>' comes off each line of '>'s followed by "From ". A message
// without ">From " has no such line and is given back as it is; otherwise
// the result is written into out.
std::string_view unescape_from_lines(std::string_view message, std::string& out) {
  if (message.find(">From ") == std::string_view::npos) return message;
  out.clear();
  for (std::size_t pos = 0; pos < message.size();) {
    const std::size_t next = line_at(message, pos).next;
    std::string_view line = message.substr(pos, next - pos);
    const std::size_t quotes = line.find_first_not_of('>');
    if (quotes != 0 && quotes != std::string_view::npos && starts_with(line.substr(quotes), "From ")) {
      line.remove_prefix(1);
    }
    out.append(line);
    pos = next;
  }
  return out;
}

void process_text(Format format, Outcome& out, std::string_view file, std::string_view text) {
  if (looks_like_log(text)) {
    ++out.tally.messages;
    std::size_t number = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      const TextLine line = line_at(text, pos);
      ++number;
      const auto entry = smtpcodes::parse_mta_log_line(line.text);
      if (entry)
        emit(format, out, {file, std::nullopt, number, std::nullopt}, smtpcodes::bounce_recipient_from_log(*entry));
      pos = line.next;
    }
    return;
  }
  if (!starts_with(text, "From ")) {
    process_message(format, out, {file, 1, std::nullopt, std::nullopt}, text);
    return;
  }
  // mbox: each message starts at a "From " line at the start of the file or
  // after an empty line; or at a whole From_ line right after a multipart's
  // closing delimiter ("--boundary--"), where some writers append the next
  // message without the empty line. A From_ line after other text is a
  // quoted original's that a notice left unescaped, and separates nothing.
  // The From_ line itself is not part of the message.
  std::size_t start = line_at(text, 0).next;
  std::size_t number = 1;
  std::string unescaped;
  bool after_blank = false;
  bool after_closing_delimiter = false;
  for (std::size_t pos = start; pos < text.size();) {
    const TextLine line = line_at(text, pos);
    if ((after_blank && starts_with(line.text, "From ")) || (after_closing_delimiter && is_from_line(line.text))) {
      process_message(format, out, {file, number++, std::nullopt, std::nullopt},
                      unescape_from_lines(text.substr(start, pos - start), unescaped));
      start = line.next;
    }
    after_blank = line.text.empty();
    after_closing_delimiter =
        line.text.size() > 4 && starts_with(line.text, "--") && line.text.substr(line.text.size() - 2) == "--";
    pos = line.next;
  }
  process_message(format, out, {file, number, std::nullopt, std::nullopt},
                  unescape_from_lines(text.substr(start), unescaped));
}

// Reads whole files into one buffer, kept from file to file: it only grows.
class FileReader {
 public:
  // Reads the whole file ("-": standard input); false with the system's reason.
  bool read(const std::string& path, std::string& error);
  [[nodiscard]] std::string_view text() const { return {buffer_.data(), size_}; }

 private:
  void make_room(std::size_t room) {
    if (buffer_.size() - size_ < room) buffer_.resize(size_ + std::max(room, buffer_.size()));
  }
  std::string buffer_;  // its bytes from size_ on are left from earlier files
  std::size_t size_ = 0;
};

#if SMTPCODES_CLI_HAS_POSIX_FILES
bool FileReader::read(const std::string& path, std::string& error) {
  size_ = 0;
  const bool standard_input = path == "-";
  const int file = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file < 0) {
    error = std::strerror(errno);
    return false;
  }
  // A regular file's size gives the room for one read(), and a byte more to see its end at once.
  struct stat status {};
  std::size_t room = std::size_t{1} << 16;
  if (::fstat(file, &status) == 0 && S_ISREG(status.st_mode) && status.st_size >= 0) {
    room = static_cast<std::size_t>(status.st_size) + 1;
  }
  bool failed = false;
  make_room(room);
  for (;;) {
    const ssize_t count = ::read(file, buffer_.data() + size_, buffer_.size() - size_);
    if (count > 0) {
      size_ += static_cast<std::size_t>(count);
      if (size_ == buffer_.size()) make_room(room);  // the file grew, or it is a pipe
    } else if (count == 0) {
      break;
    } else if (errno != EINTR) {
      error = std::strerror(errno);
      failed = true;
      break;
    }
  }
  if (!standard_input) ::close(file);
  return !failed;
}
#else
bool FileReader::read(const std::string& path, std::string& error) {
  size_ = 0;
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  std::size_t count = 0;
  do {
    make_room(std::size_t{1} << 16);
    count = std::fread(buffer_.data() + size_, 1, buffer_.size() - size_, file);
    size_ += count;
  } while (count > 0);
  const bool failed = std::ferror(file) != 0;
  if (failed) error = std::strerror(errno);
  if (file != stdin) std::fclose(file);
  return !failed;
}
#endif

// Reads and classifies one input into out, whose buffers are kept; its
// counts are added to out.tally.
void process_input(Format format, const Input& input, FileReader& reader, Outcome& out) {
  out.output.clear();
  out.error.clear();
  if (!reader.read(input.path, out.error)) return;
  process_text(format, out, input.path, reader.text());
}

// A directory's entry: its name, and its type as far as listing the
// directory tells it, a symbolic link not followed (none when not told).
struct Entry {
  std::string name;
  fs::file_type type = fs::file_type::none;
};

#if SMTPCODES_CLI_HAS_POSIX_FILES
// The path of name in directory, as fs::path's operator/ makes it on POSIX.
std::string path_in(const std::string& directory, std::string_view name) {
  std::string path;
  path.reserve(directory.size() + 1 + name.size());
  path += directory;
  if (!path.empty() && path.back() != '/') path += '/';
  path += name;
  return path;
}

fs::file_type type_of(const struct stat& status) {
  if (S_ISDIR(status.st_mode)) return fs::file_type::directory;
  if (S_ISLNK(status.st_mode)) return fs::file_type::symlink;
  if (S_ISREG(status.st_mode)) return fs::file_type::regular;
  return fs::file_type::unknown;
}

// The type of what path names, a symbolic link itself (follow false) or what it names.
fs::file_type type_at(const std::string& path, bool follow) {
  struct stat status {};
  const int failed = follow ? ::stat(path.c_str(), &status) : ::lstat(path.c_str(), &status);
  return failed != 0 ? fs::file_type::not_found : type_of(status);
}

// The entries of directory but "." and ".."; false with the system's reason.
bool list_directory(const std::string& directory, std::vector<Entry>& entries, std::string& error) {
  DIR* stream = ::opendir(directory.c_str());
  if (stream == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  const dirent* entry = nullptr;
  // readdir() says nothing of a failure but through errno.
  for (errno = 0; (entry = ::readdir(stream)) != nullptr; errno = 0) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    fs::file_type type = fs::file_type::none;
#ifdef DT_DIR
    // The type comes with the name on most file systems, without a stat().
    if (entry->d_type == DT_DIR) type = fs::file_type::directory;
    if (entry->d_type == DT_LNK) type = fs::file_type::symlink;
    if (entry->d_type == DT_REG) type = fs::file_type::regular;
#endif
    entries.push_back({std::string(name), type});
  }
  const int failure = errno;
  ::closedir(stream);
  if (failure != 0) error = std::strerror(failure);
  return failure == 0;
}
#else
std::string path_in(const std::string& directory, std::string_view name) {
  return (fs::path(directory) / fs::path(std::string(name))).string();
}

fs::file_type type_at(const std::string& path, bool follow) {
  std::error_code error;
  return (follow ? fs::status(path, error) : fs::symlink_status(path, error)).type();
}

bool list_directory(const std::string& directory, std::vector<Entry>& entries, std::string& error) {
  std::error_code failure;
  for (fs::directory_iterator it(directory, failure), end; !failure && it != end; it.increment(failure)) {
    entries.push_back({it->path().filename().string(), fs::file_type::none});
  }
  if (failure) error = failure.message();
  return !failure;
}
#endif

// A maildir holds its messages in cur/ and new/; tmp/ holds messages still
// being written. Other folders inside it (Maildir++ ".Sent") are maildirs too.
bool is_maildir(const std::string& directory) {
  return type_at(path_in(directory, "cur"), true) == fs::file_type::directory &&
         type_at(path_in(directory, "new"), true) == fs::file_type::directory;
}

// The files under directory, in name order; unreadable directories are
// reported in errors. Symbolic links to directories are not followed.
void collect_directory(const std::string& directory, std::vector<Input>& inputs, std::vector<std::string>& errors) {
  std::vector<Entry> entries;
  std::string error;
  if (!list_directory(directory, entries, error)) {
    errors.push_back(directory + ": " + error);
    return;
  }
  const bool maildir = is_maildir(directory);
  // Name order; in a maildir its own messages (cur/, then new/) before its folders.
  const auto rank = [maildir](const std::string& name) {
    return !maildir ? 0 : name == "cur" ? 0 : name == "new" ? 1 : 2;
  };
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    const int rank_a = rank(a.name);
    const int rank_b = rank(b.name);
    return rank_a != rank_b ? rank_a < rank_b : a.name < b.name;
  });
  for (const Entry& entry : entries) {
    std::string path = path_in(directory, entry.name);
    const fs::file_type type = entry.type != fs::file_type::none ? entry.type : type_at(path, false);
    if (type == fs::file_type::directory) {
      if (maildir && entry.name == "tmp") continue;
      collect_directory(path, inputs, errors);
    } else if (maildir) {
      continue;  // dovecot-uidlist, maildirfolder ...: not messages
    } else if (type != fs::file_type::symlink || type_at(path, true) != fs::file_type::directory) {
      inputs.push_back({std::move(path)});
    }
  }
}

void print_table(const char* title, const Counts& counts, std::size_t total) {
  std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::printf("\n%-32s %8s %7s\n", title, "count", "share");
  for (const auto& [key, count] : rows) {
    std::printf("%-32s %8zu %6.1f%%\n", escaped_for_terminal(key, 32).c_str(), count,
                total != 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0);
  }
}

bool is_terminal([[maybe_unused]] int descriptor) {
#if SMTPCODES_CLI_HAS_ISATTY
  return isatty(descriptor) != 0;
#else
  return false;
#endif
}

// A line on stderr for runs longer than a few seconds on a terminal. It is
// erased before anything else is written, and drawn again on the next update.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), enabled_(is_terminal(2)) {}
  void update(std::size_t done, std::size_t recipients) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(2) || now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\rsmtpcodes bounces: %zu/%zu inputs, %zu recipients", done, total_, recipients);
    std::fflush(stderr);
  }
  void erase() {
    if (!shown_) return;
    std::fflush(stdout);
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

// Processes inputs on `jobs` threads and hands each outcome to
// consume(outcome, recipients so far) in input order, as soon as it and all
// before it are done. Returns the counts of all inputs.
template <typename Consume>
Tally process_all(Format format, const std::vector<Input>& inputs, std::size_t jobs, Consume consume) {
  if (jobs <= 1 || inputs.size() <= 1) {
    // One outcome and one file buffer for all inputs: their memory is
    // reused, and the outcome's counts are those of all inputs so far.
    FileReader reader;
    Outcome outcome;
    for (const Input& input : inputs) {
      process_input(format, input, reader, outcome);
      consume(outcome, outcome.tally.recipients);
    }
    return std::move(outcome.tally);
  }
  Tally tally;
  std::vector<std::optional<Outcome>> outcomes(inputs.size());
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable ready;
  auto work = [&] {
    FileReader reader;
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      Outcome outcome;
      process_input(format, inputs[i], reader, outcome);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        outcomes[i] = std::move(outcome);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < std::min(jobs, inputs.size()); ++i) workers.emplace_back(work);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Outcome outcome;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return outcomes[i].has_value(); });
      outcome = std::move(*outcomes[i]);
      outcomes[i].reset();
    }
    tally.add(outcome.tally);
    consume(outcome, tally.recipients);
  }
  for (std::thread& worker : workers) worker.join();
  return tally;
}

}  // namespace

const CommandSpec& bounces_spec() {
  static const CommandSpec spec{
      "bounces",
      "[PATH]...",
      "classify bounce messages, mbox files, maildirs, directories and MTA logs",
      "Reads each PATH: a message, an mbox file, a maildir, an MTA log (Postfix, Exim,\n"
      "Sendmail), or a directory, read recursively; - (or no PATH, when piped) reads standard\n"
      "input. For each recipient of each bounce it prints the verdict: hard or soft, the reason,\n"
      "the codes, whether to retry. A PATH that cannot be read is reported on stderr, and the\n"
      "others are still read.",
      {
          {"--json", "", "", "one JSON object per recipient (docs/cli.md)"},
          {"--summary", "", "", "only the counts by bounce type, reason and domain, no row per recipient"},
          {"--jobs", "-j", "N", "read N inputs at a time (0: one per processor); output stays in input order"},
      },
      {"smtpcodes bounces ~/Maildir/.Bounces", "smtpcodes bounces --json -j 4 /var/mail/bounces.mbox notices/",
       "smtpcodes bounces --summary /var/log/mail.log"},
  };
  return spec;
}

int run_bounces(const Arguments& arguments) {
  const CommandSpec& spec = bounces_spec();
  if (arguments.has("--json") && arguments.has("--summary")) return usage_error(spec, "--json or --summary, not both");
  const Format format = arguments.has("--json")      ? Format::json
                        : arguments.has("--summary") ? Format::summary
                                                     : Format::table;
  unsigned long jobs = 1;
  if (arguments.has("--jobs") && !parse_count(arguments.value("--jobs"), 0, max_jobs, jobs)) {
    return usage_error(spec, "--jobs takes 0 to 256");
  }
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());

  std::vector<Input> inputs;
  std::vector<std::string> errors;
  std::vector<std::string_view> paths = arguments.positional;
  if (paths.empty()) {
    // Standard input, unless that is a terminal: then the user forgot the PATH.
    if (is_terminal(0)) return usage_error(spec, "needs a PATH (or - to read standard input)");
    paths.emplace_back("-");
  }
  for (std::string_view argument : paths) {
    const std::string path(argument);
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      collect_directory(path, inputs, errors);
    } else {
      inputs.push_back({path});  // what cannot be read is reported when it is read
    }
  }
  bool unreadable = !errors.empty();
  for (const std::string& error : errors) std::fprintf(stderr, "smtpcodes bounces: %s\n", error.c_str());

  if (format == Format::table) {
    std::printf("%-28s %-24s %-6s %-17s %-7s %-4s %s\n", "file", "recipient", "bounce", "reason", "status", "code",
                "diagnostic");
  }
  std::size_t done = 0;
  Progress progress(inputs.size());
  const Tally tally = process_all(format, inputs, jobs, [&](const Outcome& outcome, std::size_t recipients) {
    if (!outcome.error.empty() || !outcome.output.empty()) progress.erase();
    if (!outcome.error.empty()) {
      unreadable = true;
      const std::string& path = inputs[done].path;
      std::fprintf(stderr, "smtpcodes bounces: %s: %s\n", path == "-" ? "standard input" : path.c_str(),
                   outcome.error.c_str());
    }
    std::fwrite(outcome.output.data(), 1, outcome.output.size(), stdout);
    progress.update(++done, recipients);
  });
  progress.erase();
  if (format != Format::json) {
    std::printf("\n%zu recipients in %zu messages and log files (%zu inputs)\n", tally.recipients, tally.messages,
                inputs.size());
    print_table("bounce", tally.by_bounce, tally.recipients);
    print_table("reason", tally.by_reason, tally.recipients);
    print_table("recipient domain", tally.by_domain, tally.recipients);
  }
  if (unreadable) return exit_usage_or_io;
  return tally.recipients == 0 ? exit_nothing_found : exit_success;
}

}  // namespace smtpcodes_cli
