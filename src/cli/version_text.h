// What `credence --version` prints: the release, the report schema, how the
// binary was built, and which model and data files it would use.
#pragma once

#include <string>

namespace credence::internal {

// Several lines, the first "credence VERSION"; a file not found reads "not found".
std::string VersionText();

}  // namespace credence::internal
