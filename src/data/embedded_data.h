// Access to the word lists and tables of data/, compiled into the library
// by cmake/embed_data.cmake so that the binary needs no data directory.
#pragma once

#include <optional>
#include <string_view>

namespace credence::internal {

// Returns the bytes of data/NAME (NAME is a bare file name such as
// "hedges.txt"), or nullopt when no such file was embedded. The view points
// into static storage and lives for the whole program.
std::optional<std::string_view> EmbeddedFile(std::string_view name);

}  // namespace credence::internal
