// The credence command: parses the command line with CLI11 and runs one
// command (analyze, batch, extract, train, eval, serve, factchecks). This is the edge where Status becomes an exit code and
// where CLI11's exceptions, which it throws for usage errors, are caught.
#include <csignal>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/analyze_command.h"
#include "cli/batch_command.h"
#include "cli/exit_codes.h"
#include "cli/extract_command.h"
#include "cli/factchecks_command.h"
#include "cli/model_commands.h"
#include "cli/serve_command.h"
#include "cli/version_text.h"

namespace {

std::string FailureMessage(const CLI::App*, const CLI::Error& e) {
  return "credence: error: " + std::string(e.what()) + "\nRun with --help for more information.\n";
}

int Run(int argc, char** argv) {
  using namespace credence::internal;
  CLI::App app("credence: explainable credibility cues for a news article", "credence");
  app.set_version_flag("--version", VersionText, "Print the version, the report schema, the build and the model files found, then exit");
  app.require_subcommand(1);
  app.failure_message(FailureMessage);
  AnalyzeArgs analyze_args;
  CLI::App* analyze = AddAnalyzeCommand(app, &analyze_args);
  BatchArgs batch_args;
  CLI::App* batch = AddBatchCommand(app, &batch_args);
  ExtractArgs extract_args;
  CLI::App* extract = AddExtractCommand(app, &extract_args);
  TrainArgs train_args;
  CLI::App* train = AddTrainCommand(app, &train_args);
  EvalArgs eval_args;
  CLI::App* eval = AddEvalCommand(app, &eval_args);
  FactChecksArgs factchecks_args;
  CLI::App* factchecks = AddFactChecksCommand(app, &factchecks_args);
  ServeArgs serve_args;
  CLI::App* serve = AddServeCommand(app, &serve_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive as "errors" whose exit code is 0.
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (analyze->parsed()) return RunAnalyzeCommand(analyze_args);
  if (extract->parsed()) return RunExtractCommand(extract_args);
  if (batch->parsed()) return RunBatchCommand(batch_args);
  if (train->parsed()) return RunTrainCommand(train_args);
  if (eval->parsed()) return RunEvalCommand(eval_args);
  if (serve->parsed()) return RunServeCommand(serve_args);
  if (factchecks->parsed()) return RunFactChecksCommand(factchecks, factchecks_args);
  std::cerr << "credence: error: no command given\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe on standard output must end the program with an exit code,
  // not a signal: the write then fails with EPIPE and analyze returns 1.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return Run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "credence: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "credence: error: internal error: " << e.what() << "\n";
  }
  return credence::internal::kExitInternal;
}
