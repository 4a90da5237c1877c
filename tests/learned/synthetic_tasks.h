// Made-up task files in the layout tools/build_task_data.py writes, small
// enough to train on in a test: propaganda articles in which each technique
// has its own word, claims with and without numbers, headlines with and
// without teasers.
#pragma once

#include <fstream>
#include <string>

#include "credence/detections.h"

namespace credence::testing {

// Writes propaganda.jsonl, claims.jsonl and clickbait.jsonl into `dir`.
inline void WriteSyntheticTasks(const std::string& dir) {
  {
    std::ofstream out(dir + "/propaganda.jsonl");
    for (int article = 0; article < 15; ++article) {
      std::string text = "Synthetic report number " + std::to_string(article) + "\n\n";
      std::string spans;
      for (int t = 0; t < kTechniqueCount; ++t) {
        const std::string word = "marker" + std::string(1, static_cast<char>('a' + t)) + "word";
        text += "The council met on Tuesday to discuss the budget for the year. ";
        const std::size_t start = text.size() + 15;  // after "Officials said "
        text += "Officials said " + word + " about the plan.\n";
        spans += std::string(spans.empty() ? "" : ",") + "[" + std::to_string(start) + "," +
                 std::to_string(start + word.size()) + ",\"" +
                 std::string(TechniqueCorpusLabel(static_cast<Technique>(t))) + "\"]";
      }
      std::string escaped;
      for (char c : text) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
      out << "{\"id\":\"a" << article << "\",\"fold\":" << article % 5 << ",\"text\":\"" << escaped
          << "\",\"spans\":[" << spans << "]}\n";
    }
  }
  auto part = [](int i) { return i % 10 < 6 ? "train" : i % 10 < 8 ? "valid" : "test"; };
  {
    std::ofstream out(dir + "/claims.jsonl");
    for (int i = 0; i < 100; ++i) {
      const bool positive = i % 2 == 0;
      const std::string text = positive ? "The budget grew by " + std::to_string(i) + " percent in 2019."
                                        : "Thank you all for coming tonight, friend " + std::to_string(i) + ".";
      out << "{\"id\":\"s" << i << "\",\"text\":\"" << text << "\",\"label\":" << positive << ",\"part\":\""
          << part(i / 2) << "\"}\n";
    }
  }
  {
    std::ofstream out(dir + "/clickbait.jsonl");
    for (int i = 0; i < 100; ++i) {
      const bool positive = i % 2 == 0;
      const std::string text = positive ? std::to_string(i) + " Things You Will Not Believe About Cats"
                                        : "Council approves budget for district " + std::to_string(i);
      out << "{\"id\":\"h" << i << "\",\"text\":\"" << text << "\",\"label\":" << positive
          << ",\"style\":\"title\",\"cluster\":0,\"random\":\"" << part(i / 2) << "\",\"publisher\":\""
          << part(i / 2 + 3) << "\"}\n";
    }
  }
}

}  // namespace credence::testing
