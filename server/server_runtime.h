// Runs the server: opens and migrates the store, first-start bootstrap, starts
// the store threads, the listener and the signal handling; returns the exit code.
#pragma once

#include "server_config.h"

namespace liuhe {

int runServer(const ServerConfig &config);

} // namespace liuhe
