// `credence serve`: the HTTP API (src/server/http_api.h) on a host and port
// until interrupted (SIGINT, SIGTERM).
#pragma once

#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/model_options.h"

namespace credence::internal {

// The options of `credence serve`, filled in by CLI11.
struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::size_t threads = 0;                           // analyses at once; 0: one per core
  std::size_t connections = 64;                      // connections served at once
  std::size_t queue = 128;                           // connections waiting for a worker; beyond: 503
  std::size_t batch_threads = 0;                     // threads of one POST /v1/batch; 0: one per core
  std::size_t max_body_bytes = std::size_t{16} << 20;
  int timeout_seconds = 30;
  std::string web_dir;                               // --web-dir: serve the page from this folder
  ModelArgs models;  // --model, --learned-models
};

// Adds the `serve` subcommand to `app`; `*args` must outlive `app`.
CLI::App* AddServeCommand(CLI::App& app, ServeArgs* args);

// Runs the server; returns the exit code when it stops (0 after a signal,
// 3 when it cannot listen, 7 when the model cannot be loaded).
int RunServeCommand(const ServeArgs& args);

}  // namespace credence::internal
