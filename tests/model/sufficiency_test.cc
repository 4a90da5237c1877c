// Tests for the sufficiency measures: too few words, a list of links, text in
// another language and a page of short lines are insufficient; an ordinary
// short news text is not.
#include "model/sufficiency.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/analyzer_support.h"

namespace credence::internal {
namespace {

using testing::Analyze;
using testing::Analyzed;

std::string Why(const std::string& text) {
  const Analyzed a = Analyze(text);
  return InsufficientReason(MeasureArticleText(a.doc.text(), a.report));
}

// Sixty-odd words of made-up news prose.
const char kProse[] =
    "The city council voted on Tuesday to expand the bus network, after a year of public meetings in which residents "
    "asked for more frequent service. The plan adds four routes and extends evening hours on the busiest lines. "
    "Officials said the cost would be covered by a state grant and by savings from an older contract, and that the "
    "first changes would begin in the spring.";

TEST(Sufficiency, ANewsParagraphIsEnough) {
  EXPECT_EQ(Why(kProse), "");
  const Analyzed a = Analyze(kProse);
  const ArticleTextMeasures m = MeasureArticleText(a.doc.text(), a.report);
  EXPECT_GE(m.running_words, kMinRunningWords);
  EXPECT_GT(m.english_share, 0.3);
  EXPECT_EQ(m.link_words, 0u);
}

TEST(Sufficiency, AFewWordsAreNot) {
  EXPECT_EQ(Why("Hello."), "only 1 word of article text; a verdict needs at least 50");
  EXPECT_NE(Why("SHOCKING!!! They don't want you to know this. Share before it's deleted!!!").find("words of article text"),
            std::string::npos);
}

TEST(Sufficiency, AListOfLinksIsNot) {
  std::string links;
  for (int i = 0; i < 30; ++i) links += "https://example.org/news/2024/story-number-" + std::to_string(i) + "\n";
  EXPECT_NE(Why(links).find("mostly links"), std::string::npos) << Why(links);
}

TEST(Sufficiency, AnotherLanguageIsNot) {
  const std::string spanish =
      "El ayuntamiento aprobó el martes ampliar la red de autobuses, tras un año de reuniones públicas en las que los "
      "vecinos pidieron un servicio más frecuente. El plan añade cuatro rutas y amplía el horario nocturno en las "
      "líneas más concurridas. Los responsables dijeron que el coste se cubriría con una subvención estatal.";
  EXPECT_NE(Why(spanish).find("does not read as English"), std::string::npos) << Why(spanish);
}

TEST(Sufficiency, AMenuOfShortLinesIsNot) {
  std::string menu;
  for (const char* item : {"Home", "World News", "Politics", "Business and Markets", "Sport", "Culture", "Opinion",
                           "Science and Health", "Video", "Podcasts", "Newsletters", "Contact Us", "About Us",
                           "Terms of Service", "Privacy Policy", "Advertise With Us", "Careers", "Sitemap"})
    menu += std::string(item) + "\n";
  for (const char* item : {"Local News and Weather", "Traffic and Travel", "Arts and Entertainment", "Food and Drink",
                           "Real Estate Listings", "Jobs and Careers", "Obituaries and Notices", "Letters to the Editor"})
    menu += std::string(item) + "\n";
  menu += "Read our latest coverage of the elections here.\n";
  EXPECT_NE(Why(menu).find("running text"), std::string::npos) << Why(menu);
}

}  // namespace
}  // namespace credence::internal
