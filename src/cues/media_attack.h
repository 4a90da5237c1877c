// Finds attacks on "the mainstream media": a media phrase with an attack
// word near it in the same sentence ("expose the lies of the mainstream
// media"), or a phrase that attacks on its own ("presstitutes").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credence/span.h"
#include "credence/structure.h"

namespace credence::internal {

// Appends to *evidence one span per attack among `tokens`, from the attack
// word to the media phrase (or the reverse), using data/media_attack.txt.
// `normalized` is NormalizeTokens(text, tokens), made once by the caller.
void FindMediaAttacks(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<std::string>& normalized, std::vector<Span>* evidence);

}  // namespace credence::internal
