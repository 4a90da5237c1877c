// The files of credence's web page (web/ in the source tree: index.html,
// app.css, app.js, openapi.yaml), compiled into the server by
// cmake/embed_data.cmake so that `credence serve` needs nothing beside it.
#pragma once

#include <optional>
#include <string_view>

namespace credence::internal {

// The bytes of web/NAME ("index.html", "app.js"), or nullopt when no such
// file was embedded. The view points into static storage.
std::optional<std::string_view> WebFile(std::string_view name);

}  // namespace credence::internal
