// `credence serve` (serve_command.h): options, the Analyzer, signals.
#include "cli/serve_command.h"

#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/byte_size.h"
#include "cli/exit_codes.h"
#include "credence/analyzer.h"
#include "server/http_api.h"

namespace credence::internal {

CLI::App* AddServeCommand(CLI::App& app, ServeArgs* args) {
  CLI::App* cmd = app.add_subcommand("serve", "Serve the web page and the HTTP API (/v1/analyze, /v1/batch, /v1/health, /metrics)");
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port to listen on (0: any free port, printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Analyses run at once, in arrival order (default: one per core)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--connections", args->connections,
                  "Connections served at once, one worker thread each")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->add_option("--queue", args->queue,
                  "Connections that may wait for a free worker; beyond them analysis requests get 503")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--batch-threads", args->batch_threads,
                  "Threads reading and writing one POST /v1/batch request (default: one per core)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--max-body", args->max_body_bytes,
                  "Largest request body; larger ones get 413. K, M, G suffixes. Default 16M")
      ->transform(CLI::Validator(ByteSizeToDigits, "SIZE", "SIZE"));
  cmd->add_option("--timeout", args->timeout_seconds, "Seconds to read a request or write an answer")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--web-dir", args->web_dir,
                  "Serve the web page's files from this folder instead of the built-in ones (to work on web/)")
      ->check(CLI::ExistingDirectory);
  AddModelOptions(cmd, &args->models);
  return cmd;
}

int RunServeCommand(const ServeArgs& args) {
  // SIGINT and SIGTERM are waited for on a thread of their own, which
  // stops the server: nothing runs inside a signal handler.
  // A shell starts background jobs with SIGINT ignored, and an ignored
  // signal never reaches sigwait: restore the default first.
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // before any thread starts (the Analyzer's too): they inherit it
  AnalyzerOptions options;
  ApplyModelOptions(args.models, &options);
  Result<Analyzer> analyzer = Analyzer::Create(options);
  if (!analyzer) return Fail(analyzer.error());
  HttpApi api(*analyzer, {.host = args.host,
                          .port = args.port,
                          .threads = args.threads,
                          .connections = args.connections,
                          .queue = args.queue,
                          .batch_threads = args.batch_threads,
                          .max_body_bytes = args.max_body_bytes,
                          .timeout_seconds = args.timeout_seconds,
                          .web_dir = args.web_dir});
  if (Status s = api.Bind(); !s.ok()) return Fail(s);

  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    api.Stop();
  });
  std::cerr << "credence: serving on http://" << args.host << ":" << api.port() << "/ (Ctrl-C stops)\n";
  api.Run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when Run ended by itself
  waiter.join();
  return kExitOk;
}

}  // namespace credence::internal
