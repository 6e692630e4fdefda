#ifndef SMTPCODES_TESTS_SUPPORT_GUARDED_INPUT_HPP
#define SMTPCODES_TESTS_SUPPORT_GUARDED_INPUT_HPP

// An input of any size of which only the first `readable` bytes can be read:
// the rest sits on pages mapped without access, so a parser that examines
// byte `readable` or later crashes the test (a sanitizer report under ASan).
// This counts work exactly, without timing: a parser that passes on a 10 MB
// input with readable = 16 examined at most 16 bytes of it.
// Where mmap is missing the input is an ordinary string and only the
// offsets the parser reports are checked.

#include <cstddef>
#include <string>
#include <string_view>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define SMTPCODES_TEST_HAVE_GUARD_PAGES 1
#else
#define SMTPCODES_TEST_HAVE_GUARD_PAGES 0
#endif

namespace smtpcodes_inputs {

class GuardedInput {
 public:
  // head, then fill up to size bytes in all.
  GuardedInput(std::string_view head, char fill, std::size_t size, std::size_t readable) : size_(size) {
#if SMTPCODES_TEST_HAVE_GUARD_PAGES
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t open_bytes = round_up(readable, page);
    const std::size_t guarded_bytes = round_up(size > readable ? size - readable : 0, page);
    mapped_size_ = open_bytes + guarded_bytes;
    void* base = mmap(nullptr, mapped_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return;
    base_ = static_cast<char*>(base);
    data_ = base_ + open_bytes - (readable < size ? readable : size);
    fill_with(head, fill);
    if (guarded_bytes > 0 && mprotect(base_ + open_bytes, guarded_bytes, PROT_NONE) != 0) data_ = nullptr;
#else
    (void)readable;
    storage_.resize(size);
    data_ = storage_.data();
    fill_with(head, fill);
#endif
  }
  GuardedInput(const GuardedInput&) = delete;
  GuardedInput& operator=(const GuardedInput&) = delete;
  ~GuardedInput() {
#if SMTPCODES_TEST_HAVE_GUARD_PAGES
    if (base_ != nullptr) munmap(base_, mapped_size_);
#endif
  }

  [[nodiscard]] bool ok() const { return data_ != nullptr; }
  [[nodiscard]] std::string_view view() const { return {data_, size_}; }

 private:
  static std::size_t round_up(std::size_t n, std::size_t page) { return (n + page - 1) / page * page; }
  void fill_with(std::string_view head, char fill) {
    for (std::size_t i = 0; i < size_; ++i) data_[i] = i < head.size() ? head[i] : fill;
  }

  std::size_t size_;
  char* data_ = nullptr;
#if SMTPCODES_TEST_HAVE_GUARD_PAGES
  char* base_ = nullptr;
  std::size_t mapped_size_ = 0;
#else
  std::string storage_;
#endif
};

}  // namespace smtpcodes_inputs

#endif  // SMTPCODES_TESTS_SUPPORT_GUARDED_INPUT_HPP
