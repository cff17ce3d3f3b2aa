// Content sniffing for readTable: recognises files that are not text tables (compressed data,
// archives, spreadsheets, images, executables...) from their first bytes, so that a gzip file
// renamed .csv is refused with a clear message instead of being read as garbage; and tells JSON
// and ARFF text apart from CSV when the extension does not say.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace preplab::io {

// How many leading bytes the sniffers look at.
inline constexpr std::size_t kSniffBytes = 64 * 1024;

// A description such as "gzip-compressed data; decompress it first (gunzip)" when `head` (the
// first bytes of a file) is a known binary kind, or a binary file with many NUL bytes.
// UTF-16 text (with or without BOM) is not binary.
std::optional<std::string> binaryKind(std::string_view head);

// "SQLite format 3\0".
bool isSqliteHeader(std::string_view head);

enum class TextFormat { Csv, Json, Arff };
// JSON when the first non-space byte (after a UTF-8 BOM) opens an array of objects or an object;
// ARFF when the first non-comment line is an @relation line; CSV otherwise.
TextFormat sniffTextFormat(std::string_view head);

} // namespace preplab::io
