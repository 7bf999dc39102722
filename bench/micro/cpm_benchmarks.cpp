// Critical-path scheduling of a whole plan, as after every Gantt edit: phases
// (summary tasks) of 19 tasks each, links inside a phase, between phases and
// across the plan, some lags, leads and constraints (range(0) tasks in all).
#include "domain/cpm_schedule.h"

#include <benchmark/benchmark.h>
#include <random>

using namespace liuhe;

namespace {

struct Plan {
    std::vector<cpm::Task> tasks;
    std::vector<cpm::Link> links;
};

Plan makePlan(int taskCount)
{
    constexpr int kPerPhase = 20; // the summary and its 19 tasks
    std::mt19937 rng(20261125);
    Plan plan;
    std::vector<int> leaves;
    for (int i = 0; i < taskCount; ++i) {
        cpm::Task t;
        if (i % kPerPhase == 0) { // a phase, after the one before it
            if (i > 0) plan.links.push_back({i - kPerPhase, i, cpm::LinkType::FinishToStart, 0});
            plan.tasks.push_back(t);
            continue;
        }
        t.parent = i - i % kPerPhase;
        t.duration = int(rng() % 10);
        if (rng() % 20 == 0) {
            t.constraint = cpm::Constraint::StartNoEarlierThan;
            t.constraintDay = int(rng() % 400);
        } else if (rng() % 30 == 0) {
            t.constraint = cpm::Constraint::AsLateAsPossible;
        }
        plan.tasks.push_back(t);
        // One or two links from earlier tasks of the phase, mostly finish-to-start.
        const int first = t.parent + 1;
        for (int k = 0; k < 1 + int(rng() % 2) && i > first; ++k) {
            const int from = first + int(rng() % unsigned(i - first));
            const auto type = rng() % 5 == 0 ? cpm::LinkType::StartToStart : rng() % 7 == 0 ? cpm::LinkType::FinishToFinish : cpm::LinkType::FinishToStart;
            plan.links.push_back({from, i, type, int(rng() % 5) - 1});
        }
        // Now and then a task waits for one of an earlier phase.
        if (!leaves.empty() && rng() % 4 == 0) plan.links.push_back({leaves[rng() % leaves.size()], i, cpm::LinkType::FinishToStart, 2});
        leaves.push_back(i);
    }
    return plan;
}

void BM_CpmSchedule(benchmark::State &state)
{
    const Plan plan = makePlan(int(state.range(0)));
    for (auto _ : state) {
        const cpm::Schedule s = cpm::schedule(plan.tasks, plan.links);
        if (!s.cycle.empty()) state.SkipWithError("the plan has a cycle");
        benchmark::DoNotOptimize(s.finish);
    }
    state.counters["links"] = double(plan.links.size());
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

} // namespace

BENCHMARK(BM_CpmSchedule)->Arg(5000)->Arg(10000)->Unit(benchmark::kMicrosecond);
