// Access to the word lists and tables of data/, compiled into the library
// by cmake/embed_data.cmake so that the binary needs no data directory.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

namespace credence::internal {

// Returns the bytes of data/NAME (NAME is a bare file name such as
// "hedges.txt"), or nullopt when no such file was embedded. The view points
// into static storage and lives for the whole program.
std::optional<std::string_view> EmbeddedFile(std::string_view name);

// Calls `fn` with each line of `contents` that is neither empty nor a '#'
// comment, without its line break (a trailing '\r' is dropped too).
void ForEachDataLine(std::string_view contents, const std::function<void(std::string_view line)>& fn);

}  // namespace credence::internal
