// Where the files credence ships beside its binary are found: the models of
// data/ (the content model, the learned detectors'), wherever credence was
// built or installed.
#pragma once

#include <string>

namespace credence::internal {

// Returns the first of these folders that holds `file_name`: the running
// executable's folder, ../share/credence from it, and data/ of the source
// tree it was built from. Returns "" when none does.
std::string FindShippedFolder(const std::string& file_name);

}  // namespace credence::internal
