// Critical-path scheduling of a project plan (项目计划), in working days: the
// engine behind the Gantt's auto-scheduling, critical path and total float
// (UX.md, Gantt 3–5). Plain C++ on day numbers, so it is fast enough to run
// after every edit of a 10,000-task plan; WorkdayScale turns days into dates
// of the working calendar (holidays, 调休).
//
// Days: a task of d working days that starts on day s works days s … s+d-1
// and finishes at s+d (the day after its last, as an exclusive end); a
// milestone (d = 0) starts and finishes at s.
#pragma once

#include <vector>

namespace liuhe::cpm {

// Which end of the predecessor (first letter) binds which end of the successor.
enum class LinkType { FinishToStart, StartToStart, FinishToFinish, StartToFinish };

// MS Project's constraints. The dated ones use Task::constraintDay: a start
// day, or for the finish ones an exclusive finish day (as Task finishes).
enum class Constraint {
    AsSoonAsPossible,
    AsLateAsPossible, // as late as its successors allow without moving them
    StartNoEarlierThan,
    StartNoLaterThan,
    FinishNoEarlierThan,
    FinishNoLaterThan,
    MustStartOn,
    MustFinishOn,
};

struct Task {
    int parent = -1;     // the summary task it belongs to, or -1
    int duration = 0;    // working days; a summary (a task with children) takes its children's span
    bool manual = false; // stays at manualStart whatever its links say (a violated link is reported)
    int manualStart = 0;
    Constraint constraint = Constraint::AsSoonAsPossible; // leaf tasks only
    int constraintDay = 0;
};

// lag in working days; negative is a lead. A link into a summary binds each of
// its tasks; a link out of one starts from its first start or its last finish.
struct Link {
    int from = 0;
    int to = 0;
    LinkType type = LinkType::FinishToStart;
    int lag = 0;
};

struct TaskDates {
    int start = 0;
    int finish = 0;
    int lateStart = 0; // the latest it may start without delaying the project's finish
    int lateFinish = 0;
    int totalFloat = 0; // lateStart - start; negative when a constraint cannot be met in time
    bool critical = false;
};

// What the schedule could not honour. It is reported, never resolved silently.
struct Conflict {
    enum class Kind {
        LinkViolated,     // a manual or pinned task (must start/finish on) sits against a link
        ConstraintMissed, // a start/finish-no-later-than date the links push it past
    };
    Kind kind;
    int task;
    int link = -1; // for LinkViolated: index into the links
    bool operator==(const Conflict &) const = default;
};

struct Schedule {
    std::vector<TaskDates> tasks; // by task index; empty when cycle is not
    int finish = 0;               // the project's (exclusive) finish day
    std::vector<Conflict> conflicts;
    // Tasks around one dependency cycle, in link order (a summary linked to a
    // task inside it closes one too). Nothing is scheduled while there is one.
    std::vector<int> cycle;
    std::vector<int> invalidLinks; // links naming a task that does not exist: left out
};

Schedule schedule(const std::vector<Task> &tasks, const std::vector<Link> &links, int projectStart = 0);

} // namespace liuhe::cpm
