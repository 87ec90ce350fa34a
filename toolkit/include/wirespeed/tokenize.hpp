#pragma once
/**
 * @file tokenize.hpp
 * @brief UTF-8 tokenizer for news text: byte-offset tokens, sentence and
 *        paragraph boundaries, SIMD-accelerated with runtime dispatch.
 *
 * Rules (the scalar reference in toolkit/src/tokenize/reference.cpp is the
 * specification; every SIMD level produces exactly its output):
 * - words are runs of letters and digits of any script; `-` joins two of them
 *   when at least one side is a letter (`cease-fire`, `F-16`, not `2-3`); `'`
 *   and U+2019 join two letters (`can't`, `Hamas\u2019s`);
 * - a run without letters is a number; `,` and `.` between ASCII digits stay
 *   inside it (`30,800`, `2.3`, `07.03.2024`); `%` is a separate symbol;
 * - abbreviations (`Mr.`, `Feb.`, `Oct.`...), single capital initials (`J.`)
 *   and dotted initialisms (`U.S.`, `a.m.`) keep their period and never end a
 *   sentence;
 * - `http://`, `https://`, `ftp://` and `www.` URLs, e-mail addresses,
 *   `@handles` and `#hashtags` are one token each;
 * - every other character is its own punctuation or symbol token (ASCII and
 *   Unicode punctuation such as U+201C U+201D U+2018 U+2019 U+2014 U+2013
 *   U+2026 U+00AB U+00BB);
 * - ASCII whitespace, control characters and Unicode spaces (NBSP, U+2000..
 *   U+200B, U+3000, BOM...) separate tokens and are not tokens; line breaks
 *   before a token are recorded in its flags, two or more make a paragraph;
 * - each maximal invalid UTF-8 subsequence is one symbol token flagged
 *   invalid_utf8; valid code points around it are never split.
 *
 * Offsets are 32-bit: a document (or a stream) is at most 4 GiB - 1 bytes.
 *
 * @code
 *   wirespeed::token_buffer out;           // reuse across documents
 *   if (wirespeed::tokenize(text, out) == wirespeed::tokenize_status::ok)
 *     for (const auto& t : out.tokens()) use(text.substr(t.begin, t.end - t.begin));
 * @endcode
 */
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "wirespeed/cpu.hpp"

namespace wirespeed {

/// @brief What a token is.
enum class token_kind : std::uint8_t {
  word,        ///< letters (any script), digits, inner hyphens and apostrophes
  number,      ///< digits with inner `,` and `.` between digits
  punctuation, ///< one punctuation character (ASCII or Unicode)
  symbol,      ///< one symbol character (`%`, `$`, U+00A3, emoji...) or invalid UTF-8
  url,         ///< http://, https://, ftp:// or www. address
  email,       ///< local@domain.tld
  mention,     ///< `@handle`
  hashtag,     ///< `#tag`
};

/// @brief Short lowercase name of a kind ("word", "number", "punct", "symbol",
///        "url", "email", "mention", "hashtag"), as the CLI prints it.
[[nodiscard]] std::string_view to_string(token_kind kind) noexcept;

/// @brief Bits of token::flags.
enum token_flag : std::uint8_t {
  line_break_before = 1,      ///< at least one line break between this token and the previous one
  paragraph_break_before = 2, ///< at least two line breaks (a blank line) before this token
  invalid_utf8 = 4,           ///< the token is an invalid UTF-8 sequence (kind symbol)
};

/// @brief One token: bytes [begin, end) of the input, its kind and flags.
struct token {
  std::uint32_t begin;
  std::uint32_t end;
  token_kind kind;
  std::uint8_t flags; ///< token_flag bits
  friend bool operator==(const token &, const token &) = default;
};

namespace tokenize_detail {
struct buffer_access;
struct token_storage;
} // namespace tokenize_detail

/**
 * @brief Reusable output of the tokenizer: tokens plus boundaries, all as
 *        token indices. Reuse one per thread: its storage only grows, so a
 *        steady stream of documents allocates nothing.
 */
class token_buffer {
public:
  token_buffer() noexcept;
  ~token_buffer();
  token_buffer(token_buffer &&) noexcept;
  token_buffer &operator=(token_buffer &&) noexcept;
  token_buffer(const token_buffer &) = delete;
  token_buffer &operator=(const token_buffer &) = delete;

  /// @brief The tokens, in input order.
  [[nodiscard]] std::span<const token> tokens() const noexcept;
  /// @brief Index of the first token of each sentence (0 first when non-empty).
  [[nodiscard]] std::span<const std::uint32_t> sentence_starts() const noexcept;
  /// @brief Index of the first token of each paragraph (0 first when non-empty).
  [[nodiscard]] std::span<const std::uint32_t> paragraph_starts() const noexcept;
  /// @brief Byte offset of each invalid UTF-8 sequence (each is also a token).
  [[nodiscard]] std::span<const std::uint32_t> invalid_utf8_offsets() const noexcept;
  /// @brief Empties the buffer, keeping its storage.
  void clear() noexcept;

private:
  friend struct tokenize_detail::buffer_access;
  std::unique_ptr<tokenize_detail::token_storage> storage_;
};

/// @brief Outcome of tokenisation.
enum class tokenize_status : std::uint8_t {
  ok,              ///< the buffer holds the tokens
  input_too_large, ///< input (or stream) reached 4 GiB; the buffer is left empty/unchanged
  out_of_memory,   ///< the token buffer could not grow
};

/// @brief Human-readable description of a status.
[[nodiscard]] std::string_view to_string(tokenize_status status) noexcept;

/**
 * @brief Tokenises a whole document with the active SIMD level
 *        (cpu::active_isa()). Clears `out` first.
 * @return ok, or why `out` is empty.
 */
[[nodiscard]] tokenize_status tokenize(std::string_view text, token_buffer &out) noexcept;

/**
 * @brief Streaming tokenizer: feeding a document in chunks of any size yields
 *        exactly the tokens and boundaries of tokenize() on the whole.
 *
 * Each feed() appends the tokens that are complete so far (offsets count from
 * the start of the stream; boundary indices count tokens since the stream
 * began, so they index `out` as long as it is not cleared in between);
 * finish() appends the rest and readies the object for the next stream. Bytes
 * after the last ASCII whitespace wait inside the tokenizer, since the next
 * chunk may continue that token.
 *
 * @code
 *   wirespeed::tokenizer t;
 *   wirespeed::token_buffer out;
 *   while (read(chunk)) if (t.feed(chunk, out) != tokenize_status::ok) break;
 *   (void)t.finish(out);
 * @endcode
 */
class tokenizer {
public:
  /// @brief Uses the SIMD level active when constructed.
  tokenizer() noexcept;
  /// @brief Uses `level` if available on this machine, otherwise the active one.
  explicit tokenizer(cpu::isa level) noexcept;
  ~tokenizer();
  tokenizer(tokenizer &&) noexcept;
  tokenizer &operator=(tokenizer &&) noexcept;
  tokenizer(const tokenizer &) = delete;
  tokenizer &operator=(const tokenizer &) = delete;

  /// @brief Appends the tokens that `chunk` completes to `out`.
  [[nodiscard]] tokenize_status feed(std::string_view chunk, token_buffer &out) noexcept;
  /// @brief Appends the remaining tokens and starts a new stream.
  [[nodiscard]] tokenize_status finish(token_buffer &out) noexcept;
  /// @brief Drops any pending input and starts a new stream.
  void reset() noexcept;
  /// @brief The SIMD level this tokenizer runs.
  [[nodiscard]] cpu::isa level() const noexcept;

private:
  struct state;
  std::unique_ptr<state> state_;
};

} // namespace wirespeed
