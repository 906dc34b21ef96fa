// What the load generator measures of processes and time: seconds since a steady-clock instant,
// a process's CPU time and resident set (from /proc), this process's CPU time.
#pragma once

#include <chrono>
#include <utility>

namespace accord::loadgen {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t);
// CPU seconds (user + system) and resident set (kB) of a process; {-1, -1} if unreadable.
std::pair<double, long> process_usage(int pid);
double own_cpu_seconds();

}  // namespace accord::loadgen
